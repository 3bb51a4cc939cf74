"""SHACL and cell checks reject broken rows, naming file, row and column."""
from pathlib import Path

import pytest

from qingdan.errors import DataError, ValidationFailed
from qingdan.loaders.pipeline import build

HEADER_ITEM = "T-009,autonomy,T-AUT-1,T-AUT-C1,9,{name},,{lead},,,,{bases},{reason},,,,,,modeled,test\n"


def add_item(catalog: Path, *, name="新事项", lead="village_committee", bases="", reason="") -> int:
    path = catalog / "items_test.csv"
    text = path.read_text("utf-8")
    path.write_text(text + HEADER_ITEM.format(name=name, lead=lead, bases=bases, reason=reason), "utf-8")
    return len(text.splitlines()) + 1


def problems_of(catalog: Path, laws: Path) -> list:
    with pytest.raises(DataError) as exc:
        build(catalog_dir=catalog, laws_dir=laws)
    return exc.value.problems


def test_mini_catalog_is_valid(mini_catalog, mini_laws):
    built = build(catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert {n.id for n in built.graph.nodes.values() if n.label == "AutonomyItem"} == {"item/T-001", "item/T-002"}


def test_missing_basis(mini_catalog, mini_laws):
    row = add_item(mini_catalog)
    (p,) = problems_of(mini_catalog, mini_laws)
    assert (p.file, p.row) == ("items_test.csv", row)
    assert "没有依据" in p.reason


def test_explicit_no_basis_is_accepted(mini_catalog, mini_laws):
    add_item(mini_catalog, reason="政策性事项，未找到法律条文")
    build(catalog_dir=mini_catalog, laws_dir=mini_laws)


def test_dangling_provision(mini_catalog, mini_laws):
    row = add_item(mini_catalog, bases="村民委员会组织法@2018-12-29#99")
    (p,) = problems_of(mini_catalog, mini_laws)
    assert (p.file, p.row, p.field) == ("items_test.csv", row, "bases")
    assert p.value.endswith("村民委员会组织法/2018-12-29/99")
    assert "不存在" in p.reason


def test_item_beyond_paragraph_range(mini_catalog, mini_laws):
    row = add_item(mini_catalog, bases="村民委员会组织法@2018-12-29#24.1.10")
    (p,) = problems_of(mini_catalog, mini_laws)
    assert (p.row, p.field) == (row, "bases")


def test_unknown_work(mini_catalog, mini_laws):
    add_item(mini_catalog, bases="不存在法@2018-12-29#1")
    (p,) = problems_of(mini_catalog, mini_laws)
    assert p.field == "bases"


def test_unknown_body_type(mini_catalog, mini_laws):
    row = add_item(mini_catalog, lead="village_king", bases="村民委员会组织法@2018-12-29#2")
    probs = problems_of(mini_catalog, mini_laws)
    assert any((p.row, p.field, p.value) == (row, "lead_body", "bodytype/village_king") for p in probs)
    assert all("主体类型" in p.reason for p in probs)


def test_bad_cells_are_all_reported_at_once(mini_catalog, mini_laws):
    path = mini_catalog / "list_versions.csv"
    path.write_text(path.read_text("utf-8") + "T-X,T-AUT,测试,,2021-13,,,maybe,\n", "utf-8")
    probs = problems_of(mini_catalog, mini_laws)
    fields = {(p.file, p.row, p.field) for p in probs}
    assert {("list_versions.csv", 4, "issued"), ("list_versions.csv", 4, "in_force_from"),
            ("list_versions.csv", 4, "provenance_status"), ("list_versions.csv", 4, "source")} <= fields
    assert not isinstance(probs, ValidationFailed)


def test_duplicate_id(mini_catalog, mini_laws):
    path = mini_catalog / "items_test.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", "utf-8")
    (p,) = problems_of(mini_catalog, mini_laws)
    assert (p.field, p.value) == ("item_id", "T-001") and "重复" in p.reason


def test_negative_without_aspect(mini_catalog, mini_laws):
    path = mini_catalog / "items_test.csv"
    path.write_text(path.read_text("utf-8").replace(",重大决策不合规,T-001,", ",,T-001,"), "utf-8")
    (p,) = problems_of(mini_catalog, mini_laws)
    assert p.field == "aspect" and p.row == 4
