"""Which store answers, and how it gets its graph."""
from __future__ import annotations

from qingdan.errors import BadRequest
from qingdan.loaders.cache import cached_graph
from qingdan.queries.stores.base import GraphStore
from qingdan.queries.stores.memory import MemoryStore


def make_store(kind: str) -> GraphStore:
    if kind == "memory":
        return MemoryStore()
    if kind == "neo4j":
        from qingdan.queries.stores.neo4j_store import Neo4jStore

        return Neo4jStore()
    raise BadRequest(f"未知的存储类型：{kind}（可选 memory / neo4j）")


def open_store(kind: str, national: bool = False, load: bool | None = None) -> GraphStore:
    """A ready store: the embedded one is filled from the (cached) validated graph;
    a Neo4j store is used as it is unless load=True."""
    store = make_store(kind)
    store.ping()  # an unreachable server is one clear error now, not a slow retry later
    if load or (load is None and kind == "memory"):
        store.replace_all(cached_graph(national=national))
    return store
