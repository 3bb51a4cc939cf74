"""CLI commands for the questions: ask, boundary, trace, chain, village, viz."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from .cli import StoreOpt, app, console, dump, err, friendly, store_kind

VERDICT_COLOR = {"village_autonomy": "green", "village_assists": "blue", "town": "yellow", "county_department": "magenta",
                 "not_for_village": "red", "unlisted": "white"}


def _resolver(store: str | None) -> Any:
    from qingdan.api.state import open_store
    from qingdan.queries.resolve import Resolver

    return Resolver(open_store(store_kind(store)))


def print_answer(a: dict[str, Any]) -> None:
    color = VERDICT_COLOR.get(a["verdict"], "white")
    console.print(f"[bold]问题：[/]{a['question']}（日期 {a['as_of']}）", highlight=False)
    if a.get("village"):
        p = a["village"]
        console.print(f"[bold]村居：[/]{p['district']['name'] if p.get('district') else ''}{p['town']['name'] if p.get('town') else ''}"
                      f"{p['village']['short_name']}（{p['village']['code']}）", highlight=False)
    if a.get("scope"):
        console.print(f"[dim]{a['scope']['text']}[/]", highlight=False)
    asked = a.get("asked") or {}
    if asked.get("bodies"):
        names = "；".join(((x.get("body") or {}).get("name") or x["body_name"]) + (f"（{x['basis_label']}）" if x.get("basis_label") else "")
                         for x in asked["bodies"])
        learnt = "（按已标注问题的经验读出）" if a["intent"].get("learnt") else ""
        console.print(f"[bold]您问的是{a['intent']['zh']}{learnt}：[/]{asked['role_zh']} — {names}", highlight=False)
    elif asked.get("limits"):
        console.print(f"[bold]您问的是{asked['role_zh']}：[/]这件事本身见下方结论", highlight=False)
    if asked.get("limits"):
        # "may they?": what the bases forbid, also when the body that decides the matter leads
        console.print("[bold]依据中的禁止性规定：[/]", highlight=False)
        for x in asked["limits"]:
            console.print(f"  · {x['text']}（{x['label']}）", highlight=False)
    elif not asked.get("bodies") and asked.get("text"):
        console.print(f"[dim]{asked['text']}[/]", highlight=False)
    console.print(f"[bold {color}]结论：{a['verdict_zh']}[/]", highlight=False)
    for t in a.get("timing") or []:
        console.print(f"[bold]时间要求：[/]{t['matter']} {t.get('frequency') or ''}"
                      + (f" 公示不少于{t['min_posting_days']}天" if t.get("min_posting_days") else ""), highlight=False)
    r = a["responsible"]
    if r.get("body_type"):
        b = r["body_type"]
        concrete = f"（{b['body']['name']}）" if b.get("body") else ""
        console.print(f"[bold]责任主体：[/]{b['name']}{concrete}", highlight=False)
    for role, label in (("assisting", "协助"), ("supervising", "监督")):
        names = [(x.get("body") or {}).get("name") or x["name"] for x in r.get(role, []) if x]
        if names:
            console.print(f"[bold]{label}：[/]{'、'.join(names)}", highlight=False)
    if a.get("second_opinion"):
        console.print(f"[yellow]{a['second_opinion']['note']}[/]", highlight=False)
    if a.get("readings"):
        guessed = not all(x.get("asked") for x in a["readings"])
        console.print("[bold]同一事项的其他问法[/]" + (f"（来信没有直接提问，以上按“{a['intent']['zh']}”作答）" if guessed else "") + "：",
                      highlight=False)
        for x in a["readings"]:
            body = (x.get("body") or {}).get("name") or "—"
            console.print(f"  · {'您还问了' if x.get('asked') else '如果想问'}“{x['intent']['zh']}”：{body}"
                          + (f"（{x['basis']}）" if x.get("basis") else ""), highlight=False)
    console.print("[bold]理由：[/]")
    for s in a["reasons"]:
        console.print(f"  {s['step']}. {s['text']}", highlight=False)
    for w in a["why_not"]:
        console.print(f"[bold]为什么不是{'村' if w['side'] == 'village' else '镇' if w['side'] == 'town' else '区县'}：[/]{w['text']}", highlight=False)
    listed = [x for x in a.get("roles") or [] if x.get("listed")]
    if listed:
        console.print("[bold]各方角色：[/]" + "；".join(f"{x['role_zh']}：{(x.get('body') or {}).get('name') or x['body_name']}" for x in listed),
                      highlight=False)
    for c in a.get("cautions", []):
        basis = f" 依据：{'、'.join(c['bases'][:2])}" if c.get("bases") else ""
        aspect = f"（{c['aspect']}）" if c.get("aspect") else ""
        console.print(f"[bold red]注意：[/]{c['name']}{aspect}{basis}", highlight=False)
    for d in a.get("disclosure", []):
        console.print(f"[bold]公开要求：[/]{d['name']} {d.get('frequency') or ''} {d.get('channel') or ''}", highlight=False)
    if a.get("procedure"):
        console.print("[bold]流程：[/]" + " → ".join(s["name"] for s in a["procedure"]), highlight=False)
    if a.get("matches"):
        console.print("[dim]其他候选：" + "；".join(f"{m['name']}（{m['score']:.2f}）" for m in a["matches"][:3]) + "[/]", highlight=False)
    console.print(f"[dim]{a['notice']}[/]", highlight=False)


@app.command()
@friendly
def ask(question: str = typer.Argument(..., help="用平常话写的问题"),
        village: Optional[str] = typer.Option(None, "--village", help="村（社区）12 位代码或名称"),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD"),
        store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """这件事归谁管、依据是什么。"""
    a = _resolver(store).resolve(question, village=village, as_of=as_of)
    dump(a) if as_json else print_answer(a)


@app.command()
@friendly
def boundary(question: str = typer.Argument(..., help="用平常话写的问题"),
             village: Optional[str] = typer.Option(None, "--village", help="村（社区）12 位代码或名称"),
             as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD"),
             store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """村里管还是镇里管：两边的理由。"""
    from qingdan.queries.boundary import boundary as bq

    b = bq(_resolver(store), question, village=village, as_of=as_of)
    if as_json:
        dump(b)
        return
    console.print(f"[bold]归属：{b['belongs_to_zh']}[/] — {b['summary']}", highlight=False)
    for side, label in (("village_side", "村一侧"), ("town_side", "镇一侧")):
        for r in b[side]["reasons"]:
            console.print(f"  [{label}] {r}", highlight=False)
    print_answer(b["resolution"])


@app.command()
@friendly
def trace(work: str = typer.Argument(..., help="法规简称，如 村民委员会组织法"),
          article: Optional[int] = typer.Argument(None, help="条号（省略则列出整部法规依托的事项）"),
          paragraph: Optional[int] = typer.Option(None, "--paragraph", help="款"),
          item: Optional[int] = typer.Option(None, "--item", help="项"),
          version: Optional[str] = typer.Option(None, "--version", help="条号所在的版本日期 YYYY-MM-DD（默认：--as-of 当日施行的版本）"),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD（默认今天）：条号按该日施行的版本理解"),
          village: Optional[str] = typer.Option(None, "--village", help="村（社区）12 位代码：只列约束该村的清单中的事项"),
          store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """法规溯源：条款在各版本中的条号、施行期间和变化，以及依托它的事项；省略条号则列出整部法规依托的事项。"""
    from qingdan.api.state import open_store
    from qingdan.queries import tracing

    s = open_store(store_kind(store))
    if article is None:
        data = tracing.trace_work(s, work, village=village)
        if as_json:
            dump(data)
            return
        _print_binding(work, data)
        for v in data["versions"]:
            console.print(f"[bold]《{work}》{v['version']}版[/]（{v['articles']} 条）：依托事项 {len(v['duties'])} 项", highlight=False)
            for d in v["duties"]:
                console.print(f"  {d['id']} {d['name']}（{d['kind_zh']}）— " + "、".join(x["label"] for x in d["via"]), highlight=False)
        return
    data = tracing.trace_provision(s, work, article, version=version, paragraph=paragraph, item=item, as_of=as_of,
                                   village=village)
    if as_json:
        dump(data)
        return
    _print_binding(work, data)
    for v in data["versions"]:
        p = v["provision"]
        period = f"{v['in_force_from'] or '？'} 至 {v['in_force_to'] or '今'}"
        mark = "（所查条号）" if v["anchor"] else ""
        head = f"{v['label']}" if p else "无对应条款"
        console.print(f"[bold]《{work}》{v['version']}版（{period}施行）{head}[/]{mark} — {v['status_zh']}", highlight=False)
        if p and p.get("text") and (v["anchor"] or v["status"] in ("changed", "new")):
            console.print(f"[dim]{p['text']}[/]", highlight=False)
        for d in v["duties"]:
            console.print(f"  {d['id']} {d['name']}（{d['kind_zh']}，{(d.get('list') or {}).get('name') or ''}）", highlight=False)
        if p and not v["duties"]:
            console.print("  （本库没有依托该条款的事项）")
    rp = data.get("repealed")
    if rp:
        c = rp.get("counterpart")
        tail = f"，对应《{rp['repealing_work']}》{c['label']}" if c else ""
        console.print(f"[bold]已于 {rp['effective_date']} 被《{rp['repealing_work']}》废止{tail}[/]", highlight=False)


def _print_binding(work: str, data: dict[str, Any]) -> None:
    console.print(f"[dim]《{work}》适用地域：{data.get('jurisdiction_name') or '全国'}[/]", highlight=False)
    if data.get("notice"):
        console.print(f"[yellow]{data['notice']}[/]", highlight=False)


@app.command()
@friendly
def chain(department: Optional[str] = typer.Option(None, "--department", help="原行使部门类型，如 county_urban_management"),
          district: Optional[str] = typer.Option(None, "--district", help="区县代码或名称"),
          store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """放权链条：区县部门 → 放权决定 → 承接的镇街 → 村里协助的事项。"""
    from qingdan.api.state import open_store
    from qingdan.queries.chains import chains

    data = chains(open_store(store_kind(store)), department=department, district=district)
    if as_json:
        dump(data)
        return
    for d in data["decisions"]:
        frm = d["from"]["name"] if d["from"] else "区县部门"
        console.print(f"[bold]{frm} → {d['doc_no'] or '（文号未识别）'} {d['field']}[/]（公布 {d['declared_count'] or '—'} 项，本库 {d['catalog_count']} 项）", highlight=False)
        for a in d["adoptions"]:
            towns = "、".join(t["name"] for t in a["towns"]) or "（镇街未列明）"
            console.print(f"  承接：{a['district']['name'] if a['district'] else ''} {a['adopted_count'] or ''} 项 → {towns}", highlight=False)
        if d["village_assists_with"]:
            console.print("  村里协助：" + "、".join(x["name"] for x in d["village_assists_with"][:8]), highlight=False)


@app.command()
@friendly
def village(code: str = typer.Argument(..., help="村（社区）12 位代码"),
            as_of: Optional[str] = typer.Option(None, "--as-of", help="日期 YYYY-MM-DD"),
            store: Optional[str] = StoreOpt, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """一个村（社区）的全部职责。"""
    from qingdan.ontology.terms import KIND_ZH
    from qingdan.queries.chains import village_map

    m = village_map(_resolver(store), code, as_of=as_of)
    if as_json:
        dump(m)
        return
    console.print(f"[bold]{m['place']['village']['name']}[/]（{m['committee']['name'] if m['committee'] else ''}）", highlight=False)
    if m.get("scope"):
        console.print(f"[dim]{m['scope']['text']}[/]", highlight=False)
    for kind, n in m["counts"].items():
        console.print(f"  {KIND_ZH[kind]}：{n} 项", highlight=False)


@app.command()
@friendly
def viz(what: str = typer.Argument(..., help="answer / village / statute"),
        target: str = typer.Argument(..., help="问题文本 / 村居代码 / 法规简称"),
        out: Path = typer.Option(Path("qingdan-viz.html"), "--out", "-o", help="输出的 HTML 文件"),
        village: Optional[str] = typer.Option(None, "--village"), article: Optional[int] = typer.Option(None, "--article"),
        store: Optional[str] = StoreOpt) -> None:
    """导出图示为独立 HTML（不依赖网络）。"""
    from qingdan.errors import BadRequest
    from qingdan.viz import views

    r = _resolver(store)
    if what == "answer":
        page = views.answer_html(r, target, village=village)
    elif what == "village":
        page = views.village_html(r, target)
    elif what == "statute":
        page = views.statute_html(r.store, target, article=article)
    else:
        raise BadRequest("图示类型只能是 answer / village / statute")
    views.write(page, out)
    err.print(f"已写出 {out}")
