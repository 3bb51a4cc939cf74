"""“新版清单改了什么？” — two versions of one list compared item by item.

Items carry no identity across versions (each import mints its own ids), so they are paired the
way a reader pairs them: the same name first; then, among the rest, the same number with a
similar name (a reworded item); then a clearly similar name anywhere (reworded and moved).
What is left is added or removed. Paired items report what changed: name, category, bodies,
bases.
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from qingdan.errors import BadRequest, NotFound

from .dates import DAY_RE, parse_day
from .items import one
from .stores.base import GraphStore, Node

SAME_SEQ_RATIO = 60  # same number: a reworded name still reads alike
MOVED_RATIO = 85  # different number: only a near-identical name is the same item
BODY_RELS = {"lead_body": "LEAD_BODY", "assist_bodies": "ASSIST_BODY", "supervise_bodies": "SUPERVISE_BODY",
             "must_not_bodies": "MUST_NOT_BODY"}
FIELD_ZH = {"name": "名称", "category": "类别", "lead_body": "责任主体", "assist_bodies": "协助主体",
            "supervise_bodies": "监督主体", "must_not_bodies": "不得承担主体", "bases": "依据"}


def _norm(name: str) -> str:
    return re.sub(r"[\s，,。；;、（）()“”\"'：:]", "", name or "")


def list_versions(store: GraphStore, list_id: str) -> list[Node]:
    lst = store.node(f"list/{list_id}")
    if lst is None:
        raise NotFound(f"没有编号为 {list_id} 的清单")
    return sorted((n for _, n in store.neighbors(lst.id, "VERSION_OF_LIST", "in")),
                  key=lambda v: (v.get("in_force_from") or "", v.id))


def pick_version(store: GraphStore, list_id: str, ref: str) -> Node:
    """A version by its id, or the version of the list in force on a date (YYYY-MM-DD)."""
    versions = list_versions(store, list_id)
    for v in versions:
        if v.id == f"version/{ref}":
            return v
    if DAY_RE.fullmatch(ref):
        day = parse_day(ref).isoformat()
        current = [v for v in versions if (v.get("in_force_from") or "") <= day
                   and (not v.get("in_force_to") or day <= v.get("in_force_to"))]
        if current:
            return current[-1]
    have = "、".join(f"{v.id.split('/', 1)[1]}（{v.get('in_force_from')} 起）" for v in versions)
    raise NotFound(f"清单 {list_id} 没有版本 {ref}；现有版本：{have or '无'}")


def _item(store: GraphStore, n: Node) -> dict[str, Any]:
    cat = one(store, n.id, "IN_CATEGORY")
    out: dict[str, Any] = {"id": n.id.split("/", 1)[1], "seq": n.get("seq"), "name": n.get("name_zh"),
                           "category": cat.get("name_zh") if cat else None}
    for key, rel in BODY_RELS.items():
        names = sorted(b.get("name_zh") or b.id for _, b in store.neighbors(n.id, rel))
        out[key] = (names[0] if names else None) if key == "lead_body" else names
    out["bases"] = sorted(p.get("citation") or p.id.split("/", 1)[1] for _, p in store.neighbors(n.id, "RESTS_ON"))
    return out


def version_items(store: GraphStore, version: Node) -> list[dict[str, Any]]:
    items = [_item(store, n) for _, n in store.neighbors(version.id, "IN_VERSION", "in")]
    return sorted(items, key=lambda i: (i["seq"] is None, i["seq"] or 0, i["id"]))


def _pair(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    left, right = list(old), list(new)

    def take(a: dict[str, Any], b: dict[str, Any]) -> None:
        pairs.append((a, b))
        left.remove(a)
        right.remove(b)

    by_name: dict[str, list[dict[str, Any]]] = {}
    for b in right:
        by_name.setdefault(_norm(b["name"]), []).append(b)
    for a in list(left):
        same = by_name.get(_norm(a["name"]))
        if same:
            take(a, same.pop(0))
    for a in list(left):
        b = next((b for b in right if b["seq"] is not None and b["seq"] == a["seq"]
                  and fuzz.ratio(_norm(a["name"]), _norm(b["name"])) >= SAME_SEQ_RATIO), None)
        if b is not None:
            take(a, b)
    scored = sorted(((fuzz.ratio(_norm(a["name"]), _norm(b["name"])), i, j) for i, a in enumerate(left)
                     for j, b in enumerate(right)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    moved = []
    for score, i, j in scored:
        if score < MOVED_RATIO:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        moved.append((left[i], right[j]))
    for a, b in moved:
        take(a, b)
    return pairs


def _changes(a: dict[str, Any], b: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key in FIELD_ZH:
        if a[key] != b[key]:
            out[key] = {"from": a[key], "to": b[key]}
    return out


def diff_versions(store: GraphStore, list_id: str, v1: str, v2: str) -> dict[str, Any]:
    """Items added, removed and changed from version v1 to version v2 (ids or dates) of a list."""
    old_v, new_v = pick_version(store, list_id, v1), pick_version(store, list_id, v2)
    if old_v.id == new_v.id:
        raise BadRequest(f"两个参数指的是同一个版本 {old_v.id.split('/', 1)[1]}")
    old, new = version_items(store, old_v), version_items(store, new_v)
    pairs = _pair(old, new)
    paired_old = {a["id"] for a, _ in pairs}
    paired_new = {b["id"] for _, b in pairs}
    changed = []
    for a, b in sorted(pairs, key=lambda p: (p[1]["seq"] is None, p[1]["seq"] or 0, p[1]["id"])):
        ch = _changes(a, b)
        if ch:
            changed.append({"from": a, "to": b, "changes": ch})

    def version_info(v: Node) -> dict[str, Any]:
        return {"id": v.id.split("/", 1)[1], "in_force_from": v.get("in_force_from"), "in_force_to": v.get("in_force_to"),
                "doc_no": v.get("doc_no"), "issuer": v.get("issuer"), "items": len(old if v is old_v else new),
                "provenance": v.get("provenance_status")}

    return {"list": list_id, "from": version_info(old_v), "to": version_info(new_v),
            "added": [b for b in new if b["id"] not in paired_new],
            "removed": [a for a in old if a["id"] not in paired_old],
            "changed": changed, "unchanged": len(pairs) - len(changed)}
