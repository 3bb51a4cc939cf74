"""A list version, or a village's whole duty list, as the table officials issue (序号 … 备注).

The rows are read from the graph only. Bases are written the way a 依据 cell is written on paper —
《法规全称》（版本）第X条第X款第（X）项 — naming the statute version each citation belongs to, so a
reader (and `qingdan import`) knows which text is meant; items that cite both the 2018 and the
2025 text of the organic law list both, as the catalog does.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qingdan.errors import BadRequest, NotFound
from qingdan.ontology.terms import KIND_ZH

from . import items as iq
from .dates import parse_as_of
from .scope import Scope, scope_for
from .diff import list_versions, pick_version
from .stores.base import GraphStore, Node

COLUMNS = ("序号", "类别", "事项名称", "具体内容", "法律依据", "责任单位", "配合单位", "监督单位", "备注", "来源")
MUST_NOT_COLUMN = "不得承担主体"  # only on sheets whose items name bodies that must not do them (禁入、负面清单)
KIND_ORDER = ("autonomy", "assistance", "prohibited", "micro_power", "public_service", "disclosure", "negative",
              "delegated")

# a real document number (民发〔2020〕20号, 国务院令第764号), not a note such as （征求意见稿）
DOC_NO_RE = re.compile(r"〔\d{4}〕\s*第?\d+号|令\s*第?\s*\d+\s*号")


@dataclass
class Row:
    seq: int | None
    category: str
    name: str
    description: str
    bases: str
    lead: str
    assist: str
    supervise: str
    remark: str
    provenance: str
    item: str
    must_not: str = ""

    def cells(self, with_must_not: bool = False) -> list[Any]:
        extra = [self.must_not] if with_must_not else []
        return [self.seq, self.category, self.name, self.description, self.bases, self.lead, self.assist,
                self.supervise, *extra, self.remark, self.provenance]


@dataclass
class Sheet:
    """One table: a title, a line saying which version and date, the rows, the notes under it."""

    name: str  # the worksheet name: the list kind in Chinese, which is also how the importer tells the kind
    kind: str
    title: str
    subtitle: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def with_must_not(self) -> bool:
        return any(r.must_not for r in self.rows)

    @property
    def columns(self) -> tuple[str, ...]:
        if not self.with_must_not:
            return COLUMNS
        return (*COLUMNS[:8], MUST_NOT_COLUMN, *COLUMNS[8:])

    def table(self) -> list[list[Any]]:
        return [r.cells(self.with_must_not) for r in self.rows]


@dataclass
class Workbook:
    file_stem: str
    sheets: list[Sheet]


# ── citations as written on paper ────────────────────────────────────────────────────────────────

def _version_note(version_date: str) -> str:
    y, m, d = version_date.split("-")
    return f"（{int(y)}年{int(m)}月{int(d)}日版）"


def bases_text(store: GraphStore, item: Node, scope: Scope | None = None) -> str:
    """《title》（version）第…条…、第…条…；《other》… — one title per statute version, documents by title and number.
    With a scope, only the texts binding that place."""
    groups: dict[tuple[str, str], list[str]] = {}
    heads: dict[tuple[str, str], str] = {}
    for _, p in store.neighbors(item.id, "RESTS_ON"):
        if p.label in ("Document", "DocumentProvision"):
            doc = p if p.label == "Document" else iq.one(store, p.id, "PROVISION_OF_DOCUMENT")
            if doc is None or (scope is not None and not scope.binds(doc.get("jurisdiction") or "CN")):
                continue
            no = doc.get("doc_no") or ""
            key = ("doc", doc.id)
            heads[key] = f"《{doc.get('title')}》" + (f"（{no}）" if no and DOC_NO_RE.search(no) else "")
            groups.setdefault(key, [])
            if p.label == "DocumentProvision":  # a numbered part, as the document numbers it (附件第5项)
                groups[key].append((0, 0, 0, p.get("label_zh") or p.get("part")))  # type: ignore[arg-type]
            continue
        version = iq.one(store, p.id, "PROVISION_OF")
        if version is None or (scope is not None and not scope.binds(version.get("jurisdiction") or "CN")):
            continue
        key = (version.id, "")
        heads.setdefault(key, f"《{version.get('title')}》{_version_note(version.get('version_date'))}")
        groups.setdefault(key, []).append((p.get("article") or 0, p.get("paragraph") or 0, p.get("clause") or 0,
                                           iq.provision_label(p)))  # type: ignore[arg-type]
    parts = []
    for key in sorted(groups, key=lambda k: heads[k]):
        labels = [x[3] for x in sorted(groups[key])]  # type: ignore[index]
        parts.append(heads[key] + "、".join(labels))
    return "；".join(parts)


def provenance_text(n: Node) -> str:
    """Whose words, then whether the item is really on the list: a modeled item must never read as
    official in a sheet that otherwise looks like an issued list."""
    p = iq.provenance(n)
    text = f"{p['status_zh']}（{p['source']}）" if p["source"] else str(p["status_zh"])
    return f"{text}；列入清单：{p['membership_zh']}" if p.get("membership_zh") else text


# ── one list version ─────────────────────────────────────────────────────────────────────────────

def find_version(store: GraphStore, list_id: str | None, version_ref: str | None, as_of: date | None = None) -> Node:
    """--version alone (a version id), --list alone (the version in force that day, else the latest), or both."""
    if list_id:
        if version_ref:
            return pick_version(store, list_id, version_ref)
        versions = list_versions(store, list_id)
        if not versions:
            raise NotFound(f"清单 {list_id} 没有任何版本")
        day = (as_of or date.today()).isoformat()
        current = [v for v in versions if (v.get("in_force_from") or "") <= day
                   and (not v.get("in_force_to") or day <= v.get("in_force_to"))
                   and store.neighbors(v.id, "IN_VERSION", "in")]
        return current[-1] if current else versions[-1]
    if version_ref:
        v = store.node(f"version/{version_ref}")
        if v is None or v.label != "ListVersion":
            raise NotFound(f"没有编号为 {version_ref} 的清单版本")
        return v
    raise BadRequest("请指明清单（--list）、版本（--version）或村居（--village）")


def _ordered_items(store: GraphStore, version: Node) -> list[tuple[Node | None, Node]]:
    cats = sorted((c for _, c in store.neighbors(version.id, "CATEGORY_IN", "in")), key=lambda c: (c.get("seq") or 0, c.id))
    out: list[tuple[Node | None, Node]] = []
    placed: set[str] = set()
    for c in cats:
        for n in sorted((n for _, n in store.neighbors(c.id, "IN_CATEGORY", "in")), key=lambda n: (n.get("seq") or 0, n.id)):
            out.append((c, n))
            placed.add(n.id)
    rest = sorted((n for _, n in store.neighbors(version.id, "IN_VERSION", "in") if n.id not in placed),
                  key=lambda n: (n.get("seq") or 0, n.id))
    return out + [(None, n) for n in rest]


def _names(store: GraphStore, item: Node, rel: str) -> list[str]:
    return [b.get("name_zh") or b.id.split("/", 1)[1] for _, b in store.neighbors(item.id, rel)]


def _remark(item: Node) -> str:
    return f"未列依据：{item.get('no_basis_reason')}" if item.get("no_basis_reason") else ""


def version_sheet(store: GraphStore, version: Node) -> Sheet:
    lst = iq.one(store, version.id, "VERSION_OF_LIST")
    kind = lst.get("kind") if lst else None
    if kind not in KIND_ZH:
        raise NotFound(f"清单版本 {version.id.split('/', 1)[1]} 不属于任何清单")
    vid = version.id.split("/", 1)[1]
    when = f"{version.get('in_force_from') or '?'} 起施行" + (f"，{version.get('in_force_to')} 止" if version.get("in_force_to") else "")
    head = "，".join(x for x in (version.get("issuer"), version.get("doc_no")) if x)
    sheet = Sheet(KIND_ZH[kind], kind, lst.get("name_zh"), f"版本 {vid}" + (f"（{head}）" if head else "") + f"，{when}")
    for cat, n in _ordered_items(store, version):
        sheet.rows.append(Row(
            seq=n.get("seq"), category=(cat.get("name_zh") if cat else None) or KIND_ZH[kind], name=n.get("name_zh") or "",
            description=n.get("description") or "", bases=bases_text(store, n),
            lead="、".join(_names(store, n, "LEAD_BODY")), assist="、".join(_names(store, n, "ASSIST_BODY")),
            supervise="、".join(_names(store, n, "SUPERVISE_BODY")), remark=_remark(n), provenance=provenance_text(n),
            item=n.id.split("/", 1)[1], must_not="、".join(_names(store, n, "MUST_NOT_BODY"))))
    sheet.notes = notes(lst.get("provenance_status") if lst else None, village=False)
    return sheet


def notes(list_status: str | None, village: bool) -> list[str]:
    out = [
        "注：1. 本表由清单图谱根据图谱数据生成；“来源”列注明每一事项的来源性质：官方原文（公开文件中逐字可见）、"
        "依法规推导（由所引法条直接推导）、建模示例（参照各地做法整理，不是官方文本），并注明该事项是否确属本清单"
        "（公开来源证实列入、推定列入、建模示例）。",
        "2. 法律依据写明所引法规的版本（如“2018年12月29日版”）；同一事项同时引用村民委员会组织法2018年和2025年文本的，"
        "按事发日期适用当时施行的文本（2025年修正文本自2026年1月1日起施行）。",
    ]
    if village:
        out.append("3. 责任单位、配合单位、监督单位已换成本村（社区）对应的具体机关；下放事项按所在区县的承接情况确定由镇街还是区县部门负责。")
    else:
        out.append("3. 本表可用 qingdan import 作为该清单的新版本导入（导入时须写明施行日期）。")
    if list_status == "modeled":
        out.append("4. 本清单的官方原文未公开，本表事项为本项目依据法规和公开资料整理，以官方发布为准。")
    return out


def list_workbook(store: GraphStore, list_id: str | None = None, version_ref: str | None = None) -> Workbook:
    version = find_version(store, list_id, version_ref)
    return Workbook(f"清单_{version.id.split('/', 1)[1]}", [version_sheet(store, version)])


# ── a village's whole duty list ──────────────────────────────────────────────────────────────────

def village_workbook(resolver: Any, code: str, as_of: str | date | None = None) -> Workbook:
    """Every list item in force that day, one sheet per list kind, each body the concrete body serving this village.

    resolver is queries.resolve.Resolver: the verdict of a delegated power (town or county
    department) depends on whether the district adopted the delegation, which it knows.
    """
    from .chains import duties_of
    from .villages import by_code

    store: GraphStore = resolver.store
    place = by_code(store, code)
    day = parse_as_of(as_of)
    scope = scope_for(place.village.get("code"), place.village.get("name_zh"), "")
    by_kind: dict[str, list[Any]] = {}
    here: dict[str, bool] = {}
    for meta, listed in duties_of(resolver, place, day):  # only the rules binding the village
        by_kind.setdefault(meta.node.get("kind"), []).append(meta)
        here[meta.node.id] = listed
    vname = place.village.get("name_zh")
    where = "".join(n.get("name_zh") for n in (place.city, place.district, place.town) if n is not None)
    sheets = []
    for kind in KIND_ORDER:
        metas = by_kind.get(kind)
        if not metas:
            continue
        sheet = Sheet(KIND_ZH[kind], kind, f"{where}{vname}{KIND_ZH[kind]}清单",
                      f"村（社区）代码 {place.village.get('code')}，按 {day.isoformat()} 施行的清单版本和法规")

        def order(m: Any) -> tuple[Any, ...]:
            return (m.lst.id if m.lst else "", m.category.get("seq") if m.category else 0, m.node.get("seq") or 0, m.node.id)

        for seq, meta in enumerate(sorted(metas, key=order), start=1):
            listed = here[meta.node.id]
            verdict, decision, _ = resolver.verdict(meta, place, day)
            if not listed and kind == "delegated":
                verdict, decision = "county_department", None  # no delegation of another place moves it here
            resp = resolver.responsible(meta, verdict, decision, place)

            def named(b: dict[str, Any] | None) -> str:
                if not b:
                    return ""
                return (b.get("body") or {}).get("name") or b.get("name") or ""

            n = meta.node
            origin = (f"原清单：{meta.lst.get('name_zh')}（事项 {n.id.split('/', 1)[1]}）" if listed else
                      f"约束本村的清单未列此项，依法律规定；名称出自本库整理的《{meta.lst.get('name_zh')}》（不约束本村）") if meta.lst else ""
            remark = "；".join(x for x in (_remark(n), origin) if x)
            category = meta.category.get("name_zh") if meta.category and listed else KIND_ZH[kind]
            sheet.rows.append(Row(
                seq=seq, category=category, name=n.get("name_zh") or "",
                description=n.get("description") or "", bases=bases_text(store, n, scope), lead=named(resp["body_type"]),
                assist="、".join(dict.fromkeys(filter(None, map(named, resp["assisting"])))),
                supervise="、".join(dict.fromkeys(filter(None, map(named, resp["supervising"])))),
                remark=remark, provenance=provenance_text(n), item=n.id.split("/", 1)[1],
                must_not="、".join(dict.fromkeys(filter(None, map(named, resp["must_not"]))))))
        sheet.notes = notes(None, village=True)
        sheets.append(sheet)
    if not sheets:
        raise NotFound(f"{day.isoformat()} 没有施行中的清单事项")
    return Workbook(f"{place.village.get('code')}_{vname}_职责清单", sheets)
