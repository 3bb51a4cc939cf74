"""A long story is read for what it asks by the intent prior where the cue words say otherwise; a
short question keeps its cue reading; the shipped weights match the development labels and were
trained on no question of a split that is only scored."""
from __future__ import annotations


import pytest

from bench.scoring import SCORED_ONLY, load
from qingdan.queries import intent_prior
from qingdan.queries.intent import detect
from qingdan.queries.matching import simplified
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore
from qingdan.queries.text_classifier import fingerprint
from tests.catalog_tools import tool

DAY = "2025-06-01"
# written for this test: "归谁" is a cue for "whose matter", but the story asks who investigates and punishes
FAVOURS = "我们村的村主任这几年给他亲戚都报了低保，有的人家里开着小车也吃低保，真正困难的老人反而没评上。村干部在低保里优亲厚友，归谁来查、谁来处分？"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_shipped_prior_matches_the_development_labels() -> None:
    model = intent_prior.shipped()
    assert model is not None, "缺少问法先验权重：请运行 make priors"
    assert model.trained_on == fingerprint(tool("write_priors").intent_rows()), "问法先验权重已过期：请运行 make priors"


def test_no_question_of_a_scored_only_split_is_trained_on() -> None:
    trained = {text for text, _ in tool("write_priors").intent_rows()}
    scored = {q.text for split in SCORED_ONLY for q in load(split)}
    assert scored and not trained & scored


def test_a_story_asking_who_punishes_is_answered_with_who_punishes(resolver: Resolver) -> None:
    assert detect(simplified(FAVOURS)).id != "enforces"  # the cue words alone read it otherwise
    a = resolver.resolve(FAVOURS, as_of=DAY)
    assert a["intent"]["id"] == "enforces" and a["intent"]["learnt"] >= intent_prior.TRUSTED_FROM, a["intent"]
    assert a["asked"]["role"] == "enforces" and a["asked"]["bodies"], a["asked"]


def test_turned_off_the_cue_reading_stands(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_INTENT_PRIOR", "0")
    a = resolver.resolve(FAVOURS, as_of=DAY)
    assert a["intent"]["id"] != "enforces" and a["intent"]["learnt"] is None, a["intent"]


@pytest.mark.parametrize("question, intent", [("宅基地最后谁批", "approves"), ("低保名单要公示几天", "timing")])
def test_a_short_question_keeps_its_cue_reading(resolver: Resolver, question: str, intent: str) -> None:
    a = resolver.resolve(question, as_of=DAY)
    assert a["intent"]["id"] == intent and a["intent"]["learnt"] is None, a["intent"]
