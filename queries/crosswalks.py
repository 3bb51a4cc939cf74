"""Crosswalks between the versions of a work in force on two dates, which version that is, and the
repeal relations — read from the graph (succeededBy and repeals edges made at load time).

Consecutive texts are linked article by article in the graph; between texts further apart the
links are followed through the texts in between, and the score of such a composed link is the
similarity of the two ends' words.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date
from typing import Any

from qingdan.errors import NotFound
from qingdan.statute_text import compared, similarity

from .dates import parse_day
from .statutes import in_force, repeal_dict, repeal_of, standing, versions_of, work_of
from .stores.base import GraphStore, Node

CHANGE_ZH: dict[str, str] = {"unchanged": "未变", "amended": "修改", "split": "拆分", "merged": "合并",
                             "added": "新增", "removed": "删除"}


def _pick(store: GraphStore, work: str, day: date) -> Node:
    v = in_force(store, work, day)
    if v is None:
        raise NotFound(f"《{work}》在 {day.isoformat()} 尚无施行的版本")
    if not v.get("in_corpus"):
        raise NotFound(f"法规库未收录《{work}》（{v.get('version_date')}）的文本，无法逐条对照")
    return v


def articles(store: GraphStore, v: Node) -> dict[int, Node]:
    return {int(p.get("article")): p for _, p in store.neighbors(v.id, "PROVISION_OF", "in")
            if p.get("paragraph") is None and p.get("article") is not None}


def _links(store: GraphStore, old: Node, new: Node) -> dict[int, dict[int, dict[str, Any]]]:
    """old article → {new article: the edge's facts}, composed through the texts in between."""
    forward = (old.get("version_date"), old.id) < (new.get("version_date"), new.id)
    direction = "out" if forward else "in"
    order = versions_of(store, work_of(old))
    ids = [v.id for v in order]
    lo, hi = sorted((ids.index(old.id), ids.index(new.id)))
    steps = len(order[lo:hi + 1]) - 1
    out: dict[int, dict[int, dict[str, Any]]] = {}
    for a, p in articles(store, old).items():
        frontier: list[tuple[Node, list[dict[str, Any]]]] = [(p, [])]
        for _ in range(steps):
            nxt = []
            for node, path in frontier:
                for rel, other in store.neighbors(node.id, "SUCCEEDED_BY", direction):
                    if other.get("paragraph") is None and not rel.props.get("across_works"):
                        nxt.append((other, [*path, rel.props]))
            frontier = nxt
        for node, path in frontier:
            if node.id.startswith(new.id + "/"):
                out.setdefault(a, {})[int(node.get("article"))] = {"path": path, "node": node, "from": p}
    return out


def _pairs(store: GraphStore, old: Node, new: Node) -> list[dict[str, Any]]:
    links = _links(store, old, new)
    o_arts, n_arts = articles(store, old), articles(store, new)
    sources: dict[int, set[int]] = {}
    for a, tos in links.items():
        for b in tos:
            sources.setdefault(b, set()).add(a)
    keyed: list[tuple[float, int, dict[str, Any]]] = []
    for a in sorted(o_arts):
        tos = links.get(a, {})
        if not tos:
            keyed.append((a, 0, {"from_article": a, "to_article": None, "score": 0.0, "change": "removed"}))
        for b, fact in tos.items():
            path = fact["path"]
            if len(path) == 1:
                score = float(path[0].get("score") or 0.0)
            else:
                score = round(similarity(compared(fact["from"].get("text") or ""), compared(fact["node"].get("text") or "")), 3)
            same = compared(fact["from"].get("text") or "") == compared(fact["node"].get("text") or "")
            change = "split" if len(tos) > 1 else "merged" if len(sources[b]) > 1 else "unchanged" if same else "amended"
            primary = max(tos, key=lambda t: (tos[t]["path"][0].get("score") or 0.0) if len(tos[t]["path"]) == 1 else 0.0)
            keyed.append((a, 0 if b == primary else 1, {"from_article": a, "to_article": b, "score": score, "change": change}))
    linked = sorted((b, a) for a, tos in links.items() for b in tos)
    tos_sorted, upto, top = [b for b, _ in linked], [], 0
    for _, a in linked:
        top = max(top, a)
        upto.append(top)
    for b in sorted(n_arts):
        if b not in sources:
            k = bisect_left(tos_sorted, b)
            keyed.append(((upto[k - 1] if k else 0) + 0.5, b, {"from_article": None, "to_article": b, "score": 0.0,
                                                                 "change": "added"}))
    keyed.sort(key=lambda t: (t[0], t[1], t[2]["to_article"] or 0))
    return [p for _, _, p in keyed]


def crosswalk_for(store: GraphStore, work: str, from_date: str | date, to_date: str | date) -> dict[str, Any]:
    """Crosswalk from the version of work in force on from_date to the one in force on to_date."""
    start, end = parse_day(from_date, "起始日期"), parse_day(to_date, "截止日期")
    versions_of(store, work)  # NotFound for an unknown work
    old, new = _pick(store, work, start), _pick(store, work, end)
    if old.id == new.id:
        pairs = [{"from_article": a, "to_article": a, "score": 1.0, "change": "unchanged"} for a in sorted(articles(store, old))]
    else:
        pairs = _pairs(store, old, new)
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p["change"]] = counts.get(p["change"], 0) + 1
    return {"work": work, "from_date": start.isoformat(), "to_date": end.isoformat(),
            "from_version": old.get("version_date"), "to_version": new.get("version_date"),
            "same_version": old.id == new.id, "repealed": repeal_of(store, work, end),
            "counts": counts, "pairs": pairs}


def versions_for(store: GraphStore, work: str, day: str | date | None = None) -> dict[str, Any]:
    """Every version of a work with its dates, and which one is in force on the day (default today);
    none when a later law repealed the work by then, with why and what to check against instead."""
    d = parse_day(day) if day else date.today()
    st = standing(store, work, d)
    cur = st.version.get("version_date") if st.version is not None else None
    vs = [{"version": v.get("version_date"), "in_force_from": v.get("in_force_from"), "in_force_to": v.get("in_force_to"),
           "title": v.get("title"), "in_corpus": v.get("in_corpus")} for v in versions_of(store, work)]
    return {"work": work, "as_of": d.isoformat(), "in_force": cur, "status": st.status, "notice": st.notice(),
            "nearest": st.nearest.get("version_date") if st.nearest is not None else None,
            "repealed": st.repeal, "versions": [v | {"current": v["version"] == cur} for v in vs]}


def repeals_list(store: GraphStore, work: str | None = None) -> list[dict[str, Any]]:
    """Every repeal clause the library's texts hold ("……同时废止"), from the graph's repeals edges."""
    versions = store.nodes("WorkVersion")
    out = []
    for vid, pairs in store.neighbors_many([v.id for v in versions], "REPEALS").items():
        by = next(v for v in versions if v.id == vid)
        for rel, target in pairs:
            r = repeal_dict(rel.props, by, target.get("short_title") or target.id.split("/", 1)[1])
            if work in (None, r["repealing_work"], r["repealed_work"]):
                out.append(r)
    return sorted(out, key=lambda r: (r["repealing_work"], r["repealing_version"], r["source_article"] or 0,
                                      r["repealed_work"]))
