"""A list in Excel as offices issue it — and back: every bundled list, exported and imported as a new
version, compares equal to the version it came from (`qingdan diff` finds no change)."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

import openpyxl
import pytest

from qingdan.exports.xlsx import workbook_bytes, write_workbook
from qingdan.loaders.importer import ImportRequest, run_import
from qingdan.queries.diff import diff_versions, version_items
from qingdan.queries.listsheet import COLUMNS, Workbook, list_workbook, village_workbook
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

NEW_VERSION_DAY = "2030-01-01"  # after every bundled version, so the import is simply the next version
ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村


def list_ids(store: Any) -> list[str]:
    return sorted(n.id.split("/", 1)[1] for n in store.nodes("DutyList"))


def open_sheet(book: Workbook, tmp_path: Path, name: str = "清单.xlsx") -> Any:
    path = tmp_path / name
    write_workbook(book, path)
    return openpyxl.load_workbook(path)


def test_the_layout_officials_issue(memory_store: Any, tmp_path: Path) -> None:
    book = list_workbook(memory_store, "ST-XWQL")
    ws = open_sheet(book, tmp_path).worksheets[0]
    assert ws.title == "小微权力"
    assert ws["A1"].value == "村级小微权力清单" and "A1:J1" in {str(r) for r in ws.merged_cells.ranges}
    assert "ST-XWQL-V1" in ws["A2"].value
    assert [c.value for c in ws[3]] == list(COLUMNS)
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    items = [r for r in rows if isinstance(r[0], int)]
    # the 57 powers Shantou declared and the ones this project modeled (marked so in the provenance column)
    held = len(version_items(memory_store, memory_store.node("version/ST-XWQL-V1")))
    assert len(items) == held >= 57
    # category cells merged down the table: one merged range per category of more than one item
    merged_b = [r for r in ws.merged_cells.ranges if r.min_col == 2 and r.max_col == 2]
    assert len(merged_b) == 10 and sum(r.max_row - r.min_row + 1 for r in merged_b) == held
    first = next(r for r in items if r[0] == 1)
    assert first[1] == "重大事项决策"
    # citations as written on paper, naming the statute version they belong to
    assert "《中华人民共和国村民委员会组织法》（2018年12月29日版）第二十四条第一款第（一）项" in first[4]
    assert "《中华人民共和国村民委员会组织法》（2025年10月28日版）第二十八条第一款第（二）项" in first[4]
    assert first[5] == "村民会议" and "村务监督委员会" in first[7]
    assert first[9].startswith("依法规推导（")  # provenance in a column
    notes = [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith(("注", "2.", "3.", "4."))]
    assert notes[0].startswith("注：") and any("建模示例" in n for n in notes)


def test_no_cell_is_a_formula(memory_store: Any, tmp_path: Path) -> None:
    """A text that starts with = + - @ is written as text: Excel and WPS show it, never run it."""
    book = list_workbook(memory_store, "ST-ZDML-PRO")
    book.sheets[0].rows[0].description = '=HYPERLINK("http://evil.example/","点我")'
    book.sheets[0].rows[1].name = "-2+3 调解"
    wb = open_sheet(book, tmp_path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert '=HYPERLINK("http://evil.example/","点我")' in [c.value for c in cells]


def test_a_village_list_names_its_own_bodies(memory_store: Any, tmp_path: Path) -> None:
    book = village_workbook(Resolver(memory_store), ZHONGTIAN, "2026-03-01")
    wb = open_sheet(book, tmp_path)
    assert [ws.title for ws in wb.worksheets][:3] == ["群众自治工作职责事项", "协助政府工作职责事项", "应取消和禁入事项"]
    ws = wb["协助政府工作职责事项"]
    assert "中田村" in ws["A1"].value and "2026-03-01" in ws["A2"].value
    leads = {r[5].value for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int)}
    assert any(lead.startswith("潮阳区") for lead in leads if lead)  # 区（县）民政局 → 潮阳区民政局
    assert not any(lead and lead.startswith("区（县）") for lead in leads)
    auto = wb["群众自治工作职责事项"]
    assert any("河溪镇中田村民委员会" == r[5].value for r in auto.iter_rows(min_row=4))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory, memory_store: Any) -> Iterator[tuple[MemoryStore, dict[str, str]]]:
    """Every bundled list exported from the graph into one workbook, a sheet per list, and imported
    as its next version: the way an office sends several lists of one kind (放权强镇's delegated
    lists) at once. Sheets of one kind are told apart by the version id the export writes in their
    title; the sheet names are made unique the way a person would, by adding the list id."""
    tmp = tmp_path_factory.mktemp("roundtrip")
    ids = list_ids(memory_store)
    books = [list_workbook(memory_store, lid) for lid in ids]
    kinds = Counter(b.sheets[0].kind for b in books)
    sheets = [replace(b.sheets[0], name=f"{b.sheets[0].name}（{lid}）") if kinds[b.sheets[0].kind] > 1 else b.sheets[0]
              for lid, b in zip(ids, books)]
    exported = {lid: b.file_stem.removeprefix("清单_") for lid, b in zip(ids, books)}
    path = tmp / "清单.xlsx"
    path.write_bytes(workbook_bytes(Workbook("all", sheets)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QINGDAN_IMPORTS", str(tmp / "imports"))
        report = run_import(ImportRequest(path, path.name, NEW_VERSION_DAY, lists=tuple(ids)))
    assert report.loaded, [str(p) for p in report.problems]
    assert report.rows_loaded == sum(len(s.rows) for s in sheets)
    store = MemoryStore()
    store.replace_all(report.built.graph)
    yield store, exported


def test_sheets_of_one_kind_need_their_list_named(memory_store: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Two negative-kind sheets whose titles name no list: the importer cannot tell which list each
    is and says so for each sheet, loading nothing."""
    monkeypatch.setenv("QINGDAN_IMPORTS", str(tmp_path / "imports"))
    book = list_workbook(memory_store, "ST-ZDML-PRO")
    a = replace(book.sheets[0], name="应取消和禁入事项甲", subtitle="")
    b = replace(book.sheets[0], name="应取消和禁入事项乙", subtitle="")
    path = tmp_path / "两张表.xlsx"
    path.write_bytes(workbook_bytes(Workbook("two", [a, b])))
    report = run_import(ImportRequest(path, path.name, NEW_VERSION_DAY, lists=("ST-ZDML-PRO", "CN-CERT")))
    assert not report.loaded and report.folder is None
    assert sorted(p.sheet for p in report.problems) == ["应取消和禁入事项乙", "应取消和禁入事项甲"]
    assert all("写明它属于哪一个清单编号" in p.reason for p in report.problems)
    alone = run_import(ImportRequest(path, path.name, NEW_VERSION_DAY))
    assert not alone.loaded and any("只能有一个工作表" in p.reason for p in alone.problems)


def test_every_bundled_list_round_trips_without_a_change(round_trip: tuple[MemoryStore, dict[str, str]],
                                                         memory_store: Any) -> None:
    store, exported = round_trip
    assert set(exported) == set(list_ids(memory_store)) and len(exported) >= 11
    for lid, version in exported.items():
        d = diff_versions(store, lid, version, f"{lid}-{NEW_VERSION_DAY}")
        assert (d["added"], d["removed"], d["changed"]) == ([], [], []), (lid, d["changed"][:2], d["added"][:2])
        assert d["unchanged"] == d["from"]["items"] == d["to"]["items"] > 0, lid


def test_the_imported_version_answers_from_its_date(round_trip: tuple[MemoryStore, dict[str, str]]) -> None:
    store, _ = round_trip
    old, new = store.node("version/ST-XWQL-V1"), store.node(f"version/ST-XWQL-{NEW_VERSION_DAY}")
    assert old.get("in_force_to") == "2029-12-31" and new.get("in_force_from") == NEW_VERSION_DAY


def test_any_store_exports_the_same_rows(any_store: Any, memory_store: Any) -> None:
    for lid in ("ST-ZDML-AST", "ST-FMQD", "LST-DEL-ENG"):
        assert list_workbook(any_store, lid).sheets[0].table() == list_workbook(memory_store, lid).sheets[0].table()


def test_the_board_reads_the_imported_disclosure_list_from_its_first_month(round_trip: tuple[MemoryStore, dict[str, str]]) -> None:
    from qingdan.queries.board import board

    store, _ = round_trip
    before, after = board(store, ZHONGTIAN, "2029-12"), board(store, ZHONGTIAN, "2030-01")
    assert {p["item"] for p in before["posts"]} == {f"DIS-{i:03d}" for i in range(1, 31)}
    assert len(after["posts"]) == 30 and all(p["item"].startswith(f"ST-CWGK-{NEW_VERSION_DAY}-") for p in after["posts"])
    assert sorted(p["matter"] for p in after["posts"]) == sorted(p["matter"] for p in before["posts"])
