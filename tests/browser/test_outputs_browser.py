"""What officials take away, in a real Chromium: an Excel list downloaded and imported back, a
village's disclosure board for a month (and its calendar, and its A4 print), a flowchart read on a phone."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from icalendar import Calendar

from qingdan.loaders.importer import ImportRequest, run_import
from qingdan.loaders.pipeline import build
from qingdan.queries.diff import diff_versions, version_items
from qingdan.queries.stores.memory import MemoryStore

ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村
A4_PRINTABLE_PX = 688  # 210 mm less 2 × 14 mm margins, at 96 px per inch


def _no_horizontal_overflow(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("window.innerWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"页面横向溢出：{scroll}px > {width}px（{page.url}）"


def test_download_a_list_in_excel_and_import_it_back(visit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = visit.go("/lists?kind=micro_power")
    link = page.locator("#list-ST-XWQL a[data-download-xlsx]").first
    assert "Excel" in link.inner_text()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx") and "ST-XWQL-V1" in download.suggested_filename
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws["A1"].value == "村级小微权力清单" and ws["C3"].value == "事项名称"
    # the file an official downloads is a file `qingdan import` takes as the list's next version, unchanged
    monkeypatch.setenv("QINGDAN_IMPORTS", str(tmp_path / "imports"))
    report = run_import(ImportRequest(path, path.name, "2030-01-01", lists=("ST-XWQL",)))
    assert report.loaded, [str(p) for p in report.problems]
    store = MemoryStore()
    store.replace_all(build().graph)
    d = diff_versions(store, "ST-XWQL", "ST-XWQL-V1", "ST-XWQL-2030-01-01")
    held = len(version_items(store, store.node("version/ST-XWQL-V1")))
    assert (d["added"], d["removed"], d["changed"], d["unchanged"]) == ([], [], [], held) and held >= 57


def test_download_a_villages_duty_list(visit, tmp_path: Path) -> None:
    page = visit.go(f"/village/{ZHONGTIAN}")
    with page.expect_download() as info:
        page.locator("a[data-download-xlsx]").click()
    path = tmp_path / "village.xlsx"
    info.value.save_as(path)
    wb = openpyxl.load_workbook(path)
    assert "群众自治工作职责事项" in wb.sheetnames and "中田村" in wb.worksheets[0]["A1"].value


def test_board_for_a_village_and_month(visit, tmp_path: Path) -> None:
    page = visit.go(f"/village/{ZHONGTIAN}")
    page.get_by_role("link", name="村务公开栏").click()
    page.locator("input[name=month]").fill("2026-03")
    page.get_by_role("button", name="查看").click()
    page.wait_for_url("**month=2026-03**")
    assert "2026-03" in page.locator("h1").inner_text() and "中田村" in page.locator("h1").inner_text()
    finance = page.locator("tr[data-post=DIS-007]")
    assert finance.get_attribute("data-frequency") == "monthly"
    assert "2026-03-31" in finance.locator(".deadline").inner_text() and "不少于 15 日" in finance.inner_text()
    assert page.locator("tr[data-frequency=quarterly]").count() >= 5
    decision = page.locator("li[data-post=DIS-001]")
    assert "决议公告" in decision.inner_text() and "3 日" in decision.inner_text()
    assert "第三十五条第三款" in page.locator(".board-rule").inner_text()
    visit.shot("board-2026-03")
    with page.expect_download() as info:
        page.locator("a[data-ics]").click()
    ics = tmp_path / "board.ics"
    info.value.save_as(ics)
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert {str(e.decoded("DTSTART")) for e in events} == {"2026-03-31", "2026-12-31"}
    # printable A4: navigation gone, the tables within the printable width
    page.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1000})
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible() and not page.locator("form.filter").is_visible()
    assert page.locator("tr[data-post=DIS-007]").is_visible()
    _no_horizontal_overflow(page)
    table = page.locator("table.board-table").first
    assert table.evaluate("t => t.getBoundingClientRect().right") <= A4_PRINTABLE_PX
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")


def test_board_on_a_phone(phone) -> None:
    page = phone.go(f"/board/{ZHONGTIAN}?month=2025-11")
    assert "第三十条第三款" in page.locator(".board-rule").inner_text()  # 2018 text before 2026
    _no_horizontal_overflow(page)
    phone.shot("board-phone")


def _check_legible(page: Any, figure: Any) -> None:
    svg = figure.locator("svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    width = page.evaluate("window.innerWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # text drawn at no less than 12 px on screen (14 units in a 360-unit-wide drawing, scaled to the column)
    assert box["width"] / 360 * 14 >= 12, f"流程图文字太小：{box['width'] / 360 * 14:.1f}px"
    # every line of every step stays inside its box, measured with the fonts the browser really used
    outside = svg.evaluate("""s => {
        const bad = [];
        for (const g of s.querySelectorAll('g.flow-node')) {
            const shape = g.querySelector('rect, polygon').getBBox();
            for (const t of g.querySelectorAll('text')) {
                const b = t.getBBox();
                if (b.x < shape.x - 0.5 || b.x + b.width > shape.x + shape.width + 0.5) bad.push(t.textContent);
            }
        }
        return bad;
    }""")
    assert outside == [], f"流程图文字超出方框：{outside[:3]}"


def test_flowchart_visible_and_legible_at_phone_width(phone) -> None:
    page = phone.go("/lists/item/MP-001")
    figure = page.locator("figure.flowchart").first
    figure.scroll_into_view_if_needed()
    _check_legible(page, figure)
    assert "决议公告" in figure.inner_text() and "公示不少于 15 日" in figure.inner_text()
    _no_horizontal_overflow(page)
    phone.shot("flowchart-phone")
    page = phone.go("/flowcharts?chapter=XWQL-C03")
    figures = page.locator("figure.flowchart")
    assert figures.count() >= 1
    for i in range(figures.count()):
        _check_legible(page, figures.nth(i))
    _no_horizontal_overflow(page)


def test_flowchart_in_an_answer_and_its_print_view(visit) -> None:
    page = visit.go("/?q=" + "村里要搞工程招标，流程怎么走？")
    figure = page.locator("#answer figure.flowchart")
    assert figure.locator("svg").is_visible()
    page = visit.go("/print?q=" + "村里要搞工程招标，流程怎么走？")
    page.emulate_media(media="print")
    assert page.locator("figure.flowchart svg").is_visible()
