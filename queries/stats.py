"""What the graph holds, per list kind against the seed's declared sizes, and how sure each count is:
how many items a public source shows on the list (confirmed), how many this project files there
(inferred) and how many are modeled examples — a bundled count is not a count of official items."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.ontology.terms import KIND_CLASS

from .stores.base import GraphStore, Node

MEMBERSHIPS = ("confirmed", "inferred", "modeled")


def by_membership(items: list[Node]) -> dict[str, int]:
    """Items per membership provenance; an item the loader gave none counts as modeled (never as confirmed)."""
    out = {m: 0 for m in MEMBERSHIPS}
    for n in items:
        m = n.get("membership_status")
        out[m if m in out else "modeled"] += 1
    return out


def stats(store: GraphStore, day: date | None = None) -> dict[str, Any]:
    """Per list and kind: the declared size beside the items of the versions in force on the day (the
    latest version when none is), by membership; all versions' items are counted apart."""
    d = (day or date.today()).isoformat()
    nodes = store.count_nodes()
    rels = store.count_rels()
    lists: dict[str, dict[str, Any]] = {}
    detail: list[dict[str, Any]] = []
    current_items: dict[str, list[Node]] = {kind: [] for kind in KIND_CLASS}
    for lst in store.nodes("DutyList"):
        versions = []
        for _, version in store.neighbors(lst.id, "VERSION_OF_LIST", "in"):
            held = [n for _, n in store.neighbors(version.id, "IN_VERSION", "in")]
            versions.append({"version": version.id.split("/", 1)[1], "in_force_from": version.get("in_force_from"),
                             "in_force_to": version.get("in_force_to"), "catalog": len(held),
                             "by_membership": by_membership(held), "_items": held})
        versions.sort(key=lambda v: v["in_force_from"] or "")
        # versions in force that day (a list may keep two, e.g. a local regulation beside the statute's own list)
        current = [v for v in versions if (v["in_force_from"] or "") <= d <= (v["in_force_to"] or "9999-12-31")] or versions[-1:]
        held_now = [n for v in current for n in v["_items"]]
        current_items.setdefault(lst.get("kind"), []).extend(held_now)
        for v in versions:
            v.pop("_items")
        detail.append({"list": lst.id.split("/", 1)[1], "name": lst.get("name_zh"), "kind": lst.get("kind"),
                       "declared": lst.get("declared_count"), "declared_source": lst.get("declared_source"),
                       "current_versions": [v["version"] for v in current], "catalog": len(held_now),
                       "by_membership": by_membership(held_now),
                       "all_versions": sum(v["catalog"] for v in versions), "versions": versions})
    for kind, cls in KIND_CLASS.items():
        # a list declared as part of others ("其中…") is shown on its own but not added to the total
        declared = [n.get("declared_count") for n in store.nodes("DutyList", kind=kind)
                    if "不计入合计" not in (n.get("declared_source") or "")]
        known = [x for x in declared if x is not None]
        lists[kind] = {"declared": sum(known) if known else None, "catalog": len(current_items.get(kind, [])),
                       "by_membership": by_membership(current_items.get(kind, [])), "all_versions": nodes.get(cls, 0)}
    total = sum(nodes.values()) + sum(rels.values())
    gaps = store.provenance_gaps()
    coverage = (total - gaps["nodes"] - gaps["relationships"]) / total if total else 0.0
    return {
        "lists": lists,
        "lists_detail": detail,
        "provenance_coverage": round(coverage, 4),
        "divisions": {"district": nodes.get("District", 0), "town": nodes.get("Town", 0),
                      "village": nodes.get("Village", 0)},
        "nodes": nodes,
        "relationships": rels,
    }
