"""What a story asks, learned from the labelled development questions, where the cue words disagree.

The cue patterns of queries/intent.py read a short question well, but a long story carries cue words
for several intents ("没开会就卖了……我们去镇里反映过……他能这样做吗"), and which of them the story asks is
told by how it is told as a whole. On the development splits, each read by a classifier trained on
the others, the classifier named the labelled intent about seven times in ten against the cues' six
(which were tuned on those very questions); the verdicts stayed as right as before. So where the two
disagree on a story and the classifier is sure enough, its reading stands, with the cue words of that
intent if the story has any. A short question keeps its cue reading.

The model (queries/text_classifier.py) is trained on the development splits only (bench.scoring.training_splits, `make priors`).
QINGDAN_INTENT_PRIOR=0 turns it off.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from . import text_classifier as tc
from .intent import INTENT_ROLE, Intent, cue_scores
from .text_classifier import Model, shipped as load_model

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).with_name("vectors") / "intent-prior.marshal"
# the classifier reads stories (text_classifier.JUDGES_FROM) and overrules the cues only when it gives its
# intent at least this probability (chosen on the development splits, each left out in turn: bench/eval/README.md)
TRUSTED_FROM = 0.5
# the labels' intents the resolver reads under another name: a story of a wrong put right asks where to complain
LABEL_AS = {"corrects": "complaint"}
# a reading the cues make finer: "may they do this?" about a cadre's act is the resolver's "forbidden"
FINER = {"may_do": "forbidden"}
SWITCH = "QINGDAN_INTENT_PRIOR"  # "0" turns the prior off


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    return load_model(SHIPPED, "问法先验权重", log)


def probabilities(text: str) -> dict[str, float] | None:
    """P(intent | question) for each intent the resolver reads, or None when the prior is off or missing."""
    return tc.read(SWITCH, shipped, text)


def reread(text: str, plain: str, read: Intent) -> Intent:
    """The cue reading, unless the story is long and the classifier is sure of another intent."""
    if len(plain) < tc.JUDGES_FROM:
        return read
    p = probabilities(text)
    if not p:
        return read
    likeliest = max(p, key=p.__getitem__)
    if p[likeliest] < TRUSTED_FROM or likeliest == read.id or FINER.get(likeliest) == read.id or likeliest not in INTENT_ROLE:
        return read
    cues, _ = cue_scores(plain)
    _, cue, told = cues.get(likeliest, (0.0, None, False))
    return Intent(likeliest, INTENT_ROLE[likeliest], cue, told=told, learnt=round(p[likeliest], 2))
