"""Bases as of a day, on works with several texts: the provision and words a user sees on a day in
each text's period, the cited provision kept as 原引用, and the notice when the text in force that
day is not in the library. Each expected article was read in both texts by hand."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from qingdan import paths
from qingdan.loaders.pipeline import build
from qingdan.queries.items import describe_item
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LAWS = ["食品安全法(2015-04-24).md", "食品安全法(2021-04-29).md", "食品安全法(2025-09-12).md",
        "治安管理处罚法(2012-10-26).md", "治安管理处罚法(2025-06-27).md",
        "传染病防治法(2013-06-29).md", "传染病防治法(2025-04-30).md",
        "妇女权益保障法(2018-10-26).md", "妇女权益保障法(2022-10-30).md",
        "未成年人保护法(2020-10-17).md", "未成年人保护法(2024-04-26).md",
        "婚姻法(2001-04-28).md", "乡村振兴促进法(2021-04-29).md"]
ROW = "{id},autonomy,T-AUT-1,T-AUT-C1,{seq},{name},,village_committee,,,,{bases},,,,,,,modeled,test fixture\n"
ITEMS = [  # item, name, the one basis it cites (each cites a single text on purpose)
    ("T-FS", "食品经营许可", "食品安全法@2025-09-12#35.1"),
    ("T-ZA", "管制器具", "治安管理处罚法@2025-06-27#38.1"),
    ("T-CR", "发现传染病病人报告", "传染病防治法@2013-06-29#31"),
    ("T-FN", "妇女继承权", "妇女权益保障法@2018-10-26#34.1"),
    ("T-WC", "未成年人的定义", "未成年人保护法@2024-04-26#2"),
    ("T-CW", "村务公开", "村民委员会组织法@2018-12-29#30"),
    ("T-HY", "婚姻自由", "婚姻法@2001-04-28#3.1"),
    ("T-XC", "乡村振兴", "乡村振兴促进法@2021-04-29#10"),
]


def _graph(tmp: Path):
    catalog, laws = tmp / "catalog", tmp / "laws"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    shutil.copy(paths.catalog_dir() / "law_in_force.csv", catalog / "law_in_force.csv")  # the bundled dates, with sources
    items = catalog / "items_test.csv"
    items.write_text(items.read_text("utf-8") + "".join(
        ROW.format(id=i, seq=n + 10, name=name, bases=b) for n, (i, name, b) in enumerate(ITEMS)), "utf-8")
    shutil.copytree(FIXTURES / "mini_laws", laws)
    for name in LAWS:
        shutil.copy(next(paths.laws_dir().rglob(name)), laws)
    shutil.copytree(next(p for p in paths.laws_dir().rglob("民法典") if p.is_dir()), laws / "民法典")
    return build(catalog_dir=catalog, laws_dir=laws).graph


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return _graph(tmp_path_factory.mktemp("as_of"))


@pytest.fixture(scope="module", params=["memory", "neo4j"])
def store(request, graph):
    """The fixture graph on both stores (the Neo4j one gets the bundled graph back afterwards)."""
    if request.param == "memory":
        s = MemoryStore()
        s.replace_all(graph)
        return s
    s, _ = request.getfixturevalue("_neo4j_base")
    s.replace_all(graph)
    return s


def bases(store, item: str, day: str) -> list[dict]:
    return describe_item(store, item, as_of=date.fromisoformat(day))["bases"]


def one(store, item: str, day: str) -> dict:
    (b,) = bases(store, item, day)
    return b


@pytest.mark.parametrize("day,version,words,missing", [
    ("2014-06-01", "2015-04-24", "但是，销售食用农产品，不需要取得许可。", True),   # the 2009 text was in force: not held
    ("2016-06-01", "2015-04-24", "但是，销售食用农产品，不需要取得许可。", False),
    ("2022-06-01", "2021-04-29", "仅销售预包装食品的，应当报所在地", False),
    ("2025-11-01", "2021-04-29", "仅销售预包装食品的，应当报所在地", False),       # the 2025 text: from 2025-12-01
    ("2026-06-01", "2025-09-12", "仅销售预包装食品的，应当报所在地", False),
])
def test_food_safety_three_texts(store, day, version, words, missing):
    b = one(store, "T-FS", day)
    assert (b["work"], b["version"], b["article"], b["paragraph"]) == ("食品安全法", version, 35, 1)
    assert words in b["text"]
    assert (b["status"] == "missing") is missing and (b["checked_against"] == "nearest") is missing
    if missing:
        assert "该日施行的文本未收录，以下按最近的版本（2015年）核对" in b["notice"] and not b["current"]
    else:
        assert b["current"] and b["notice"] is None
    if version != "2025-09-12":
        assert b["original"]["citation"] == "食品安全法@2025-09-12#35.1"  # 原引用 kept
    else:
        assert b["original"] is None


def test_public_order_fines_by_the_text_in_force(store):
    old = one(store, "T-ZA", "2013-06-01")  # the 2012 amendment took force 2013-01-01 (law_in_force.csv)
    assert (old["version"], old["article"], old["paragraph"]) == ("2012-10-26", 32, 1)
    assert "可以并处五百元以下罚款" in old["text"] and old["crosswalk"]["change"] == "amended"
    new = one(store, "T-ZA", "2026-06-01")
    assert (new["version"], new["article"]) == ("2025-06-27", 38) and "可以并处一千元以下罚款" in new["text"]
    gap = one(store, "T-ZA", "2012-12-01")  # adopted, not yet in force: the 2005 text applied, not held
    assert gap["status"] == "missing" and gap["version"] == "2012-10-26" and "2012年" in gap["notice"]


def test_infectious_disease_report_duty_renumbered(store):
    assert one(store, "T-CR", "2025-06-01")["article"] == 31  # 2025 text adopted 2025-04-30, in force 2025-09-01
    b = one(store, "T-CR", "2025-10-01")
    assert (b["version"], b["article"]) == ("2025-04-30", 48)
    assert "疾病预防控制部门报告" in b["text"] and b["original"]["label"] == "第三十一条"


def test_women_inheritance_and_minors_definition(store):
    b = one(store, "T-FN", "2023-06-01")
    assert (b["version"], b["article"], b["paragraph"]) == ("2022-10-30", 58, 1)
    assert "妇女享有与男子平等的继承权" in b["text"] and b["original"]["citation"] == "妇女权益保障法@2018-10-26#34.1"
    assert one(store, "T-FN", "2020-01-01")["version"] == "2018-10-26"
    minors = one(store, "T-WC", "2021-07-01")  # 2020 text in force from 2021-06-01, same words
    assert (minors["version"], minors["article"], minors["crosswalk"]["text_changed"]) == ("2020-10-17", 2, False)
    before = one(store, "T-WC", "2021-01-01")  # the 2012 text was in force: not held
    assert before["status"] == "missing" and before["version"] == "2020-10-17"


def test_organic_law_both_ways_and_before_2018(store):
    b = one(store, "T-CW", "2026-06-01")
    assert (b["version"], b["article"]) == ("2025-10-28", 35) and b["original"]["article"] == 30
    assert one(store, "T-CW", "2025-06-01")["article"] == 30
    early = one(store, "T-CW", "2015-01-01")
    assert early["notice"] == "《村民委员会组织法》：该日施行的文本未收录，以下按最近的版本（2018年）核对"
    assert early["checked_against"] == "nearest" and early["article"] == 30


def test_repealed_marriage_law_is_shown_in_the_civil_code(store):
    assert one(store, "T-HY", "2020-06-01")["work"] == "婚姻法"
    b = one(store, "T-HY", "2022-06-01")
    assert (b["work"], b["article"], b["paragraph"]) == ("民法典", 1042, 1)
    assert "被《民法典》废止" in b["notice"] and b["original"]["work"] == "婚姻法"


def test_law_not_yet_in_force_is_not_called_missing(store):
    b = one(store, "T-XC", "2019-06-01")
    assert b["status"] == "not_yet" and "尚未施行（2021-06-01起施行）" in b["notice"]


def test_the_answer_says_so_in_its_reasons(store):
    r = Resolver(store)
    item = r.items["item/T-CW"]
    steps = [s["text"] for s in r.item_answer(item, None, date(2015, 1, 1))["reasons"] if s["kind"] == "provision"]
    assert any("该日施行的文本未收录，以下按最近的版本（2018年）核对" in t for t in steps)
    later = [s["text"] for s in r.item_answer(item, None, date(2026, 6, 1))["reasons"] if s["kind"] == "provision"]
    assert any("第三十五条" in t and "原引用" in t and "第三十条" in t for t in later)
