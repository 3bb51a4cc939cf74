"""The two stores agree answer for answer: every user question, tracing and chains, on the
embedded store and on Neo4j, must give identical JSON."""
from __future__ import annotations

import json

import pytest

from qingdan.queries import chains, tracing
from qingdan.queries.resolve import Resolver

from .test_resolve_questions import CASES
from .test_resolve_roles import DAY, ROLE_CASES


@pytest.fixture(scope="module")
def pair(memory_store, neo4j_store):
    return Resolver(memory_store), Resolver(neo4j_store)


def same(a: object, b: object) -> None:
    assert json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) == \
        json.dumps(b, ensure_ascii=False, sort_keys=True, default=str)


def test_every_question_gets_the_same_answer(pair):
    mem, neo = pair
    for case in CASES:
        same(mem.resolve(case.question, village=case.village, as_of=case.as_of),
             neo.resolve(case.question, village=case.village, as_of=case.as_of))
    for role_case in ROLE_CASES:  # roles, cautions, timing: the parts an asked role adds
        same(mem.resolve(role_case.question, as_of=DAY), neo.resolve(role_case.question, as_of=DAY))


def test_tracing_chains_and_village_maps_agree(pair):
    mem, neo = pair
    same(tracing.trace_provision(mem.store, "村民委员会组织法", 24), tracing.trace_provision(neo.store, "村民委员会组织法", 24))
    same(tracing.trace_work(mem.store, "兵役法"), tracing.trace_work(neo.store, "兵役法"))
    same(chains.chains(mem.store), chains.chains(neo.store))
    same(chains.village_map(mem, "440523100201", as_of="2025-06-01"), chains.village_map(neo, "440523100201", as_of="2025-06-01"))


def test_statutes_in_time_agree(pair):
    """Bases as of days in different texts' periods, crosswalks, repeals, versions and the audit."""
    from datetime import date

    from qingdan.queries.audit import audit
    from qingdan.queries.crosswalks import crosswalk_for, repeals_list, versions_for
    from qingdan.queries.items import describe_item

    mem, neo = pair
    for item in ("DEL-MKT-001", "AUT-027"):
        for day in ("2014-06-01", "2022-06-01", "2026-06-01"):
            same(describe_item(mem.store, item, as_of=date.fromisoformat(day))["bases"],
                 describe_item(neo.store, item, as_of=date.fromisoformat(day))["bases"])
    same(crosswalk_for(mem.store, "食品安全法", "2016-01-01", "2026-01-01"),
         crosswalk_for(neo.store, "食品安全法", "2016-01-01", "2026-01-01"))
    same(repeals_list(mem.store), repeals_list(neo.store))
    for work, day in (("婚姻法", "2022-01-01"), ("治安管理处罚法", "2012-12-01"), ("乡村振兴促进法", "2019-01-01")):
        same(versions_for(mem.store, work, day), versions_for(neo.store, work, day))
    same(tracing.trace_provision(mem.store, "传染病防治法", 31, as_of="2020-01-01"),
         tracing.trace_provision(neo.store, "传染病防治法", 31, as_of="2020-01-01"))
    same(audit(mem.store, "2026-06-01"), audit(neo.store, "2026-06-01"))


def test_explanation_subgraphs_agree(pair):
    """What one round trip reads on Neo4j is what the embedded store walks: every item's subgraph,
    with its delegation decision, documents, body types and a village."""
    mem, neo = pair
    for item in mem.items.values():
        ids, anchors = [item.node.id, *mem.endangered_by.get(item.node.id, [])], mem.anchors([item.node.id])
        for village in (None, "division/440523100205"):
            a = mem.store.explain(ids, village, anchors, ["work/村民委员会组织法"])
            b = neo.store.explain(ids, village, anchors, ["work/村民委员会组织法"])
            assert a.nodes == b.nodes and a.rels == b.rels, item.node.id
            def kept(props):  # Neo4j stores no None values (neo4j_store.py)
                return {k: v for k, v in props.items() if v is not None}

            assert [kept(n.props) for n in a.nodes.values()] == [b.nodes[k].props for k in a.nodes]
            assert [kept(r.props) for r in a.rels.values()] == [b.rels[k].props for k in a.rels]


def test_roles_cautions_and_an_adopted_delegation_agree(pair):
    """A delegated power in a district that adopted the decision (南澳 工程建设, 龙湖 城市管理), asked
    by role, with the negative-list behaviours that endanger a duty as cautions."""
    mem, neo = pair
    asked = [("镇里能不能以自己的名义处罚违法建设？谁来查处", "440523100205"),
             ("占道经营谁来罚款", "440507005007"), ("村干部私自把集体土地租出去，谁来查处", "440513101210"),
             ("村里开会讨论宅基地分配，谁来监督", "440523100205"), ("今天天气怎么样", None)]
    for q, v in asked:
        for day in ("2022-06-01", "2026-06-01"):
            a, b = mem.resolve(q, village=v, as_of=day), neo.resolve(q, village=v, as_of=day)
            same(a, b)
    answer = mem.resolve("镇里能不能以自己的名义处罚违法建设？谁来查处", village="440523100205", as_of="2026-06-01")
    assert answer["item"]["kind"] == "delegated" and any(s["kind"] == "adoption" for s in answer["reasons"])
    assert answer["roles"] and any(c for c in mem.resolve("村干部私自把集体土地租出去，谁来查处", village="440513101210")["cautions"])
