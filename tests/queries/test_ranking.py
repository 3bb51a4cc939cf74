"""Whether a question is about any listed item at all (Ranking.on_topic), for questions that name no village: an
election, its term or a recall is a village committee's unless another body's is named."""
from __future__ import annotations

import pytest

from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

DAY = "2025-06-01"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


# written for this test: asked as people ask, naming no village
@pytest.mark.parametrize("question", ["换届选举的时候，到会有选举权的人数最少要多少", "罢免要多少人签名才行"])
def test_an_election_asked_without_naming_the_village_is_the_village_s(resolver: Resolver, question: str) -> None:
    a = resolver.resolve(question, as_of=DAY)
    assert a["verdict"] == "village_autonomy", (a["verdict"], a.get("matches"))


@pytest.mark.parametrize("question", ["侨联几年换届一次", "人大代表选举投票人数超过多少才有效"])
def test_another_body_s_election_is_not_the_village_s(resolver: Resolver, question: str) -> None:
    assert resolver.resolve(question, as_of=DAY)["verdict"] == "unlisted"
