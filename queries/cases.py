"""Which case of an item a question tells, for roles a body plays only in some cases.

土地管理法 §14 gives a land ownership dispute between units (two villages, a villager group and the
village committee) to the county government, and one involving a person to the town or the county.
A role row names its case (ontology ROLE_CONDITIONS); the question's parties say which case it is.
Each test answers True (the case holds), False (the question tells the other case) or None (it
does not say): a role is set aside only on False, so a question that names no parties keeps every body.
A question that tells both cases, or neither, is None.
"""
from __future__ import annotations

import re
from typing import Callable

from .matching import simplified

# a party that is a person or a household: "我家的地", "邻居", "村民张某", "两户"; not "包给几个人种" (a count of people)
# nor "不是个人" (a person denied)
_PERSON = re.compile(r"我家|我们家|自家|他家|她家|邻居|(?<![几两三四五六七八九十这那每某各一])(?<!不是)个人|农户|[两几]户|[两几]家人|村民[甲乙丙丁]|[张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文]某")
# both parties units: two villages or groups, a group against the village committee, a collective against a company
# ("8个村民小组，跟村委会争地": a pause may stand between a party and the other)
_UNIT = "(村民小组|小组|村委会|村里|村集体|集体经济组织|经济合作社|合作社|公司|企业|林场|农场|单位|社区|[本邻外]村|另一个村|村|组)"
_UNITS = re.compile(r"(两|二|俩|几)个?(村|组|村民小组|社区|集体|单位)|单位之间|村与村|组与组|村和村|组和组|村跟村|组跟组|"
                    rf"{_UNIT}[，,]?[想要去]?(与|和|跟|同)(隔壁村|镇里|镇上|乡里|镇政府|乡政府|[^，。？?！!,]{{0,12}}?{_UNIT})")


def _involving_persons(text: str) -> bool | None:
    if _PERSON.search(text):
        return True
    return False if _UNITS.search(text) else None


# 城乡规划法 §41: a villager's own house (§41.2, and 土地管理法 §62.4 for its land) against a township
# enterprise, public facility or public-benefit building (§41.1), whose permit the county issues
_HOUSING = re.compile(r"住宅|住房|宅基地|自建房|农房|民房|建房|盖房|起房|建新房|盖新房|翻建|翻盖|拆旧|老房|楼房|[盖建修起]了?[一二两三四五\d]?[层栋间座]?(的)?房子")
_PUBLIC = re.compile(r"乡镇企业|企业|工厂|厂房|公共设施|公益事业|公益|活动中心|活动室|文化室|文化中心|文化楼|礼堂|村部|办公楼|"
                     r"服务中心|学校|小学|幼儿园|卫生室|卫生站|敬老院|养老院|幸福院|祠堂|庙|公厕|厕所|市场|仓库|停车场")


def _villager_housing(text: str) -> bool | None:
    housing, public = bool(_HOUSING.search(text)), bool(_PUBLIC.search(text))
    return None if housing == public else housing


# 组织法 (2018) §28.3: what a villager group owns ("组上的20亩地", "三组的鱼塘", "队里的山") against what the whole
# village owns ("村集体的山林", "全村的地"); a question naming both, or neither, does not say. A natural village
# (自然村) and, in Guangdong, an economic cooperative (经济社, under the village's 经济联合社) hold a group's land
_GROUP = re.compile(r"(村民小组|村民组|小组|组上|组里|本组|我们组|我组|[一二三四五六七八九十\d]+组|生产队|队里|自然村|经济社|社里|本社|我们社)[^，。？?！!,]{0,6}?"
                    r"(地|田|山|林|塘|水库|荒|亩|财产|资产|房|厂|物业|铺|收入|租金|补偿)|组(集体|所有)|"
                    # told the other way round: "地是我们三组的", "山是我们下坑塘小组的"
                    r"(地|田|山|林|塘|水库|财产|资产|物业)[^，。？?！!,]{0,3}是[^，。？?！!,]{0,8}?(村民小组|村民组|小组|[一二三四五六七八九十\d]+组|生产队|自然村|经济社)的")
_VILLAGE = re.compile(r"村集体(?!经济组织成员)|全村|村里集体|村委会的|村上集体|(?<!自然)村(里)?的(地|山|林|鱼塘|集体)")


def _group_property(text: str) -> bool | None:
    group, village = bool(_GROUP.search(text)), bool(_VILLAGE.search(text))
    return None if group == village else group


# a collective economic organisation named as such (not "集体经济组织成员", which every membership question says)
_ECONOMIC_ORG = re.compile(r"经济社|经济联社|经济合作社|经济联合社|股份合作|股份经济合作|股份社|股东代表|股东大会|合作社理事会|经济社理事会|联社理事会|股份固化|股权固化|入股分红|股份分红|配股")


def _economic_org(text: str) -> bool:
    return _ECONOMIC_ORG.search(text) is not None


def _other(case: Callable[[str], bool | None]) -> Callable[[str], bool | None]:
    """The opposite case: it holds where the case does not, and is as silent where the question is."""
    def test(text: str) -> bool | None:
        held = case(text)
        return None if held is None else not held
    return test


CASES: dict[str, Callable[[str], bool | None]] = {"involving_persons": _involving_persons, "between_units": _other(_involving_persons),
                                                  "villager_housing": _villager_housing, "public_works": _other(_villager_housing),
                                                  "group_property": _group_property, "village_property": _other(_group_property),
                                                  "economic_org": _economic_org}


def holds(condition: str | None, text: str) -> bool | None:
    """Whether the question tells the case a role applies in; None when it does not say (or the role
    applies in every case: no condition)."""
    if not condition:
        return None
    test = CASES.get(condition)
    return test(simplified(text)) if test is not None else None
