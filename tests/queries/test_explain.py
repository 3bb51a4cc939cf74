"""An answer read from its explanation subgraph (one round trip on Neo4j) is the answer read from the
whole graph: for every item, on days in different statutes' periods, without a village and in
villages whose district did and did not adopt the delegation decisions."""
from __future__ import annotations

import json
from datetime import date

import pytest

from qingdan.queries.explain import CURRENT
from qingdan.queries.items import describe_item
from qingdan.queries.resolve import Resolver, short

DAYS = (date(2014, 6, 1), date(2022, 6, 1), date(2026, 6, 1))
# 潮阳 (no adoption), 南澳 (adopted 工程建设), 龙湖 (adopted 城市管理, a 社区)
VILLAGES = (None, "440513101210", "440523100205", "440507005007")


def same(a: object, b: object) -> None:
    assert json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) == \
        json.dumps(b, ensure_ascii=False, sort_keys=True, default=str)


@pytest.fixture(scope="module")
def pair(memory_store):
    return Resolver(memory_store), Resolver(memory_store, explain=False)


def test_every_item_reads_the_same_from_its_subgraph(pair):
    explained, direct = pair
    places = {v: explained.place("", v) if v else None for v in VILLAGES}
    for item in explained.items.values():
        for day in DAYS:
            same(explained.detail(item, day), direct.detail(item, day))
            dangers = {n: 1.0 for n in explained.endangered_by.get(item.node.id, [])}
            same(explained.cautions(item, day, dangers), direct.cautions(item, day, dangers))
        for v, place in places.items():
            same(explained.item_answer(item, place, DAYS[-1]), direct.item_answer(item, place, DAYS[-1]))
    assert CURRENT.get() is None  # no view outlives the answer it was read for


def test_questions_with_roles_cautions_and_adoptions_read_the_same(pair):
    explained, direct = pair
    questions = [("镇里能不能以自己的名义处罚违法建设？谁来查处", "440523100205"),
                 ("村干部私自把集体土地租出去，谁来查处", "440513101210"),
                 ("占道经营谁来罚款", "440507005007"), ("今天天气怎么样", None),
                 ("低保申请村委会要做什么", "440523100205"), ("村务公开多久公开一次", None)]
    for q, v in questions:
        for day in ("2022-06-01", "2026-06-01"):
            same(explained.resolve(q, village=v, as_of=day), direct.resolve(q, village=v, as_of=day))
    assert CURRENT.get() is None


def test_the_subgraph_is_small_and_read_once_per_answer(memory_store, monkeypatch):
    """One explain call per new answer, none for the same answer again, no other reads."""
    resolver = Resolver(memory_store)
    calls: list[str] = []
    inside = []  # the memory store's explain walks with node() / neighbors(): those are not the answer's reads

    def counted(name, real):
        def call(*a, **k):
            if not inside:
                calls.append(name)
            inside.append(name)
            try:
                return real(*a, **k)
            finally:
                inside.pop()
        return call

    for name in ("node", "nodes", "neighbors", "neighbors_many", "explain"):
        monkeypatch.setattr(memory_store, name, counted(name, getattr(memory_store, name)))
    resolver.resolve("村里要开会讨论宅基地怎么分，这个归谁管？", village="440523100205")
    assert calls.count("explain") == 2 and set(calls) == {"explain"}  # the village, then the answer
    calls.clear()
    resolver.resolve("村里要开会讨论宅基地怎么分，这个归谁管？", village="440523100205")
    resolver.resolve("村里要开会讨论宅基地怎么分，这个归谁管？", village="440523100205", as_of="2022-06-01")
    assert calls == []
    item = next(i for i in resolver.items.values() if i.node.get("kind") == "micro_power")
    sub = memory_store.explain([item.node.id])
    assert item.node.id in sub.nodes and len(sub.nodes) < 2000
    assert describe_item(memory_store, short(item.node.id))["name"] == item.node.get("name_zh")
