"""Statute tracing: provision → its history across the texts of its work and every duty resting on it;
duty → provisions; work → all duties."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.errors import NotFound

from . import items as iq
from .dates import parse_as_of
from .scope import Scope, scope_for
from .statutes import provision_node, standing, versions_of
from .stores.base import GraphStore, Node
from .timeline import follow, words
from .villages import by_code


def _subtree(store: GraphStore, p: Node) -> list[Node]:
    out, todo = [p], [p]
    while todo:
        cur = todo.pop()
        for _, child in store.neighbors(cur.id, "PART_OF", "in"):
            out.append(child)
            todo.append(child)
    return out


def _list_of(store: GraphStore, version: Node | None) -> dict[str, Any] | None:
    """The list a list version belongs to, with the place the version binds."""
    lst = iq.one(store, version.id, "VERSION_OF_LIST") if version else None
    if lst is None:
        return None
    return {"id": lst.id.split("/", 1)[1], "name": lst.get("name_zh"),
            **iq.jurisdiction(version if version is not None and version.get("jurisdiction") else lst)}


def _duties_on(store: GraphStore, provisions: list[Node], scope: Scope | None = None) -> list[dict[str, Any]]:
    """Items and delegation decisions resting on the provisions; with a scope, only those of lists
    binding that place (a provision binding it may carry duties another place's list gives)."""
    seen: dict[str, dict[str, Any]] = {}
    for p in provisions:
        for _, item in store.neighbors(p.id, "RESTS_ON", "in"):
            entry = seen.setdefault(item.id, {**iq.item_summary(item), "list": None, "via": []})
            if entry["list"] is None:
                entry["list"] = _list_of(store, iq.one(store, item.id, "IN_VERSION"))
            entry["via"].append({"citation": p.get("citation"), "label": iq.provision_label(p)})
        for _, decision in store.neighbors(p.id, "DECISION_BASIS", "in"):
            seen.setdefault(decision.id, {"id": decision.id.split("/", 1)[1], "name": decision.get("doc_no") or decision.get("field"),
                                          "kind": "delegation_decision", "kind_zh": "放权决定",
                                          "list": _list_of(store, iq.one(store, decision.id, "DECISION_LIST")),
                                          "provenance": iq.provenance(decision), "via": []})["via"].append(
                {"citation": p.get("citation"), "label": iq.provision_label(p)})
    out = sorted(seen.values(), key=lambda d: (d["kind"], d["id"]))
    if scope is not None:
        out = [d for d in out if d["list"] is not None and scope.binds(d["list"]["jurisdiction"])]
    return out


def village_scope(store: GraphStore, village: str | None) -> Scope | None:
    """The place a trace is read for: a loaded village (refused like every other question when the
    graph does not serve it), or none."""
    if not village:
        return None
    place = by_code(store, village)
    return scope_for(place.village.get("code"), place.village.get("name_zh"), "")


def _binding(scope: Scope | None, versions: list[Node], work: str) -> dict[str, Any]:
    """Where the work binds and, for a village, whether it binds there."""
    owner = versions[-1] if versions else None
    out: dict[str, Any] = {**iq.jurisdiction(owner), "village": scope.code if scope else None, "applies": True, "notice": None}
    if scope is not None:
        out["applies"] = scope.binds(out["jurisdiction"])
        kept = "只列约束该村的清单中依托它的事项。"
        out["notice"] = (f"《{work}》适用于{out['jurisdiction_name']}，约束{scope.name}；" + kept if out["applies"] else
                         f"《{work}》只适用于{out['jurisdiction_name']}，不约束{scope.name}：不列依托它的事项。")
    return out


HISTORY_ZH = {"same": "条文未变", "changed": "条文有修改", "new": "新增", "removed": "已删除"}


def _anchor(store: GraphStore, work: str, versions: list[Node], version: str | None, day: date) -> Node:
    """The text whose numbering the caller used: the one named, else the one in force that day, else
    the nearest one."""
    if version is not None:
        found = [v for v in versions if v.get("version_date") == version]
        if not found:
            raise NotFound(f"《{work}》没有 {version} 版本")
        return found[0]
    st = standing(store, work, day)
    v = st.checked
    if v is None:
        raise NotFound(f"《{work}》没有可查的版本")
    return v


def trace_provision(store: GraphStore, work: str, article: int, version: str | None = None,
                    paragraph: int | None = None, item: int | None = None,
                    as_of: date | str | None = None, village: str | None = None) -> dict[str, Any]:
    """An article (款, 项) through every text of its work: the number it has in each, the period each
    text was in force, whether its words changed from the text before (same / changed / new /
    removed), and the duties resting on it in each text. The number is read in the text named by
    version, else in the text in force on as_of (default today). With a village, only the duties of
    lists binding it, and none where the work does not bind it."""
    scope = village_scope(store, village)
    versions = versions_of(store, work)
    where = _binding(scope, versions, work)
    day = parse_as_of(as_of)
    anchor_v = _anchor(store, work, versions, version, day)
    anchor = provision_node(store, work, anchor_v.get("version_date"), article, paragraph, item)
    out: list[dict[str, Any]] = []
    prev: Node | None = None
    for i, v in enumerate(versions):
        node = anchor if v.id == anchor_v.id else None
        carried = follow(store, anchor, v) if node is None and v.get("in_corpus") else None
        if carried is not None:
            node = carried.node
        status: str | None
        if node is None:
            status = "removed" if prev is not None else None
        elif prev is None:
            status = "new" if i > 0 else None
        else:
            status = "changed" if words(store, prev) != words(store, node) else "same"
        out.append({"version": v.get("version_date"), "in_force_from": v.get("in_force_from"),
                    "in_force_to": v.get("in_force_to"), "article": node.get("article") if node else None,
                    "paragraph": node.get("paragraph") if node else None, "item": node.get("clause") if node else None,
                    "label": iq.provision_label(node) if node else None, "status": status,
                    "status_zh": HISTORY_ZH.get(status or "", "最早收录的文本" if node is not None else "无对应条款"),
                    "anchor": v.id == anchor_v.id,
                    "provision": iq.describe_provision(store, node) if node else None,
                    "duties": _duties_on(store, _subtree(store, node), scope) if node and where["applies"] else []})
        prev = node
    return {"work": work, "article": article, "paragraph": paragraph, "item": item,
            "version": anchor_v.get("version_date"), "versions": out, **where,
            "repealed": _after_repeal(store, work, anchor)}


def _after_repeal(store: GraphStore, work: str, anchor: Node) -> dict[str, Any] | None:
    """When the work has been repealed: the repeal, and the article's counterpart in the repealing law."""
    st = standing(store, work, date.max)  # the history is the whole history, whatever the day asked about
    if st.repeal is None:
        return None
    heir = store.node(f"law/{st.repeal['repealing_work']}/{st.repeal['repealing_version']}")
    carried = follow(store, anchor, heir) if heir is not None else None
    return {**st.repeal, "counterpart": iq.describe_provision(store, carried.node) if carried else None,
            "score": carried.score if carried else None}


def trace_work(store: GraphStore, work: str, village: str | None = None) -> dict[str, Any]:
    """Every duty resting on any provision of the work, per text; with a village, as trace_provision."""
    scope = village_scope(store, village)
    versions = versions_of(store, work)
    where = _binding(scope, versions, work)
    result = []
    for v in versions:
        provisions = [p for _, p in store.neighbors(v.id, "PROVISION_OF", "in")]
        duties = _duties_on(store, provisions, scope) if where["applies"] else []
        result.append({"version": v.get("version_date"), "in_force_from": v.get("in_force_from"),
                       "articles": sum(1 for p in provisions if p.get("paragraph") is None), "duties": duties,
                       **iq.jurisdiction(v)})
    return {"work": work, "versions": result, **where}


def trace_item(store: GraphStore, item_id: str) -> dict[str, Any]:
    item = iq.get_item(store, item_id)
    return {**iq.item_summary(item), "bases": iq.item_bases(store, item, all_versions=True)}
