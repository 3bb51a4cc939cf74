"""Villages and their concrete bodies: by 12-digit code, by name, or named inside a question."""
from __future__ import annotations

import re
from bisect import bisect_left
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

    def named_in(self, text: str) -> bool:
        """Whether the text names the village's town, district or city ("澄海南湾村", "潮阳谷饶镇"), by full name or
        by the name without 镇/乡/街道/区/县/市."""
        for n in (self.town, self.district, self.city):
            name = str(n.get("name_zh") or "") if n is not None else ""
            short = re.sub(r"(街道办事处|街道|镇|乡|区|县|市)$", "", name)
            if name and (name in text or (len(short) >= 2 and short in text)):
                return True
        return False

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
    """Names of every loaded village, to spot them inside free text.

    Holds ids and names only (store.names), never a node per village: with every village of the
    country loaded that is 620k names, and nodes for all of them cost the embedded store gigabytes.
    A village's nodes are read when a question or a search finds it.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        # village ids in id order and their full names; `villages` maps every name of at least
        # three characters (full, and the short one people use) to those villages, in id order
        pairs = store.names("Village")
        self._ids: list[str] = [i for i, _ in pairs]
        self._full: list[str] = [n for _, n in pairs]
        del pairs
        self.villages: dict[str, list[int]] = {}
        for k, full in enumerate(self._full):
            short = short_name(full)
            for name in (short, full) if short != full else (full,):
                if len(name) >= 3:
                    self.villages.setdefault(name, []).append(k)
        self._longest = max(map(len, self.villages), default=0)
        self._places: dict[str, Place] = {}

    def place(self, node: Node) -> Place:
        if node.id not in self._places:
            self._places[node.id] = place_of(self.store, node)
        return self._places[node.id]

    def _place_at(self, k: int) -> Place:
        vid = self._ids[k]
        if vid not in self._places:
            node = self.store.node(vid)
            assert node is not None, vid  # the store named it a moment ago (names)
            self._places[vid] = place_of(self.store, node)
        return self._places[vid]

    def _name_in(self, text: str) -> str | None:
        """The village name inside the text: the longest, and of names as long the one whose first
        village comes first in id order (what scanning every name longest first used to find, in
        the time of the text's own substrings rather than the country's names)."""
        for size in range(min(self._longest, len(text)), 2, -1):
            found = {text[i:i + size] for i in range(len(text) - size + 1)} & self.villages.keys()
            if found:
                return min(found, key=lambda n: self.villages[n][0])
        return None

    def in_text(self, text: str) -> Place | None:
        m = CODE_RE.search(text)
        if m:
            node = self.store.node(f"division/{m.group(1)}")
            if node is not None and node.label == "Village":
                return self.place(node)
        name = self._name_in(text)
        if name is None:
            return None
        candidates = self.villages[name]
        for k in candidates:  # the one whose town the text names too
            p = self._place_at(k)
            if p.town is not None and p.town.label == "Town" and p.town.get("name_zh") in text:
                return p
        return self._place_at(candidates[0])

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        q = q.strip()
        if not q:
            return []
        if q.isdigit():  # codes starting with q, in code order
            out: list[dict[str, Any]] = []
            k = bisect_left(self._ids, f"division/{q}")
            while k < len(self._ids) and self._ids[k].startswith(f"division/{q}"):
                out.append(self._place_at(k).as_dict())
                if len(out) >= limit:
                    break
                k += 1
            return out
        found = {k for name, ks in self.villages.items() if q in name for k in ks}
        # the order the places would sort in (short name starting with q first, then code), found
        # before reading any place: a one-character query matches hundreds of thousands of villages
        ranked = sorted(found, key=lambda k: (not short_name(self._full[k]).startswith(q), self._ids[k]))
        return [self._place_at(k).as_dict() for k in ranked[:limit]]


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
