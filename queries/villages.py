"""Villages and their concrete bodies: by 12-digit code, by name, or named inside a question."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qingdan.errors import BadRequest, NotFound

from .stores.base import GraphStore, Node

CODE_RE = re.compile(r"(?<!\d)(\d{12})(?!\d)")
SUFFIXES = (("社区居委会", "社区"), ("居委会", "社区"), ("村委会", "村"), ("村民委员会", "村"), ("居民委员会", "社区"))


def short_name(name: str) -> str:
    for suffix, repl in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + repl
    return name


@dataclass(frozen=True)
class Place:
    village: Node
    town: Node | None
    district: Node | None
    city: Node | None

    def as_dict(self) -> dict[str, Any]:
        def d(n: Node | None) -> dict[str, Any] | None:
            return {"code": n.get("code"), "name": n.get("name_zh"), "kind": n.get("urban_rural") or None} if n else None

        v = d(self.village) or {}
        v["short_name"] = short_name(self.village.get("name_zh"))
        return {"village": v, "town": d(self.town), "district": d(self.district), "city": d(self.city)}


def parent(store: GraphStore, n: Node | None) -> Node | None:
    if n is None:
        return None
    pairs = store.neighbors(n.id, "WITHIN")
    return pairs[0][1] if pairs else None


def place_of(store: GraphStore, village: Node) -> Place:
    town = parent(store, village)
    district = parent(store, town)
    return Place(village, town, district, parent(store, district))


def by_code(store: GraphStore, code: str) -> Place:
    code = code.strip()
    if not code.isdigit() or len(code) != 12:
        raise BadRequest(f"村居代码应为 12 位数字：{code}")
    node = store.node(f"division/{code}")
    if node is None or node.label != "Village":
        raise NotFound(f"没有代码为 {code} 的村（社区）")
    return place_of(store, node)


class VillageFinder:
    """Names of every loaded village and town, to spot them inside free text."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.villages: dict[str, list[Node]] = {}
        for v in store.nodes("Village"):
            for name in {short_name(v.get("name_zh")), v.get("name_zh")}:
                if len(name) >= 3:
                    self.villages.setdefault(name, []).append(v)
        self.towns: dict[str, list[Node]] = {}
        for t in store.nodes("Town"):
            self.towns.setdefault(t.get("name_zh"), []).append(t)
        self._names = sorted(self.villages, key=len, reverse=True)
        self._places: dict[str, Place] = {}

    def place(self, node: Node) -> Place:
        if node.id not in self._places:
            self._places[node.id] = place_of(self.store, node)
        return self._places[node.id]

    def in_text(self, text: str) -> Place | None:
        m = CODE_RE.search(text)
        if m:
            node = self.store.node(f"division/{m.group(1)}")
            if node is not None and node.label == "Village":
                return self.place(node)
        for name in self._names:
            if name in text:
                candidates = self.villages[name]
                towns_named = {t.id for tname, ts in self.towns.items() if tname in text for t in ts}
                for c in candidates:
                    p = self.place(c)
                    if p.town is not None and p.town.id in towns_named:
                        return p
                return self.place(candidates[0])
        return None

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        q = q.strip()
        if not q:
            return []
        out: list[dict[str, Any]] = []
        if q.isdigit():
            for v in self.store.nodes("Village"):
                if v.get("code", "").startswith(q):
                    out.append(place_of(self.store, v).as_dict())
                    if len(out) >= limit:
                        break
            return out
        seen: set[str] = set()
        for name, nodes in self.villages.items():
            if q in name:
                for v in nodes:
                    if v.id not in seen:
                        seen.add(v.id)
                        out.append(place_of(self.store, v).as_dict())
        out.sort(key=lambda p: (not p["village"]["short_name"].startswith(q), p["village"]["code"]))
        return out[:limit]


def concrete_body(store: GraphStore, body_type: Node, place: Place) -> dict[str, Any] | None:
    """The body of this type that serves the village: its committee, its town, its district's bureau."""
    level = body_type.get("level")
    btype = body_type.id.split("/", 1)[1]
    if level == "village":
        own = store.neighbors(place.village.id, "BODY_OF", "in")
        if not own:
            return None
        body = own[0][1]
        name = body.get("name_zh")
        if btype not in ("village_committee", "residents_committee"):
            committee = name
            name = f"{committee}（{body_type.get('name_zh')}）" if btype != "villager_group" else f"{committee}下属村民小组"
            if btype in ("villagers_assembly", "villagers_representative_meeting", "village_party_org",
                         "village_supervision_committee", "collective_economic_org", "people_mediation_committee"):
                prefix = committee.removesuffix("村民委员会").removesuffix("居民委员会")
                label = body_type.get("name_zh")
                name = f"{prefix}{'村' if place.village.get('urban_rural') == '村' else '社区'}{label}"
        return {"type": btype, "code": place.village.get("code"), "name": name}
    if level == "town" and place.town is not None:
        own = store.neighbors(place.town.id, "BODY_OF", "in")
        return {"type": btype, "code": place.town.get("code"), "name": own[0][1].get("name_zh") if own else place.town.get("name_zh")}
    if level == "county" and place.district is not None:
        dname = place.district.get("name_zh")
        tname = body_type.get("name_zh")
        name = tname.replace("区（县）", dname) if "区（县）" in tname else f"{dname}{tname}"
        return {"type": btype, "code": place.district.get("code"), "name": name}
    return None
