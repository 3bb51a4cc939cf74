"""The place a list is for (a district or one town in it): given with --place, or read from the title.

A county's list says 区民政局 and 镇（街道）: which district, and whether its towns are 镇 or
街道, is known only from the place. With it, 区民政局 in a 龙湖区 list is 龙湖区民政局, and
镇（街道）退役军人服务站 is a 街道 body there (龙湖区 has only 街道) but a 镇 body in 南澳县.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..divisions import SHANTOU_CITY, Division, load_divisions
from .problems import ImportProblem

CODE_RE = re.compile(r"^\d{6}(?:\d{3})?$")


@dataclass(frozen=True)
class Place:
    """A district, and the one town of it the list is for when it is a town's list."""

    district: Division
    town: Division | None
    town_kinds: frozenset[str]  # 镇 / 乡 / 街道: what the district's towns are

    @property
    def code(self) -> str:
        return (self.town or self.district).code

    @property
    def label(self) -> str:
        return self.district.name + (self.town.name if self.town else "")

    def town_type(self, ambiguous: bool) -> str | None:
        """town_government or subdistrict_office where the place decides it, None where it cannot.

        ambiguous: the list wrote both (镇（街道）, 镇街); a list that wrote 镇政府 means a 镇.
        """
        if self.town is not None:
            return "subdistrict_office" if self.town.kind == "街道" else "town_government"
        if ambiguous and self.town_kinds == {"街道"}:
            return "subdistrict_office"
        if ambiguous and self.town_kinds and "街道" not in self.town_kinds:
            return "town_government"
        return None

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.label}


@lru_cache(maxsize=8)
def _divisions(folder: str, prefix: str) -> tuple[Division, ...]:
    """The divisions under a code prefix; read once per process (the tables are xz-compressed and large)."""
    return tuple(d for d in load_divisions(Path(folder), prefix) if d.level != "village")


def _place(divisions: tuple[Division, ...], d: Division) -> Place:
    district = d if d.level == "district" else next(x for x in divisions if x.code == d.parent)
    kinds = frozenset(x.kind for x in divisions if x.level == "town" and x.parent == district.code)
    return Place(district, d if d.level == "town" else None, kinds)


def given_place(value: str, divisions_dir: Path) -> tuple[Place | None, list[ImportProblem]]:
    """--place: a 6-digit district or 9-digit town code anywhere in China, or a Shantou district/town name."""
    v = re.sub(r"\s+", "", value)
    if CODE_RE.match(v):
        divisions = _divisions(str(divisions_dir), v[:6])
        found = [d for d in divisions if d.code == v]
    else:
        divisions = _divisions(str(divisions_dir), SHANTOU_CITY)
        found = [d for d in divisions if d.level in ("district", "town") and v in (d.name, _full(divisions, d))]
    if len(found) != 1:
        why = "有多个同名区划，请写区划代码" if found else "找不到这个区县或镇街（可写 6 位区县代码或 9 位镇街代码）"
        return None, [ImportProblem(None, None, None, value, f"--place：{why}")]
    return _place(divisions, found[0]), []


def place_in(texts: list[str], divisions_dir: Path) -> Place | None:
    """The Shantou district or town a title names (汕头市龙湖区…目录 → 龙湖区); None when it names none or several."""
    text = re.sub(r"\s+", "", "".join(texts))
    if not text:
        return None
    divisions = _divisions(str(divisions_dir), SHANTOU_CITY)
    towns = {d for d in divisions if d.level == "town" and d.name in text}
    districts = {d for d in divisions if d.level == "district" and d.name in text}
    if len(towns) == 1:
        town = next(iter(towns))
        if not districts or {town.parent} == {d.code for d in districts}:
            return _place(divisions, town)
    if len(districts) == 1 and not towns:
        return _place(divisions, next(iter(districts)))
    return None


def _full(divisions: tuple[Division, ...], d: Division) -> str:
    parent = next((x for x in divisions if x.code == d.parent), None)
    return f"{parent.name}{d.name}" if parent is not None and d.level == "town" else d.name
