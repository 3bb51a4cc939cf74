"""Statute versions: which text of a work is in force on a day, what to check against when the
library lacks that text, repeals, and provision lookups — all read from the graph."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from qingdan.errors import NotFound
from qingdan.statute_text import standing_notice

from .stores.base import GraphStore, Node

Status = Literal["in_force", "missing", "not_yet", "repealed"]
STATUS_ZH: dict[str, str] = {"in_force": "该日施行的文本", "missing": "该日施行的文本未收录",
                             "not_yet": "该日尚未施行", "repealed": "该日已被废止"}


def versions_of(store: GraphStore, work: str) -> list[Node]:
    w = store.node(f"work/{work}")
    if w is None:
        raise NotFound(f"法规库中没有《{work}》")
    vs = [n for _, n in store.neighbors(w.id, "VERSION_OF_WORK", "in")]
    return sorted(vs, key=lambda v: v.get("version_date"))


def start_of(v: Node) -> str:
    return v.get("in_force_from") or v.get("version_date")


def in_force(store: GraphStore, work: str, day: date | None) -> Node | None:
    """The latest version whose in-force date is on or before the day (None: before any)."""
    d = (day or date.today()).isoformat()
    current = None
    for v in versions_of(store, work):
        if start_of(v) <= d:
            current = v
    return current


def work_of(version: Node) -> str:
    """The work of a version node, read from its id (law/WORK/YYYY-MM-DD)."""
    return version.id[len("law/"):-(len(version.get("version_date") or "") + 1)]


def repeal_dict(rel_props: dict[str, Any], repealing: Node, repealed_work: str) -> dict[str, Any]:
    """A repeal relationship as the API shows it (the fields of one “……同时废止” clause)."""
    p = rel_props
    return {"repealing_work": work_of(repealing),
            "repealing_version": repealing.get("version_date"), "repealed_work": repealed_work,
            "repealed_title": p.get("repealed_title", ""), "effective_date": p.get("effective_date"),
            "date_basis": p.get("date_basis", "version"), "source_article": p.get("source_article"),
            "source_citation": p.get("source_citation"), "in_corpus": bool(p.get("in_corpus")),
            "repealed_versions": list(p.get("repealed_versions") or []), "clause": p.get("clause", ""),
            "note": p.get("note", "")}


def repeal_of(store: GraphStore, work: str, day: date) -> dict[str, Any] | None:
    """The repeal of a work held in the library that is in effect on the day (the earliest)."""
    hits = []
    for rel, repealing in store.neighbors(f"work/{work}", "REPEALS", "in"):
        eff = rel.props.get("effective_date")
        if rel.props.get("in_corpus") and eff and eff <= day.isoformat():
            hits.append(repeal_dict(rel.props, repealing, work))
    return min(hits, key=lambda r: (r["effective_date"], r["repealing_work"])) if hits else None


def repealed_by_work(store: GraphStore, work: str) -> list[tuple[dict[str, Any], Node]]:
    """The works held in the library that some version of this work repeals, with that version."""
    out = []
    for v in versions_of(store, work):
        for rel, target in store.neighbors(v.id, "REPEALS"):
            if rel.props.get("in_corpus"):
                out.append((repeal_dict(rel.props, v, target.get("short_title") or target.id.split("/", 1)[1]), v))
    return out


@dataclass(frozen=True)
class Standing:
    """Where a work stands on a day: the version in force, or the version to check against instead."""

    work: str
    status: Status
    version: Node | None  # in force that day (status in_force)
    nearest: Node | None  # the text to check against when none is in force (status missing / not_yet / repealed)
    repeal: dict[str, Any] | None = None

    @property
    def checked(self) -> Node | None:
        return self.version or self.nearest

    def notice(self) -> str | None:
        """What the answer must say when it cannot show the text in force that day."""
        n = self.nearest
        return standing_notice(self.work, self.status, n.get("version_date") if n is not None else None,
                               start_of(n) if n is not None else None,
                               (self.repeal or {}).get("effective_date"), (self.repeal or {}).get("repealing_work"))


def standing(store: GraphStore, work: str, day: date) -> Standing:
    """The version of a work in force on a day; when there is none, why (repealed, not yet in force,
    or in force but its text not in the library) and the nearest version to check against."""
    vs = versions_of(store, work)
    if not vs:
        raise NotFound(f"法规库中没有《{work}》的版本")
    repeal = repeal_of(store, work, day)
    if repeal is not None:
        held = [v for v in vs if v.get("version_date") in repeal["repealed_versions"]] or vs
        return Standing(work, "repealed", None, held[-1], repeal)
    current = in_force(store, work, day)
    if current is not None:
        return Standing(work, "in_force", current, None)
    oldest = vs[0]
    w = store.node(f"work/{work}")
    first = (w.get("enacted") if w is not None else None) or oldest.get("version_date")
    d = day.isoformat()
    # the oldest text held is an amendment of an older one, and the work existed that day: that
    # older text was in force, and the library does not have it
    older = first < (oldest.get("version_date") or "") and first <= d
    return Standing(work, "missing" if older else "not_yet", None, oldest)


def work_versions(store: GraphStore, work: str) -> list[dict[str, Any]]:
    return [{"version": v.get("version_date"), "in_force_from": v.get("in_force_from"),
             "in_force_to": v.get("in_force_to"), "title": v.get("title"), "in_corpus": v.get("in_corpus")}
            for v in versions_of(store, work)]


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
