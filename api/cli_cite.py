"""`qingdan cite`: read 依据 text the way an official wrote it and check every citation against the corpus."""
from __future__ import annotations

import typer
from rich.markup import escape

from qingdan.errors import BadRequest
from qingdan.loaders.cite import Citation, cite as cite_text

from .cli import app, console, dump, friendly

MAX_TEXT = 2000


def describe(c: Citation) -> str:
    """One readable line: ✓/✗, the citation in legal wording, the version and what is wrong."""
    mark = "[green]✓[/]" if c.resolved else "[bold red]✗[/]"
    version = f"（{c.version}版）" if c.version else ""
    line = f"{mark} {escape(c.label_zh())}{escape(version)}"
    if c.problem:
        line += f" [{'yellow' if c.resolved else 'red'}]— {escape(c.problem)}[/]"
    return line


@app.command()
@friendly
def cite(text: str = typer.Argument(..., help="依据文字，如：《中华人民共和国村民委员会组织法》第二十四条第一款第（五）项"),
         as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """解析依据文字中的法规引用（条、款、项、版本、文号），逐条核对法规库；有引用核对不上时退出码为 1。"""
    text = text.strip()
    if not text:
        raise BadRequest("依据文字为空")
    if len(text) > MAX_TEXT:
        raise BadRequest(f"依据文字过长（{len(text)} 字），一次最多 {MAX_TEXT} 字")
    cits = cite_text(text)
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
