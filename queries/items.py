"""One item with everything that hangs off it: list, category, bodies, bases, procedure, disclosure."""
from __future__ import annotations

import re
from datetime import date
from typing import Any


from qingdan.errors import NotFound
from qingdan.ontology.terms import KIND_ZH

from .bases import bases_as_of
from .provisions import describe_provision, jurisdiction, one, provision_label  # noqa: F401  (used by the pages and tracing)
from .stores.base import GraphStore, Node

# official_verbatim means "these words are seen verbatim in a named public document", not "this is
# Shantou's official item": the label says which document when the graph knows it
PROVENANCE_ZH = {"official_verbatim": "公开文件原文", "statute_derived": "依法规推导", "modeled": "建模示例（非官方）"}
MEMBERSHIP_ZH = {"confirmed": "公开来源证实列入", "inferred": "推定列入（未见官方清单原文）", "modeled": "建模示例（非官方清单条目）"}
DOC_KEY_RE = re.compile(r"DOC:([A-Za-z0-9_\-]+)")


def provenance(n: Node, store: GraphStore | None = None) -> dict[str, Any]:
    """Text provenance (whose words, and for public-document words which document), and for items
    and categories membership provenance (is it really on that list) — two different claims a legal
    reader must be able to tell apart."""
    status = n.get("provenance_status")
    out = {"status": status, "status_zh": PROVENANCE_ZH.get(status, status), "source": n.get("source")}
    if status == "official_verbatim":
        doc = _document_of(n, store)
        if doc:
            out["document"] = doc
            out["status_zh"] = "公开文件原文（" + "".join(x for x in (f"《{doc['title']}》" if doc.get("title") else "",
                                                                 doc.get("doc_no") or "") if x) + "）"
    membership = n.get("membership_status")
    if membership:
        out["membership"] = membership
        out["membership_zh"] = MEMBERSHIP_ZH.get(membership, membership)
    return out


def _document_of(n: Node, store: GraphStore | None) -> dict[str, Any] | None:
    """The public document whose words a node holds: its own 文号 (list versions, decisions), a
    DOC: key in its source, or a document it rests on."""
    if n.get("doc_no") and n.label != "Document":
        return {"key": None, "title": None, "doc_no": n.get("doc_no")}
    if n.label == "Document":
        return {"key": "DOC:" + n.id.split("/", 1)[1], "title": n.get("title"), "doc_no": n.get("doc_no")}
    if store is None:
        return None
    keys = DOC_KEY_RE.findall(n.get("source") or "")
    docs = [store.node(f"doc/{k}") for k in keys]
    if not any(docs):
        docs = [d for _, d in store.neighbors(n.id, "RESTS_ON") if d.label == "Document"]
    d = next((d for d in docs if d is not None), None)
    if d is None:
        return None
    return {"key": "DOC:" + d.id.split("/", 1)[1], "title": d.get("title"), "doc_no": d.get("doc_no")}


def get_item(store: GraphStore, item_id: str) -> Node:
    node = store.node(f"item/{item_id}") if not item_id.startswith("item/") else store.node(item_id)
    if node is None or node.get("kind") is None:
        raise NotFound(f"没有编号为 {item_id} 的清单事项")
    return node


def body_ref(n: Node) -> dict[str, Any]:
    return {"type": n.id.split("/", 1)[1], "name": n.get("name_zh"), "level": n.get("level")}


def item_bases(store: GraphStore, item: Node, as_of: date | None = None, all_versions: bool = False) -> list[dict[str, Any]]:
    """The item's bases as cited (all_versions), or as users should read them on as_of: in the text
    in force that day, the cited provision kept as 原引用 (queries/bases.py)."""
    targets = [p for _, p in store.neighbors(item.id, "RESTS_ON")]
    if all_versions:
        return [describe_provision(store, p) for p in targets]
    return bases_as_of(store, targets, as_of or date.today())


def procedure_steps(store: GraphStore, item: Node) -> list[dict[str, Any]]:
    proc = one(store, item.id, "HAS_PROCEDURE")
    if proc is None:
        return []
    steps = []
    for _, step in store.neighbors(proc.id, "STEP_OF", "in"):
        actors = [n.get("name_zh") for _, n in store.neighbors(step.id, "STEP_ACTOR")]
        steps.append({"seq": step.get("seq"), "name": step.get("name_zh"), "actor": "、".join(actors) or None,
                      "materials": step.get("materials"), "posting_days": step.get("posting_days"),
                      "description": step.get("description"), "provenance": provenance(step)})
    return sorted(steps, key=lambda s: s["seq"] or 0)


def disclosure_of(store: GraphStore, item: Node) -> list[dict[str, Any]]:
    targets = [d for _, d in store.neighbors(item.id, "MUST_DISCLOSE")]
    if item.get("kind") == "disclosure":
        targets.append(item)
    out = []
    for d in targets:
        req = one(store, d.id, "HAS_REQUIREMENT")
        out.append({"item": d.id.split("/", 1)[1], "name": d.get("name_zh"),
                    "content": req.get("content") if req else d.get("description"),
                    "frequency": req.get("frequency") if req else None,
                    "channel": req.get("channel") if req else None,
                    "min_posting_days": req.get("min_posting_days") if req else None})
    return out


def item_summary(item: Node, store: GraphStore | None = None) -> dict[str, Any]:
    return {"id": item.id.split("/", 1)[1], "name": item.get("name_zh"), "kind": item.get("kind"),
            "kind_zh": KIND_ZH.get(item.get("kind"), item.get("kind")), "provenance": provenance(item, store)}


def describe_item(store: GraphStore, item_id: str, as_of: date | None = None) -> dict[str, Any]:
    item = get_item(store, item_id)
    category = one(store, item.id, "IN_CATEGORY")
    version = one(store, item.id, "IN_VERSION")
    lst = one(store, version.id, "VERSION_OF_LIST") if version else None
    bodies = {rel: [body_ref(n) for _, n in store.neighbors(item.id, rel)]
              for rel in ("LEAD_BODY", "ASSIST_BODY", "SUPERVISE_BODY", "MUST_NOT_BODY")}
    return {
        **item_summary(item, store),
        "description": item.get("description"),
        "keywords": item.get("keywords") or [],
        "list": {"id": lst.id.split("/", 1)[1], "name": lst.get("name_zh")} if lst else None,
        "version": {"id": version.id.split("/", 1)[1], "doc_no": version.get("doc_no"), "issuer": version.get("issuer"),
                    "in_force_from": version.get("in_force_from"), "in_force_to": version.get("in_force_to")} if version else None,
        "category": {"id": category.id.split("/", 1)[1], "name": category.get("name_zh"),
                     "provenance": provenance(category)} if category else None,
        "also_in": [v.id.split("/", 1)[1] for _, v in store.neighbors(item.id, "ALSO_IN_VERSION")],
        "lead": bodies["LEAD_BODY"][0] if bodies["LEAD_BODY"] else None,
        "assist": bodies["ASSIST_BODY"],
        "supervise": bodies["SUPERVISE_BODY"],
        "must_not": bodies["MUST_NOT_BODY"],
        "bases": item_bases(store, item, as_of),
        "no_basis_reason": item.get("no_basis_reason"),
        # what an imported list wrote: bodies by their own names, bases whose text in force is not held
        "body_names": {"lead": item.get("lead_body_name"), "assist": item.get("assist_body_names") or [],
                       "supervise": item.get("supervise_body_names") or []},
        "unlinked_bases": item.get("unlinked_bases") or [],
        "procedure": procedure_steps(store, item),
        "disclosure": disclosure_of(store, item),
        "aspect": item.get("aspect"),
        "endangers": [item_summary(n) for _, n in store.neighbors(item.id, "ENDANGERS")],
    }
