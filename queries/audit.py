"""Currency audit: which duties rest on law that is no longer (or not yet) the law on a date.

A basis is current when the item cites the version of the work in force that day. Items cite
both texts of the organic law on purpose, so a citation of a superseded text is only reported
when the item has no citation of the text in force for that work. Each report carries where the
provision lives now — found along the graph's succeededBy edges, which the loader computed by
aligning the texts — and how sure that is. Written against the GraphStore primitives only, so
both stores give the same audit.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qingdan.citations import CitationKey, parse_key
from qingdan.errors import NotFound
from qingdan.statute_text import label_zh

from .dates import parse_day
from .statutes import in_force, repeal_of
from .stores.base import GraphStore, Node
from .timeline import article_node, follow, key_of

ITEM_LABELS = ("AutonomyItem", "AssistanceItem", "ProhibitedItem", "MicroPower", "PublicService",
               "DisclosureItem", "NegativeBehaviour", "DelegatedPower")
STATUS_ZH = {
    "renumbered": "条号已变",
    "amended": "条文已修改",
    "repealed": "已失效",
    "not_yet_in_force": "所引版本尚未施行",
    "outdated_version": "所引版本已被取代（条号、条文未变）",
}
REASON_ZH = {
    "work_repealed": "整部法规已被废止",
    "article_removed": "新版本删除了该条",
    "no_version_in_force": "法规库中没有该日期施行的版本",
    "no_text": "法规库没有两个版本的文本，无法逐条对照",
}


@dataclass
class _Audit:
    store: GraphStore
    day: date
    _in_force: dict[str, Node | None] = field(default_factory=dict)

    def version(self, work: str) -> Node | None:
        if work not in self._in_force:
            try:
                self._in_force[work] = in_force(self.store, work, self.day)
            except NotFound:
                self._in_force[work] = None
        return self._in_force[work]

    def in_force(self, work: str) -> str | None:
        v = self.version(work)
        return v.get("version_date") if v is not None else None

    def issue(self, c: CitationKey, node: Node, status: str, reason: str | None = None, target: Node | None = None,
              repeal: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "citation": c.key, "work": c.work, "version": c.version, "label": label_zh(c.article, c.paragraph, c.item),
            "status": status, "status_zh": STATUS_ZH[status], "reason": reason, "reason_zh": REASON_ZH.get(reason or ""),
            "in_force_version": self.in_force(c.work), "successor": None, "confidence": None, "change": None,
            "text_changed": None, "alternatives": [], "repealed_by": None, "note": None,
        }
        if repeal is not None:
            out["in_force_version"] = None
            out["repealed_by"] = {"work": repeal["repealing_work"], "version": repeal["repealing_version"],
                                  "article": repeal["source_article"], "citation": repeal["source_citation"],
                                  "effective_date": repeal["effective_date"]}
        if target is None:
            return out
        carried = follow(self.store, node, target)
        s = key_of(carried.node) if carried is not None else None
        if carried is None or s is None:
            return out
        out["successor"] = {"work": s.work, "version": s.version, "article": s.article, "paragraph": s.paragraph,
                            "item": s.item, "citation": s.key, "label": label_zh(s.article, s.paragraph, s.item)}
        out["confidence"], out["change"], out["text_changed"] = carried.score, carried.change, carried.text_changed
        if c.paragraph is not None and s.paragraph is None:
            out["note"] = "所引款项的文字在新条文中找不到对应，只能对应到条"
        art = article_node(self.store, node)
        whole = follow(self.store, art, target) if art is not None else None
        if whole is not None:
            ends = [key_of(n) for n in (whole.node, *whole.alternatives)]
            out["alternatives"] = [f"{k.work}@{k.version}#{k.article}" for k in ends
                                   if k is not None and k.article != s.article]
        return out

    def check_work(self, work: str, cites: list[tuple[CitationKey, Node]],
                   cited_versions: set[tuple[str, str]]) -> list[dict[str, Any]]:
        current = self.in_force(work)
        repeal = repeal_of(self.store, work, self.day)
        if repeal is not None and any(c.version in repeal["repealed_versions"] for c, _ in cites):
            heir = self.in_force(repeal["repealing_work"]) or repeal["repealing_version"]
            if (repeal["repealing_work"], heir) in cited_versions:
                return []  # the item already cites the law that replaced this one
            target = self.store.node(f"law/{repeal['repealing_work']}/{heir}")
            return [self.issue(c, n, "repealed", "work_repealed", target if self._has_text(c) else None, repeal)
                    for c, n in cites]
        if current is None:
            return [self.issue(c, n, "not_yet_in_force", "no_version_in_force") for c, n in cites]
        if any(c.version == current for c, _ in cites):
            return []
        target = self.version(work)
        out = []
        for c, n in cites:
            if target is None or not target.get("in_corpus") or not self._has_text(c):
                status = "not_yet_in_force" if c.version > current else "outdated_version"
                out.append(self.issue(c, n, status, "no_text"))
                continue
            if c.version > current:
                out.append(self.issue(c, n, "not_yet_in_force", None, target))
                continue
            found = self.issue(c, n, "renumbered", None, target)
            s = found["successor"]
            if s is None:
                found.update(status="repealed", status_zh=STATUS_ZH["repealed"], reason="article_removed",
                             reason_zh=REASON_ZH["article_removed"])
            elif s["article"] == c.article:
                status = "amended" if found["text_changed"] else "outdated_version"
                found.update(status=status, status_zh=STATUS_ZH[status])
            out.append(found)
        return out

    def _has_text(self, c: CitationKey) -> bool:
        v = self.store.node(f"law/{c.work}/{c.version}")
        return v is not None and bool(v.get("in_corpus")) and self.store.node(f"law/{c.work}/{c.version}/{c.article}") is not None


def _item_ref(n: Node) -> dict[str, Any]:
    return {"id": n.id.split("/", 1)[1], "name": n.get("name_zh"), "kind": n.get("kind")}


def _citation(p: Node) -> CitationKey | str | None:
    raw = p.get("citation")
    if not raw:
        return None
    try:
        return parse_key(raw)
    except ValueError:
        return None


Based = list[tuple[Node, list[tuple[Node, Node | None]]]]  # item → [(basis, the version a provision belongs to)]
_BASES: "weakref.WeakKeyDictionary[GraphStore, tuple[str, Based]]" = weakref.WeakKeyDictionary()


def _bases(store: GraphStore) -> Based:
    """Every item with its bases, read once per graph version (the same for every date) in a dozen
    reads: one per item label and two batched neighbour reads, not one per item and basis."""
    version = store.version()
    hit = _BASES.get(store)
    if hit is not None and hit[0] == version:
        return hit[1]
    items = [item for label in ITEM_LABELS for item in store.nodes(label)]
    rests = store.neighbors_many((i.id for i in items), "RESTS_ON")
    provisions = [t.id for pairs in rests.values() for _, t in pairs if t.label == "Provision"]
    owner = {pid: pairs[0][1] for pid, pairs in store.neighbors_many(provisions, "PROVISION_OF").items()}
    out: Based = [(item, [(t, owner.get(t.id) if t.label == "Provision" else None) for _, t in rests.get(item.id, [])])
                  for item in items]
    _BASES[store] = (version, out)
    return out


def audit(store: GraphStore, as_of: date | str) -> dict[str, Any]:
    """Every duty whose legal basis is not current on as_of, with where that basis lives now;
    duties with no basis; bases that resolve to no provision or document."""
    day = parse_day(as_of, "审查日期")
    a = _Audit(store, day)
    flagged: list[dict[str, Any]] = []
    no_basis: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    outside: set[str] = set()
    total = 0
    based = _bases(store)
    # only duties on a list version in force that day: a closed version (the 2019 directory) is history
    versions = store.neighbors_many((i.id for i, _ in based), "IN_VERSION")
    d = day.isoformat()
    for item, bases in based:
        v = versions.get(item.id, [(None, None)])[0][1]
        if v is not None and not ((v.get("in_force_from") or "") <= d <= (v.get("in_force_to") or "9999-12-31")):
            continue
        total += 1
        if not bases:
            no_basis.append(_item_ref(item) | {"reason": item.get("no_basis_reason")})
            continue
        by_work: dict[str, list[tuple[CitationKey, Node]]] = {}
        for target, version in bases:
            if target.label in ("Document", "DocumentProvision"):  # a public document is not a statute version to align
                continue
            c = _citation(target) if target.label == "Provision" else None
            if not isinstance(c, CitationKey) or version is None:
                unresolved.append(_item_ref(item) | {"target": target.id, "reason": "依据既不是法规条款也不是文件，或不属于任何法规版本"})
                continue
            if version.get("in_corpus") is False:
                outside.add(c.key)  # a work cited from a public source, text not held: nothing to align
                continue
            if store.node(f"law/{c.work}/{c.version}/{c.article}") is None:
                unresolved.append(_item_ref(item) | {"target": c.key, "reason": "法规库中该版本没有这一条"})
                continue
            by_work.setdefault(c.work, []).append((c, target))
        cited = {(c.work, c.version) for cs in by_work.values() for c, _ in cs}
        issues = [i for work, cs in sorted(by_work.items()) for i in a.check_work(work, cs, cited)]
        if issues:
            flagged.append(_item_ref(item) | {"issues": issues})
    by_status: dict[str, int] = {}
    for f in flagged:
        for i in f["issues"]:
            by_status[i["status"]] = by_status.get(i["status"], 0) + 1
    flagged.sort(key=lambda f: f["id"])
    return {
        "as_of": day.isoformat(),
        "summary": {"items": total, "flagged": len(flagged), "issues": sum(by_status.values()), "by_status": by_status,
                    "no_basis": len(no_basis), "unresolved": len(unresolved), "not_in_corpus": len(outside)},
        "flagged": flagged,
        "no_basis": sorted(no_basis, key=lambda d: d["id"]),
        "unresolved": sorted(unresolved, key=lambda d: (d["id"], d["target"])),
        "not_in_corpus": sorted(outside),
        "status_zh": STATUS_ZH,
    }
