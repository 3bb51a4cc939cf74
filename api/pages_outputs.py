"""Pages for what officials take away: a village's 村务公开栏 for a month (printable, with a calendar)
and the 流程图 booklet of the micro-powers; plus the flowchart figure the item, answer and print
pages show. Same rendering, errors and caching as api.pages."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRouter
from qingdan.errors import NotFound, QingdanError
from qingdan.queries import board as board_q
from qingdan.queries import flowchart as flow_q
from qingdan.queries.stores.base import GraphStore
from . import figures, pages

CHANNEL_ZH = board_q.CHANNEL_ZH


def flow_figure(request: Request, store: GraphStore, item_id: str | None) -> dict[str, Any] | None:
    return figures.flow_figure(store, item_id, lambda key, build: pages._cached(request, store, key, build))


def this_month() -> str:
    today = date.today()
    return f"{today.year:04d}-{today.month:02d}"


def register(app: FastAPI, get_store: Callable[..., GraphStore]) -> None:
    if getattr(app.state, "outputs_pages_registered", False):
        return
    app.state.outputs_pages_registered = True
    router = APIRouter(route_class=pages.PageRoute, include_in_schema=False, default_response_class=HTMLResponse)

    @router.get("/board/{code}")
    def board_page(request: Request, code: str, month: Optional[str] = None,
                   store: GraphStore = Depends(get_store)) -> HTMLResponse:
        chosen = pages._clean(month, 7) or this_month()
        ctx: dict[str, Any] = {"active": "village", "code": pages._clean(code, 12) or "", "month": chosen, "b": None,
                               "CHANNEL_ZH": CHANNEL_ZH}
        status = 200
        try:
            ctx["b"] = board_q.board(store, ctx["code"], chosen)
        except QingdanError as exc:
            ctx["error"] = pages._message(exc)
            status = pages._status(exc)
        return pages._render(request, "board.html", ctx, status)

    @router.get("/flowcharts")
    def flowcharts(request: Request, chapter: Optional[str] = None,
                   store: GraphStore = Depends(get_store)) -> HTMLResponse:
        books = pages._cached(request, store, "booklet", lambda: flow_q.booklet(store))
        wanted = pages._clean(chapter)
        chapters = [c for b in books for c in b["chapters"]]
        if wanted and not any(c["id"] == wanted for c in chapters):
            raise NotFound(f"没有编号为 {wanted} 的类别")
        current = wanted or (chapters[0]["id"] if chapters else None)
        figures = {}
        for c in chapters:
            if c["id"] == current:
                for p in c["powers"]:
                    if p["flow"] is not None:
                        figures[p["item"]] = flow_figure(request, store, p["item"])
        return pages._render(request, "flowcharts.html", {"active": "flowcharts", "books": books, "current": current,
                                                          "figures": figures})

    app.include_router(router)
