"""`qingdan laws …` (versions, crosswalk, repeals, scan) and `qingdan audit`."""
from __future__ import annotations

from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from .cli import StoreOpt, app, console, dump, friendly, store_kind

laws_app = typer.Typer(help="法规：版本与施行日期、新旧条文对照、废止关系、涉及村（居）委会的条款扫描。",
                       no_args_is_help=True, add_completion=False)
app.add_typer(laws_app, name="laws")

JsonOpt = typer.Option(False, "--json", help="以 JSON 输出")


def _store(store: Optional[str]) -> Any:
    from qingdan.api.state import open_store

    return open_store(store_kind(store))


def _cn(n: int | None) -> str:
    from cn2an import an2cn

    return f"第{an2cn(n)}条" if n is not None else "—"


@laws_app.command("versions")
@friendly
def versions(work: str = typer.Argument(..., help="法规简称，如 村民委员会组织法"),
             as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD（默认今天）：标出该日施行的版本"),
             store: Optional[str] = StoreOpt, as_json: bool = JsonOpt) -> None:
    """一部法规的全部版本、施行日期，以及指定日期施行的是哪一版。"""
    from qingdan.queries.crosswalks import versions_for

    s = _store(store)
    try:
        result = versions_for(s, work, as_of)
    finally:
        s.close()
    if as_json:
        dump(result)
        return
    table = Table(title=f"《{escape(work)}》的版本（{result['as_of']} 施行：{result['in_force'] or '无'}）")
    for col in ("版本日期", "施行日期", "施行至", "标题", "法规库有原文", "该日施行"):
        table.add_column(col)
    for v in result["versions"]:
        table.add_row(v["version"], v["in_force_from"] or "—", v.get("in_force_to") or "", escape(v["title"] or ""),
                      "是" if v.get("in_corpus") else "否", "✓" if v["current"] else "")
    console.print(table)
    if result.get("notice") and result.get("status") != "repealed":
        console.print(escape(result["notice"]), highlight=False)
    rp = result.get("repealed")
    if rp:
        console.print(f"已于 {rp['effective_date']} 被《{escape(rp['repealing_work'])}》{_cn(rp['source_article'])}废止。",
                      highlight=False)


@laws_app.command("crosswalk")
@friendly
def crosswalk(work: str = typer.Argument(..., help="法规简称，如 村民委员会组织法"),
              from_date: str = typer.Argument(..., help="起始日期 YYYY-MM-DD：取该日施行的版本"),
              to_date: str = typer.Argument(..., help="截止日期 YYYY-MM-DD：取该日施行的版本"),
              store: Optional[str] = StoreOpt, as_json: bool = JsonOpt) -> None:
    """新旧条文对照：逐条比对两个日期施行的版本（未变、修改、拆分、合并、新增、删除）。"""
    from qingdan.queries.crosswalks import CHANGE_ZH, crosswalk_for

    s = _store(store)
    try:
        result = crosswalk_for(s, work, from_date, to_date)
    finally:
        s.close()
    if as_json:
        dump(result["pairs"])
        return
    if result["same_version"]:
        console.print(f"《{escape(work)}》在 {result['from_date']} 和 {result['to_date']} 施行的是同一版本"
                      f"（{result['from_version']}），条文没有变化。", highlight=False)
        return
    table = Table(title=f"《{escape(work)}》{result['from_version']} 版 → {result['to_version']} 版")
    for col in ("原条", "现条", "相似度", "变化"):
        table.add_column(col)
    for p in result["pairs"]:
        table.add_row(_cn(p["from_article"]), _cn(p["to_article"]),
                      f"{p['score']:.2f}" if p["from_article"] and p["to_article"] else "", CHANGE_ZH[p["change"]])
    console.print(table)
    counts = "，".join(f"{CHANGE_ZH[k]} {v}" for k, v in result["counts"].items())
    console.print(f"共 {len(result['pairs'])} 项：{counts}。相似度为两条全文的字符相似度（0–1）。", highlight=False)


@laws_app.command("repeals")
@friendly
def repeals_cmd(work: Optional[str] = typer.Option(None, "--work", help="只看废止或被废止的这部法规"),
                store: Optional[str] = StoreOpt, as_json: bool = JsonOpt) -> None:
    """从法规原文的“……同时废止”条款读出的废止关系及生效日期。"""
    from qingdan.queries.crosswalks import repeals_list

    s = _store(store)
    try:
        rs = repeals_list(s, work)
    finally:
        s.close()
    if as_json:
        dump(rs)
        return
    table = Table(title="废止关系（依据法规原文）")
    for col in ("废止的法规", "依据条款", "被废止", "生效日期", "法规库有原文"):
        table.add_column(col)
    for r in rs:
        table.add_row(f"{escape(r['repealing_work'])}（{r['repealing_version']}）", _cn(r["source_article"]),
                      escape(r["repealed_work"]) + (f"（{escape(r['note'])}）" if r["note"] else ""),
                      r["effective_date"] or "—", "是" if r["in_corpus"] else "否")
    console.print(table)


@laws_app.command("scan")
@friendly
def scan_cmd(uncovered: bool = typer.Option(False, "--uncovered", help="只列清单尚未覆盖的条款"),
             as_of: Optional[str] = typer.Option(None, "--as-of", help="只看该日施行的版本（YYYY-MM-DD）"),
             work: Optional[str] = typer.Option(None, "--work", help="只看这部法规"),
             jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", "--province",
                                                        help="只看一地的法规：CN（全国）、区划代码前 2/4/6 位或省市名称，如 33、浙江、3302"),
             store: Optional[str] = StoreOpt, as_json: bool = JsonOpt) -> None:
    """扫描全部法规中提到村（居）民委员会、基层群众性自治组织的款，按职责类型分类，并标出清单尚未覆盖的。
    其他省份的地方性法规随其村居一同加载（QINGDAN_PLACES / QINGDAN_NATIONAL）。"""
    from qingdan.api.settings import Settings
    from qingdan.loaders.provincial_laws import scan_corpus
    from qingdan.loaders.scan import ROLE_ZH, report
    from qingdan.queries.dates import parse_day

    day = parse_day(as_of) if as_of else None
    settings = Settings()
    corpus, place = scan_corpus(jurisdiction, settings.national, settings.places)
    s = _store(store)
    try:
        result = report(corpus, s, uncovered_only=uncovered, as_of=day, work=work, jurisdiction=place)
    finally:
        s.close()
    if as_json:
        dump(result)
        return
    for r in result["provisions"]:
        mark = "[green]已覆盖[/]" if r["covered"] else "[yellow]未覆盖[/]"
        text = r["text"].replace("\n", " ")
        console.print(f"{mark} [bold]{escape(r['work'])}（{r['version']}）{_cn(r['article'])}第{r['paragraph']}款[/]"
                      f"〔{escape(r['jurisdiction_name'])}〕 "
                      f"〔{ROLE_ZH[r['role']]}〕 {escape(text[:80])}{'…' if len(text) > 80 else ''}", highlight=False)
    for notice in result.get("notices", {}).values():
        console.print(f"[yellow]{escape(notice)}[/]", highlight=False)
    if result.get("jurisdiction") and not result["total"]:
        console.print(f"[yellow]本库没有{escape(result['jurisdiction_name'])}提到村（居）委会的法规条款。[/]", highlight=False)
    roles = "，".join(f"{ROLE_ZH[k]} {v['total']}（未覆盖 {v['uncovered']}）" for k, v in result["by_role"].items())
    console.print(f"共 {result['total']} 款提到村（居）委会，清单已覆盖 {result['covered']}，未覆盖 {result['uncovered']}。"
                  + (f"{roles}。" if roles else ""), highlight=False)


@app.command()
@friendly
def audit(as_of: Optional[str] = typer.Option(None, "--as-of", help="审查日期 YYYY-MM-DD（默认今天）"),
          strict: bool = typer.Option(False, "--strict", help="有事项需要更新依据时以退出码 1 结束（便于持续集成）"),
          store: Optional[str] = StoreOpt, as_json: bool = JsonOpt) -> None:
    """依据时效审查：列出所依据条款在该日已不现行（条号变化、条文修改、已废止、尚未施行）的事项及建议的现行条款。"""
    from datetime import date

    from qingdan.queries.audit import audit as audit_query

    s = _store(store)
    try:
        result = audit_query(s, as_of or date.today())
    finally:
        s.close()
    if as_json:
        dump(result)
    else:
        _print_audit(result)
    if strict and (result["flagged"] or result["unresolved"]):
        raise typer.Exit(1)


def _print_audit(r: dict[str, Any]) -> None:
    sm = r["summary"]
    console.print(f"[bold]依据时效审查（{r['as_of']}）[/]：{sm['items']} 个事项，{sm['flagged']} 个需要更新依据"
                  f"（{sm['issues']} 处），{sm['no_basis']} 个没有依据，{sm['unresolved']} 处依据无法解析。", highlight=False)
    for f in r["flagged"]:
        console.print(f"[bold]{escape(f['id'])} {escape(f['name'] or '')}[/]", highlight=False)
        for i in f["issues"]:
            line = f"  [yellow]{i['status_zh']}[/] 《{escape(i['work'])}》（{i['version']}）{i['label']}"
            if i.get("reason_zh"):
                line += f"：{escape(i['reason_zh'])}"
            if i["repealed_by"]:
                rb = i["repealed_by"]
                line += f"（{escape(rb['work'])}{_cn(rb['article'])}，{rb['effective_date']} 起）"
            s = i["successor"]
            if s:
                line += f" → 建议改引《{escape(s['work'])}》（{s['version']}）{s['label']}，置信度 {i['confidence']:.2f}"
            console.print(line, highlight=False)
    for n in r["no_basis"]:
        console.print(f"[dim]无依据：{escape(n['id'])} {escape(n['name'] or '')} — {escape(n['reason'] or '未说明原因')}[/]",
                      highlight=False)
    for u in r["unresolved"]:
        console.print(f"[red]无法解析：{escape(u['id'])} → {escape(u['target'])}（{escape(u['reason'])}）[/]", highlight=False)
