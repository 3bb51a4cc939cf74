"""A story's last asking sentence says what it is about: the item that sentence finds by itself
wins a near tie against an item the story's other words favour, and never overturns a clear lead."""
from __future__ import annotations

import pytest

from qingdan.queries.dates import parse_as_of
from qingdan.queries.matching import Match
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

STORY = ("镇里今年搞人居环境整治检查，说哪个村垃圾多就通报哪个村、扣考核分。村支书在喇叭里喊谁家门口乱堆垃圾就罚谁家"
         "五百块，还真罚了后院老周家。想问下村委会有没有权力罚村民的款？")
ASKED = "想问下村委会有没有权力罚村民的款？"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_the_asking_sentence_decides_a_near_tie(resolver: Resolver) -> None:
    allowed = resolver.in_force_items(parse_as_of("2025-06-01"))
    asked = resolver.index.search(ASKED, limit=1, allowed=allowed)[0].id
    story_item = "item/AUT-033"  # 维护村庄环境卫生: what the story's words are about
    assert asked != story_item
    near = resolver.focused(STORY, [Match(story_item, 0.60), Match(asked, 0.57)], allowed)
    assert max(near, key=lambda m: m.score).id == asked
    far = resolver.focused(STORY, [Match(story_item, 0.60), Match(asked, 0.30)], allowed)
    assert max(far, key=lambda m: m.score).id == story_item


def test_a_question_that_is_all_question_is_left_as_ranked(resolver: Resolver) -> None:
    allowed = resolver.in_force_items(parse_as_of("2025-06-01"))
    ranked = [Match("item/AUT-033", 0.60), Match("item/PRO-032", 0.59)]
    assert resolver.focused("村委会有没有权力罚村民的款，村规民约里能不能定罚款？", ranked, allowed) == ranked
