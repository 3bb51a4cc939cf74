"""The Chinese web pages: 问答, 清单, 村居, 法规, 下放 and a printable answer.

Most users are township officials and village cadres who will not read JSON, so the same app
serves plain server-rendered pages (Jinja2, autoescaped) with a little vanilla JavaScript. Every
asset comes from /static: officials' networks are often closed to CDNs.
"""
from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote, urlencode

from cn2an import an2cn
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute, APIRouter
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from qingdan import __version__
from qingdan.errors import BadRequest, NotFound, QingdanError
from qingdan.ontology.terms import KIND_CLASS, KIND_ZH, ROLE_ZH
from qingdan.queries import chains as cq
from qingdan.queries import items as iq
from qingdan.queries import statutes as sq
from qingdan.queries import tracing as tq
from qingdan.queries.dates import parse_as_of
from qingdan.queries.resolve import Resolver
from qingdan.queries.stats import stats as stats_query
from qingdan.queries.stores.base import GraphStore, Node

from . import figures

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

NAV = (("ask", "问答", "/"), ("lists", "清单", "/lists"), ("village", "村居", "/village"),
       ("laws", "法规", "/laws"), ("delegations", "下放", "/delegations"), ("flowcharts", "流程图", "/flowcharts"))
KIND_ORDER = ("autonomy", "assistance", "prohibited", "micro_power", "public_service", "disclosure", "negative",
              "delegated")
# the verdict in the words a village cadre would use, with the colour class the card wears
VERDICT_VIEW: dict[str, dict[str, str]] = {
    "village_autonomy": {"short": "村里自己办", "css": "v-autonomy",
                         "hint": "这是村（居）民自治范围内的事，由村（居）委会依法组织村民办理，镇里指导但不干预。"},
    "village_assists": {"short": "政府部门负责，村里协助", "css": "v-assists",
                        "hint": "主责在政府部门，村（居）委会只做协助，不能把主责推给村里。"},
    "town": {"short": "镇（街道）负责", "css": "v-town",
             "hint": "这是镇政府或街道办事处的职责（含依放权决定下放到镇街的职权）。"},
    "county_department": {"short": "区（县）部门负责", "css": "v-county",
                          "hint": "这项职权没有下放到该镇街，仍由区（县）职能部门行使。"},
    "not_for_village": {"short": "村里不应承担", "css": "v-not",
                        "hint": "列入应取消和禁入事项或负面清单：村（居）委会不得办理或不得这样做。"},
    "unlisted": {"short": "未列入清单", "css": "v-unlisted",
                 "hint": "没有找到对应的清单事项。按准入制度，未经批准不得交由村（居）委会承担。"},
}
# 未列入 for a question meant for someone else (a doctor, a court, the department that sets a figure): the access
# rule is not its reason (reasons.elsewhere), so the card does not say it either
ELSEWHERE_VIEW = {**VERDICT_VIEW["unlisted"], "hint": "所问不是一件村级事务由谁办理，清单不管这件事；该向谁问，见“为什么不是村 / 镇”。"}
PROVENANCE_VIEW = {"official_verbatim": ("公开文件原文", "p-official"), "statute_derived": ("依法规推导", "p-statute"),
                   "modeled": ("建模示例", "p-modeled")}
# membership provenance: is the item (category) on that list at all — a claim apart from whose words it holds
MEMBERSHIP_VIEW = {"confirmed": ("证实列入", "m-confirmed"), "inferred": ("推定列入", "m-inferred"),
                   "modeled": ("建模条目", "m-modeled")}
SIDE_ZH = {"village": "为什么不是村里", "town": "为什么不是镇（街道）", "county": "为什么不是区（县）部门"}
EXAMPLES = ("村里能不能给村民开无犯罪记录证明？", "村里要开会讨论宅基地怎么分，这个归谁管？",
            "有人在村口乱搭乱建，村里管还是镇里管？", "村里要搞工程招标，流程怎么走？")
MAX_QUESTION = 500
MAX_PARAM = 60


# ---- rendering ---------------------------------------------------------------------------
def _provenance_badge(p: Any) -> dict[str, str]:
    status = p.get("status") if isinstance(p, dict) else p
    label, css = PROVENANCE_VIEW.get(status or "", (status or "来源未标注", "p-unknown"))
    out = {"label": label, "css": css, "source": (p.get("source") if isinstance(p, dict) else None) or ""}
    if isinstance(p, dict):
        doc = p.get("document") or {}
        if doc.get("title") or doc.get("doc_no"):
            out["source"] = f"{p.get('status_zh')}；{out['source']}".rstrip("；")
        m = p.get("membership")
        if m:
            out["membership_label"], out["membership_css"] = MEMBERSHIP_VIEW.get(m, (m, "p-unknown"))
            out["membership_title"] = p.get("membership_zh") or ""
    return out


def _article_label(n: Any) -> str:
    try:
        return f"第{an2cn(int(n))}条"
    except (TypeError, ValueError):
        return f"第{n}条"


def _law_href(work: str, version: str | None = None, article: int | None = None) -> str:
    href = f"/laws/{quote(work, safe='')}"
    if version and article:
        return f"{href}/{quote(version, safe='')}/{article}"
    if version:
        return f"{href}?{urlencode({'version': version})}"
    return href


def _item_href(item_id: str) -> str:
    return f"/lists/item/{quote(item_id, safe='')}"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)),
                      autoescape=select_autoescape(("html", "htm", "xml"), default_for_string=True, default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(NAV=NAV, KIND_ZH=KIND_ZH, KIND_ORDER=KIND_ORDER, VERDICT_VIEW=VERDICT_VIEW,
                       SIDE_ZH=SIDE_ZH, ROLE_ZH=ROLE_ZH, badge=_provenance_badge, article_label=_article_label,
                       law_href=_law_href, item_href=_item_href, version=__version__)
    return env


ENV = _environment()


def _render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    page = ENV.get_template(template).render(root=request.scope.get("root_path", ""), **context)
    return HTMLResponse(page, status_code=status)


def _message(exc: BaseException) -> str:
    return str(exc).split("\n")[0]


def _status(exc: QingdanError) -> int:
    return exc.http_status if 400 <= exc.http_status < 600 else 500


def _error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return _render(request, "error.html", {"active": None, "error": message, "status": status}, status)


class PageRoute(APIRoute):
    """Any failure on a page (including in the store dependency) becomes a Chinese message on
    a page with a 4xx/5xx status: never JSON, never a traceback."""

    def get_route_handler(self) -> Callable[[Request], Any]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except QingdanError as exc:
                return _error_page(request, _message(exc), _status(exc))
            except RequestValidationError:
                return _error_page(request, "网址中的参数有误，请检查后重试。", 422)
            except StarletteHTTPException as exc:
                return _error_page(request, "页面不存在。" if exc.status_code == 404 else "请求有误。", exc.status_code)
            except Exception:  # a bug: log it for us, show the user a calm page
                log.exception("page %s failed", request.url.path)
                return _error_page(request, "服务器内部错误，请稍后再试；如果一直出现，请把网址告诉管理员。", 500)

        return guarded


# ---- cached, per graph version -----------------------------------------------------------
def _cached(request: Request, store: GraphStore, key: str, build: Callable[[], Any]) -> Any:
    """Browse data changes only when the graph is replaced; rebuild it then, not per request."""
    state = request.app.state
    version = store.version()
    holder = getattr(state, "pages_cache", None)
    if holder is None or holder.get("store") is not store or holder.get("version") != version:
        holder = {"store": store, "version": version, "data": {}}
        state.pages_cache = holder
    data = holder["data"]
    if key not in data:
        data[key] = build()
    return data[key]


# ---- input -------------------------------------------------------------------------------
def _clean(value: Optional[str], limit: int = MAX_PARAM) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise BadRequest(f"输入太长（最多 {limit} 字）")
    return value or None


def _day(as_of: Optional[str]) -> date:
    return parse_as_of(_clean(as_of, 20))


def _int(value: str, what: str) -> int:
    v = value.strip()
    if not v.isdigit() or len(v) > 5:
        raise BadRequest(f"{what}应为正整数：{value}")
    return int(v)


# ---- citations ---------------------------------------------------------------------------
def _anchor(key: str) -> str:
    return "cite-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _node_for_citation(store: GraphStore, key: str) -> Node | None:
    if key.startswith("doc/") or key.startswith("law/"):
        return store.node(key)
    work, _, rest = key.partition("@")
    version, _, numbers = rest.partition("#")
    if not (work and version and numbers):
        return None
    return store.node("/".join(["law", work, version, *numbers.split(".")]))


def citation_view(store: GraphStore, basis: dict[str, Any]) -> dict[str, Any]:
    """A basis as the reader opens it: heading, the provision's words and, for a paragraph or
    item, the whole article around it (a clause alone is often unreadable)."""
    out = dict(basis)
    out["anchor"] = _anchor(str(basis.get("citation")))
    out["article_text"] = None
    out["href"] = None
    if basis.get("kind") == "document":
        out["heading"] = basis.get("title") or basis.get("work") or "规范性文件"
        out["subheading"] = " · ".join(x for x in (basis.get("label"), basis.get("version")) if x)
        return out
    work, version, article = basis.get("work"), basis.get("version"), basis.get("article")
    out["heading"] = f"《{work}》{basis.get('label') or ''}"
    year = (version or "")[:4]
    out["subheading"] = f"{year}年文本（{version}）" + (f"，{basis['in_force_from']}起施行" if basis.get("in_force_from") else "")
    if work and version and article:
        art = store.node(f"law/{work}/{version}/{article}")
        if art is not None:
            out["href"] = _law_href(work, version, article)
            if basis.get("paragraph") is not None and art.get("text") and art.get("text") != basis.get("text"):
                out["article_text"] = art.get("text")
    return out


def _citations(store: GraphStore, answer: dict[str, Any]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for b in answer.get("bases") or []:
        seen.setdefault(str(b.get("citation")), citation_view(store, b))
    for step in answer.get("reasons") or []:
        key = step.get("citation")
        if key and key not in seen:
            node = _node_for_citation(store, key)
            if node is not None:
                seen[key] = citation_view(store, iq.describe_provision(store, node))
    return list(seen.values())


def _distinct(roles: list[dict[str, Any] | None] | None) -> list[dict[str, Any]]:
    """Two body types can be one concrete body (a village's 村委会 is also where a 居委会 would
    be); a reader should see it once."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for r in roles or []:
        if not r:
            continue
        name = (r.get("body") or {}).get("name") or r.get("name") or r.get("type")
        if name not in seen:
            seen.add(name)
            out.append(r)
    return out


def answer_view(store: GraphStore, answer: dict[str, Any]) -> dict[str, Any]:
    """What the card shows, built beside the resolver's (cached, shared) answer, never in it."""
    citations = _citations(store, answer)
    anchors = {c.get("citation"): c["anchor"] for c in citations}
    steps = [{**s, "anchor": anchors.get(s.get("citation"))} for s in answer.get("reasons") or []]
    verdict = answer.get("verdict") or "unlisted"
    resp = answer.get("responsible") or {}
    elsewhere = any(s.get("kind") == "asked_elsewhere" for s in steps)
    return {
        "verdict": ELSEWHERE_VIEW if elsewhere else VERDICT_VIEW.get(verdict, VERDICT_VIEW["unlisted"]),
        "elsewhere": elsewhere,
        "steps": steps,
        "citations": citations,
        "lead": resp.get("body_type"),
        "assisting": _distinct(resp.get("assisting")),
        "supervising": _distinct(resp.get("supervising")),
        "must_not": _distinct(resp.get("must_not")),
        "low_confidence": answer.get("item") is not None and (answer.get("confidence") or 0) < 0.5,
    }


def _ask_query(q: str, village: Optional[str], as_of: Optional[str]) -> str:
    params = {"q": q}
    if village:
        params["village"] = village
    if as_of:
        params["as_of"] = as_of
    return urlencode(params)


def _place_label(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    v = place.get("village") or {}
    where = "".join((place.get(k) or {}).get("name") or "" for k in ("district", "town"))
    return f"{v.get('short_name') or v.get('name') or ''}（{where}）" if where else (v.get("short_name") or "")


# ---- browse data -------------------------------------------------------------------------
def _base_label(store: GraphStore, p: Node) -> dict[str, Any]:
    if p.label == "Document":
        return {"text": p.get("title") or p.id, "href": None, "title": p.get("doc_no") or ""}
    if p.label == "DocumentProvision":  # one numbered part of a public document: the document and how it numbers the part
        doc = iq.one(store, p.id, "PROVISION_OF_DOCUMENT")
        title = (doc.get("title") if doc else None) or p.get("citation")
        return {"text": f"《{title}》{p.get('label_zh') or ''}", "href": None,
                "title": " ".join(x for x in ((doc.get("doc_no") if doc else None), p.get("text")) if x)}
    work, _, rest = (p.get("citation") or "").partition("@")
    version = rest.partition("#")[0]
    return {"text": f"《{work}》{iq.provision_label(p)}（{version[:4]}）", "title": p.get("summary") or "",
            "href": _law_href(work, version, p.get("article")) if work and version and p.get("article") else None}


def _current_bases(store: GraphStore, bases: list[Node], current: dict[str, str | None]) -> list[Node]:
    """An item cites both the 2018 and the 2025 text of a law; a list shows the one in force
    today (the item page shows them all), or every version when it cites none in force."""
    def work_version(p: Node) -> tuple[str, str]:
        work, _, rest = (p.get("citation") or "").partition("@")
        return work, rest.partition("#")[0]

    for p in bases:
        work = work_version(p)[0]
        if p.label == "Provision" and work and work not in current:
            v = sq.in_force(store, work, date.today()) if store.node(f"work/{work}") else None
            current[work] = v.get("version_date") if v else None
    covered = {work_version(p)[0] for p in bases if p.label == "Provision" and current.get(work_version(p)[0]) == work_version(p)[1]}
    return [p for p in bases if p.label != "Provision" or work_version(p)[0] not in covered
            or current.get(work_version(p)[0]) == work_version(p)[1]]


def _item_row(store: GraphStore, n: Node, category: str | None, current: dict[str, str | None]) -> dict[str, Any]:
    rels: dict[str, list[Node]] = {}
    for rel, other in store.neighbors(n.id):
        rels.setdefault(rel.type, []).append(other)
    kind = n.get("kind")
    bodies = [b.get("name_zh") or "" for b in rels.get("LEAD_BODY", []) + rels.get("ASSIST_BODY", [])]
    search = " ".join(str(x) for x in (n.id.split("/", 1)[1], n.get("name_zh"), " ".join(n.get("keywords") or []),
                                        category or "", " ".join(bodies)) if x)
    return {"id": n.id.split("/", 1)[1], "name": n.get("name_zh"), "kind": kind, "kind_zh": KIND_ZH.get(kind, kind),
            "description": n.get("description") or "", "category": category,
            "lead": [b.get("name_zh") for b in rels.get("LEAD_BODY", [])],
            "assist": [b.get("name_zh") for b in rels.get("ASSIST_BODY", [])],
            "bases": [_base_label(store, p) for p in _current_bases(store, rels.get("RESTS_ON", []), current)],
            "no_basis": n.get("no_basis_reason"),
            "provenance": iq.provenance(n), "search": search.lower()}


def lists_data(store: GraphStore) -> list[dict[str, Any]]:
    declared = {d["list"]: d for d in stats_query(store)["lists_detail"]}
    current: dict[str, str | None] = {}
    out = []
    lists = sorted(store.nodes("DutyList"), key=lambda n: (KIND_ORDER.index(n.get("kind")) if n.get("kind") in KIND_ORDER
                                                           else 99, n.id))
    for lst in lists:
        versions = []
        for _, v in sorted(store.neighbors(lst.id, "VERSION_OF_LIST", "in"), key=lambda p: p[1].get("in_force_from") or ""):
            groups: list[dict[str, Any]] = []
            placed: set[str] = set()
            for _, cat in sorted(store.neighbors(v.id, "CATEGORY_IN", "in"), key=lambda p: (p[1].get("seq") or 0, p[1].id)):
                members = sorted((n for _, n in store.neighbors(cat.id, "IN_CATEGORY", "in")),
                                 key=lambda n: (n.get("seq") or 0, n.id))
                placed.update(n.id for n in members)
                groups.append({"name": cat.get("name_zh"), "provenance": iq.provenance(cat),
                               "rows": [_item_row(store, n, cat.get("name_zh"), current) for n in members]})
            rest = [n for _, n in store.neighbors(v.id, "IN_VERSION", "in") if n.id not in placed]
            if rest:
                groups.append({"name": "未分类", "provenance": None, "rows": [_item_row(store, n, None, current) for n in rest]})
            versions.append({"id": v.id.split("/", 1)[1], "issuer": v.get("issuer"), "doc_no": v.get("doc_no"),
                             "in_force_from": v.get("in_force_from"), "in_force_to": v.get("in_force_to"),
                             "provenance": iq.provenance(v), "groups": groups,
                             "count": sum(len(g["rows"]) for g in groups)})
        lid = lst.id.split("/", 1)[1]
        d = declared.get(lid, {})
        out.append({"id": lid, "name": lst.get("name_zh"), "kind": lst.get("kind"), "declared": d.get("declared"),
                    "declared_source": d.get("declared_source"), "catalog": d.get("catalog"),
                    "provenance": iq.provenance(lst), "versions": versions})
    return out


def _filter_lists(data: list[dict[str, Any]], kind: str | None, text: str | None) -> list[dict[str, Any]]:
    needle = (text or "").lower()
    out = []
    for lst in data:
        if kind and lst["kind"] != kind:
            continue
        versions = []
        for v in lst["versions"]:
            groups = [{**g, "rows": [i for i in g["rows"] if needle in i["search"]]} for g in v["groups"]]
            groups = [g for g in groups if g["rows"]]
            if groups or not needle:
                versions.append({**v, "groups": groups, "count": sum(len(g["rows"]) for g in groups)})
        if versions:
            out.append({**lst, "versions": versions})
    return out


def duty_index(store: GraphStore) -> dict[str, Any]:
    """Which items and decisions rest on which article, counted from the items' side: one
    question per item instead of one per provision (民法典 alone has 1,260 articles)."""
    per_article: dict[tuple[str, str, int], set[str]] = {}
    per_work: dict[str, set[str]] = {}

    def note(owner: str, p: Node) -> None:
        if p.label != "Provision" or not p.get("citation"):
            return
        work, _, rest = p.get("citation").partition("@")
        version = rest.partition("#")[0]
        per_article.setdefault((work, version, int(p.get("article") or 0)), set()).add(owner)
        per_work.setdefault(work, set()).add(owner)

    for cls in KIND_CLASS.values():
        for n in store.nodes(cls):
            for _, p in store.neighbors(n.id, "RESTS_ON"):
                note(n.id, p)
    for d in store.nodes("DelegationDecision"):
        for _, p in store.neighbors(d.id, "DECISION_BASIS"):
            note(d.id, p)
    return {"article": {k: len(v) for k, v in per_article.items()}, "work": {k: len(v) for k, v in per_work.items()}}


def works_data(store: GraphStore, counts: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    for w in store.nodes("Work"):
        name = w.get("short_title") or w.id.split("/", 1)[1]
        versions = sorted((v for _, v in store.neighbors(w.id, "VERSION_OF_WORK", "in")), key=lambda v: v.get("version_date"))
        if not versions:
            continue  # a repealed law named in a repeal clause, its text not in the library
        out.append({"work": name, "title": versions[-1].get("title") if versions else name,
                    "versions": [{"date": v.get("version_date"), "in_force_from": v.get("in_force_from"),
                                  "in_corpus": v.get("in_corpus")} for v in versions],
                    "duties": counts.get(name, 0), "provenance": iq.provenance(w)})
    return sorted(out, key=lambda x: (-x["duties"], x["work"]))


def articles_of(store: GraphStore, work: str, version: str, counts: dict[tuple[str, str, int], int]) -> list[dict[str, Any]]:
    out = []
    for _, p in store.neighbors(f"law/{work}/{version}", "PROVISION_OF", "in"):
        if p.get("paragraph") is not None or p.get("article") is None:
            continue
        text = p.get("text") or ""
        head = _article_label(p.get("article"))
        body = text[len(head):].strip() if text.startswith(head) else text
        out.append({"article": int(p.get("article")), "label": head, "preview": body[:90] + ("…" if len(body) > 90 else ""),
                    "short": body[:36] + ("…" if len(body) > 36 else ""),
                    "text": text, "summary": p.get("summary"), "duties": counts.get((work, version, int(p.get("article"))), 0)})
    return sorted(out, key=lambda a: a["article"])


def _crosswalk(store: GraphStore, work: str, v_from: str, v_to: str) -> list[dict[str, Any]] | None:
    """The statutes engine's article alignment of two versions, when that engine is installed;
    the pages work without it."""
    try:
        from qingdan.queries import crosswalks
    except ImportError:
        return None
    starts = {v["version"]: v["in_force_from"] or v["version"] for v in sq.work_versions(store, work)}
    if v_from not in starts or v_to not in starts:
        return None
    try:
        # the engine picks versions by the day they are in force, so ask for those days
        result = crosswalks.crosswalk_for(store, work, starts[v_from], starts[v_to])
    except QingdanError as exc:
        log.info("no crosswalk for %s %s→%s: %s", work, v_from, v_to, exc)
        return None
    if result.get("from_version") != v_from or result.get("to_version") != v_to or result.get("same_version"):
        return None
    return [{"from_article": p.get("from_article"), "to_article": p.get("to_article"), "score": p.get("score"),
             "change": p.get("change")} for p in result.get("pairs") or []]


CHANGE_ZH = {"unchanged": "未变", "amended": "修改", "split": "拆分", "merged": "合并", "added": "新增",
             "removed": "删除", "renumbered": "条号变化"}


def divisions_data(store: GraphStore) -> list[dict[str, Any]]:
    out = []
    for d in store.nodes("District"):
        towns = []
        for _, t in sorted(store.neighbors(d.id, "WITHIN", "in"), key=lambda p: p[1].get("code") or ""):
            if t.label != "Town":
                continue
            villages = sorted((v for _, v in store.neighbors(t.id, "WITHIN", "in") if v.label == "Village"),
                              key=lambda v: v.get("code") or "")
            towns.append({"code": t.get("code"), "name": t.get("name_zh"),
                          "villages": [{"code": v.get("code"), "name": v.get("name_zh")} for v in villages]})
        out.append({"code": d.get("code"), "name": d.get("name_zh"), "towns": towns,
                    "villages": sum(len(t["villages"]) for t in towns)})
    return sorted(out, key=lambda d: d["code"] or "")


def _answer_flow(request: Request, store: GraphStore, ctx: dict[str, Any]) -> dict[str, Any] | None:
    """The flowchart of the item an answer rests on, when it has a procedure."""
    item = (ctx.get("answer") or {}).get("item") or {}
    return figures.flow_figure(store, item.get("id"), lambda key, build: _cached(request, store, key, build))


# ---- routes ------------------------------------------------------------------------------
def register(app: FastAPI, get_store: Callable[..., GraphStore], get_resolver: Callable[..., Resolver]) -> None:
    """Add the pages and /static to the app; a second call changes nothing."""
    if getattr(app.state, "pages_registered", False):
        return
    app.state.pages_registered = True
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    router = APIRouter(route_class=PageRoute, include_in_schema=False, default_response_class=HTMLResponse)

    def ask_context(q: Optional[str], village: Optional[str], as_of: Optional[str], vname: Optional[str]) -> dict[str, Any]:
        return {"q": q or "", "village": village or "", "as_of": as_of or "", "vname": vname or village or "",
                "examples": EXAMPLES}

    def answer_for(resolver: Resolver, q: Optional[str], village: Optional[str], as_of: Optional[str],
                   vname: Optional[str]) -> tuple[dict[str, Any], int]:
        """The answer page's context and status; bad input becomes the page's message."""
        ctx: dict[str, Any] = {}
        try:
            text = _clean(q, MAX_QUESTION)
            where = _clean(village) or _clean(vname)
            ctx = ask_context(text, where, _clean(as_of, 20), _clean(vname))
            if text is None:
                raise BadRequest("请先输入要问的事情，例如：村里能不能给村民开无犯罪记录证明？")
            answer = resolver.resolve(text, village=where, as_of=_clean(as_of, 20))
        except QingdanError as exc:
            ctx = ctx or ask_context(q, village, as_of, vname)
            ctx["error"] = _message(exc)
            return ctx, _status(exc)
        code = ((answer.get("village") or {}).get("village") or {}).get("code")
        ctx.update(answer=answer, view=answer_view(resolver.store, answer),
                   vname=_place_label(answer.get("village")) or ctx["vname"], village=code or "",
                   share=_ask_query(text, code, _clean(as_of, 20)))
        return ctx, 200

    @router.get("/")
    def home(request: Request, q: Optional[str] = None, village: Optional[str] = None, as_of: Optional[str] = None,
             vname: Optional[str] = None, resolver: Resolver = Depends(get_resolver)) -> HTMLResponse:
        if q is None:
            ctx = ask_context(None, _clean(village), _clean(as_of, 20), _clean(vname))
            return _render(request, "ask.html", {"active": "ask", **ctx})
        ctx, status = answer_for(resolver, q, village, as_of, vname)
        ctx["flow"] = _answer_flow(request, resolver.store, ctx)
        return _render(request, "ask.html", {"active": "ask", **ctx}, status)

    @router.get("/print")
    def print_view(request: Request, q: Optional[str] = None, village: Optional[str] = None, as_of: Optional[str] = None,
                   vname: Optional[str] = None, resolver: Resolver = Depends(get_resolver)) -> HTMLResponse:
        ctx, status = answer_for(resolver, q, village, as_of, vname)
        ctx["printed_at"] = datetime.now().strftime("%Y-%m-%d %H:%M")
        ctx["flow"] = _answer_flow(request, resolver.store, ctx)
        return _render(request, "print.html", {"active": None, **ctx}, status)

    @router.get("/lists")
    def lists(request: Request, kind: Optional[str] = None, q: Optional[str] = None,
              store: GraphStore = Depends(get_store)) -> HTMLResponse:
        data = _cached(request, store, "lists", lambda: lists_data(store))
        totals = _cached(request, store, "stats", lambda: stats_query(store))["lists"]
        ctx: dict[str, Any] = {"active": "lists", "kind": kind or "", "q": q or "", "totals": totals}
        status = 200
        try:
            kind, text = _clean(kind), _clean(q)
            if kind and kind not in KIND_ZH:
                raise BadRequest(f"没有这种清单类别：{kind}")
            ctx["lists"] = _filter_lists(data, kind, text)
            ctx["shown"] = sum(v["count"] for lst in ctx["lists"] for v in lst["versions"])
        except QingdanError as exc:
            ctx.update(error=_message(exc), lists=[], shown=0)
            status = _status(exc)
        return _render(request, "lists.html", ctx, status)

    @router.get("/lists/item/{item_id}")
    def item_page(request: Request, item_id: str, as_of: Optional[str] = None,
                  store: GraphStore = Depends(get_store)) -> HTMLResponse:
        day = _day(as_of)
        item = iq.describe_item(store, _clean(item_id) or "", as_of=day)
        node = iq.get_item(store, item["id"])
        endangered_by = [iq.item_summary(n) for _, n in store.neighbors(node.id, "ENDANGERS", "in")]
        citations = [citation_view(store, b) for b in item["bases"]]
        flow = figures.flow_figure(store, item["id"], lambda key, build: _cached(request, store, key, build))
        return _render(request, "item.html", {"active": "lists", "item": item, "citations": citations,
                                              "endangered_by": endangered_by, "as_of": day.isoformat(), "flow": flow})

    @router.get("/village")
    def village_index(request: Request, q: Optional[str] = None, resolver: Resolver = Depends(get_resolver)) -> HTMLResponse:
        store = resolver.store
        ctx: dict[str, Any] = {"active": "village", "q": q or "", "results": None,
                               "districts": _cached(request, store, "divisions", lambda: divisions_data(store))}
        status = 200
        try:
            text = _clean(q, 40)
            if text is not None:
                ctx["results"] = resolver.finder.search(text, limit=50)
                if not ctx["results"]:
                    raise NotFound(f"没有找到名称或代码含“{text}”的村（社区）")
        except QingdanError as exc:
            ctx["error"] = _message(exc)
            status = _status(exc)
        return _render(request, "village_index.html", ctx, status)

    @router.get("/village/{code}")
    def village_page(request: Request, code: str, as_of: Optional[str] = None,
                     resolver: Resolver = Depends(get_resolver)) -> HTMLResponse:
        day = _day(as_of)
        m = cq.village_map(resolver, code, as_of=day)
        viz = f"/viz/village/{quote(m['place']['village']['code'])}" + (f"?{urlencode({'as_of': day.isoformat()})}"
                                                                          if as_of else "")
        return _render(request, "village.html", {"active": "village", "m": m, "viz": viz,
                                                 "as_of": as_of or "", "day": day.isoformat(),
                                                 "label": _place_label(m["place"])})

    @router.get("/laws")
    def laws_index(request: Request, q: Optional[str] = None, store: GraphStore = Depends(get_store)) -> HTMLResponse:
        index = _cached(request, store, "duties", lambda: duty_index(store))
        works = _cached(request, store, "works", lambda: works_data(store, index["work"]))
        text = _clean(q, 40)
        shown = [w for w in works if not text or text in w["work"] or text in (w["title"] or "")]
        status = 200 if shown or not text else 404
        return _render(request, "laws.html", {"active": "laws", "works": shown, "q": text or "", "total": len(works),
                                              "error": None if status == 200 else f"法规库中没有名称含“{text}”的法规"},
                       status)

    @router.get("/laws/{work}")
    def law_work(request: Request, work: str, version: Optional[str] = None,
                 store: GraphStore = Depends(get_store)) -> HTMLResponse:
        work = _clean(work) or ""
        versions = sq.work_versions(store, work)
        current = sq.in_force(store, work, date.today())
        chosen = _clean(version, 20) or (current.get("version_date") if current else versions[-1]["version"])
        if chosen not in {v["version"] for v in versions}:
            raise NotFound(f"《{work}》没有 {chosen} 版本")
        index = _cached(request, store, "duties", lambda: duty_index(store))
        articles = articles_of(store, work, chosen, index["article"])
        pairs = None
        if len(versions) >= 2:
            v_from, v_to = versions[-2]["version"], versions[-1]["version"]
            rows = _cached(request, store, f"crosswalk:{work}:{v_from}:{v_to}", lambda: _crosswalk(store, work, v_from, v_to))
            if rows:
                texts = {v: {a["article"]: a for a in articles_of(store, work, v, index["article"])} for v in (v_from, v_to)}
                pairs = {"from": v_from, "to": v_to, "rows": [
                    {**r, "change_zh": CHANGE_ZH.get(str(r["change"]), r["change"]),
                     "left": texts[v_from].get(r["from_article"]) if r["from_article"] else None,
                     "right": texts[v_to].get(r["to_article"]) if r["to_article"] else None} for r in rows]}
        return _render(request, "law_work.html", {
            "active": "laws", "work": work, "versions": versions, "chosen": chosen, "articles": articles,
            "current": current.get("version_date") if current else None, "crosswalk": pairs,
            "title": next((v["title"] for v in versions if v["version"] == chosen), work)})

    @router.get("/laws/{work}/{version}/{article}")
    def law_article(request: Request, work: str, version: str, article: str,
                    store: GraphStore = Depends(get_store)) -> HTMLResponse:
        work, version = _clean(work) or "", _clean(version, 20) or ""
        number = _int(article, "条号")
        trace = tq.trace_provision(store, work, number, version=version)
        entry = next(v for v in trace["versions"] if v["anchor"])
        node = store.node(f"law/{work}/{version}/{number}")
        below: list[Node] = []
        todo = [node] if node is not None else []
        while todo:
            cur = todo.pop()
            for _, child in store.neighbors(cur.id, "PART_OF", "in"):
                below.append(child)
                todo.append(child)
        parts = [{"label": iq.provision_label(p), "summary": p.get("summary")}
                 for p in sorted((p for p in below if p.get("summary")),
                                 key=lambda p: (p.get("paragraph") or 0, p.get("clause") or 0))]
        versions = sq.work_versions(store, work)
        # the same article in the other texts, from the graph's succeededBy edges (条文对照)
        others = [{"version": v["version"], "in_force_from": v["in_force_from"], "article": v["article"],
                   "note": f"条文对照：{v['status_zh']}" if v["article"] else "该版本中没有对应条文"}
                  for v in trace["versions"] if not v["anchor"]]
        neighbours = {k: n for k, n in (("prev", number - 1), ("next", number + 1))
                      if n >= 1 and store.node(f"law/{work}/{version}/{n}") is not None}
        return _render(request, "law_article.html", {
            "active": "laws", "work": work, "version": version, "number": number, "entry": entry, "parts": parts,
            "others": others, "neighbours": neighbours,
            "title": next((v["title"] for v in versions if v["version"] == version), work)})

    @router.get("/delegations")
    def delegations(request: Request, district: Optional[str] = None, department: Optional[str] = None,
                    store: GraphStore = Depends(get_store)) -> HTMLResponse:
        everything = _cached(request, store, "chains", lambda: cq.chains(store))
        districts = sorted(((d.get("code"), d.get("name_zh")) for d in store.nodes("District")), key=lambda d: d[0] or "")
        departments = sorted({(d["from"]["type"], d["from"]["name"]) for d in everything["decisions"] if d.get("from")})
        ctx: dict[str, Any] = {"active": "delegations", "district": district or "", "department": department or "",
                               "districts": districts, "departments": departments, "decisions": []}
        status = 200
        try:
            dist, dept = _clean(district, 20), _clean(department)
            if dist and not any(dist in (c, n) for c, n in districts):
                raise NotFound(f"没有名为或代码为“{dist}”的区（县）")
            ctx["decisions"] = cq.chains(store, department=dept, district=dist)["decisions"] if (dist or dept) \
                else everything["decisions"]
            adopted = {a["district"]["code"] for d in everything["decisions"] for a in d["adoptions"] if a.get("district")}
            ctx["not_adopted"] = [n for c, n in districts if c not in adopted]
        except QingdanError as exc:
            ctx["error"] = _message(exc)
            status = _status(exc)
        return _render(request, "delegations.html", ctx, status)

    app.include_router(router)
