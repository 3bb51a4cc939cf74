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
