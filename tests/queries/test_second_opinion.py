"""A story whose first pick the verdict prior finds unlikely is answered by the item close behind
whose kind of matter it finds likely, and the answer says so; a short question, a prior that finds
the first pick likely, or the prior turned off leave the first pick."""
from __future__ import annotations

import pytest

from qingdan.queries import verdict_prior
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

DAY = "2025-06-01"
# written for this test: a lane between houses, the village's own works, told with a county department's words (修路)
LANE = "我们村屋与屋之间那条小巷子水泥路烂了好几年，一下雨就积水，这不是公路，就是村里自己的巷道，修它是村委会自己组织还是等镇政府来修？"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_the_village_s_own_lane_is_its_own_works_not_the_county_s_road(resolver: Resolver) -> None:
    a = resolver.resolve(LANE, as_of=DAY)
    assert a["verdict"] == "village_autonomy", (a["verdict"], a["item"])
    second = a["second_opinion"]
    assert verdict_prior.kind(second["first"]["verdict"]) == "government" and second["first"]["item"] != a["item"]["id"]
    assert second["likelihood"] > second["first"]["likelihood"] and "可能性很小" in second["note"]


def test_turned_off_the_first_pick_stands(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "0")
    a = resolver.resolve(LANE, as_of=DAY)
    assert "second_opinion" not in a and verdict_prior.kind(a["verdict"]) == "government", (a["verdict"], a["item"])


def _prior(likely: str):
    def probabilities(text: str) -> dict[str, float]:
        kinds = ("village_autonomy", "village_assists", "government", "not_for_village", "unlisted")
        return {k: (0.9 if k == likely else 0.1 / (len(kinds) - 1)) for k in kinds}
    return probabilities


def test_the_nearest_answer_of_the_likely_kind_is_taken(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "0")
    first = resolver.resolve(LANE, as_of=DAY)
    monkeypatch.setattr(verdict_prior, "probabilities", _prior("unlisted"))
    a = resolver.resolve(LANE, as_of=DAY)
    # no item close behind is unlisted: 未列入 itself is the last option weighed
    assert a["verdict"] == "unlisted" and a["second_opinion"]["first"]["item"] == first["item"]["id"]
    assert "未列入清单" in a["second_opinion"]["note"]


def test_a_prior_that_finds_the_first_pick_likely_changes_nothing(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "0")
    first = resolver.resolve(LANE, as_of=DAY)
    monkeypatch.setattr(verdict_prior, "probabilities", _prior(verdict_prior.kind(first["verdict"])))
    a = resolver.resolve(LANE, as_of=DAY)
    assert "second_opinion" not in a and a["item"]["id"] == first["item"]["id"]


def test_a_short_question_is_read_by_its_words_alone(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verdict_prior, "probabilities", _prior("village_autonomy"))
    a = resolver.resolve("国足今晚踢得怎么样，谁进的球", as_of=DAY)
    assert a["verdict"] == "unlisted" and "second_opinion" not in a


def test_a_story_about_cadres_is_read_again_for_the_same_item(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> None:
    """No item close behind answers as the prior expects: the same item, read as the other question a story about
    cadres can ask (here where to take it rather than may they), answers instead, and says so."""
    story = "我们村书记一个人跟老板谈好，把村集体的一片竹林卖给人家砍，合同价钱都没跟村民说，车来拉竹子了大家才晓得，这样做合法吗？"
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "0")
    first = resolver.resolve(story, as_of=DAY)
    assert verdict_prior.kind(first["verdict"]) != "government", (first["verdict"], first["item"])
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "1")
    monkeypatch.setattr(verdict_prior, "probabilities", _prior("government"))
    a = resolver.resolve(story, as_of=DAY)
    assert a["item"]["id"] == first["item"]["id"] and a["intent"]["id"] != first["intent"]["id"], (a["item"], a["intent"])
    assert verdict_prior.kind(a["verdict"]) == "government" and "同一事项改按" in a["second_opinion"]["note"]
    assert a["second_opinion"]["first"]["intent"] == first["intent"]["id"]


def test_the_second_look_reads_its_candidates_at_once(memory_store: MemoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer weighed is built from one more read of the store, whatever the number of candidates
    (on Neo4j a round trip each would add up): the first pick's, then all the others' together."""
    resolver = Resolver(memory_store)
    calls: list[str] = []
    real = memory_store.explain
    monkeypatch.setattr(memory_store, "explain", lambda *a, **k: calls.append("explain") or real(*a, **k))
    # a prior that only 未列入 satisfies: every item close behind and every other reading is built and weighed first
    monkeypatch.setattr(verdict_prior, "probabilities", _prior("unlisted"))
    a = resolver.resolve(LANE, as_of=DAY)
    assert a["verdict"] == "unlisted" and "second_opinion" in a and calls == ["explain", "explain"], calls
