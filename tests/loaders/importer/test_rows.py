"""Item rows → draft items: bodies split into lead and assisting with their names kept, unknown bodies
warned about but kept, bad rows named by sheet, row, column and value."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qingdan.loaders.catalog import load_catalog
from qingdan.loaders.importer import find_table, read_file
from qingdan.loaders.importer.bases import Citer
from qingdan.loaders.importer.bodies import BodyIndex
from qingdan.loaders.importer.rows import SheetPlan, plan_sheet
from qingdan.loaders.laws import cached_corpus

from .workbooks import xlsx

SHEET = "协助政府工作职责事项"


@pytest.fixture()
def plan(tmp_path: Path, mini_catalog: Path, mini_laws: Path):  # type: ignore[no-untyped-def]
    cat = load_catalog(mini_catalog)
    bodies = BodyIndex(cat.of("body_types"), cat.of("body_aliases"))
    citer = Citer(cat, cached_corpus(str(mini_laws)))

    def plan_of(rows: list[list[Any]], kind: str = "assistance") -> SheetPlan:
        [sheet], _ = read_file(xlsx(tmp_path / "t.xlsx", {SHEET: rows}))
        table, _ = find_table(sheet)
        assert table is not None
        return plan_sheet(table, kind, "2024-05-01", bodies, citer)
    return plan_of


def test_two_bodies_in_one_cell_are_lead_and_assisting(plan):
    p = plan([["序号", "事项名称", "责任单位", "配合单位"],
              [1, "协助低保调查", "区民政局、镇政府", "村（居）委会"],
              [2, "协助临时救助", "区民政局/镇街", None],
              [3, "协助殡葬宣传", "镇政府（配合）、区民政局", None]])
    assert p.problems == [] and p.warnings == []
    got = [(d.lead, d.lead_name, d.assist, d.assist_names) for d in p.items]
    assert got == [
        ("county_civil_affairs", "区民政局", ["town_government", "village_committee"], ["镇政府", "村（居）委会"]),
        ("county_civil_affairs", "区民政局", ["town_government", "village_committee", "residents_committee"], ["镇街"]),
        ("county_civil_affairs", "区民政局", ["town_government", "village_committee", "residents_committee"], ["镇政府"]),
    ]


def test_an_unknown_body_is_kept_by_name_with_a_warning(plan):
    p = plan([["序号", "事项名称", "责任单位"], [1, "协助网格巡查", "区网格化服务管理中心"]])
    assert p.problems == [] and p.bad_rows == set()
    [d] = p.items
    assert (d.lead, d.lead_name) == ("county_department", "区网格化服务管理中心")
    assert [(w.row, w.column, w.value) for w in p.warnings] == [(2, "责任单位", "区网格化服务管理中心")]


def test_a_body_written_as_its_type_keeps_no_extra_name(plan):
    p = plan([["序号", "事项名称", "责任单位"], [1, "协助低保调查", "区（县）民政局"]])
    assert [(d.lead, d.lead_name) for d in p.items] == [("county_civil_affairs", "")]


def test_a_lead_cell_naming_only_an_assisting_body_is_a_problem(plan):
    p = plan([["序号", "事项名称", "责任主体"], [1, "协助开展低保调查", "区民政局（配合）"]])
    assert [(x.row, x.column, x.reason) for x in p.problems] == [(2, "责任主体", "责任主体一栏只写了配合单位，没有牵头单位")]
    assert p.bad_rows == {2} and p.items == []


def test_numbering_may_restart_in_each_category_but_not_repeat(plan):
    p = plan([["序号", "类别", "事项名称", "责任单位"],
              [1, "社会保障", "协助低保调查", "区民政局"], [2, None, "协助临时救助", "区民政局"],
              [1, "社会治安", "协助禁毒宣传", "派出所"], [1, None, "协助反诈宣传", "派出所"]])
    assert [(x.row, x.column, x.value, x.reason) for x in p.problems] == [(5, "序号", "1", "序号重复（第4行已用）")]


def test_a_citation_whose_text_is_not_held_is_kept_as_written(plan):
    p = plan([["序号", "事项名称", "法律依据", "责任单位"], [1, "协助人民调解", "《人民调解法》第八条", "司法所"]])
    assert p.problems == []
    [d] = p.items
    assert (d.bases, d.unlinked) == ([], ["《人民调解法》第八条"])
    assert d.no_basis_reason == "依据所引法规在清单施行日 2024-05-01 的文本未收录：《人民调解法》第八条"
