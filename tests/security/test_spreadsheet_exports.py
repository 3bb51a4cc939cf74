"""Spreadsheets qingdan writes must not carry formulas: a cell starting with = + - @ that Excel or WPS
would run (=HYPERLINK to a phishing page, =cmd|…) is either refused on the way in or neutralised
(written as text, e.g. with a leading ') in every .xlsx / .csv qingdan produces.

Where qingdan writes spreadsheets: the import template (`qingdan template`, loaders.importer.build_template)
and the catalog-format CSV parts an import writes under imports/<folder>/ (loaders.imports.write_csv),
which officials open in Excel to check what was imported."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl

from qingdan.loaders.importer import build_template
from qingdan.loaders.importer import ImportRequest, run_import

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORG = "《中华人民共和国村民委员会组织法》"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ['=HYPERLINK("http://evil.example/","点我核对")', "=cmd|' /C calc'!A0", "+1+2 调解", "-2+3 调解", "@SUM(A1:A9)"]


def dangerous(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def test_the_import_template_has_no_formula_cells(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    build_template(path)
    wb = openpyxl.load_workbook(path)
    cells = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert len(cells) > 20
    assert [c for c in cells if dangerous(c[2])] == []
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_formulas_typed_into_an_xlsx_never_reach_the_catalog(tmp_path: Path) -> None:
    """openpyxl reads formula cells without their cached value as empty: the row is refused, not imported."""
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    ws.append(["序号", "事项名称", "法律依据", "责任主体"])
    ws.append([1, HOSTILE[0], f"{ORG}第二条第二款", "村民委员会"])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    report = run_import(ImportRequest(path, path.name, "2024-05-01"), catalog_dir=catalog,
                        laws_dir=FIXTURES / "mini_laws")
    assert not report.loaded and report.problems
    assert not (tmp_path / "imports").exists() or not any((tmp_path / "imports").glob("*/items_import.csv"))


def test_cells_written_by_an_import_are_not_formulas(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["序号", "事项名称", "事项说明", "法律依据", "责任主体", "关键词"])
    for i, text in enumerate(HOSTILE, start=1):
        w.writerow([i, text, HOSTILE[-i], f"{ORG}第二条第二款", "村民委员会", HOSTILE[i - 1]])
    path = tmp_path / "群众自治工作职责事项.csv"
    path.write_text(buf.getvalue(), "utf-8")
    report = run_import(ImportRequest(path, path.name, "2024-05-01"), catalog_dir=catalog,
                        laws_dir=FIXTURES / "mini_laws")
    if not report.loaded:  # refusing the hostile cells is one acceptable answer, if every one is named
        named = {(p.row, p.value) for p in report.problems}
        assert len(named) >= len(HOSTILE), report.problems
        return
    written = [(f.name, cell) for f in (tmp_path / "imports").rglob("*.csv") if not f.name.startswith("original.")
               for row in csv.reader(f.open(encoding="utf-8")) for cell in row]  # original.* is the upload, kept as sent
    assert written
    assert [c for c in written if dangerous(c[1])] == []
