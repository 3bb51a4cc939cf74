"""How likely each verdict is for a question, learned from the labelled development questions.

The resolver picks an item by its words and meaning, then reads the verdict off that item for the
role asked. On questions it had never seen (each new public set, scored once before anything was
changed for it) that pipeline was right about two times in three, while a plain text classifier
trained on the earlier sets' labels named an accepted verdict four times in five: the way a
question is told ("被村干部…找谁", "我家…能不能…") says much about whose matter it is even where no
catalog word says which item. Neither alone is an answer: a verdict without an item has no basis.
So the classifier only judges: when it finds the resolver's verdict unlikely, the resolver looks
among the items close behind (and 未列入) for one whose answer it finds likely (Resolver.second_opinion).

The model is multinomial logistic regression over character 1–3-grams, TF-IDF weighted, of the
whole question and, again, of its last TAIL characters (where a story asks its question). It is
trained by scikit-learn (`make verdict-prior`, tools/catalog/write_verdict_prior.py) on the
development splits of bench/eval only, never on a split that is only scored; this module applies
the shipped weights with numpy alone. A test fails when the development labels have changed since.
QINGDAN_VERDICT_PRIOR=0 turns it off (the resolver's first pick stands).
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import framed

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).with_name("vectors") / "verdict-prior.marshal"
# which government answers (town or county department) depends on the place: on its delegation decisions and
# the regulations binding it, which the question's wording does not show. The prior judges whose kind of matter
# it is, so the two are one kind here and their probabilities add up.
GOVERNMENT = ("town", "county_department")
# the prior judges stories: the labelled questions it learnt from are long (nine in ten of the newer sets over 50
# characters), and a short question ("低保公示几天", "国足今晚谁进的球") is read by its words alone
JUDGES_FROM = 40
TAIL = 40
NGRAMS = (1, 3)
_SPACES = re.compile(r"\s\s+")


def enabled() -> bool:
    return os.environ.get("QINGDAN_VERDICT_PRIOR", "1") != "0"


def prepared(text: str) -> str:
    """The text the n-grams are read from, the same at training and at answering: lower case,
    runs of white space as one space (what scikit-learn's char analyzer does with them)."""
    return _SPACES.sub(" ", text.lower())


def views(text: str) -> tuple[str, str]:
    """The two texts a question is read as: all of it, and its end."""
    t = prepared(text)
    return t, t[-TAIL:]


def ngrams(text: str) -> list[str]:
    return [text[i:i + n] for n in range(NGRAMS[0], NGRAMS[1] + 1) for i in range(len(text) - n + 1)]


def fingerprint(rows: list[tuple[str, str]]) -> str:
    """What the weights were trained on ((question, verdict) rows): a test compares it with the
    development labels as they stand."""
    h = hashlib.sha256()
    for text, verdict in sorted(rows):
        h.update(f"{verdict}\t{text}\n".encode())
    return h.hexdigest()[:24]


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    vocab: tuple[dict[str, int], dict[str, int]]
    idf: tuple[np.ndarray, np.ndarray]
    coef: np.ndarray  # classes × (features of view 0 + features of view 1)
    intercept: np.ndarray
    trained_on: str

    def probabilities(self, text: str) -> dict[str, float]:
        logits = self.intercept.astype(np.float64).copy()
        offset = 0
        for view, vocab, idf in zip(views(text), self.vocab, self.idf):
            counts = Counter(g for g in ngrams(view) if g in vocab)
            if counts:
                idx = np.fromiter((vocab[g] for g in counts), dtype=np.int64, count=len(counts))
                tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
                w = tf * idf[idx]
                w /= np.linalg.norm(w)
                logits += self.coef[:, offset + idx].astype(np.float64) @ w
            offset += len(vocab)
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.classes, p)}


def pack(model: Model, examples: int) -> dict[str, object]:
    return {"classes": list(model.classes), "vocab": [sorted(v, key=v.__getitem__) for v in model.vocab],
            "idf": [i.astype(np.float32).tobytes() for i in model.idf], "coef": model.coef.astype(np.float32).tobytes(),
            "intercept": model.intercept.astype(np.float32).tobytes(), "trained_on": model.trained_on, "examples": examples,
            "tail": TAIL, "ngrams": list(NGRAMS)}


def unpack(table: dict[str, object]) -> Model:
    classes = tuple(table["classes"])  # type: ignore[arg-type]
    vocab = tuple({g: i for i, g in enumerate(v)} for v in table["vocab"])  # type: ignore[union-attr]
    idf = tuple(np.frombuffer(b, dtype=np.float32) for b in table["idf"])  # type: ignore[union-attr]
    width = sum(len(v) for v in vocab)
    coef = np.frombuffer(table["coef"], dtype=np.float32).reshape(len(classes), width)  # type: ignore[arg-type]
    intercept = np.frombuffer(table["intercept"], dtype=np.float32)  # type: ignore[arg-type]
    return Model(classes, (vocab[0], vocab[1]), (idf[0], idf[1]), coef, intercept, str(table["trained_on"]))


def write(model: Model, examples: int) -> Path:
    framed.dump(SHIPPED, pack(model, examples))
    shipped.cache_clear()
    return SHIPPED


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    table = framed.load_shipped(SHIPPED, "结论先验权重", log)
    if table is None:
        return None
    if not isinstance(table, dict) or table.get("tail") != TAIL or tuple(table.get("ngrams") or ()) != NGRAMS:
        log.warning("结论先验权重 %s 与本模块的读法不符，不使用", SHIPPED)
        return None
    return unpack(table)


def kind(verdict: str) -> str:
    """The kind of matter a verdict tells: GOVERNMENT's levels are one kind."""
    return "government" if verdict in GOVERNMENT else verdict


def probabilities(text: str) -> dict[str, float] | None:
    """P(kind of verdict | question) for each kind the labels use, or None when the prior is off or missing."""
    if not enabled():
        return None
    model = shipped()
    if model is None:
        return None
    out: dict[str, float] = {}
    for verdict, p in model.probabilities(text).items():
        out[kind(verdict)] = out.get(kind(verdict), 0.0) + p
    return out
