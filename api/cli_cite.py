"""`qingdan cite`: read 依据 text the way an official wrote it and check every citation against the corpus."""
from __future__ import annotations

from typing import Optional

import typer
from rich.markup import escape

from qingdan.errors import BadRequest
from qingdan.loaders.cite import Citation, cite as cite_text
from qingdan.queries.dates import parse_day

from .cli import app, console, dump, friendly

MAX_TEXT = 2000


def describe(c: Citation) -> str:
    """One readable line: ✓/✗, the citation in legal wording, the version and what is wrong."""
    mark = "[green]✓[/]" if c.resolved else "[bold red]✗[/]"
    version = f"（{c.version}版）" if c.version else ""
    line = f"{mark} {escape(c.label_zh())}{escape(version)}"
    if c.problem:
        line += f" [{'yellow' if c.resolved else 'red'}]— {escape(c.problem)}[/]"
    f = c.in_force
    if f:
        if f.get("notice"):
            line += f"\n    [yellow]{escape(f['notice'])}[/]"
        if f.get("article") is None:
            line += f"\n    [yellow]{escape(f.get('note') or '')}[/]"
        elif f.get("citation") and (c.version and c.version != f["version"]):
            line += f"\n    → 该日施行的{f['version']}版中对应{escape(f['label'])}（相似度 {f['score']:.2f}）"
            if f.get("note"):
                line += f"\n    [yellow]{escape(f['note'])}[/]"
        elif f.get("status") == "in_force":
            line += f"\n    → 按该日施行的{f['version']}版核对"
    return line


@app.command()
@friendly
def cite(text: str = typer.Argument(..., help="依据文字，如：《中华人民共和国村民委员会组织法》第二十四条第一款第（五）项"),
         as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD：按该日施行的文本核对，并给出所引条款在该日文本中的对应条款"),
         as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """解析依据文字中的法规引用（条、款、项、版本、文号），逐条核对法规库；有引用核对不上时退出码为 1。"""
    text = text.strip()
    if not text:
        raise BadRequest("依据文字为空")
    if len(text) > MAX_TEXT:
        raise BadRequest(f"依据文字过长（{len(text)} 字），一次最多 {MAX_TEXT} 字")
    day = parse_day(as_of) if as_of else None
    cits = cite_text(text, as_of=day)
    if as_json:
        dump([c.to_dict() for c in cits])
    elif not cits:
        console.print("没有识别出法规引用（应写成《法规名称》第X条，或写出文号，如 民发〔2020〕37号）。", highlight=False)
    else:
        for c in cits:
            console.print(describe(c), highlight=False, soft_wrap=True)
        bad = sum(not c.resolved for c in cits)
        console.print(f"共 {len(cits)} 处引用，{len(cits) - bad} 处核对通过，{bad} 处有问题。", highlight=False)
    if not cits or any(not c.resolved for c in cits):
        raise typer.Exit(1)
