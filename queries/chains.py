"""Power chains (county department → delegation decision → towns → what villages assist with)
and a village's whole duty map."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.errors import NotFound

from . import items as iq
from .dates import parse_as_of
from .resolve import ItemMeta, Resolver, short
from .scope import scope_for
from .stores.base import GraphStore, Node
from .villages import Place, by_code, concrete_body


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


def duties_of(resolver: Resolver, place: Place, day: date) -> list[tuple[ItemMeta, bool]]:
    """The duties of a village that day, each with whether a list binding it names it: the items of
    lists whose jurisdiction contains the village; and, for a kind of duty no list binding it
    covers (a village outside the bundled lists), the duties national law (or its own province's)
    gives, which another place's list names — never that list's other items, nor its framing."""
    scope = scope_for(place.village.get("code"), place.village.get("name_zh"), "")
    allowed = resolver.scoped_items(day, scope)
    listed = {nid for nid in allowed if resolver.binds_list(resolver.items[nid], scope)}
    kinds_listed = {resolver.items[nid].node.get("kind") for nid in listed}
    return [(resolver.items[nid], nid in listed) for nid in sorted(allowed)
            if nid in listed or resolver.items[nid].node.get("kind") not in kinds_listed]


def village_map(resolver: Resolver, code: str, as_of: str | date | None = None) -> dict[str, Any]:
    """Every duty of the village that day from the rules binding it (duties_of); one named by
    another place's list keeps no list or category (listed_here false)."""
    store = resolver.store
    place = by_code(store, code)
    day = parse_as_of(as_of)
    groups: dict[str, list[dict[str, Any]]] = {}
    for meta, here in duties_of(resolver, place, day):
        kind = meta.node.get("kind")
        verdict = resolver.verdict(meta, place, day)[0] if here or kind != "delegated" else "county_department"
        lead = iq.one(store, meta.node.id, "LEAD_BODY")
        body = resolver.body(lead, place) if lead is not None else None
        groups.setdefault(kind, []).append({
            **iq.item_summary(meta.node), "verdict": verdict,
            "category": meta.category.get("name_zh") if meta.category and here else None,
            "list": meta.lst.get("name_zh") if meta.lst and here else None,
            "listed_here": here, "lead": body,
        })
    scope = scope_for(place.village.get("code"), place.village.get("name_zh"), "")
    own = store.neighbors(place.village.id, "BODY_OF", "in")
    committee = own[0][1] if own else None
    return {"place": place.as_dict(), "as_of": day.isoformat(), "scope": resolver.scope_text(scope, place),
            "committee": {"name": committee.get("name_zh")} if committee else None,
            "counts": {k: len(v) for k, v in groups.items()}, "items": groups}
