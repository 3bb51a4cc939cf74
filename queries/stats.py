"""What the graph holds, per list kind against the seed's declared sizes."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.ontology.terms import KIND_CLASS

from .stores.base import GraphStore


def stats(store: GraphStore, day: date | None = None) -> dict[str, Any]:
    nodes = store.count_nodes()
    rels = store.count_rels()
    lists: dict[str, dict[str, Any]] = {}
    detail: list[dict[str, Any]] = []
    for kind, cls in KIND_CLASS.items():
        # a list declared as part of others ("其中…") is shown on its own but not added to the total
        declared = [n.get("declared_count") for n in store.nodes("DutyList", kind=kind)
                    if "不计入合计" not in (n.get("declared_source") or "")]
        known = [d for d in declared if d is not None]
        lists[kind] = {"declared": sum(known) if known else None, "catalog": nodes.get(cls, 0)}
    for lst in store.nodes("DutyList"):
        count = 0
        for _, version in store.neighbors(lst.id, "VERSION_OF_LIST", "in"):
            count += len(store.neighbors(version.id, "IN_VERSION", "in"))
        detail.append({"list": lst.id.split("/", 1)[1], "name": lst.get("name_zh"), "kind": lst.get("kind"),
                       "declared": lst.get("declared_count"), "declared_source": lst.get("declared_source"),
                       "catalog": count})
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
