"""Files officials take away, over HTTP: the Excel list, the disclosure board (JSON and .ics), flowcharts.

All read-only and public, the same options as the CLI (`qingdan export --format xlsx`,
`qingdan board`, `qingdan flowchart`), put in the path where a value is required so that a
request either names what it wants or is refused as malformed.
"""
from __future__ import annotations

from typing import Any, Callable, Optional
from urllib.parse import quote

from fastapi import Depends, FastAPI, Path, Query
from fastapi.responses import Response

from qingdan.errors import BadRequest, NotFound
from qingdan.queries import board as board_q
from qingdan.queries import flowchart as flow_q
from qingdan.queries import listsheet
from qingdan.queries.stores.base import GraphStore

from .models import ERROR_RESPONSES
from .params import code_path, date_query

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ICS = "text/calendar; charset=utf-8"
SVG = "image/svg+xml"
MONTH_PATTERN = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"
Q_MONTH = Query(..., pattern=MONTH_PATTERN, description="月份 YYYY-MM", examples=["2026-03"])
P_LIST = Path(..., min_length=1, max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]*$", description="清单编号，如 ST-XWQL",
              examples=["ST-XWQL"])
P_ITEM = Path(..., min_length=1, max_length=80, description="事项编号，如 MP-001", examples=["MP-001"])


def _binary(media: str, what: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": what, "content": {media.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}}},
            **ERROR_RESPONSES}


def attachment(body: bytes, media: str, filename: str) -> Response:
    """A download with its Chinese file name (RFC 6266 / 5987) and an ASCII fallback for old clients."""
    ascii_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in filename)
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
    return Response(body, media_type=media, headers={"Content-Disposition": disposition,
                                                     "X-Content-Type-Options": "nosniff"})


def list_xlsx(store: GraphStore, list_id: str, version: Optional[str]) -> tuple[bytes, str]:
    from qingdan.exports.xlsx import workbook_bytes

    try:
        book = listsheet.list_workbook(store, list_id, version)
    except BadRequest as exc:  # a date-shaped version that is no date: there is no such version
        raise NotFound(str(exc)) from exc
    return workbook_bytes(book), f"{book.file_stem}.xlsx"


def village_xlsx(resolver: Any, code: str, as_of: Optional[str]) -> tuple[bytes, str]:
    from qingdan.exports.xlsx import workbook_bytes

    book = listsheet.village_workbook(resolver, code, as_of)
    return workbook_bytes(book), f"{book.file_stem}.xlsx"


def register(app: FastAPI, get_store: Callable[..., GraphStore]) -> None:
    get_resolver = app.state.get_resolver

    @app.get("/lists/{list_id}/export.xlsx", tags=["导出"], summary="清单 Excel（官方格式）", response_class=Response,
             responses=_binary(XLSX, "Excel 文件：标题行、序号/类别/事项名称/具体内容/法律依据/责任单位/配合单位/监督单位/备注/来源，"
                                     "类别单元格合并，表下注释；可用 qingdan import 作为新版本导入"),
             description="导出一份清单的一个版本（不指定则为今天施行的版本）。与 `qingdan export --format xlsx --list … --version …` 相同。")
    def export_list(list_id: str = P_LIST,
                    version: Optional[str] = Query(None, max_length=60, description="版本编号，或日期 YYYY-MM-DD（取当日施行的版本）"),
                    store: GraphStore = Depends(get_store)) -> Response:
        body, name = list_xlsx(store, list_id, version)
        return attachment(body, XLSX, name)

    @app.get("/villages/{code}/export.xlsx", tags=["导出"], summary="村（社区）职责清单 Excel", response_class=Response,
             responses=_binary(XLSX, "Excel 文件：该村当日施行的全部清单事项，每类一个工作表，主体为本村对应的具体机关"),
             description="与 `qingdan export --format xlsx --village CODE` 相同。")
    def export_village(code: str = code_path(), as_of: Optional[str] = date_query("按哪一天施行的清单（默认今天）"),
                       resolver: Any = Depends(get_resolver)) -> Response:
        body, name = village_xlsx(resolver, code, as_of)
        return attachment(body, XLSX, name)

    @app.get("/villages/{code}/board", tags=["村务公开"], summary="村务公开栏：某月须公开的事项",
             responses=ERROR_RESPONSES,
             description="该村该月须公开的全部事项：内容、依据（按该月施行的法规版本）、频次、截止日（注明是法定还是本项目的理解）、"
                         "最短公布期限、公开方式；随事项发生的公开列出其公示期。与 `qingdan board CODE --month YYYY-MM --json` 相同。")
    def board_json(code: str = code_path(), month: str = Q_MONTH, store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return board_q.board(store, code, month)

    @app.get("/villages/{code}/board.ics", tags=["村务公开"], summary="村务公开日历（.ics）", response_class=Response,
             responses=_binary(ICS, "iCalendar（RFC 5545）：每个公开截止日一个全天事件，提前三天提醒"),
             description="手机日历可直接导入。只含有截止日的定期公开；随事项发生的公开没有固定日期，不在日历中。")
    def board_ics(code: str = code_path(), month: str = Q_MONTH, store: GraphStore = Depends(get_store)) -> Response:
        from qingdan.exports.ics import board_calendar

        b = board_q.board(store, code, month)
        return attachment(board_calendar(b), ICS, f"{code}_村务公开_{b['period']['month']}.ics")

    @app.get("/items/{item_id}/flowchart.svg", tags=["清单"], summary="事项办理流程图（SVG）", response_class=Response,
             responses={200: {"description": "SVG 流程图", "content": {SVG: {"schema": {"type": "string"}}}}, **ERROR_RESPONSES},
             description="由流程步骤生成：谁来做、做什么、材料、公示期、决策点。与 `qingdan flowchart ITEM_ID` 相同。")
    def flowchart_svg(item_id: str = P_ITEM, store: GraphStore = Depends(get_store)) -> Response:
        from qingdan.viz.flowchart import flowchart_svg as draw

        svg = draw(flow_q.flow(store, item_id))
        return Response(svg, media_type=SVG, headers={"X-Content-Type-Options": "nosniff",
                                                      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})
