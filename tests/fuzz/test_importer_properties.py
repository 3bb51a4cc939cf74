"""The importer on files nobody should send: random bytes, CSV that is almost a list, workbooks with a
damaged part, zip bombs. Each must end in a report with problems (or one of our own errors), never a
bare exception — through POST /admin/import that would be a 500 and a traceback in the log, through
`qingdan import` a traceback on the official's screen — and a bomb must be refused in seconds."""
from __future__ import annotations

import csv
import io
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import Phase, given
from hypothesis import strategies as st

from qingdan.errors import QingdanError
from qingdan.loaders.importer import COLUMNS, MAX_ROWS, read_file
from qingdan.loaders.importer import ImportReport, ImportRequest, run_import

from .budget import fuzz_settings

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORG = "《中华人民共和国村民委员会组织法》"
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)  # a known failure need not be minimised on every run
HEADER_WORDS = [n for _, names in COLUMNS.values() for n in names[:3]]
CELL_WORDS = ["1", "２", "一、民主决策", "调解民间纠纷", "村民委员会", "村委会", "区民政局", f"{ORG}第二条第二款",
              f"{ORG}第二十四条第一款第（六）项", "注：本目录自2024年5月1日起施行。", "=1+1", "@SUM(A1)", "", " ", "\n"]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A private copy of the small catalog; imports (never committed here: dry runs) would land beside it."""
    root = tmp_path_factory.mktemp("import-fuzz")
    shutil.copytree(FIXTURES / "mini_catalog", root / "catalog")
    return {"catalog": root / "catalog", "laws": FIXTURES / "mini_laws", "tmp": root}


def _run(env: dict[str, Path], data: bytes, name: str, **kw: Any) -> ImportReport | None:
    path = env["tmp"] / f"upload{Path(name).suffix}"
    path.write_bytes(data)
    req = ImportRequest(path, name, kw.pop("version_date", "2024-05-01"), dry_run=True, **kw)
    try:
        report = run_import(req, catalog_dir=env["catalog"], laws_dir=env["laws"])
    except QingdanError:
        return None
    assert isinstance(report, ImportReport)
    assert report.problems or report.valid, "a file that is not imported must say why"
    assert not report.loaded
    for p in report.problems:
        assert p.reason
    return report


@fuzz_settings(150, 10_000)
@given(data=st.binary(max_size=4096), name=st.sampled_from(["清单.xlsx", "清单.csv", "清单.xls", "清单.txt", "清单"]))
def test_random_bytes_give_a_report_with_problems(env: dict[str, Path], data: bytes, name: str) -> None:
    report = _run(env, data, name)
    assert report is None or not report.valid or name.endswith(".csv")


@st.composite
def almost_a_list(draw: st.DrawFn) -> bytes:
    header = draw(st.lists(st.one_of(st.sampled_from(HEADER_WORDS), st.text(max_size=6)), min_size=1, max_size=8))
    if draw(st.booleans()):  # most real lists have the name column: reach the row checks, not just the header search
        header.insert(draw(st.integers(0, len(header))), "事项名称")
    cell = st.one_of(st.sampled_from(CELL_WORDS), st.text(max_size=20))
    rows = draw(st.lists(st.lists(cell, max_size=len(header) + 2), max_size=12))
    above = draw(st.lists(st.lists(cell, max_size=3), max_size=3))  # title rows, blank rows
    buf = io.StringIO()
    csv.writer(buf).writerows([*above, header, *rows])
    return buf.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])))


@fuzz_settings(25, 2000)
@given(data=almost_a_list(), kind=st.sampled_from([None, "autonomy", "群众自治工作职责事项", "negative", "nonsense"]))
def test_csv_that_is_almost_a_list_gives_a_report(env: dict[str, Path], data: bytes, kind: str | None) -> None:
    _run(env, data, "群众自治工作职责事项.csv", kind=kind)


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    for row in [["序号", "事项名称", "法律依据", "责任主体"], [1, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会"]]:
        ws.append(row)
    ws.merge_cells("C3:D3")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


GOOD = _workbook()
MEMBERS = [i.filename for i in zipfile.ZipFile(io.BytesIO(GOOD)).infolist()]
XML_BITS = ["<", ">", "</", "/>", "<row>", "<c r=\"A1\">", "<v>", "1", "</v>", "</c>", "</row>", "<sheetData>",
            "</sheetData>", "t=\"s\"", "t=\"inlineStr\"", "<is><t>x</t></is>", "<mergeCell ref=\"A1:B2\"/>", "&amp;", "&",
            "<!DOCTYPE x>", "<?xml version=\"1.0\"?>", "r=\"XFD1048576\"", "<dimension ref=\"A1:XFD1048576\"/>"]


@st.composite
def damaged_workbook(draw: st.DrawFn) -> bytes:
    """A real workbook with one part replaced: cut short, bytes flipped, or XML made of spare pieces."""
    member = draw(st.sampled_from(MEMBERS))
    original = zipfile.ZipFile(io.BytesIO(GOOD)).read(member)
    how = draw(st.sampled_from(["truncate", "flip", "pieces", "bytes"]))
    if how == "truncate":
        new = original[: draw(st.integers(0, max(0, len(original) - 1)))]
    elif how == "flip":
        i = draw(st.integers(0, len(original) - 1))
        new = original[:i] + bytes([original[i] ^ draw(st.integers(1, 255))]) + original[i + 1:]
    elif how == "pieces":
        new = "".join(draw(st.lists(st.sampled_from(XML_BITS), max_size=40))).encode()
    else:
        new = draw(st.binary(max_size=200))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in MEMBERS:
            z.writestr(name, new if name == member else zipfile.ZipFile(io.BytesIO(GOOD)).read(name))
    return out.getvalue()


@fuzz_settings(60, 5000, phases=NO_SHRINK)
@given(data=damaged_workbook())
def test_a_damaged_workbook_gives_sheets_or_problems(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    """read_file is where the workbook is parsed; run_import only adds checks on what it returns."""
    path = tmp_path_factory.getbasetemp() / "damaged.xlsx"
    path.write_bytes(data)
    sheets, problems = read_file(path)
    assert sheets or problems


# The zip bomb is tried in tests/security/test_admin_writes.py (through run_import, in a child process).


def test_an_oversized_sheet_is_refused_quickly(env: dict[str, Path]) -> None:
    """More rows than MAX_ROWS, each a plausible item: refused as a whole with the limit named."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    ws.append(["序号", "事项名称", "责任主体"])
    for i in range(1, MAX_ROWS + 200):
        ws.append([i, f"事项{i}", "村民委员会"])
    buf = io.BytesIO()
    wb.save(buf)
    t = time.perf_counter()
    report = _run(env, buf.getvalue(), "清单.xlsx")
    assert time.perf_counter() - t < 10
    assert report is not None and not report.valid
    assert any(str(MAX_ROWS) in p.reason for p in report.problems)
