"""A duty's legal bases as of a day: the provisions of the texts in force that day.

An item may cite any text of a work. On a day when another text is in force, the basis is shown as
the corresponding provision of that text (found along the graph's succeededBy edges), the cited one
kept as 原引用. When no text of the work is in force that day, the answer says why — the text in
force then is not in the library, the work was not yet in force, or it had been repealed — and
checks against the nearest text; a repealed work's basis is shown in the law that repealed it when
that law is in force and holds a counterpart.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from qingdan.errors import NotFound

from .provisions import describe_provision, one
from .statutes import Standing, in_force, standing, work_of
from .stores.base import GraphStore, Node
from .timeline import Carried, follow


def _version(store: GraphStore, p: Node) -> Node | None:
    return one(store, p.id, "PROVISION_OF")


def _shown(store: GraphStore, cited: Node, carried: Carried | None, st: Standing, notice: str | None,
           current: bool) -> dict[str, Any]:
    node = carried.node if carried is not None else cited
    out = describe_provision(store, node)
    out.update(current=current, status=st.status, notice=notice,
               checked_against="in_force" if st.status == "in_force" else "nearest",
               in_force_version=st.version.get("version_date") if st.version is not None else None,
               original=None, crosswalk=None)
    if carried is not None and carried.node.id != cited.id:
        out["original"] = describe_provision(store, cited)
        out["crosswalk"] = {"score": carried.score, "change": carried.change, "text_changed": carried.text_changed,
                            "alternatives": [a.get("citation") for a in carried.alternatives]}
    return out


def _heir(store: GraphStore, st: Standing, day: date) -> Node | None:
    """For a repealed work: the text of the repealing law in force that day, if any."""
    if st.repeal is None:
        return None
    try:
        return in_force(store, st.repeal["repealing_work"], day)
    except NotFound:  # the repealing law is not in the library: nothing to carry to
        return None


def _for_work(store: GraphStore, cited: list[Node], st: Standing, day: date) -> list[dict[str, Any]]:
    target = st.checked
    heir = _heir(store, st, day) if st.status == "repealed" else None
    if heir is not None:
        carried = [(p, follow(store, p, heir)) for p in cited]
        if any(c is not None for _, c in carried):
            note = (f"《{st.work}》已于{st.repeal['effective_date']}被《{st.repeal['repealing_work']}》废止，"  # type: ignore[index]
                    f"以下为《{st.repeal['repealing_work']}》（{heir.get('version_date')}版）中的对应条款")  # type: ignore[index]
            heir_st = Standing(work_of(heir), "in_force", heir, None)
            return [_shown(store, p, c, heir_st, note, True) for p, c in carried if c is not None] + \
                   [_shown(store, p, None, st, st.notice(), False) for p, c in carried if c is None]
    if target is None:
        return [_shown(store, p, None, st, st.notice(), False) for p in cited]
    current = st.status == "in_force"
    notice = st.notice()
    own = [p for p in cited if (v := _version(store, p)) is not None and v.id == target.id]
    if own:  # the item cites the text in force (or the nearest one) itself; its other citations are history
        return [_shown(store, p, None, st, notice, current) for p in own]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for p in cited:
        c = follow(store, p, target)
        if c is None:
            entry = _shown(store, p, None, st, notice, False)
            entry["note"] = f"{target.get('version_date')}版中没有与之对应的条款（已删除或尚未规定）"
            out.append(entry)
        elif c.node.id not in seen:
            seen.add(c.node.id)
            out.append(_shown(store, p, c, st, notice, current))
    return out


def bases_as_of(store: GraphStore, targets: list[Node], day: date) -> list[dict[str, Any]]:
    """Every basis of an item (Provision or Document nodes) as users should read it on the day."""
    works: dict[str, list[Node]] = {}
    order: list[tuple[str, Node | None]] = []
    for p in targets:
        v = _version(store, p) if p.label == "Provision" else None
        if v is None:
            order.append(("", p))
            continue
        w = work_of(v)
        if w not in works:
            order.append((w, None))
        works.setdefault(w, []).append(p)
    out: list[dict[str, Any]] = []
    for w, p in order:
        if p is not None:
            out.append({**describe_provision(store, p), "current": True})
            continue
        out.extend(_for_work(store, works[w], standing(store, w, day), day))
    return out
