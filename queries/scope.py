"""Which rules bind a place: a list binds its jurisdiction (CN, or a province / city / county code).

A village gets only the items of lists whose jurisdiction contains it; without a village the
answer describes the default place (Shantou, whose lists the project bundles) or a province the
question names, and says so.
"""
from __future__ import annotations

import re
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
_PROVINCE_RE = re.compile("|".join(sorted(PROVINCES.values(), key=len, reverse=True)))


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
    m = _PROVINCE_RE.search(text)
    if m is None:
        return None
    code = next(c for c, n in PROVINCES.items() if n == m.group(0))
    return code, m.group(0)


def scope_for(village_code: str | None, village_name: str | None, text: str) -> Scope:
    if village_code:
        return Scope(village_code, village_name or village_code, False)
    named = province_in_text(text)
    if named is not None and named[0] != DEFAULT_CODE[:2]:
        return Scope(named[0], named[1], True)
    return Scope(DEFAULT_CODE, DEFAULT_NAME, True)
