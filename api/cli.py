"""The `qingdan` command. Chinese output for people, --json for programs."""
from __future__ import annotations

import json
import os
import sys
import time
from functools import wraps
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.table import Table

from qingdan.errors import QingdanError

app = typer.Typer(help="清单图谱：村级事务、小微权力、负面清单及其法律依据。", no_args_is_help=True,
                  add_completion=False)
console = Console(soft_wrap=True)
err = Console(stderr=True)

StoreOpt = typer.Option(None, "--store", help="图存储：memory（默认，内置）或 neo4j；也可用环境变量 QINGDAN_STORE")


def store_kind(store: str | None) -> str:
    from qingdan.api.settings import Settings

    return store or Settings().store


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Our own errors end the command with one clear message and exit code 2, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QingdanError as exc:
            err.print(f"[bold red]错误：[/]{exc}", markup=True, highlight=False)
            raise typer.Exit(2)

    return wrapper


def dump(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
@friendly
def load(store: Optional[str] = StoreOpt,
         laws: Optional[Path] = typer.Option(None, "--laws", help="法规库目录（默认用仓库自带的 data/laws）"),
         catalog: Optional[Path] = typer.Option(None, "--catalog", help="清单目录（默认 data/catalog）"),
         national: bool = typer.Option(False, "--national", help="加载全国村级区划（约 62 万个）"),
         as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """校验并加载清单、法规与区划到图存储（全部成功或全部不加载）。"""
    from qingdan.api.settings import Settings
    from qingdan.api.state import make_store
    from qingdan.loaders.pipeline import build

    settings = Settings()  # the same places (QINGDAN_PLACES, QINGDAN_NATIONAL) as every other command
    t0 = time.perf_counter()
    built = build(catalog_dir=catalog, laws_dir=laws, national=national or settings.national, places=settings.places)
    s = make_store(store_kind(store))
    try:
        report = s.replace_all(built.graph)
    finally:
        s.close()
    result = {"store": report.store, "nodes": report.nodes, "relationships": report.relationships,
              "created": report.created, "updated": report.updated, "atomic": report.atomic,
              "seconds": round(time.perf_counter() - t0, 2)}
    if as_json:
        dump(result)
        return
    console.print(f"已加载到 [bold]{report.store}[/]：节点 {sum(report.nodes.values())} 个，"
                  f"关系 {sum(report.relationships.values())} 条，用时 {result['seconds']} 秒。")


@app.command()
@friendly
def stats(store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """各类清单：公布数量与本库数量、来源覆盖率、区划数量。"""
    from qingdan.api.state import open_store
    from qingdan.ontology.terms import KIND_ZH
    from qingdan.queries.stats import stats as stats_query

    s = open_store(store_kind(store))
    try:
        result = stats_query(s)
    finally:
        s.close()
    if as_json:
        dump(result)
        return
    table = Table(title="清单事项数量（公布数 / 本库现行版本数，按列入依据）")
    table.add_column("种类")
    table.add_column("公布数", justify="right")
    table.add_column("本库数", justify="right")
    for label in ("证实列入", "推定列入", "建模示例", "各版本合计"):
        table.add_column(label, justify="right")
    for kind, v in result["lists"].items():
        m = v["by_membership"]
        table.add_row(KIND_ZH[kind], "—" if v["declared"] is None else str(v["declared"]), str(v["catalog"]),
                      str(m["confirmed"]), str(m["inferred"]), str(m["modeled"]), str(v["all_versions"]))
    console.print(table)
    console.print("证实列入：公开来源显示该事项在这份清单上；推定列入：本库依法规或上级清单归入；建模示例：非官方清单条目。")
    d = result["divisions"]
    console.print(f"来源覆盖率 {result['provenance_coverage']:.0%}；区划：区县 {d['district']}，镇街 {d['town']}，村居 {d['village']}")


@app.command()
@friendly
def export(fmt: str = typer.Option("ttl", "--format", help="ttl、jsonld 或 xlsx（清单的 Excel 表）"),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="输出文件（默认标准输出；xlsx 必须写文件）"),
           list_id: Optional[str] = typer.Option(None, "--list", help="xlsx：清单编号，如 ST-XWQL（取今天施行的版本）"),
           version: Optional[str] = typer.Option(None, "--version", help="xlsx：清单版本编号，或日期 YYYY-MM-DD（与 --list 同用）"),
           village: Optional[str] = typer.Option(None, "--village", help="xlsx：村（社区）12 位代码：导出该村全部职责事项，主体换成具体机关"),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="xlsx --village：按哪一天施行的清单（默认今天）"),
           store: Optional[str] = StoreOpt) -> None:
    """导出经过 SHACL 校验的 RDF（Turtle 或 JSON-LD），或按官方格式导出清单 Excel（--format xlsx）。"""
    from qingdan.errors import BadRequest
    from qingdan.loaders.pipeline import build

    if fmt == "xlsx":
        from .cli_outputs import export_xlsx

        export_xlsx(out, list_id, version, village, as_of, store_kind(store))
        return
    if fmt not in ("ttl", "jsonld"):
        raise BadRequest("格式只能是 ttl、jsonld 或 xlsx")
    from qingdan.api.settings import Settings

    settings = Settings()  # the regulations of the places served are part of the graph, so of its export
    data = build(national=settings.national, places=settings.places).rdf.serialize(format="turtle" if fmt == "ttl" else "json-ld")
    if out:
        out.write_text(data, "utf-8")
        err.print(f"已写出 {out}")
    else:
        sys.stdout.write(data)


@app.command()
@friendly
def serve(host: Optional[str] = typer.Option(None, "--host", help="监听地址（默认 127.0.0.1）"),
          port: Optional[int] = typer.Option(None, "--port", help="端口（默认 8000）"),
          store: Optional[str] = StoreOpt) -> None:
    """启动网页与 HTTP API。"""
    import uvicorn

    from qingdan.api.app import create_app
    from qingdan.api.settings import Settings
    from qingdan.api.state import open_store

    if store:
        os.environ["QINGDAN_STORE"] = store
    settings = Settings()
    h, p = host or settings.host, port or settings.port
    err.print("正在加载图谱…")
    s = open_store(settings.store, national=settings.national)
    application = create_app(store=s, settings=settings)
    from qingdan.api.routes import current_resolver

    current_resolver(application, s)  # built before the port opens, so the first question is not the slow one
    err.print(f"清单图谱已启动：http://{h}:{p}/  （API 文档：http://{h}:{p}/docs）")
    uvicorn.run(application, host=h, port=p, log_level="warning")


def main() -> None:
    app()


from . import cli_questions  # noqa: E402,F401  (registers ask / trace / chain)
from . import cli_cite  # noqa: E402,F401  (registers cite)
from . import cli_laws  # noqa: E402,F401  (registers laws … and audit)
from . import cli_import  # noqa: E402,F401  (registers import / template / diff / imports)
from . import cli_outputs  # noqa: E402,F401  (registers board / flowchart; export --format xlsx)
from . import cli_lint  # noqa: E402,F401  (registers lint)
