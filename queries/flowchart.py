"""A procedure as the 小微权力 流程图 booklet draws it: who does what, with which papers, how long it is posted.

The steps, actors, materials and posting periods are the graph's. Which steps are decision
points is the project's reading of the step names (a step that approves, decides, reviews or
checks — 审批、决议、审核、核对、评议、讨论、验收 — and is not itself an announcement), said so in
the drawing's legend.
"""
from __future__ import annotations

from typing import Any

from qingdan.errors import NotFound
from qingdan.ontology.terms import KIND_ZH

from . import items as iq
from .stores.base import GraphStore, Node

DECISION_WORDS = ("审批", "批准", "决议", "决策", "决定", "审核", "审议", "核对", "评议", "讨论", "验收", "表决")
ANNOUNCE_WORDS = ("公告", "公示", "公开", "公布")
DECISION_NOTE = "决策点为本项目按步骤名称判断（审批、决议、审核、核对、评议、讨论、验收等），不是官方流程图的原样"


def is_decision(step_name: str) -> bool:
    return any(w in step_name for w in DECISION_WORDS) and not any(w in step_name for w in ANNOUNCE_WORDS)


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace("；", ";").split(";") if p.strip()]


def steps_of(store: GraphStore, procedure: Node) -> list[dict[str, Any]]:
    out = []
    for _, step in store.neighbors(procedure.id, "STEP_OF", "in"):
        name = step.get("name_zh") or ""
        out.append({
            "seq": step.get("seq"), "name": name,
            "actors": [n.get("name_zh") for _, n in store.neighbors(step.id, "STEP_ACTOR")],
            "materials": _split(step.get("materials")), "posting_days": step.get("posting_days"),
            "description": step.get("description"), "decision": is_decision(name),
            "provenance": iq.provenance(step),
        })
    return sorted(out, key=lambda s: (s["seq"] or 0, s["name"]))


def flow(store: GraphStore, item_id: str) -> dict[str, Any]:
    """The flowchart of one item's procedure; NotFound when the item has none."""
    item = iq.get_item(store, item_id)
    proc = iq.one(store, item.id, "HAS_PROCEDURE")
    if proc is None:
        raise NotFound(f"事项 {item.id.split('/', 1)[1]}（{item.get('name_zh')}）没有收录办理流程")
    return flow_of(store, item, proc)


def flow_of(store: GraphStore, item: Node, proc: Node) -> dict[str, Any]:
    category = iq.one(store, item.id, "IN_CATEGORY")
    steps = steps_of(store, proc)
    return {
        "item": item.id.split("/", 1)[1], "name": item.get("name_zh"), "kind": item.get("kind"),
        "kind_zh": KIND_ZH.get(item.get("kind"), item.get("kind")),
        "category": category.get("name_zh") if category else None,
        "procedure": proc.id.split("/", 1)[1], "procedure_provenance": iq.provenance(proc),
        "steps": steps, "decisions": sum(s["decision"] for s in steps),
        "posting": [{"seq": s["seq"], "name": s["name"], "days": s["posting_days"]} for s in steps if s["posting_days"]],
        "note": DECISION_NOTE,
    }


def procedures(store: GraphStore) -> list[dict[str, Any]]:
    """Every procedure with the items that follow it (so every procedure can be drawn from some item)."""
    out = []
    for proc in store.nodes("Procedure"):
        users = sorted(n.id.split("/", 1)[1] for _, n in store.neighbors(proc.id, "HAS_PROCEDURE", "in"))
        out.append({"procedure": proc.id.split("/", 1)[1], "items": users,
                    "steps": len(store.neighbors(proc.id, "STEP_OF", "in"))})
    return out


def booklet(store: GraphStore, kind: str = "micro_power") -> list[dict[str, Any]]:
    """The micro-power lists by category, like the paper booklet: each power with its flowchart (or none)."""
    out = []
    for lst in sorted(store.nodes("DutyList", kind=kind), key=lambda n: n.id):
        for _, version in sorted(store.neighbors(lst.id, "VERSION_OF_LIST", "in"), key=lambda p: p[1].get("in_force_from") or ""):
            cats = sorted((c for _, c in store.neighbors(version.id, "CATEGORY_IN", "in")), key=lambda c: (c.get("seq") or 0, c.id))
            chapters = []
            for cat in cats:
                powers = []
                for n in sorted((n for _, n in store.neighbors(cat.id, "IN_CATEGORY", "in")), key=lambda n: (n.get("seq") or 0, n.id)):
                    proc = iq.one(store, n.id, "HAS_PROCEDURE")
                    powers.append({"item": n.id.split("/", 1)[1], "name": n.get("name_zh"), "seq": n.get("seq"),
                                   "provenance": iq.provenance(n),
                                   "flow": flow_of(store, n, proc) if proc is not None else None})
                chapters.append({"id": cat.id.split("/", 1)[1], "name": cat.get("name_zh"), "seq": cat.get("seq"),
                                 "powers": powers, "with_flow": sum(p["flow"] is not None for p in powers)})
            out.append({"list": lst.id.split("/", 1)[1], "name": lst.get("name_zh"),
                        "version": version.id.split("/", 1)[1], "in_force_from": version.get("in_force_from"),
                        "in_force_to": version.get("in_force_to"), "chapters": chapters})
    return out
