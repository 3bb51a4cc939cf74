"""Whether a short question is about village governance at all, judged from its meaning.

Words decide 未列入 poorly for short questions that name the village: "村里的井水能直接喝吗" shares
直接 and 村里 with some item, and in a ten-character question one shared word is a large share.
Neither closeness in meaning (some item is always nearest) nor how common a word is separated
those from short questions that are on topic. A linear judgement over the same encoder's question
vector does: trained on the catalog's own phrasings and everyday situations (on topic) and on
questions helpers wrote in everyday voice (data/catalog/topic_examples.csv, on and off topic;
none taken from an evaluation set or a web page). It only ever turns a short question away
(Resolver.on_topic); it never makes one on topic.

The weights ship beside the item vectors (`make topic-judge` writes them; a test fails when the
examples they were trained on have changed). QINGDAN_SEMANTIC=0 turns this off with the encoder.
"""
from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import framed, semantic

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).with_name("vectors") / f"topic-judge-{semantic.MODEL}.marshal"
# plain logistic regression, full batch: deterministic, no library beyond numpy, ~3,000 rows in < 1 s
STEPS = 3000
RATE = 0.5
L2 = 1e-3


def catalog_texts(records: list[dict[str, object]]) -> list[str]:
    """The on-topic side the catalog itself gives: every item's phrasings and everyday situations,
    the same texts the encoder reads each on its own."""
    return [t for r in records for t in semantic.extra_texts(r)]


def fingerprint(on: list[str], off: list[str]) -> str:
    """What the weights were trained on: a test compares it with the examples the catalog holds now."""
    h = hashlib.sha256()
    for label, texts in (("on", on), ("off", off)):
        for t in sorted(set(texts)):
            h.update(f"{label}\t{t}\n".encode())
    return h.hexdigest()[:24]


def train(on: np.ndarray, off: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias of P(on topic | question vector). Each class weighs half in the loss, so the
    many catalog phrasings do not drown the fewer off-topic examples."""
    x = np.vstack([on, off]).astype(np.float64)
    y = np.r_[np.ones(len(on)), np.zeros(len(off))]
    weight = np.where(y == 1, len(y) / (2 * len(on)), len(y) / (2 * len(off)))
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weight
        w -= RATE * (x.T @ g / len(y) + L2 * w)
        b -= RATE * float(g.mean())
    return w.astype(np.float32), b


def write(on: list[str], off: list[str]) -> Path:
    encoder = semantic.Encoder.shared()
    vectors = {t: encoder.query(t) for t in dict.fromkeys(on + off)}
    w, b = train(np.stack([vectors[t] for t in on]), np.stack([vectors[t] for t in off]))
    framed.dump(SHIPPED, {"model": semantic.MODEL, "trained_on": fingerprint(on, off), "w": w.tobytes(), "b": float(b),
                          "on": len(set(on)), "off": len(set(off))})
    shipped.cache_clear()
    return SHIPPED


@lru_cache(maxsize=1)
def shipped() -> dict[str, object] | None:
    table = framed.load_shipped(SHIPPED, "话题判断权重", log)
    if table is None:
        return None
    if not isinstance(table, dict) or table.get("model") != semantic.MODEL:
        log.warning("话题判断权重 %s 与语义模型 %s 不符，不使用", SHIPPED, semantic.MODEL)
        return None
    return table


def on_topic_probability(text: str) -> float | None:
    """P(the question is about village governance), or None when the judgement is off or missing."""
    table = shipped()
    if table is None or not semantic.enabled():
        return None
    w = np.frombuffer(table["w"], dtype=np.float32)  # type: ignore[arg-type]
    z = float(semantic.Encoder.shared().query(text) @ w) + float(table["b"])  # type: ignore[arg-type]
    return 1 / (1 + np.exp(-z))
