"""The two stores agree answer for answer: every user question, tracing and chains, on the
embedded store and on Neo4j, must give identical JSON."""
from __future__ import annotations

import json

import pytest

from qingdan.queries import chains, tracing
from qingdan.queries.resolve import Resolver

from .test_resolve_questions import CASES


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


def test_tracing_chains_and_village_maps_agree(pair):
    mem, neo = pair
    same(tracing.trace_provision(mem.store, "村民委员会组织法", 24), tracing.trace_provision(neo.store, "村民委员会组织法", 24))
    same(tracing.trace_work(mem.store, "兵役法"), tracing.trace_work(neo.store, "兵役法"))
    same(chains.chains(mem.store), chains.chains(neo.store))
    same(chains.village_map(mem, "440523100201", as_of="2025-06-01"), chains.village_map(neo, "440523100201", as_of="2025-06-01"))
