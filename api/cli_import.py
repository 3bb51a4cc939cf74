"""`qingdan import`, `qingdan template`, `qingdan diff`, `qingdan imports`: official lists in, versions compared."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from qingdan.errors import BadRequest

from .cli import StoreOpt, app, console, dump, err, friendly, store_kind

CatalogOpt = typer.Option(None, "--catalog", help="清单目录（默认 data/catalog；导入存放在其旁边的 imports 目录或 QINGDAN_IMPORTS）")
LawsOpt = typer.Option(None, "--laws", help="法规库目录（默认 data/laws）")


def print_problems(title: str, problems: list[dict[str, Any]], style: str) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in ("工作表", "行", "列", "值", "问题"):
        table.add_column(col, overflow="fold")
    for p in problems:
        table.add_row(escape(p["sheet"] or "—"), str(p["row"] or "—"), escape(p["column"] or "—"),
                      escape((p["value"] or "—")[:60]), f"[{style}]{escape(p['reason'])}[/]")
    console.print(table)


def print_report(r: dict[str, Any]) -> None:
    if r.get("place"):
        console.print(f"清单所属地区：{escape(r['place']['name'])}（{r['place']['code']}）", highlight=False)
    if r["problems"]:
        print_problems(f"发现 {len(r['problems'])} 处问题", r["problems"], "red")
    if r["warnings"]:
        print_problems(f"提示 {len(r['warnings'])} 条", r["warnings"], "yellow")
    for v in r["versions"]:
        tail = f"至 {v['in_force_to']}" if v["in_force_to"] else "起"
        new = "（新清单）" if v["new_list"] else ""
        console.print(f"工作表「{escape(v['sheet'])}」→ 清单 {v['list_id']}{new} 版本 {v['version_id']}："
                      f"{v['items']} 项，自 {v['in_force_from']} {tail}", highlight=False)
    for c in r["closed"]:
        console.print(f"原版本 {c['version_id']} 施行至 {c['in_force_to']}（仍可按日期查询）", highlight=False)
    for v in r.get("replaced_versions", []):
        done = "已替换" if r["loaded"] else "将替换"
        console.print(f"{done}版本 {v['version_id']}（自 {v['in_force_from']} 施行，{escape(v['where'])}）", highlight=False)
    if r["skipped"]:
        console.print("跳过的行：" + "；".join(f"{s['sheet']} 第{s['row']}行" for s in r["skipped"]), highlight=False)
    head = f"读取 {r['rows_read']} 行事项，"
    if r["loaded"]:
        again = "（替换了同一施行日期的原版本）" if r["replaced"] else ""
        console.print(f"[bold green]{head}已导入 {r['rows_loaded']} 项{again}[/]：imports/{escape(r['folder'])}", highlight=False)
        console.print("[dim]内存存储下次启动时读取；Neo4j 请运行 qingdan load --store neo4j。[/]", highlight=False)
    elif r["dry_run"] and r["valid"]:
        console.print(f"[bold green]{head}校验通过[/]（--dry-run，未导入）", highlight=False)
    else:
        console.print(f"[bold red]{head}未导入任何内容[/]" + ("；可用 --skip-invalid 只导入无误的行" if any(p["row"] for p in r["problems"]) else ""),
                      highlight=False)


@app.command("import")
@friendly
def import_list(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="官方清单文件（.xlsx 或 .csv）"),
                kind: Optional[str] = typer.Option(None, "--kind", help="清单种类（不写则按工作表名判断）：autonomy / assistance / prohibited / "
                                                                         "micro_power / public_service / disclosure / negative / delegated，或中文名"),
                version_date: Optional[str] = typer.Option(None, "--version-date", help="这一版清单的施行日期 YYYY-MM-DD（必填）"),
                issuer: Optional[str] = typer.Option(None, "--issuer", help="发文机关"),
                doc_no: Optional[str] = typer.Option(None, "--doc-no", help="文号，如 汕府办〔2024〕12号（不写则从标题行识别）"),
                lists: Optional[list[str]] = typer.Option(None, "--list", help="导入到哪个清单（清单编号，可写多次）；不写则用该种类唯一的清单"),
                dry_run: bool = typer.Option(False, "--dry-run", help="只校验，不导入"),
                skip_invalid: bool = typer.Option(False, "--skip-invalid", help="跳过有问题的行，导入其余的行"),
                replace: bool = typer.Option(False, "--replace", help="同一清单已有同一施行日期的版本时，以本文件替换该版本（一次原子替换）"),
                place: Optional[str] = typer.Option(None, "--place", help="清单所属区县或镇街（区划代码或名称，如 440507、龙湖区）；"
                                                                           "不写则从标题识别。用于把“区民政局”“镇（街道）”落到具体地方"),
                catalog: Optional[Path] = CatalogOpt, laws: Optional[Path] = LawsOpt,
                as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """导入官方发布的清单（Excel/CSV）：逐行核对事项名称、主体和法律依据，整个图谱校验通过才生效，旧版本按日期保留；
    同一施行日期已有版本时须加 --replace 才替换。"""
    from qingdan.loaders.importer import ImportRequest, run_import

    req = ImportRequest(file=file, name=file.name, version_date=version_date, kind=kind, issuer=issuer, doc_no=doc_no,
                        lists=tuple(lists or ()), dry_run=dry_run, skip_invalid=skip_invalid, replace=replace, place=place)
    report = run_import(req, catalog_dir=catalog, laws_dir=laws).to_dict()
    dump(report) if as_json else print_report(report)
    if not (report["loaded"] or (dry_run and report["valid"])):
        raise typer.Exit(1)


@app.command()
@friendly
def template(out: Path = typer.Option(Path("清单导入模板.xlsx"), "--out", "-o", help="输出的 Excel 文件")) -> None:
    """写出导入模板（Excel）：每种清单一个工作表，附列说明和示例行。"""
    from qingdan.loaders.importer import build_template

    if out.suffix.lower() != ".xlsx":
        raise BadRequest("模板文件名应以 .xlsx 结尾")
    build_template(out)
    err.print(f"已写出 {out}")


@app.command()
@friendly
def diff(list_id: str = typer.Argument(..., help="清单编号，如 ST-ZDML-AUT"),
         v1: str = typer.Argument(..., help="旧版本：版本编号，或日期 YYYY-MM-DD（取当日施行的版本）"),
         v2: str = typer.Argument(..., help="新版本：版本编号或日期"),
         store: Optional[str] = StoreOpt, catalog: Optional[Path] = CatalogOpt, laws: Optional[Path] = LawsOpt,
         as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """比较同一清单的两个版本：新增、删除、修改（名称、主体、依据）的事项。"""
    from qingdan.queries.diff import FIELD_ZH, diff_versions

    if catalog or laws:
        from qingdan.loaders.pipeline import build
        from qingdan.queries.stores.memory import MemoryStore

        s: Any = MemoryStore()
        s.replace_all(build(catalog_dir=catalog, laws_dir=laws).graph)
    else:
        from qingdan.api.state import open_store

        s = open_store(store_kind(store))
    try:
        d = diff_versions(s, list_id, v1, v2)
    finally:
        s.close()
    if as_json:
        dump(d)
        return
    f, t = d["from"], d["to"]
    console.print(f"[bold]清单 {list_id}：{f['id']}（{f['in_force_from']} 起，{f['items']} 项）→ {t['id']}"
                  f"（{t['in_force_from']} 起，{t['items']} 项）[/]", highlight=False)
    for item in d["added"]:
        console.print(f"[green]+ 新增[/] {item['seq'] or ''} {escape(item['name'])}", highlight=False)
    for item in d["removed"]:
        console.print(f"[red]- 删除[/] {item['seq'] or ''} {escape(item['name'])}", highlight=False)
    for c in d["changed"]:
        console.print(f"[yellow]~ 修改[/] {c['to']['seq'] or ''} {escape(c['to']['name'])}", highlight=False)
        for key, ch in c["changes"].items():
            console.print(f"    {FIELD_ZH[key]}：{escape(_show(ch['from']))} → {escape(_show(ch['to']))}", highlight=False)
    console.print(f"新增 {len(d['added'])} 项，删除 {len(d['removed'])} 项，修改 {len(d['changed'])} 项，未变 {d['unchanged']} 项。",
                  highlight=False)


def _show(v: Any) -> str:
    if isinstance(v, list):
        return "、".join(v) or "（无）"
    return v or "（无）"


@app.command()
@friendly
def imports(catalog: Optional[Path] = CatalogOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """列出已导入的官方清单（每次导入一个目录；删除目录即撤销该次导入）。"""
    from qingdan import paths
    from qingdan.loaders.imports import manifests, root_for

    root = root_for(catalog or paths.catalog_dir())
    found = manifests(root)
    if as_json:
        dump({"root": str(root), "imports": found})
        return
    if not found:
        console.print(f"还没有导入任何清单（{root}）。", highlight=False)
        return
    for m in found:
        vs = "、".join(v["version_id"] for v in m.get("versions", []))
        console.print(f"{escape(m['folder'])}：{escape(m.get('file') or '')}，{m.get('imported_at') or ''} 导入，"
                      f"{m.get('rows_loaded', '—')} 项；版本 {vs}", highlight=False)
