"""Power chains (county department → delegation decision → towns → what villages assist with)
and a village's whole duty map."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.errors import NotFound

from . import items as iq
from .dates import parse_as_of
from .resolve import Resolver, short
from .stores.base import GraphStore, Node
from .villages import by_code, concrete_body


def _decision(store: GraphStore, d: Node) -> dict[str, Any]:
    from_body = iq.one(store, d.id, "FROM_BODY")
    version = iq.one(store, d.id, "DECISION_LIST")
    items = [n for _, n in store.neighbors(version.id, "IN_VERSION", "in")] if version else []
    adoptions = []
    for _, a in store.neighbors(d.id, "ADOPTS", "in"):
        district = iq.one(store, a.id, "ADOPTED_BY")
        towns = [t for _, t in store.neighbors(a.id, "APPLIES_TO_TOWN")]
        adoptions.append({"id": short(a.id), "district": {"code": district.get("code"), "name": district.get("name_zh")} if district else None,
                          "doc_no": a.get("doc_no"), "date": a.get("issued"), "adopted_count": a.get("adopted_count"),
                          "towns": [{"code": t.get("code"), "name": t.get("name_zh")} for t in towns],
                          "provenance": iq.provenance(a)})
    village_assists = []
    for it in items:
        if any(b.get("level") == "village" for _, b in store.neighbors(it.id, "ASSIST_BODY")):
            village_assists.append(iq.item_summary(it))
    related = []
    if from_body is not None:
        for _, it in store.neighbors(from_body.id, "LEAD_BODY", "in"):
            if it.get("kind") == "assistance":
                related.append(iq.item_summary(it))
    return {
        "id": short(d.id), "issuer": d.get("issuer"), "doc_no": d.get("doc_no"), "date": d.get("issued"),
        "field": d.get("field"), "declared_count": d.get("declared_count"), "catalog_count": len(items),
        "from": iq.body_ref(from_body) if from_body else None,
        "to": [iq.body_ref(n) for _, n in store.neighbors(d.id, "TO_BODY")],
        "bases": [iq.describe_provision(store, p) for _, p in store.neighbors(d.id, "DECISION_BASIS")],
        "adoptions": adoptions,
        "powers": [iq.item_summary(n) for n in sorted(items, key=lambda n: n.id)],
        "village_assists_with": village_assists + related,
        "provenance": iq.provenance(d),
    }


def chains(store: GraphStore, department: str | None = None, district: str | None = None) -> dict[str, Any]:
    """Every delegation decision, optionally only those from one department type or adopted by one district."""
    out = []
    for d in store.nodes("DelegationDecision"):
        info = _decision(store, d)
        if department and (info["from"] is None or department not in (info["from"]["type"], info["from"]["name"])):
            continue
        if district and not any(a["district"] and district in (a["district"]["code"], a["district"]["name"]) for a in info["adoptions"]):
            continue
        out.append(info)
    if department and not out and store.node(f"bodytype/{department}") is None:
        raise NotFound(f"没有名为 {department} 的部门类型")
    return {"department": department, "district": district, "decisions": out}


def village_map(resolver: Resolver, code: str, as_of: str | date | None = None) -> dict[str, Any]:
    store = resolver.store
    place = by_code(store, code)
    day = parse_as_of(as_of)
    allowed = resolver.in_force_items(day)
    groups: dict[str, list[dict[str, Any]]] = {}
    for nid in sorted(allowed):
        meta = resolver.items[nid]
        verdict = resolver.verdict(meta, place, day)[0]
        lead = iq.one(store, nid, "LEAD_BODY")
        body = resolver.body(lead, place) if lead is not None else None
        groups.setdefault(meta.node.get("kind"), []).append({
            **iq.item_summary(meta.node), "verdict": verdict,
            "category": meta.category.get("name_zh") if meta.category else None,
            "lead": body,
        })
    own = store.neighbors(place.village.id, "BODY_OF", "in")
    committee = own[0][1] if own else None
    return {"place": place.as_dict(), "as_of": day.isoformat(),
            "committee": {"name": committee.get("name_zh")} if committee else None,
            "counts": {k: len(v) for k, v in groups.items()}, "items": groups}
