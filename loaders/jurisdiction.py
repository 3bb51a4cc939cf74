"""Where a rule binds: CN, or the NBS code prefix of a province (2), city (4) or county (6).

A statute version's jurisdiction is read from its title: local regulations begin with their place
("广东省村务公开条例" → 44, "汕头经济特区村务公开条例" → 4405, a title naming no province or city
is national, CN). Names come from the bundled NBS tables, so any province's regulations are placed
the same way, and every jurisdiction gets the name users read (全国, 浙江省, 宁波市, 景宁畲族自治县).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from qingdan import paths

from .divisions import _rows

SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
NATIONAL_NAME = "全国"


def _variants(name: str) -> set[str]:
    out = {name}
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            out.add(name[: -len(suffix)])
            break
    return out


def _base(folder: str | None) -> Path:
    return Path(folder) if folder else paths.divisions_dir()


@lru_cache(maxsize=4)
def place_prefixes(folder: str | None = None) -> tuple[tuple[str, str], ...]:
    """(name, code) for every province and city name and its short form, longest first."""
    pairs: dict[str, str] = {}
    for table in ("provinces", "cities"):
        for _, row in _rows(_base(folder), table):
            name, code = (row.get("name") or "").strip(), (row.get("code") or "").strip()
            if not name or name in PLACEHOLDERS:
                continue
            for v in _variants(name):
                # a city name that is also a province's (北京, 上海 …) keeps the province code
                pairs.setdefault(v, code)
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=4)
def _names(folder: str | None = None) -> dict[str, str]:
    """Code → name for provinces, cities and counties (placeholders such as 市辖区 left out)."""
    out: dict[str, str] = {}
    for table in ("provinces", "cities", "areas"):
        for _, row in _rows(_base(folder), table):
            name, code = (row.get("name") or "").strip(), (row.get("code") or "").strip()
            if name and code and name not in PLACEHOLDERS:
                out[code] = name
    return out


def jurisdiction_of(title: str, folder: str | None = None) -> str:
    """CN, or the province / city code the title's leading place name gives."""
    t = title.removeprefix("中华人民共和国")
    for name, code in place_prefixes(folder):
        if t.startswith(name):
            return code
    return "CN"


def jurisdiction_within(title: str, province: str, folder: str | None = None) -> str:
    """The jurisdiction of a regulation known to be of this province: the city the title names, a
    county of the province it begins with (景宁畲族自治县…), else the province itself — a title
    naming no place (峨眉山…条例, 白洋淀…条例) is a provincial regulation about a place in it."""
    found = jurisdiction_of(title, folder)
    if found != "CN":
        return found
    counties = sorted(((n, c) for c, n in _names(folder).items() if len(c) == 6 and c.startswith(province)),
                      key=lambda nc: -len(nc[0]))
    for name, code in counties:
        if len(name) >= 3 and title.startswith(name):
            return code
    return province


def jurisdiction_name(code: str | None, folder: str | None = None) -> str:
    """全国, 广东省, 汕头市, 汕头市龙湖区 …: the place a jurisdiction code stands for."""
    if not code or code == "CN":
        return NATIONAL_NAME
    names = _names(folder)
    if len(code) == 6:
        city = names.get(code[:4], "")
        return f"{city}{names.get(code, code)}" if city and not city.endswith(("省", "自治区")) else names.get(code, code)
    return names.get(code) or names.get(code[:2], code)
