"""`qingdan board`, `qingdan flowchart` and `qingdan export --format xlsx`: what officials take away."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from qingdan.errors import BadRequest

from .cli import StoreOpt, app, console, dump, err, friendly, store_kind


def export_xlsx(out: Optional[Path], list_id: Optional[str], version: Optional[str], village: Optional[str],
                as_of: Optional[str], store: str) -> None:
    """The Excel list: a list version (--list/--version) or a village's whole duty list (--village)."""
    from qingdan.api.state import open_store
    from qingdan.exports.xlsx import write_workbook
    from qingdan.queries.listsheet import list_workbook, village_workbook

    if out is None or out.suffix.lower() != ".xlsx":
        raise BadRequest("Excel 导出须用 -o 指定以 .xlsx 结尾的文件")
    if village and (list_id or version):
        raise BadRequest("--village 导出该村全部清单，不能同时指定 --list 或 --version")
    s = open_store(store)
    try:
        if village:
            from qingdan.queries.resolve import Resolver

            book = village_workbook(Resolver(s), village, as_of)
        else:
            book = list_workbook(s, list_id, version)
    finally:
        s.close()
    write_workbook(book, out)
    rows = sum(len(sh.rows) for sh in book.sheets)
    err.print(f"已写出 {out}：{len(book.sheets)} 个工作表，{rows} 项")


@app.command()
@friendly
def board(code: str = typer.Argument(..., help="村（社区）12 位区划代码，如 440513101210"),
          month: str = typer.Option(..., "--month", help="月份 YYYY-MM"),
          ics: Optional[Path] = typer.Option(None, "--ics", help="同时写出日历文件（.ics，每个公开截止日一个事件）"),
          store: Optional[str] = StoreOpt,
          as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """村务公开栏：该村该月必须公开的事项、依据、频次、截止日、最短公布期限和公开方式。"""
    from qingdan.api.state import open_store
    from qingdan.queries.board import board as board_query

    s = open_store(store_kind(store))
    try:
        b = board_query(s, code, month)
    finally:
        s.close()
    if ics is not None:
        from qingdan.exports.ics import board_calendar

        if ics.suffix.lower() != ".ics":
            raise BadRequest("日历文件名应以 .ics 结尾")
        ics.write_bytes(board_calendar(b))
        err.print(f"已写出 {ics}")
    if as_json:
        dump(b)
        return
    v = b["village"]
    where = "".join((v.get(k) or {}).get("name") or "" for k in ("district", "town"))
    console.print(f"[bold]{escape(v['village']['name'])}（{where}）村务公开 {b['period']['month']}[/]", highlight=False)
    if b["statute"]:
        console.print(f"依据：{escape(b['statute']['label'])}：{escape(b['statute']['text'])}", highlight=False)
    from qingdan.queries.board import CHANNEL_ZH, FREQUENCY_ZH

    for freq in ("monthly", "quarterly", "annual", "event"):
        posts = [p for p in b["posts"] if p["frequency"] == freq]
        if not posts:
            continue
        console.print(f"\n[bold]【{FREQUENCY_ZH[freq]}】{len(posts)} 项[/]", highlight=False)
        for p in posts:
            days = f"；公布不少于 {p['min_days']} 日" if p["min_days"] else ""
            ways = "、".join(CHANNEL_ZH.get(c, c) for c in p["channel"])
            console.print(f"· [bold]{escape(p['matter'])}[/]（{p['item']}）", highlight=False)
            console.print(f"  截止：{escape(p['deadline_text'])}{days}；方式：{ways}", highlight=False)
            if p.get("condition"):
                console.print(f"  [dim]{escape(p['condition'])}[/]", highlight=False)
            for st in p["steps"]:
                console.print(f"  [dim]流程第{st['seq']}步“{escape(st['step'])}”公示不少于 {st['days']} 日（{st['provenance']}）[/]",
                              highlight=False)
            console.print(f"  [dim]依据：{escape(p['basis'] or '—')}[/]", highlight=False)
    for line in b["explanation"]:
        console.print(f"[dim]· {escape(line)}[/]", highlight=False)


@app.command()
@friendly
def flowchart(item_id: str = typer.Argument(..., help="事项编号，如 MP-001"),
              out: Optional[Path] = typer.Option(None, "--out", "-o", help="输出的 SVG 文件（默认标准输出）"),
              store: Optional[str] = StoreOpt) -> None:
    """把事项的办理流程画成 SVG 流程图（谁来做、做什么、材料、公示期、决策点）。"""
    from qingdan.api.state import open_store
    from qingdan.queries.flowchart import flow
    from qingdan.viz.flowchart import flowchart_svg

    s = open_store(store_kind(store))
    try:
        svg = flowchart_svg(flow(s, item_id))
    finally:
        s.close()
    if out is None:
        typer.echo(svg)
        return
    if out.suffix.lower() != ".svg":
        raise BadRequest("流程图文件名应以 .svg 结尾")
    out.write_text(svg, "utf-8")
    err.print(f"已写出 {out}")
