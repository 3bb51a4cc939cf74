"""`qingdan lint`: the catalog lint, for people (Chinese) and for CI (--json, --strict)."""
from __future__ import annotations

from typing import Any, Optional

import typer
from rich.markup import escape

from .cli import StoreOpt, app, console, dump, friendly, store_kind

RULE_ZH = {"anachronisms": "时序错位", "contradictions": "矛盾", "weak_bases": "依据薄弱", "duplicates": "重复"}


@app.command()
@friendly
def lint(as_of: Optional[str] = typer.Option(None, "--as-of", help="只审查该日施行的清单版本 YYYY-MM-DD（默认全部版本）"),
         strict: bool = typer.Option(False, "--strict", help="有未说明的问题时以退出码 1 结束（便于持续集成）"),
         store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """清单审查：依据时序错位、既禁止又办理等矛盾、罚则或宣示条款代替职责条款、不同清单间的重复事项。"""
    from qingdan.api.state import open_store
    from qingdan.queries.lint import failing, lint as lint_query

    s = open_store(store_kind(store))
    try:
        result = lint_query(s, as_of)
    finally:
        s.close()
    if as_json:
        dump(result)
    else:
        _print(result)
    if strict and failing(result):
        raise typer.Exit(1)


def _print(r: dict[str, Any]) -> None:
    scope = f"{r['as_of']} 施行的清单版本" if r["as_of"] else "全部清单版本"
    counts = "；".join(f"{RULE_ZH[k]} {v['total']} 处（未说明 {v['unexplained']}）" for k, v in r["summary"].items())
    console.print(f"[bold]清单审查（{scope}，{r['items']} 个事项）[/]：{counts}", highlight=False)
    for key, zh in RULE_ZH.items():
        for e in r[key]:
            ids = "、".join(f"{i['id']} {i['name']}" for i in e["items"])
            mark = "[green]已说明[/]" if e["explanation"] else "[bold red]未说明[/]"
            console.print(f"{mark} [bold]{zh}[/] {escape(ids)}（{escape(e['list_version'] or '')}）"
                          f"{escape(' ' + e['citation']) if e['citation'] else ''}", highlight=False, soft_wrap=True)
            console.print(f"  {escape(e['reason'])}", highlight=False, soft_wrap=True)
            if e["explanation"]:
                console.print(f"  说明：{escape(e['explanation'])}", highlight=False, soft_wrap=True)
    for u in r["unused_explanations"]:
        console.print(f"[yellow]过时的说明[/] {escape(u['rule'])} {escape('、'.join(u['items']))} {escape(u['citation'] or '')}："
                      f"没有对应的问题，应从 lint_explanations.csv 删除", highlight=False, soft_wrap=True)
