"""Statute tracing: provision → every duty resting on it; duty → provisions; work → all duties."""
from __future__ import annotations

from typing import Any

from qingdan.errors import NotFound

from . import items as iq
from .statutes import versions_of
from .stores.base import GraphStore, Node


def _subtree(store: GraphStore, p: Node) -> list[Node]:
    out, todo = [p], [p]
    while todo:
        cur = todo.pop()
        for _, child in store.neighbors(cur.id, "PART_OF", "in"):
            out.append(child)
            todo.append(child)
    return out


def _duties_on(store: GraphStore, provisions: list[Node]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for p in provisions:
        for _, item in store.neighbors(p.id, "RESTS_ON", "in"):
            entry = seen.setdefault(item.id, {**iq.item_summary(item), "list": None, "via": []})
            if entry["list"] is None:
                ver = iq.one(store, item.id, "IN_VERSION")
                lst = iq.one(store, ver.id, "VERSION_OF_LIST") if ver else None
                entry["list"] = {"id": lst.id.split("/", 1)[1], "name": lst.get("name_zh")} if lst else None
            entry["via"].append({"citation": p.get("citation"), "label": iq.provision_label(p)})
        for _, decision in store.neighbors(p.id, "DECISION_BASIS", "in"):
            seen.setdefault(decision.id, {"id": decision.id.split("/", 1)[1], "name": decision.get("doc_no") or decision.get("field"),
                                          "kind": "delegation_decision", "kind_zh": "放权决定", "list": None,
                                          "provenance": iq.provenance(decision), "via": []})["via"].append(
                {"citation": p.get("citation"), "label": iq.provision_label(p)})
    return sorted(seen.values(), key=lambda d: (d["kind"], d["id"]))


def trace_provision(store: GraphStore, work: str, article: int, version: str | None = None,
                    paragraph: int | None = None, item: int | None = None) -> dict[str, Any]:
    versions = versions_of(store, work)
    if version is not None:
        versions = [v for v in versions if v.get("version_date") == version]
        if not versions:
            raise NotFound(f"《{work}》没有 {version} 版本")
    out = []
    for v in versions:
        nid = f"law/{work}/{v.get('version_date')}/{article}" + (f"/{paragraph}" if paragraph else "") + (f"/{item}" if paragraph and item else "")
        p = store.node(nid)
        if p is None:
            continue
        out.append({"version": v.get("version_date"), "in_force_from": v.get("in_force_from"),
                    "provision": iq.describe_provision(store, p), "duties": _duties_on(store, _subtree(store, p))})
    if not out:
        raise NotFound(f"《{work}》没有第{article}条" + (f"第{paragraph}款" if paragraph else ""))
    return {"work": work, "article": article, "paragraph": paragraph, "item": item, "versions": out}


def trace_work(store: GraphStore, work: str) -> dict[str, Any]:
    result = []
    for v in versions_of(store, work):
        provisions = [p for _, p in store.neighbors(v.id, "PROVISION_OF", "in")]
        duties = _duties_on(store, provisions)
        result.append({"version": v.get("version_date"), "in_force_from": v.get("in_force_from"),
                       "articles": sum(1 for p in provisions if p.get("paragraph") is None), "duties": duties})
    return {"work": work, "versions": result}


def trace_item(store: GraphStore, item_id: str) -> dict[str, Any]:
    item = iq.get_item(store, item_id)
    return {**iq.item_summary(item), "bases": iq.item_bases(store, item, all_versions=True)}
