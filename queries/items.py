"""One item with everything that hangs off it: list, category, bodies, bases, procedure, disclosure."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from cn2an import an2cn

from qingdan.errors import NotFound
from qingdan.ontology.terms import KIND_ZH

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


def one(store: GraphStore, node_id: str, rel: str, direction: str = "out") -> Node | None:
    pairs = store.neighbors(node_id, rel, direction)  # type: ignore[arg-type]
    return pairs[0][1] if pairs else None


def body_ref(n: Node) -> dict[str, Any]:
    return {"type": n.id.split("/", 1)[1], "name": n.get("name_zh"), "level": n.get("level")}


def provision_label(p: Node) -> str:
    s = f"第{an2cn(p.get('article'))}条"
    if p.get("paragraph"):
        s += f"第{an2cn(p.get('paragraph'))}款"
    if p.get("clause"):
        s += f"第（{an2cn(p.get('clause'))}）项"
    return s


def describe_provision(store: GraphStore, p: Node) -> dict[str, Any]:
    """A citation as users read it, with the version it belongs to and, when held, its text."""
    if p.label == "Document":
        return {"kind": "document", "work": p.get("title"), "version": p.get("issued"), "article": None,
                "paragraph": None, "item": None, "citation": p.id, "label": p.get("doc_no") or "",
                "title": p.get("title"), "summary": p.get("summary"), "text": None, "in_force_from": p.get("issued"),
                "issuer": p.get("issuer"), "doc_no": p.get("doc_no"), "jurisdiction": p.get("jurisdiction"),
                "url": p.get("url"), "completeness": p.get("completeness")}
    if p.label == "DocumentProvision":
        doc = one(store, p.id, "PROVISION_OF_DOCUMENT")
        d = doc.props if doc is not None else {}
        return {"kind": "document", "work": d.get("title"), "version": d.get("issued"), "article": None,
                "paragraph": None, "item": None, "citation": p.get("citation"),
                "label": " ".join(x for x in (d.get("doc_no"), p.get("label_zh")) if x),
                "title": d.get("title"), "summary": p.get("summary"), "text": p.get("text"),
                "text_status": p.get("text_status"), "in_force_from": d.get("issued"), "issuer": d.get("issuer"),
                "doc_no": d.get("doc_no"), "jurisdiction": d.get("jurisdiction"), "url": d.get("url") or p.get("source"),
                "completeness": d.get("completeness")}
    version = one(store, p.id, "PROVISION_OF")
    work = one(store, version.id, "VERSION_OF_WORK") if version else None
    text = p.get("text")
    if text is None and p.get("paragraph") is None and version is not None:
        text = None
    return {
        "kind": "provision",
        "work": work.get("short_title") if work else None,
        "version": version.get("version_date") if version else None,
        "in_force_from": version.get("in_force_from") if version else None,
        "title": version.get("title") if version else None,
        "article": p.get("article"),
        "paragraph": p.get("paragraph"),
        "item": p.get("clause"),
        "citation": p.get("citation"),
        "label": provision_label(p),
        "summary": p.get("summary") or _summary_from_parent(store, p),
        "text": text,
    }


def _summary_from_parent(store: GraphStore, p: Node) -> str | None:
    parent = one(store, p.id, "PART_OF")
    return parent.get("summary") if parent else None


def version_in_force(store: GraphStore, bases: list[dict[str, Any]], as_of: date | None) -> list[dict[str, Any]]:
    """Keep the citations of the statute versions in force on as_of.

    A citation of a version that is not in force that day is dropped when the item also cites
    the version that is; when it does not, it stays, marked not current, so the answer never
    hides that its basis is outdated (or not yet in force).
    """
    from .statutes import in_force

    current: dict[str, str | None] = {}
    for b in bases:
        if b["kind"] == "provision" and b["work"] not in current:
            v = in_force(store, b["work"], as_of)
            current[b["work"]] = v.get("version_date") if v else None
    covered = {b["work"] for b in bases if b["kind"] == "provision" and b["version"] == current.get(b["work"])}
    kept: list[dict[str, Any]] = []
    for b in bases:
        if b["kind"] != "provision" or b["version"] == current.get(b["work"]):
            kept.append({**b, "current": True})
        elif b["work"] not in covered:
            kept.append({**b, "current": False, "in_force_version": current.get(b["work"])})
    return kept


def item_bases(store: GraphStore, item: Node, as_of: date | None = None, all_versions: bool = False) -> list[dict[str, Any]]:
    bases = [describe_provision(store, p) for _, p in store.neighbors(item.id, "RESTS_ON")]
    return bases if all_versions else version_in_force(store, bases, as_of)


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
        "procedure": procedure_steps(store, item),
        "disclosure": disclosure_of(store, item),
        "aspect": item.get("aspect"),
        "endangers": [item_summary(n) for _, n in store.neighbors(item.id, "ENDANGERS")],
    }
