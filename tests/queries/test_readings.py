"""A letter that tells a story and asks nothing is answered by one reading and lists the others, each with the
body that plays that role and its basis; a letter that asks two things answers the second on a line of its own; a
question that asks one thing gets no such list; the lines read nothing more from the store."""
from __future__ import annotations

from typing import Any

import pytest

from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

DAY = "2025-06-01"
# written for these tests: a grievance told, no question asked
POND = "我们村支书不开会就把集体鱼塘承包给了他亲戚。"
LEASE = "村主任没开村民会议，自己做主把村集体的厂房租给了他小舅子，租金比市场价低一半。"


@pytest.fixture(scope="module")
def resolver(any_store: Any) -> Resolver:
    return Resolver(any_store)


def led(answer: dict[str, Any]) -> tuple[str, str | None]:
    asked = answer.get("asked") or {}
    body = asked["bodies"][0]["body_type"] if asked.get("bodies") else (answer["responsible"].get("body_type") or {}).get("type")
    return answer["verdict"], body


@pytest.mark.parametrize("story", [POND, LEASE])
def test_a_story_that_asks_nothing_lists_who_decides_and_where_to_take_it(resolver: Resolver, story: str) -> None:
    a = resolver.resolve(story, as_of=DAY)
    readings = {r["intent"]["id"]: r for r in a["readings"]}
    # between the answer and its other readings, the meeting that decides and the town that corrects are both named
    told = {a["intent"]["id"]: led(a)} | {i: (r["verdict"], r["body"]["type"]) for i, r in readings.items()}
    assert told.get("decides") == ("village_autonomy", "villagers_assembly"), told
    assert told.get("complaint") == ("town", "town_government"), told
    # each line is another question with another answer, and says on what it rests
    assert a["intent"]["id"] not in readings
    assert len({(r["verdict"], r["body"]["type"]) for r in readings.values()} | {led(a)}) == len(readings) + 1
    assert all(r["basis"] and "《" in r["basis"] for r in readings.values()), readings


@pytest.mark.parametrize("question", ["农村自建房的规划许可谁发", "村支书不开会就把集体鱼塘承包出去，应该向哪里反映？"])
def test_a_question_that_asks_is_answered_by_what_it_asks_alone(resolver: Resolver, question: str) -> None:
    assert "readings" not in resolver.resolve(question, as_of=DAY)


def test_a_second_question_asked_in_a_sentence_of_its_own_is_answered_too(resolver: Resolver) -> None:
    """"多久公布一次？不公布找谁？": the answer leads with the first question (how often) and answers the second (where to
    take it: the town orders a village that fails to publish to do so, 组织法 2018 §31) on a line of its own."""
    a = resolver.resolve("村里的账多久公布一次？不公布找谁？", as_of=DAY)
    assert a["intent"]["id"] == "timing" and a["timing"], a["intent"]
    asked = [r for r in a.get("readings") or [] if r["asked"]]
    assert [(r["intent"]["id"], r["verdict"], r["body"]["type"]) for r in asked] == [("complaint", "town", "town_government")], asked
    assert "村民委员会组织法" in asked[0]["basis"] and "第三十一条" in asked[0]["basis"], asked[0]["basis"]
    # a letter that asks is not also given guesses at what else it might mean
    assert all(r["asked"] for r in a["readings"])


def test_the_other_readings_read_nothing_more_from_the_store(memory_store: MemoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Neo4j each read is a round trip: the readings are built from the subgraph the answer already read."""
    monkeypatch.setenv("QINGDAN_VERDICT_PRIOR", "0")  # no second look, which reads once more by design
    resolver = Resolver(memory_store)
    calls: list[str] = []
    real = memory_store.explain
    monkeypatch.setattr(memory_store, "explain", lambda *a, **k: calls.append("explain") or real(*a, **k))
    a = resolver.resolve(POND, as_of=DAY)
    assert a["readings"] and calls == ["explain"], calls
