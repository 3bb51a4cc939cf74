"""What the word matcher counts as words a question shares with an item."""
from __future__ import annotations

import pytest

from qingdan.queries.matching import ItemIndex, normalize, simplified


@pytest.fixture()
def index(monkeypatch: pytest.MonkeyPatch) -> ItemIndex:
    monkeypatch.setenv("QINGDAN_SEMANTIC", "0")
    records: list[dict[str, object]] = [
        {"id": "filing", "kind": "autonomy", "name": "村规民约报镇里备案", "keywords": ["镇里说村规民约不合法怎么办"]},
        {"id": "fees", "kind": "prohibited", "name": "村委会向村民乱收费", "keywords": ["村里乱收费"]},
    ]
    return ItemIndex(records, cache=False)


def test_words_that_tell_the_story_are_not_shared_words(index: ItemIndex) -> None:
    """"村委说…", "我想知道…" tell who said what and that someone asks; sharing them with a phrasing
    ("镇里说村规民约不合法") made a question about a fee land on filing the village rules."""
    terms = index.terms("村委会说要对承包地收费，我想知道这样合法吗")
    assert not {"说", "想", "知道"} & terms
    found = index.search("最近村委说要对我家承包的地收费，我想知道村委这么做合法吗", limit=2)
    assert found and found[0].id == "fees"


@pytest.mark.parametrize("text, expected", [
    # a cadre's brother and wife are near relatives, the word the rule on who may supervise uses
    ("监委主任是村支书老黄的亲弟弟", "监委主任是村支书老黄的近亲属"),
    ("委员是村委委员李某的老婆", "委员是村委会委员李某的近亲属"),
    # an in-law is not a near relative (民法典 §1045); an asker's own wife says nothing of the kind
    ("会计是主任的小舅子", "会计是主任的小舅子"),
    ("我老婆的低保", "我老婆的最低生活保障"),
])
def test_a_cadres_near_relative_is_named_as_the_law_names_it(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_half_width_marks_split_clauses_like_full_width_ones() -> None:
    """"这些不是村里的活,村里可以推掉吗?" typed with half-width marks: its clauses and its question mark read as
    any question's do, and a thousands comma stays a number."""
    assert simplified("不是村里的活,村里可以推掉吗?") == "不是村里的活，村里可以推掉吗？"
    assert simplified("每户交1,500元") == "每户交1,500元"


def test_written_cantonese_house_building_reads_as_mandarin() -> None:
    """"屋企想起屋" is "家里想建房": the building words find the homestead and building items as Mandarin does."""
    assert simplified("我屋企想喺宅基地度起屋，攞乜嘢手续？") == "我家想在宅基地度建房，拿什么手续？"


class _InOrder(set):  # type: ignore[type-arg]
    """A set whose iteration order the test chooses (a plain set's changes with PYTHONHASHSEED between runs)."""
    reverse = False

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(set.__iter__(self), reverse=self.reverse))


class _Reversed(_InOrder):
    reverse = True


def test_the_same_question_ranks_the_same_whatever_order_its_words_come_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question's words are a set, whose order differs from one process to the next: the ranking must not
    (a story once landed on a disclosure item in one run and on the land contract item in the next)."""
    monkeypatch.setenv("QINGDAN_SEMANTIC", "0")
    # more items tied on the shared words than the matcher weighs closely: which make the cut is the question
    words = [chr(0x4E00 + 2 * i) + chr(0x4E01 + 2 * i) for i in range(45)]
    index = ItemIndex([{"id": f"item{i:02d}", "kind": "autonomy", "name": w} for i, w in enumerate(words)], cache=False)
    question = "，".join(words)
    plain_terms = index.terms
    runs = []
    for order in (_InOrder, _Reversed):
        monkeypatch.setattr(index, "terms", lambda text, order=order: order(plain_terms(text)))
        runs.append([(m.id, m.score) for m in index.search(question, limit=45)])
    assert runs[0] == runs[1]
