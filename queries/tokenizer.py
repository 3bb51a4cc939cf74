"""jieba with its dictionary read piece by piece, as the texts being cut need it.

jieba's own start-up turns its 350k-word dictionary into a 500k-entry Python dict (~0.7–1 s even
from its marshal cache): most of a resolver's build, for words almost no question contains. Every
lookup jieba makes while cutting a text is a substring of that text: a single character, or a
string that begins with two adjacent characters of the text (the DAG, the route, the HMM buffer,
the search-mode 2- and 3-grams). So the dictionary is kept on disk split by first two characters;
a tokenizer starts with the single characters only and, before cutting a text, adds the pieces for
that text's adjacent pairs. Every key jieba can look up is then either present exactly as in the
full dictionary or absent from it as well: the cuts are the same as jieba's own, word for word
(tests/queries/test_tokenizer.py compares them).
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import threading
from pathlib import Path

import jieba

from qingdan import paths

from . import framed

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file's layout changes


class Pieces:
    """The dictionary, split: total, the single characters, and marshalled pieces keyed by the first
    two characters of their words."""

    def __init__(self, total: int, singles: dict[str, int], pieces: dict[str, bytes]) -> None:
        self.total = total
        self.singles = singles
        self.pieces = pieces


def dictionary_key() -> str:
    """Which dictionary (and which jieba) the pieces were cut from: another one means other pieces."""
    src = Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME
    st = src.stat()
    ident = f"{FORMAT}|{jieba.__version__}|{src}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def pieces_path() -> Path:
    return paths.cache_dir() / "jieba" / f"dict-{dictionary_key()}.marshal"


def _split(freq: dict[str, int], total: int) -> Pieces:
    singles: dict[str, int] = {}
    grouped: dict[str, dict[str, int]] = {}
    for word, f in freq.items():
        if len(word) == 1:
            singles[word] = f
        elif word:
            grouped.setdefault(word[:2], {})[word] = f
    return Pieces(total, singles, {k: marshal.dumps(v) for k, v in grouped.items()})


def _read(path: Path) -> Pieces | None:
    """The pieces on disk, or None when the file is missing, truncated or damaged (its checksum)."""
    try:
        fmt, total, singles, pieces = framed.load(path)  # type: ignore[misc]
        if fmt != FORMAT or not isinstance(total, int) or not isinstance(singles, dict) or not isinstance(pieces, dict):
            raise ValueError("layout")
        return Pieces(total, singles, pieces)
    except FileNotFoundError:
        return None
    except framed.DAMAGED as e:
        log.warning("分词词典缓存 %s 已损坏（%s），重新生成", path, e)
        return None


def _write(path: Path, p: Pieces) -> None:
    framed.dump(path, (FORMAT, p.total, p.singles, p.pieces))


_PIECES: Pieces | None = None
_PIECES_LOCK = threading.Lock()


def pieces() -> Pieces:
    """Read once per process (~0.1 s); made from jieba's own dictionary the first time (~1–2 s)."""
    global _PIECES
    with _PIECES_LOCK:
        if _PIECES is None:
            path = pieces_path()
            got = _read(path)
            if got is None:
                full = jieba.Tokenizer()
                full.check_initialized()
                got = _split(full.FREQ, full.total)
                try:
                    _write(path, got)
                except OSError as e:  # a read-only home still works, only slower to start
                    log.warning("无法写入分词词典缓存 %s：%s", path, e)
            _PIECES = got
        return _PIECES


class LazyTokenizer(jieba.Tokenizer):
    """A jieba tokenizer whose dictionary grows with the texts it cuts (see the module's note)."""

    def __init__(self, source: Pieces | None = None) -> None:
        super().__init__()
        self._pieces = source or pieces()
        self.FREQ = dict(self._pieces.singles)
        self.total = self._pieces.total
        self.initialized = True
        self._have: set[str] = set()
        self._grow = threading.Lock()

    def _ensure(self, text: str) -> None:
        have = self._have
        wanted = {text[i:i + 2] for i in range(len(text) - 1)} - have
        if not wanted:
            return
        with self._grow:
            raw = self._pieces.pieces
            for pair in wanted - self._have:
                blob = raw.get(pair)
                if blob is not None:
                    self.FREQ.update(marshal.loads(blob))
                # marked only once its words are in: a reader that sees the pair sees its words
                self._have.add(pair)

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):  # type: ignore[no-untyped-def]
        sentence = jieba.strdecode(sentence)
        self._ensure(sentence)
        return super().cut(sentence, cut_all, HMM, use_paddle)

    def get_DAG(self, sentence):  # type: ignore[no-untyped-def]
        self._ensure(sentence)
        return super().get_DAG(sentence)

    def add_word(self, word, freq=None, tag=None):  # type: ignore[no-untyped-def]
        # the word's own piece first, so that loading it later cannot overwrite the added word
        self._ensure(word[:2])
        super().add_word(word, freq, tag)

    def initialize(self, dictionary=None):  # type: ignore[no-untyped-def]
        """Never reads jieba's whole dictionary: the pieces stand in for it."""
        self.initialized = True
