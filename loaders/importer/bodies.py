"""Body names as officials write them → body types of the catalog."""
from __future__ import annotations

import re
from typing import Any, Iterable


# the names officials actually write, beyond the body-type names of body_types.csv
BODY_VARIANTS: dict[str, tuple[str, ...]] = {
    "village_committee": ("村委会", "村委", "村（居）委会", "村（居）民委员会", "村居委会", "村（社区）", "村民委员会（居民委员会）"),
    "residents_committee": ("居委会", "社区居委会", "社区居民委员会", "社区"),
    "villager_group": ("村小组", "村民小组长"),
    "village_party_org": ("村党支部", "村党委", "村党总支", "党支部", "村（社区）党组织", "村党组织书记"),
    "village_supervision_committee": ("村监委会", "村务监督委", "村务监督小组", "村监会"),
    "villagers_assembly": ("村民大会",),
    "villagers_representative_meeting": ("村民代表大会",),
    "collective_economic_org": ("村集体经济组织", "集体经济组织", "经济联合社", "经济合作社", "股份经济合作社", "村经济联合社"),
    "people_mediation_committee": ("调委会", "村调委会", "人民调解组织"),
    "town_government": ("镇政府", "乡镇人民政府", "乡镇政府", "乡政府", "镇（街道）", "镇街", "乡镇", "镇", "镇（街）"),
    "subdistrict_office": ("街道", "街道办", "街道办事处", "街道办事处（镇政府）"),
    "county_government": ("区政府", "县政府", "区人民政府", "县人民政府", "区（县）政府", "区县政府", "区县人民政府"),
    "county_department": ("区县职能部门", "职能部门", "有关部门", "相关职能部门", "区县有关部门"),
    "county_public_security": ("公安派出所", "派出所", "公安机关", "公安局", "公安部门", "公安分局"),
    "county_justice": ("司法局", "司法所", "司法行政部门"),
    "county_human_resources": ("人社局", "人力资源社会保障局", "人力资源和社会保障部门", "人社部门"),
    "county_housing_construction": ("住建局", "住房城乡建设局", "住房和城乡建设部门", "住建部门"),
    "county_urban_management": ("城管局", "城市管理局", "综合执法局", "城市管理和综合执法部门", "城管部门", "综合行政执法局"),
    "county_market_regulation": ("市场监管局", "市场监管部门", "市场监督管理部门"),
    "county_agriculture": ("农业局", "农业农村部门", "农业部门"),
    "county_health": ("卫健局", "卫生健康部门", "卫生健康局", "卫生部门"),
    "county_emergency": ("应急局", "应急管理部门"),
    "county_ecology_environment": ("生态环境局", "生态环境部门", "环保部门", "环保局"),
    "county_water": ("水利局", "水务部门", "水利部门"),
    "county_veterans": ("退役军人事务部门", "退役军人服务站"),
    "county_military": ("人武部", "武装部", "人民武装部", "兵役机关"),
    "county_culture": ("文广旅体局", "文化广电旅游体育部门", "文化部门"),
    "county_medical_security": ("医保局", "医疗保障部门"),
    "county_disabled_federation": ("残联",),
    "county_women_federation": ("妇联",),
    "county_fire_rescue": ("消防", "消防救援大队", "消防救援部门"),
    "county_tax": ("税务局", "税务部门"),
    "county_discipline": ("纪委监委", "纪委", "纪检监察机关", "纪检监察部门", "镇纪委"),
    "court": ("法院",),
    "notary_office": ("公证处",),
}
BODY_SPLIT = re.compile(r"[、，,;；/／\n]+|\s{1,}|及(?=[\u4e00-\u9fff]{2,}(?:局|部门|委员会|政府|所|会|处))")


def _body_key(text: str) -> str:
    t = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return re.sub(r"等$", "", t)


class BodyIndex:
    """Chinese body names → body_type ids of the catalog; an unknown name stays unknown."""

    def __init__(self, body_rows: Iterable[Any]) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}
        for r in body_rows:
            bid, name = r["body_type_id"], r["name_zh"]
            self.ids.add(bid)
            self._add(name, bid)
            base = name.removeprefix("区（县）")
            for part in re.split(r"[（）]", base):
                if part and part != "人民政府":  # 区（县）人民政府 without its level says nothing
                    self._add(part, bid)
                    if bid.startswith("county_") and part.endswith("局"):
                        self._add(part[:-1] + "部门", bid)
            bare = re.sub(r"（[^）]*）", "", base)
            if bare != "人民政府":
                self._add(bare, bid)
        for bid, names in BODY_VARIANTS.items():
            if bid in self.ids:
                for n in names:
                    self._add(n, bid)

    def _add(self, name: str, bid: str) -> None:
        self.names.setdefault(_body_key(name), bid)

    def find(self, text: str) -> str | None:
        key = _body_key(text)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        if key in self.ids:
            return key
        # 澄海区民政局, 南澳县公安局, 莲下镇人民政府, 汕头市民政局: the place name before a known body
        for i in range(1, len(key) - 1):
            if (key[i - 1] in "省市区县镇乡" or key[i] in "区县镇乡街") and key[i:] in self.names:
                return self.names[key[i:]]
        return None

    def split(self, text: str) -> list[str]:
        return [p for p in (s.strip("。.") for s in BODY_SPLIT.split(text or "")) if p]

