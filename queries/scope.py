"""Which rules bind a place: a list binds its jurisdiction (CN, or a province / city / county code).

A village gets only the items of lists whose jurisdiction contains it; without a village the
answer describes the default place (Shantou, whose lists the project bundles) or a province the
question names, and says so.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_CODE = "4405"
DEFAULT_NAME = "广东省汕头市"
# the 34 provincial-level divisions (GB/T 2260); stable facts a question may name without a village
PROVINCES: dict[str, str] = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林",
    "23": "黑龙江", "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东", "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃",
    "63": "青海", "64": "宁夏", "65": "新疆", "71": "台湾", "81": "香港", "82": "澳门",
}
# "福州长乐湖南镇", "山东路": a province's name followed by 镇/乡/路/街 names a smaller place ("河南村里" is Henan's villages)
_PROVINCE_RE = re.compile("(?:" + "|".join(sorted(PROVINCES.values(), key=len, reverse=True)) + ")(?![镇乡路街])")


def binds(jurisdiction: str | None, code: str) -> bool:
    """Does a rule of this jurisdiction bind the place with this division code?"""
    if not jurisdiction:
        return False
    return jurisdiction == "CN" or code.startswith(jurisdiction)


@dataclass(frozen=True)
class Scope:
    code: str  # the place the answer is for: a village code, or a province/city prefix
    name: str
    assumed: bool  # no village given: the default place or a province named in the question

    def binds(self, jurisdiction: str | None) -> bool:
        return binds(jurisdiction, self.code) or (jurisdiction is not None and jurisdiction.startswith(self.code)
                                                   and self.assumed and self.code != DEFAULT_CODE)

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "assumed": self.assumed}


def province_in_text(text: str) -> tuple[str, str] | None:
    m = _province_match(text)
    return (_province_code(m.group(0)), m.group(0)) if m is not None else None


def _province_match(text: str, taken: Sequence[tuple[int, int]] = ()) -> re.Match[str] | None:
    """The first province's name that does not run on from another place's ("澄海南湾": 海南 is 澄海's 海 and the
    next character; in "江西湖南" 江西 comes first and stands)."""
    return next((m for m in _PROVINCE_RE.finditer(text) if not any(a < m.start() < b for a, b in taken)), None)


def _province_code(name: str) -> str:
    return next(c for c, n in PROVINCES.items() if n == name)


# city names that are everyday words too ("开封" a letter, "安康" wellbeing, "长治久安", "中山路"): only their
# full names ("开封市") name the place
CITY_WORDS = {"开封", "安康", "大同", "长治", "白山", "黄山", "通化", "中山", "本溪", "辽源", "吉安", "永州", "新余", "三明",
              "鹤壁", "白城", "七台河", "海东", "中卫", "固原", "吴忠", "金昌", "白银", "嘉峪关", "平凉", "定西"}
CITY_SUFFIXES = ("市", "地区", "自治州", "盟")
NOT_SHORT = r"(?![区县旗镇乡村路街社组屯])"
# what the NBS table names a city-level or county-level slot that is no place
NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


COUNTY_SUFFIXES = ("县", "市", "区", "旗")
# a town, township or subdistrict named right after a county's short name: one to four characters, then 镇/乡/街道
TOWN_AFTER = r"(?=[^\W\d个几多各每全该本这那_]{1,4}?(?:镇|乡|街道)(?![长政府委]))"


class PlaceNames:
    """The cities and districts (counties) a question may name for its place, from the graph's divisions:
    "南充市嘉陵区的村干部……" is not answered from Shantou's lists. Cities by full name, and by short
    name unless that is an everyday word; districts and counties by full name only (their short names,
    "和平", "长安", "新华", are words and repeat across provinces). A name two places share names
    neither."""

    def __init__(self, cities: list[tuple[str, str]], districts: list[tuple[str, str]]) -> None:
        self.name_of = {code: name for code, name in cities + districts}
        found: dict[str, set[str]] = {}
        for code, name in cities:
            if name in NOT_PLACES:
                continue
            found.setdefault(name, set()).add(code)
            short = next((name[:-len(x)] for x in CITY_SUFFIXES if name.endswith(x)), name)
            if len(short) >= 2 and short not in CITY_WORDS and short not in PROVINCES.values():
                found.setdefault(short, set()).add(code)
        for code, name in districts:
            if name in NOT_PLACES or len(name) < 3:
                continue
            found.setdefault(name, set()).add(code)
        self.codes = {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}
        # "遂溪洋青镇", "贵溪罗河镇": a county's short name is a word on its own, but not when a town's name follows it
        short_counties: dict[str, set[str]] = {}
        for code, name in districts:
            if not name.endswith(COUNTY_SUFFIXES) or name.endswith("自治县"):
                continue
            short = name[:-1]
            if len(short) >= 2 and short not in found and short not in PROVINCES.values():
                short_counties.setdefault(short, set()).add(code)
        self.town_of = {n: next(iter(c)) for n, c in short_counties.items() if len(c) == 1}
        self._town_re = re.compile("(" + "|".join(map(re.escape, sorted(self.town_of, key=len, reverse=True))) + ")"
                                   + TOWN_AFTER) if self.town_of else None
        # any city's or county's name as written, however it is followed: a short name overlapping one ("六安乡下通镇":
        # 安乡 inside 六安) is not read
        self._any_re = re.compile("|".join(map(re.escape, sorted(found, key=len, reverse=True)))) if found else None
        # a short name followed by 区/县/村/路 … is another place's name ("朝阳区", "朝阳村", "中山路"), not the city
        names = [re.escape(n) + ("" if n.endswith(("市", "区", "县", "旗", "地区", "自治州", "盟")) else NOT_SHORT)
                 for n in sorted(self.codes, key=len, reverse=True)]
        self._re = re.compile("|".join(names)) if names else None
        # every name a place goes by, shared or not, county short names too ("澄海"): where a province's name is no province
        every = (set(found) | set(short_counties)) - set(PROVINCES.values())
        self._all_re = re.compile("|".join(map(re.escape, sorted(every, key=len, reverse=True)))) if every else None

    def across(self, text: str) -> list[tuple[int, int]]:
        """Where a city's or county's name, full or short, stands in the text, however it is followed: a province's
        name written across one ("澄海南湾" holds 海南 across 澄海) is no province."""
        return [m.span() for m in self._all_re.finditer(text)] if self._all_re is not None else []

    def first(self, text: str) -> tuple[int, str] | None:
        """Where the first city or district the text names stands, and its code, in whatever province."""
        m = self._re.search(text) if self._re is not None else None
        return (m.start(), self.codes[m.group(0)]) if m is not None else None

    def full_name(self, code: str) -> str:
        return PROVINCES.get(code[:2], "") + "".join(
            n for n in (self.name_of.get(code[:4], ""), self.name_of.get(code, "") if len(code) == 6 else "") if n not in NOT_PLACES)

    def in_text(self, text: str, province: str | None = None) -> tuple[str, str] | None:
        """The first city or district the text names (within the province it names, if any)."""
        if self._re is None:
            return None
        codes = [c for c in (self.codes[m.group(0)] for m in self._re.finditer(text)) if province is None or c.startswith(province)]
        if not codes and self._town_re is not None:
            taken = [m.span() for m in self._any_re.finditer(text)] if self._any_re is not None else []
            codes = [self.town_of[m.group(1)] for m in self._town_re.finditer(text)
                     if not any(a < m.end(1) and m.start(1) < b for a, b in taken)]
            codes = [c for c in codes if province is None or c.startswith(province)]
        if not codes or any(c.startswith(DEFAULT_CODE) for c in codes):
            return None  # "在深圳打工，老家潮阳": a Shantou place named anywhere keeps Shantou's lists
        # "杭州余杭区": the district the city's name is followed by
        code = next((c for c in codes[1:] if len(c) > len(codes[0]) and c.startswith(codes[0])), codes[0])
        return code, self.full_name(code)


def named_place(text: str, places: PlaceNames | None) -> tuple[str, str] | None:
    """The city or district the text names (within the province it names), else that province: its code and name.
    A city or district of another province named before the province ("珠海斗门……从广西鹿寨迁过来") is where the
    story stands; the province named later is where someone came from."""
    if places is None:
        return province_in_text(text)
    m = _province_match(text, places.across(text))
    if m is None:
        return places.in_text(text)
    code = _province_code(m.group(0))
    first = places.first(text)
    if first is not None and first[0] < m.start() and not first[1].startswith(code):
        return places.in_text(text)
    return places.in_text(text, code) or (code, m.group(0))


def scope_for(village_code: str | None, village_name: str | None, text: str, places: PlaceNames | None = None) -> Scope:
    if village_code:
        return Scope(village_code, village_name or village_code, False)
    named = named_place(text, places)
    if named is not None and (len(named[0]) > 2 or named[0] != DEFAULT_CODE[:2]):  # a city or district, or a province not Guangdong
        return Scope(named[0], named[1], True)
    return Scope(DEFAULT_CODE, DEFAULT_NAME, True)
