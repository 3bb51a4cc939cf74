"""The download routes and pages over the real app: files with their types and names, pages with the
board, the booklet and the flowcharts, bad input answered in Chinese."""
from __future__ import annotations

import io
from typing import Any
from urllib.parse import unquote

import openpyxl
import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

ZHONGTIAN = "440513101210"


@pytest.fixture(scope="module")
def client(memory_store: Any) -> TestClient:
    return TestClient(create_app(store=memory_store, settings=Settings()))


def test_list_excel_download(client: TestClient) -> None:
    r = client.get("/lists/ST-XWQL/export.xlsx", params={"version": "ST-XWQL-V1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "清单_ST-XWQL-V1.xlsx" in unquote(r.headers["content-disposition"])
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert ws["A1"].value == "村级小微权力清单"
    assert client.get("/lists/NO-SUCH/export.xlsx").status_code == 404
    assert client.get("/lists/ST-XWQL/export.xlsx", params={"version": "2021-02-30"}).status_code == 404


def test_village_excel_board_and_calendar(client: TestClient) -> None:
    r = client.get(f"/villages/{ZHONGTIAN}/export.xlsx", params={"as_of": "2026-03-01"})
    assert r.status_code == 200 and "中田" in unquote(r.headers["content-disposition"])
    b = client.get(f"/villages/{ZHONGTIAN}/board", params={"month": "2026-03"}).json()
    assert b["period"]["quarter_end"] == "2026-03-31" and b["posts"]
    ics = client.get(f"/villages/{ZHONGTIAN}/board.ics", params={"month": "2026-03"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(ics.content).walk("VEVENT")
    assert client.get(f"/villages/{ZHONGTIAN}/board", params={"month": "2026-3"}).status_code == 422
    assert client.get("/villages/440513999999/board", params={"month": "2026-03"}).status_code == 404


def test_flowchart_svg_route(client: TestClient) -> None:
    r = client.get("/items/MP-001/flowchart.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.startswith("<svg") and "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/items/AUT-001/flowchart.svg").status_code == 404


def test_pages_show_the_board_the_booklet_and_flowcharts(client: TestClient) -> None:
    page = client.get(f"/board/{ZHONGTIAN}", params={"month": "2025-11"}).text
    assert "村务公开栏 · 2025-11" in page and "第三十条第三款" in page and "本项目的理解" in page
    assert f"/villages/{ZHONGTIAN}/board.ics?month=2025-11" in page
    bad = client.get(f"/board/{ZHONGTIAN}", params={"month": "十一月"})
    assert bad.status_code == 422 and "YYYY-MM" in bad.text
    book = client.get("/flowcharts", params={"chapter": "XWQL-C04"}).text
    assert "财务管理" in book and book.count("<svg") >= 1
    assert client.get("/flowcharts", params={"chapter": "NOPE"}).status_code == 404
    assert 'class="flowchart-svg"' in client.get("/lists/item/MP-001").text
    assert 'class="flowchart-svg"' in client.get("/", params={"q": "村里要搞工程招标，流程怎么走？"}).text
    assert 'class="flowchart-svg"' in client.get("/print", params={"q": "村里要搞工程招标，流程怎么走？"}).text
    lists = client.get("/lists").text
    assert "/lists/ST-XWQL/export.xlsx?version=ST-XWQL-V1" in lists
    assert f"/villages/{ZHONGTIAN}/export.xlsx" in client.get(f"/village/{ZHONGTIAN}").text
