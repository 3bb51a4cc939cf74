"""Provisions as users read them: the label (第二十四条第一款第（五）项), the version they belong to
and their text; shared by every question that shows a legal basis."""
from __future__ import annotations

from typing import Any

from cn2an import an2cn

from .stores.base import GraphStore, Node


def one(store: GraphStore, node_id: str, rel: str, direction: str = "out") -> Node | None:
    pairs = store.neighbors(node_id, rel, direction)  # type: ignore[arg-type]
    return pairs[0][1] if pairs else None


def provision_label(p: Node) -> str:
    s = f"第{an2cn(p.get('article'))}条"
    if p.get("paragraph"):
        s += f"第{an2cn(p.get('paragraph'))}款"
    if p.get("clause"):
        s += f"第（{an2cn(p.get('clause'))}）项"
    return s


def jurisdiction(owner: Node | None) -> dict[str, str]:
    """Where a statute version or document binds, as code and name (全国 when it says nothing)."""
    code = (owner.get("jurisdiction") if owner is not None else None) or "CN"
    name = (owner.get("jurisdiction_name") if owner is not None else None) or ("全国" if code == "CN" else code)
    return {"jurisdiction": code, "jurisdiction_name": name}


def describe_provision(store: GraphStore, p: Node) -> dict[str, Any]:
    """A citation as users read it, with the version it belongs to and, when held, its text."""
    if p.label == "Document":
        return {"kind": "document", "work": p.get("title"), "version": p.get("issued"), "article": None,
                "paragraph": None, "item": None, "citation": p.id, "label": p.get("doc_no") or "",
                "title": p.get("title"), "summary": p.get("summary"), "text": None, "in_force_from": p.get("issued"),
                "issuer": p.get("issuer"), "doc_no": p.get("doc_no"), **jurisdiction(p),
                "url": p.get("url"), "completeness": p.get("completeness")}
    if p.label == "DocumentProvision":
        doc = one(store, p.id, "PROVISION_OF_DOCUMENT")
        d = doc.props if doc is not None else {}
        return {"kind": "document", "work": d.get("title"), "version": d.get("issued"), "article": None,
                "paragraph": None, "item": None, "citation": p.get("citation"),
                "label": " ".join(x for x in (d.get("doc_no"), p.get("label_zh")) if x),
                "title": d.get("title"), "summary": p.get("summary"), "text": p.get("text"),
                "text_status": p.get("text_status"), "in_force_from": d.get("issued"), "issuer": d.get("issuer"),
                "doc_no": d.get("doc_no"), **jurisdiction(doc),
                "url": d.get("url") or p.get("source"), "completeness": d.get("completeness")}
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
        "in_force_to": version.get("in_force_to") if version else None,
        "title": version.get("title") if version else None,
        **(jurisdiction(version) if version else {"jurisdiction": None, "jurisdiction_name": None}),
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


