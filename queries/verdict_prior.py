"""How likely each verdict is for a question, learned from the labelled development questions.

The resolver picks an item by its words and meaning, then reads the verdict off that item for the
role asked. On questions it had never seen (each new public set, scored once before anything was
changed for it) that pipeline was right about two times in three, while a plain text classifier
trained on the earlier sets' labels named an accepted verdict four times in five: the way a
question is told ("被村干部…找谁", "我家…能不能…") says much about whose matter it is even where no
catalog word says which item. Neither alone is an answer: a verdict without an item has no basis.
So the classifier only judges: when it finds the resolver's verdict unlikely, the resolver looks
among the items close behind (and 未列入) for one whose answer it finds likely (Resolver.second_opinion).

The model (queries/text_classifier.py) is trained on the development splits of bench/eval only (bench.scoring.training_splits)
(`make priors`), never on a split that is only scored. A test fails when the development labels have
changed since. QINGDAN_VERDICT_PRIOR=0 turns it off (the resolver's first pick stands).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from . import text_classifier as tc
from .text_classifier import Model, shipped as load_model

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).with_name("vectors") / "verdict-prior.marshal"
# which government answers (town or county department) depends on the place: on its delegation decisions and
# the regulations binding it, which the question's wording does not show. The prior judges whose kind of matter
# it is, so the two are one kind here and their probabilities add up.
GOVERNMENT = ("town", "county_department")
SWITCH = "QINGDAN_VERDICT_PRIOR"  # "0" turns the prior off


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    return load_model(SHIPPED, "结论先验权重", log)


def kind(verdict: str) -> str:
    """The kind of matter a verdict tells: GOVERNMENT's levels are one kind."""
    return "government" if verdict in GOVERNMENT else verdict


def probabilities(text: str) -> dict[str, float] | None:
    """P(kind of verdict | question) for each kind the labels use, or None when the prior is off or missing."""
    read = tc.read(SWITCH, shipped, text)
    if read is None:
        return None
    out: dict[str, float] = {}
    for verdict, p in read.items():
        out[kind(verdict)] = out.get(kind(verdict), 0.0) + p
    return out
