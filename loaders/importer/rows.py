"""Item rows → draft catalog items: names, numbers, categories, bodies and bases, every problem named."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from qingdan.ontology.terms import KIND_ZH

from ..catalog import ASPECTS
from .bases import Citer
from .bodies import BodyIndex, BodyMatch
from .columns import clean_text, seq_number
from .problems import ImportProblem
from .table import SourceRow, Table


DEFAULT_LEAD = {"autonomy": "village_committee", "micro_power": "village_committee", "public_service": "village_committee",
                "disclosure": "village_committee", "prohibited": "county_department", "negative": "county_discipline"}
DEFAULT_ASSIST = {"assistance": ("village_committee", "residents_committee")}
DEFAULT_MUST_NOT = {"prohibited": ("village_committee", "residents_committee"), "negative": ("village_committee",)}
NO_BASIS = "官方清单未列依据"


@dataclass
class Draft:
    """One item read from one row, before it has an id or a list version."""

    sheet: str
    row: int
    ordinal: int  # place among the sheet's item rows, valid or not: the item id stays put when others are skipped
    seq: int | None
    category: str
    name: str
    description: str
    lead: str
    assist: list[str]
    supervise: list[str]
    must_not: list[str]
    bases: list[str]
    no_basis_reason: str
    keywords: list[str]
    aspect: str | None
    summaries: dict[str, str]
    lead_name: str = ""  # the lead body as the list names it, when that says more than its type
    assist_names: list[str] = field(default_factory=list)
    supervise_names: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)  # citations kept as written: their text in force is not held


@dataclass
class SheetPlan:
    """What one sheet would load: its kind, title and items, and what is wrong with it."""

    sheet: str
    kind: str
    title: str
    rows_read: int
    items: list[Draft]
    problems: list[ImportProblem]
    warnings: list[ImportProblem]
    bad_rows: set[int] = field(default_factory=set)


def plan_sheet(table: Table, kind: str, day: str, bodies: BodyIndex, citer: Citer) -> SheetPlan:
    plan = SheetPlan(table.sheet, kind, table.title, len(table.rows), [], [], list(table.notes))
    seen_seq: dict[tuple[str, int], int] = {}
    restart = _numbering_restarts(table)
    for ordinal, src in enumerate(table.rows, start=1):
        before = len(plan.problems)
        draft = _draft(table, src, ordinal, kind, day, bodies, citer, plan)
        if draft is not None and draft.seq is not None:
            scope = (draft.category if restart else "", draft.seq)
            if scope in seen_seq:
                plan.problems.append(ImportProblem(table.sheet, src.row, table.label("seq"), src.cells.get("seq"),
                                                   f"序号重复（第{seen_seq[scope]}行已用）"))
            else:
                seen_seq[scope] = src.row
        if len(plan.problems) > before or draft is None:
            plan.bad_rows.add(src.row)
        else:
            plan.items.append(draft)
    return plan


def _numbering_restarts(table: Table) -> bool:
    """Whether items are numbered within each category (1, 2 … under 一、 then 1, 2 … under 二、)."""
    firsts: dict[str, int | None] = {}
    for src in table.rows:
        firsts.setdefault(src.category or "", seq_number(src.cells.get("seq", "")))
    return len(firsts) > 1 and list(firsts.values()).count(1) > 1


def _draft(table: Table, src: SourceRow, ordinal: int, kind: str, day: str, bodies: BodyIndex, citer: Citer,
           plan: SheetPlan) -> Draft | None:
    sheet, row, cells = table.sheet, src.row, src.cells

    def problem(f: str | None, value: str | None, reason: str) -> None:
        plan.problems.append(ImportProblem(sheet, row, table.label(f) if f else None, value or None, reason))

    def warn(f: str | None, value: str | None, reason: str) -> None:
        plan.warnings.append(ImportProblem(sheet, row, table.label(f) if f else None, value or None, reason))

    name = clean_text(cells.get("name", ""))
    if not name:
        problem("name", None, "缺少事项名称")
    seq_text = cells.get("seq", "").strip()
    seq = seq_number(seq_text) if seq_text else None
    if seq_text and seq is None:
        problem("seq", seq_text, "序号应为整数")
    category = src.category or KIND_ZH[kind]
    aspect = None
    if kind == "negative":
        aspect = next((a for a in ASPECTS if a in category.replace("方面", "")), None)
        if aspect is None:
            problem("category" if "category" in table.columns else None, category,
                    "负面行为须归入八个方面之一：" + "、".join(ASPECTS))

    def named(f: str) -> list[BodyMatch]:
        out: list[BodyMatch] = []
        for part in bodies.split(cells.get(f, "")):
            m = bodies.resolve(part)
            if m is None:
                continue
            type_zh = f"{bodies.type_name(m.body_type)}（{m.body_type}）"
            if m.body_type not in bodies.ids:
                problem(f, part, f"主体“{part}”无法归类：主体类型表中没有{m.body_type}")
                continue
            if m.how == "generic":
                warn(f, part, f"主体“{part}”不在主体类型表和别名表中：按原名记为具体主体，类型记为最接近的{type_zh}；"
                              "如为常见写法，请补入 data/catalog/body_aliases.csv")
            elif m.how == "fuzzy":
                warn(f, part, f"主体“{part}”按相近名称认定为{type_zh}（相似度 {m.score:.0f}）")
            out.append(m)
        return out

    leads, assisting, supervising = named("lead"), named("assist"), named("supervise")
    first = next((m for m in leads if not m.assists), None)  # a body marked （配合） in the lead cell assists
    assisting = [m for m in leads if m is not first] + assisting  # so does a second responsible body
    lead = first.body_type if first else None
    if first is None and not leads:
        lead = DEFAULT_LEAD.get(kind)
        if lead is None or lead not in bodies.ids:
            problem("lead", None, f"{KIND_ZH[kind]}须写明责任主体（如业务指导部门）")
            lead = None
    elif first is None:
        problem("lead", cells.get("lead"), "责任主体一栏只写了配合单位，没有牵头单位")
    assist = list(dict.fromkeys(m.body_type for m in assisting if m.body_type != lead))
    if not cells.get("assist"):
        assist = list(dict.fromkeys([*assist, *(b for b in DEFAULT_ASSIST.get(kind, ()) if b in bodies.ids and b != lead)]))
    supervise = list(dict.fromkeys(m.body_type for m in supervising))
    if cells.get("must_not"):  # written by `qingdan export --format xlsx`: the list's own, not the default
        must_not = list(dict.fromkeys(m.body_type for m in named("must_not")))
    else:
        must_not = [b for b in DEFAULT_MUST_NOT.get(kind, ()) if b in bodies.ids]

    def names(ms: list[BodyMatch]) -> list[str]:
        """The names that say more than the type's own name: 龙湖区民政局, an unknown body."""
        return list(dict.fromkeys(m.name for m in ms if m.name != bodies.type_name(m.body_type)))

    basis_text = cells.get("bases", "").strip()
    keys: list[str] = []
    summaries: dict[str, str] = {}
    unlinked: list[str] = []
    no_basis = NO_BASIS
    if basis_text:
        got = citer.read(basis_text, day)
        for p in got.problems:
            problem("bases", basis_text, p)
        for w in got.warnings:
            warn("bases", basis_text, w)
        keys, summaries, unlinked = got.keys, got.summaries, got.unlinked
        reasons = [f"依据所引法规在清单施行日 {day} 的文本未收录：{'；'.join(unlinked)}" if unlinked else "",
                   f"依据未列明条款：{got.unread}" if got.unread else ""]
        no_basis = "；".join(r for r in reasons if r) or NO_BASIS
    description = clean_text(cells.get("description", ""))
    remark = clean_text(cells.get("remark", ""))
    if remark:
        description = f"{description}（备注：{remark}）" if description else f"备注：{remark}"
    keywords = [k for k in (s.strip() for s in re.split(r"[;；、，,\n]", cells.get("keywords", ""))) if k]
    if not name or lead is None:
        return None
    lead_names = names([first]) if first else []
    return Draft(sheet, row, ordinal, seq, category, name, description, lead, assist, supervise, must_not, keys,
                 "" if keys else no_basis, keywords, aspect, summaries, lead_names[0] if lead_names else "",
                 names(assisting), names(supervising), unlinked)

