"""A question's class read from its characters alone: the shared reader of the shipped priors
(queries/verdict_prior.py: whose kind of matter; queries/intent_prior.py: what it asks).

Each is multinomial logistic regression over character 1–3-grams, TF-IDF weighted, of the whole
question and, again, of its last TAIL characters (where a story asks its question), trained by
scikit-learn (tools/catalog/write_priors.py) on the development splits of bench/eval only. Answering
needs numpy alone, so the weights are applied here rather than by scikit-learn.
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from . import framed

TAIL = 40
# the priors judge stories: the labelled questions they learnt from are long (nine in ten of the newer sets over 50
# characters), and a short question ("低保公示几天", "国足今晚谁进的球") is read by its words alone
JUDGES_FROM = 40
NGRAMS = (1, 3)
_SPACES = re.compile(r"\s\s+")


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
    """What the weights were trained on ((question, label) rows): a test compares it with the
    development labels as they stand."""
    h = hashlib.sha256()
    for text, label in sorted(rows):
        h.update(f"{label}\t{text}\n".encode())
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


def write(path: Path, model: Model, examples: int) -> Path:
    framed.dump(path, pack(model, examples))
    return path


def shipped(path: Path, what: str, log: logging.Logger) -> Model | None:
    """The weights at path, or None (with a warning naming what they are) when missing, damaged or
    written for another reading of the text."""
    table = framed.load_shipped(path, what, log)
    if table is None:
        return None
    if not isinstance(table, dict) or table.get("tail") != TAIL or tuple(table.get("ngrams") or ()) != NGRAMS:
        log.warning("%s %s 与本模块的读法不符，不使用", what, path)
        return None
    return unpack(table)


def read(switch: str, model: Callable[[], Model | None], text: str) -> dict[str, float] | None:
    """P(class | text), or None when the environment variable switch is "0" or the weights are missing."""
    if os.environ.get(switch, "1") == "0":
        return None
    m = model()
    return None if m is None else m.probabilities(text)
