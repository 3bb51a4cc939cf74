"""`qingdan export --format xlsx`, `qingdan board`, `qingdan flowchart` as an official runs them."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from icalendar import Calendar
from typer.testing import CliRunner

from qingdan.api.cli import app

runner = CliRunner()
ZHONGTIAN = "440513101210"


def test_export_a_list_version_to_excel(tmp_path: Path) -> None:
    out = tmp_path / "指导目录.xlsx"
    r = runner.invoke(app, ["export", "--format", "xlsx", "--list", "ST-ZDML-AUT", "--version", "ST-ZDML-AUT-2021", "-o", str(out)])
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.title == "群众自治工作职责事项" and ws["A3"].value == "序号" and ws["E3"].value == "法律依据"
    # the 47 items Shantou declared, and the ones this project modeled, marked so in the provenance column
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int)]
    modeled = [r for r in rows if "建模" in " ".join(str(v) for v in r if v)]
    assert len(rows) - len(modeled) == 47 and modeled


def test_export_a_version_by_its_date_and_a_village(tmp_path: Path) -> None:
    out = tmp_path / "v.xlsx"
    r = runner.invoke(app, ["export", "--format", "xlsx", "--list", "ST-ZDML-AUT", "--version", "2020-06-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "ST-ZDML-AUT-2019" in openpyxl.load_workbook(out).worksheets[0]["A2"].value
    r = runner.invoke(app, ["export", "--format", "xlsx", "--village", ZHONGTIAN, "--as-of", "2026-03-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(openpyxl.load_workbook(out).worksheets) == 8


def test_export_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    r = runner.invoke(app, ["export", "--format", "xlsx", "--list", "NO-SUCH", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2 and "NO-SUCH" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["export", "--format", "xlsx", "--list", "ST-XWQL"])
    assert r.exit_code == 2 and ".xlsx" in r.output
    r = runner.invoke(app, ["export", "--format", "xlsx", "--village", ZHONGTIAN, "--list", "ST-XWQL", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2


def test_board_json_and_calendar(tmp_path: Path) -> None:
    ics = tmp_path / "公开.ics"
    r = runner.invoke(app, ["board", ZHONGTIAN, "--month", "2026-03", "--json", "--ics", str(ics)])
    assert r.exit_code == 0, r.output
    b = json.loads(r.stdout)
    assert set(b) >= {"village", "period", "posts"} and b["period"]["month"] == "2026-03"
    assert {"matter", "basis", "frequency", "deadline", "min_days", "channel", "item"} <= set(b["posts"][0])
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    r = runner.invoke(app, ["board", ZHONGTIAN, "--month", "2026-03"])
    assert r.exit_code == 0 and "村级财务收支情况" in r.stdout and "第三十五条第三款" in r.stdout
    r = runner.invoke(app, ["board", ZHONGTIAN, "--month", "2026-3"])
    assert r.exit_code == 2 and "YYYY-MM" in r.output


def test_flowchart_to_svg(tmp_path: Path) -> None:
    out = tmp_path / "mp1.svg"
    r = runner.invoke(app, ["flowchart", "MP-001", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text("utf-8").startswith("<svg") and "决议公告" in out.read_text("utf-8")
    r = runner.invoke(app, ["flowchart", "AUT-001"])
    assert r.exit_code == 2 and "没有收录办理流程" in r.output
