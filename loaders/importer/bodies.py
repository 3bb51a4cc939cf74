"""Body names as counties write them → body types of the catalog, and the name kept as written.

A list names concrete bodies (区农业农村局综合行政执法大队, 镇（街道）退役军人服务站, 派出所),
often several in one cell (区民政局、镇政府; 区民政局/镇街). Each is resolved, in this order:
1. a body type's own name or a name in the alias table (data/catalog/body_aliases.csv);
2. the same after a place or level word in front (澄海区民政局 and 区民政局 → 民政局; 莲下镇人民政府 → 镇人民政府);
3. a unit of a known body (农业农村局 + 综合行政执法大队; a 镇 office such as 镇社会事务办);
4. a close spelling (rapidfuzz, at least FUZZY_MIN, same level) — told as a warning;
5. otherwise the nearest generic type for its level (county_department, the town, the village
   committee), told as a warning: the body is kept by its name, never refused.
The name as written is kept with the place made concrete (区民政局 in a 龙湖区 list → 龙湖区民政局).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from .place import Place

FUZZY_MIN = 85  # rapidfuzz ratio: 人力资源与社会保障局 ~ 人力资源和社会保障局 (90); 农业办 ~ 农业局 (67) is not
FUZZY_SHORTEST = 4  # two- and three-character names differ by one character and mean different bodies
BODY_SPLIT = re.compile(r"[、，,;；/／\n]+|及(?=[\u4e00-\u9fff]{2,}(?:局|部门|委员会|政府|所|会|处))")
ROLE_NOTE = re.compile(r"[（(](?P<role>牵头|主责|负责|主办|配合|协助|协办)(?:单位|部门)?[)）]$")
ASSIST_ROLES = {"配合", "协助", "协办"}
# words in front of a body naming its level, longest first: (word, level, what the file's place can
# replace it with — "county" for 区 → 龙湖区, "town" for 镇 → 莲下镇, "" when it names no place of the file)
LEVEL_WORDS: tuple[tuple[str, str, str], ...] = tuple(sorted((
    *((w, "town", "town") for w in ("乡镇（街道）", "镇（街道）", "镇（街）", "镇街", "乡镇", "街道", "镇", "乡")),
    *((w, "county", "county") for w in ("区（县）", "县（区）", "区县", "区", "县")),
    ("市", "county", ""), ("省", "county", ""),
    *((w, "village", "") for w in ("村（居）", "村（社区）", "村居", "村", "社区")),
), key=lambda x: -len(x[0])))
PLACE_NAME = re.compile(r"^(?!社区)[\u4e00-\u9fff]{1,8}?(?P<end>省|市|自治州|地区|盟|区|县|旗|镇|乡|街道)")
EMPTY = {"", "无", "暂无", "—", "-", "－", "/", "／", "空", "略"}
ORG_END = re.compile(r"(?:局|委|委员会|部|部门|办|办公室|院|会|所|中心|队|站|政府|处|机关|机构|组织|支部|党委|社|庭)$")
TOWN_UNIT = re.compile(r"(?:办|办公室|中心|站|所|队)$")
GENERIC = {"county": "county_department", "town": "town_government", "village": "village_committee"}


@dataclass(frozen=True)
class BodyMatch:
    """One body named in a cell: its type, its name as the list wrote it (place made concrete), how it was found."""

    text: str
    body_type: str
    name: str
    how: str  # name | alias | unit | fuzzy | generic
    score: float | None = None
    assists: bool = False  # the cell marked it （配合）

    @property
    def guessed(self) -> bool:
        return self.how in ("fuzzy", "generic")


def body_key(text: str) -> str:
    t = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").strip("。.")
    return re.sub(r"等$", "", t)


class BodyIndex:
    """Chinese body names → body_type ids of the catalog, through the alias table and the place."""

    def __init__(self, body_rows: Iterable[Any], alias_rows: Iterable[Any] = (), place: Place | None = None) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}
        self.type_names: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.place = place
        self.found_by: dict[str, str] = {}  # name → 'name' (body_types.csv) or 'alias'
        for r in body_rows:
            bid, name = r["body_type_id"], r["name_zh"]
            self.ids.add(bid)
            self.type_names[bid] = name
            self.levels[bid] = r["level"]
            self._add(name, bid, "name")
            base = name.removeprefix("区（县）")
            for part in re.split(r"[（）]", base):
                if part and part != "人民政府":  # 区（县）人民政府 without its level says nothing
                    self._add(part, bid, "name")
                    if bid.startswith("county_") and part.endswith("局"):
                        self._add(part[:-1] + "部门", bid, "name")
            bare = re.sub(r"（[^）]*）", "", base)
            if bare != "人民政府":
                self._add(bare, bid, "name")
        for r in alias_rows:
            if r["body_type_id"] in self.ids:
                self._add(r["alias"], r["body_type_id"], "alias")
        self._choices = [k for k in self.names if len(k) >= FUZZY_SHORTEST]

    def _add(self, name: str, bid: str, how: str) -> None:
        key = body_key(name)
        if key and key not in self.names:
            self.names[key] = bid
            self.found_by[key] = how

    def find(self, text: str) -> str | None:
        """The body type a name surely means, or None (a close spelling or a generic guess is not sure)."""
        m = self.resolve(text)
        return None if m is None or m.guessed else m.body_type

    def resolve(self, text: str) -> BodyMatch | None:
        """What one body name means; None only for an empty name."""
        key = body_key(text)
        note = ROLE_NOTE.search(key)
        if note:
            key = key[: note.start()]
        if key in EMPTY:
            return None
        found, how = self._lookup(key)
        level, rest, named = None, key, False
        if found is None:
            level, rest, named = self._strip_place(key)
            found, how = self._lookup(rest) if rest != key else (None, "")
        if found is None:
            found, how = self._unit(rest, level), "unit"
        score = None
        if found is None:
            found, score = self._fuzzy(rest, level)
            how = "fuzzy"
        if found is None:
            found, how = GENERIC[level or self._level_in(key)], "generic"
        if not named:
            found = self._town_by_place(found, key)
        assists = bool(note and note["role"] in ASSIST_ROLES)
        return BodyMatch(text.strip(), found, self._concrete(key), how, score, assists)

    def _concrete(self, key: str) -> str:
        """区民政局 → 龙湖区民政局, 镇政府 → 莲下镇政府 when the file's place is known; other names as written."""
        if self.place is None:
            return key
        for word, _, concrete in LEVEL_WORDS:
            if concrete and key.startswith(word) and len(key) > len(word):
                if concrete == "county":
                    return self.place.district.name + key[len(word):]
                return self.place.town.name + key[len(word):] if self.place.town else key
        return key

    def _lookup(self, key: str) -> tuple[str | None, str]:
        if key in self.names:
            return self.names[key], self.found_by[key]
        return (key, "name") if key in self.ids else (None, "")

    def _strip_place(self, key: str) -> tuple[str | None, str, bool]:
        """(level, the name after a place or level word, whether a concrete place was named).

        区民政局 → 民政局; 澄海区民政局 → 民政局; 莲下镇人民政府 → 镇人民政府 (the level word stays
        when the name needs it); 汕头市龙湖区… peels one place at a time.
        """
        for word, level, _ in LEVEL_WORDS:
            if key.startswith(word) and len(key) > len(word):
                rest = key[len(word):]
                if self._lookup(rest)[0] or ORG_END.search(rest):
                    return level, rest, False
        level = None
        while (m := PLACE_NAME.match(key)) and len(key) > m.end():
            level = "town" if m["end"] in ("镇", "乡", "街道") else "county"
            rest = key[m.end():]
            for candidate in (rest, m["end"] + rest):
                if self._lookup(candidate)[0]:
                    return level, candidate, True
            key = rest
        return level, key, level is not None

    def _unit(self, rest: str, level: str | None) -> str | None:
        """农业农村局综合行政执法大队 → the bureau's type; a 镇 office (镇社会事务办) → the town."""
        best = max((k for k in self.names if len(k) >= 2 and rest.startswith(k) and len(rest) > len(k)
                    and ORG_END.search(k)), key=len, default=None)
        if best is not None:
            return self.names[best]
        if level == "town" and TOWN_UNIT.search(rest):
            return "town_government"
        return None

    def _fuzzy(self, rest: str, level: str | None) -> tuple[str | None, float | None]:
        if len(rest) < FUZZY_SHORTEST:
            return None, None
        for key, score, _ in process.extract(rest, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5):
            bid = self.names[key]
            if level is None or self._same_level(bid, level):
                return bid, round(score)
        return None, None

    def _same_level(self, bid: str, level: str) -> bool:
        return self.levels.get(bid) == level

    @staticmethod
    def _level_in(key: str) -> str:
        if re.search(r"村|社区|居委", key):
            return "village"
        if re.search(r"镇|乡|街道", key):
            return "town"
        return "county"

    def _town_by_place(self, bid: str, key: str) -> str:
        if bid not in ("town_government", "subdistrict_office") or self.place is None:
            return bid
        ambiguous = bool(re.search(r"镇|乡", key) and "街" in key)  # 镇（街道）, 镇街: the place decides
        return self.place.town_type(ambiguous) or bid

    def split(self, text: str) -> list[str]:
        """The bodies one cell names: 区民政局、镇政府 / 区民政局/镇街 / 区民政局 镇政府 (spaces only when each part is a body)."""
        out: list[str] = []
        for part in (p.strip("。. ") for p in BODY_SPLIT.split(text or "")):
            if not part:
                continue
            pieces = part.split()
            if len(pieces) > 1 and all(self.find(p) for p in pieces):
                out.extend(pieces)
            else:
                out.append(part)
        return out

    def type_name(self, bid: str) -> str:
        return self.type_names.get(bid, bid)
