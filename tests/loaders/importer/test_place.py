"""Whose list it is: a district or town code or name given, or the one the title names."""
from __future__ import annotations

import pytest

from qingdan import paths
from qingdan.loaders.importer.place import given_place, place_in


@pytest.mark.parametrize("texts,expected", [
    (["汕头市龙湖区村（居）民委员会协助政府工作职责事项清单"], ("440507", "龙湖区", None)),
    (["澄海区莲下镇村级小微权力清单"], ("440515102", "澄海区莲下镇", "镇")),
    (["外砂街道村务公开目录"], ("440507009", "龙湖区外砂街道", "街道")),
    (["汕头市村（居）民委员会工作职责事项指导目录"], None),  # the city: no district to make concrete
    (["龙湖区、金平区联合清单"], None),  # two districts: not one place
    (["澄海区后宅镇"], None),  # 后宅镇 is in 南澳县: the title contradicts itself
])
def test_the_title_names_the_place(texts, expected):
    place = place_in(texts, paths.divisions_dir())
    got = (place.code, place.label, place.town.kind if place.town else None) if place else None
    assert got == expected


def test_a_place_given_by_code_anywhere_or_by_name():
    luohu, problems = given_place("440303", paths.divisions_dir())  # 深圳市罗湖区
    assert problems == [] and luohu is not None
    assert (luohu.label, luohu.town_kinds) == ("罗湖区", frozenset({"街道"}))
    nanao, _ = given_place("南澳县", paths.divisions_dir())
    assert nanao is not None and nanao.town_type(ambiguous=True) == "town_government"
    assert nanao.town_type(ambiguous=False) is None  # 镇政府 written in a 镇-only county means a 镇 anyway
    none, problems = given_place("999999", paths.divisions_dir())
    assert none is None and [p.reason for p in problems] == ["--place：找不到这个区县或镇街（可写 6 位区县代码或 9 位镇街代码）"]
