"""Statute versions: which text of a work is in force on a day, and provision lookups."""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.errors import NotFound

from .stores.base import GraphStore, Node


def versions_of(store: GraphStore, work: str) -> list[Node]:
    w = store.node(f"work/{work}")
    if w is None:
        raise NotFound(f"法规库中没有《{work}》")
    vs = [n for _, n in store.neighbors(w.id, "VERSION_OF_WORK", "in")]
    return sorted(vs, key=lambda v: v.get("version_date"))


def in_force(store: GraphStore, work: str, day: date | None) -> Node | None:
    """The latest version whose in-force date is on or before the day (None: before any)."""
    d = (day or date.today()).isoformat()
    current = None
    for v in versions_of(store, work):
        if (v.get("in_force_from") or v.get("version_date")) <= d:
            current = v
    return current


def work_versions(store: GraphStore, work: str) -> list[dict[str, Any]]:
    return [{"version": v.get("version_date"), "in_force_from": v.get("in_force_from"), "title": v.get("title"),
             "in_corpus": v.get("in_corpus")} for v in versions_of(store, work)]


def provision_node(store: GraphStore, work: str, version: str | None, article: int,
                   paragraph: int | None = None, item: int | None = None, as_of: date | None = None) -> Node:
    if version is None:
        v = in_force(store, work, as_of)
        if v is None:
            raise NotFound(f"《{work}》在该日期尚无施行的版本")
        version = v.get("version_date")
    nid = f"law/{work}/{version}/{article}"
    if paragraph is not None:
        nid += f"/{paragraph}"
        if item is not None:
            nid += f"/{item}"
    node = store.node(nid)
    if node is None:
        raise NotFound(f"《{work}》（{version}）没有这一条款：第{article}条" + (f"第{paragraph}款" if paragraph else "")
                       + (f"第{item}项" if item else ""))
    return node
