"""The currency audit on a catalog fixture that cites superseded and repealed texts only."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from qingdan import paths
from qingdan.errors import BadRequest
from qingdan.loaders.laws import load_corpus
from qingdan.loaders.pipeline import build
from qingdan.queries.audit import audit
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROW = "{id},autonomy,T-AUT-1,T-AUT-C1,{seq},{name},,village_committee,,,,{bases},{reason},,,,,,modeled,test fixture\n"
EXTRA = [  # item, name, the only basis it cites, why no basis
    ("T-004", "公益事业经费", "村民委员会组织法@2018-12-29#37.2", ""),   # → 2025 42.2 word for word
    ("T-005", "自治组织的性质", "村民委员会组织法@2018-12-29#2.1", ""),  # same number, 自我监督 added
    ("T-006", "分设村民小组", "村民委员会组织法@2018-12-29#3.3", ""),    # same number, same words
    ("T-007", "政策性事项", "", "测试：政策性事项，未找到法律条文"),
    ("T-008", "禁止包办婚姻的宣传", "婚姻法@2001-04-28#3.1", ""),         # repealed by 民法典 from 2021
]


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    """The mini catalog, with T-002 citing only 村民委员会组织法@2018-12-29#30, plus EXTRA; the organic law,
    婚姻法 and 民法典 as the corpus."""
    root = tmp_path_factory.mktemp("audit")
    catalog, laws = root / "catalog", root / "laws"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    items = catalog / "items_test.csv"
    text = items.read_text("utf-8").replace("村民委员会组织法@2018-12-29#2.2;村民委员会组织法@2025-10-28#2.2",
                                            "村民委员会组织法@2018-12-29#30")
    text += "".join(ROW.format(id=i, seq=n + 4, name=name, bases=b, reason=r) for n, (i, name, b, r) in enumerate(EXTRA))
    items.write_text(text, "utf-8")
    shutil.copytree(FIXTURES / "mini_laws", laws)
    shutil.copy(next(paths.laws_dir().rglob("婚姻法(2001-04-28).md")), laws)
    shutil.copytree(next(p for p in paths.laws_dir().rglob("民法典") if p.is_dir()), laws / "民法典")
    store = MemoryStore()
    store.replace_all(build(catalog_dir=catalog, laws_dir=laws).graph)
    return store, load_corpus(laws)


def _issues(result):
    return {f["id"]: f["issues"] for f in result["flagged"]}


@pytest.fixture(scope="module")
def after(fixture):
    store, corpus = fixture
    return _issues(audit(store, date(2026, 6, 1)))


def test_2018_citation_is_renumbered_after_the_2025_text_takes_force(after):
    (i,) = after["T-002"]
    assert i["citation"] == "村民委员会组织法@2018-12-29#30"
    assert i["status"] == "renumbered" and i["in_force_version"] == "2025-10-28"
    assert i["successor"]["citation"] == "村民委员会组织法@2025-10-28#35" and i["successor"]["label"] == "第三十五条"
    assert 0.7 < i["confidence"] < 1.0 and i["text_changed"] is True


def test_item_citing_both_texts_is_current(after):
    assert "T-001" not in after  # cites 24.1.6 (2018) and 28.1.6 (2025)


def test_paragraph_citation_follows_the_split(after):
    (i,) = after["T-004"]
    assert i["successor"]["citation"] == "村民委员会组织法@2025-10-28#42.2"
    assert i["confidence"] == 1.0 and i["text_changed"] is False and i["change"] == "split"
    assert i["alternatives"] == ["村民委员会组织法@2025-10-28#43"]


def test_same_number_amended_or_unchanged(after):
    (amended,) = after["T-005"]
    assert amended["status"] == "amended" and amended["successor"]["citation"] == "村民委员会组织法@2025-10-28#2.1"
    (same,) = after["T-006"]
    assert same["status"] == "outdated_version" and same["text_changed"] is False
    assert same["successor"]["citation"] == "村民委员会组织法@2025-10-28#3.3"


def test_removed_item_points_to_its_article_only(after):
    (i,) = after["T-003"]  # 24.1.(六) 宅基地的使用方案 is not in the 2025 list
    assert i["successor"]["citation"] == "村民委员会组织法@2025-10-28#28" and i["note"]
    assert i["confidence"] < 0.45


def test_repealed_work_with_its_successor_in_the_civil_code(after):
    (i,) = after["T-008"]
    assert i["status"] == "repealed" and i["reason"] == "work_repealed"
    assert i["repealed_by"] == {"work": "民法典", "version": "2020-05-28", "article": 1260,
                                "citation": "民法典@2020-05-28#1260", "effective_date": "2021-01-01"}
    assert i["successor"]["citation"] == "民法典@2020-05-28#1042.1" and i["confidence"] == 1.0


def test_before_the_2025_text_takes_force_nothing_of_the_organic_law_is_flagged(fixture):
    store, corpus = fixture
    r = audit(store, "2025-06-01")
    assert set(_issues(r)) == {"T-008"}  # only the repealed marriage law
    before_code = audit(store, "2020-06-01")
    assert before_code["flagged"] == []


def test_no_basis_and_summary(fixture):
    store, corpus = fixture
    r = audit(store, "2026-06-01")
    assert [n["id"] for n in r["no_basis"]] == ["T-007"] and "政策性" in r["no_basis"][0]["reason"]
    assert r["summary"]["items"] == 8 and r["summary"]["flagged"] == len(r["flagged"]) == 7 - 1
    assert r["summary"]["by_status"] == {"renumbered": 3, "amended": 1, "outdated_version": 1, "repealed": 1}
    assert r["unresolved"] == []


def test_bad_date(fixture):
    with pytest.raises(BadRequest, match="YYYY-MM-DD"):
        audit(fixture[0], "2026/06/01")


def test_bundled_catalog_cites_the_organic_law_in_force_on_either_side_of_2026(any_store):
    for day in ("2025-06-01", "2026-06-01"):
        r = audit(any_store, day)
        organic = [i for f in r["flagged"] for i in f["issues"] if i["work"] == "村民委员会组织法"]
        assert organic == [], day
        assert r["unresolved"] == []


def test_audit_covers_only_duties_of_list_versions_in_force_that_day(memory_store):
    """The 2019 directory closed on 2020-12-31: auditing it against 2026 law is noise; on a day in 2020
    its items are the duties in force and are audited."""
    from qingdan.ontology.terms import KIND_CLASS

    def in_force(day: str) -> int:
        items = [n for cls in KIND_CLASS.values() for n in memory_store.nodes(cls)]
        versions = memory_store.neighbors_many([n.id for n in items], "IN_VERSION")
        return sum(1 for n in items for _, v in versions.get(n.id, [])
                   if (v.get("in_force_from") or "") <= day <= (v.get("in_force_to") or "9999-12-31"))

    later = audit(memory_store, "2026-06-01")
    assert not any("-2019-" in f["id"] for f in later["flagged"] + later["no_basis"])
    assert later["summary"]["items"] == in_force("2026-06-01")
    during = audit(memory_store, "2020-06-01")
    assert during["summary"]["items"] == in_force("2020-06-01") != later["summary"]["items"]
