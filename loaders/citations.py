"""Citation keys live in qingdan.citations, shared by loaders and queries (queries never import
loaders); this name is kept so existing imports keep working."""
from qingdan.citations import DOC_RE, KEY_RE, CitationKey, DocKey, parse_key, split_multi

__all__ = ["DOC_RE", "KEY_RE", "CitationKey", "DocKey", "parse_key", "split_multi"]
