"""A question that names its city or district outside Shantou, without naming a village, is answered
by the rules that bind there, not by Shantou's lists and delegation decisions.

Expectations come from the statutes: 土地管理法（2019）第七十五条 (占用耕地建坟：县级以上自然资源、农业农村
主管部门责令改正) — a power Shantou delegated to its towns (汕府〔2020〕72号), elsewhere the county's; 村庄和
集镇规划建设管理条例 第三十七条第二款 (农村居民未经批准或违反规划建住宅，乡级人民政府可处罚) — the town's by
the regulation itself, wherever the village stands.
"""
from __future__ import annotations

import pytest

from qingdan.queries.resolve import Resolver
from qingdan.queries.scope import PlaceNames, named_place, province_in_text

DAY = "2025-06-01"
GRAVES = "的村里，有人在耕地上乱埋坟，归哪个部门管？"


@pytest.fixture(scope="module")
def resolver(any_store) -> Resolver:  # type: ignore[no-untyped-def]
    return Resolver(any_store)


@pytest.mark.parametrize("where, code", [("杭州余杭区", "330110"), ("湖北随州", "4213"), ("南充市高坪区", "511303")])
def test_a_city_elsewhere_is_answered_by_national_law_not_shantous_delegation(resolver: Resolver, where: str, code: str) -> None:
    a = resolver.resolve(where + GRAVES, as_of=DAY)
    assert a["scope"]["code"] == code and a["scope"]["assumed"], a["scope"]
    assert "汕头" not in a["scope"]["text"] and "本库未收录" in a["scope"]["text"], a["scope"]["text"]
    assert a["verdict"] == "county_department", (a["verdict"], a["item"])
    assert a["responsible"]["body_type"]["level"] == "county", a["responsible"]
    assert not any("汕府" in (b.get("citation") or "") for b in a["bases"]), a["bases"]


def test_a_shantou_district_keeps_shantous_delegation(resolver: Resolver) -> None:
    a = resolver.resolve("潮阳区" + GRAVES, as_of=DAY)
    assert a["scope"]["code"] == "4405", a["scope"]
    assert a["verdict"] == "town", (a["verdict"], a["item"])


def test_a_power_the_law_itself_gives_the_town_stays_the_towns_elsewhere(resolver: Resolver) -> None:
    a = resolver.resolve("南充市高坪区的村民没经批准就在村庄规划区里建住宅，谁来处罚？", as_of=DAY)
    assert a["scope"]["code"].startswith("5113"), a["scope"]
    assert a["verdict"] == "town", (a["verdict"], a["item"], a["reasons"])
    assert a["responsible"]["body_type"]["type"] == "town_government", a["responsible"]
    assert any("镇人民政府" in r["text"] for r in a["reasons"] if r["kind"] == "delegation"), a["reasons"]
    # the reason it is not the county's is the regulation, not a delegation decision the place never made
    county = [w["text"] for w in a["why_not"] if w["side"] == "county"]
    assert county and "第三十七条第二款" in county[0] and "依放权决定" not in county[0], a["why_not"]
    # and no role the answer lists rests on a Shantou document, which binds nowhere else
    shown = [r for r in a["roles"] + ((a.get("asked") or {}).get("bodies") or [])]
    assert shown and not any("汕府" in (r.get("basis_label") or "") for r in shown), shown


def test_place_names_read_only_what_names_a_place() -> None:
    names = PlaceNames([("4405", "汕头市"), ("5113", "南充市"), ("2113", "朝阳市"), ("4102", "开封市"), ("1101", "市辖区")],
                       [("440513", "潮阳区"), ("511303", "高坪区"), ("110105", "朝阳区"), ("220104", "朝阳区")])
    assert names.in_text("南充高坪区的村干部") == ("511303", "四川南充市高坪区")
    assert names.in_text("我们南充那边") == ("5113", "四川南充市")
    # a district name two provinces share names neither; "朝阳区" is not the city 朝阳
    assert names.in_text("朝阳区的村民") is None
    assert names.in_text("我们朝阳村") is None
    # an everyday word is a city only by its full name
    assert names.in_text("信已经开封了") is None and names.in_text("开封市的村") == ("4102", "河南开封市")
    # a Shantou place named anywhere keeps Shantou's lists; a province named keeps its own cities only
    assert names.in_text("在南充打工，老家潮阳区") is None
    assert names.in_text("广东省朝阳市", province="44") is None


def test_a_county_named_short_before_its_town_is_the_place() -> None:
    """"遂溪洋青镇": people name their county without 县 and go straight on to the town; alone the short name
    is a word ("合水", "安乡"), so it is read only right before a town's name, and never inside another place's name."""
    names = PlaceNames([("4408", "湛江市"), ("3415", "六安市")],
                       [("440823", "遂溪县"), ("360681", "贵溪市"), ("621024", "合水县"), ("430721", "安乡县"), ("440513", "潮阳区")])
    assert names.in_text("我系遂溪洋青镇蒲岭仔村嘅") == ("440823", "广东湛江市遂溪县")
    assert names.in_text("贵溪罗河街道的居民") == ("360681", "江西贵溪市")
    assert names.in_text("我们潮阳谷饶镇") is None  # Shantou's own district keeps Shantou's lists
    assert names.in_text("叶塘、龙田、合水三个镇相连") is None  # a count of towns, not a town's name
    assert names.in_text("俺们六安乡下通镇上那条路") is None  # 安乡 inside 六安
    assert names.in_text("遂溪的天气") is None


def test_a_story_told_from_a_county_elsewhere_is_not_answered_from_shantous_delegation(resolver: Resolver) -> None:
    a = resolver.resolve("我是贵溪罗河镇的村民，有人在村里的耕地上乱埋坟，归哪个部门管？", as_of=DAY)
    assert a["scope"]["code"] == "360681" and "汕头" not in a["scope"]["text"], a["scope"]
    assert a["verdict"] == "county_department" and not any("汕府" in (b.get("citation") or "") for b in a["bases"]), a["verdict"]


@pytest.mark.parametrize("where, verdict", [("湖北随州", "county_department"), ("内蒙古通辽", "county_department"), ("潮阳区", "town")])
def test_who_punishes_is_asked_of_the_place_s_own_delegation(resolver: Resolver, where: str, verdict: str) -> None:
    """"谁来罚" asks the enforcing role: outside Shantou no delegation decision moved it, so the county's
    department punishes (土地管理法 §75), not the town Shantou's decision names."""
    a = resolver.resolve(where + "的村里，有人在耕地上挖沙乱埋坟，到底哪个部门查处、谁来罚？", as_of=DAY)
    assert a["intent"]["id"] == "enforces", a["intent"]
    assert a["verdict"] == verdict and a["asked"]["verdict"] == verdict, (a["verdict"], a["asked"])
    assert a["asked"]["bodies"][0]["level"] == ("county" if verdict == "county_department" else "town"), a["asked"]["bodies"]


def test_a_province_s_name_inside_a_town_s_name_is_no_province() -> None:
    assert province_in_text("我是福州长乐湖南镇湖滨村人") is None
    assert province_in_text("家住山东路") is None and province_in_text("俺河南村里的事") == ("41", "河南")
    assert province_in_text("湖南长沙的村民") == ("43", "湖南") and province_in_text("我在山东省") == ("37", "山东")


def test_the_place_a_story_stands_in_is_the_one_named_first_and_no_province_runs_on_from_a_place_s_name() -> None:
    names = PlaceNames([("4404", "珠海市"), ("4502", "柳州市"), ("4405", "汕头市"), ("3301", "杭州市")],
                       [("440403", "斗门区"), ("450223", "鹿寨县"), ("440515", "澄海区"), ("330106", "西湖区")])
    # where the family came from, named later, is not where the village is
    assert named_place("珠海斗门区的村里，爷爷那辈是从广西鹿寨县迁来的", names) == ("440403", "广东珠海市斗门区")
    assert named_place("广西鹿寨县的村里", names) == ("450223", "广西柳州市鹿寨县")
    # "澄海南湾": 海南 is 澄海's 海 and the next character, not Hainan; "西湖南岸" is no Hunan
    assert named_place("我们澄海南湾那边的村", names) is None
    assert named_place("西湖南岸的村子", names) is None
    assert named_place("江西湖南两省交界的村子", names) == ("36", "江西")


@pytest.mark.parametrize("where, village", [("儋州市中和镇横山村", None), ("潮阳横山村", "440513106215"), ("澄海南湾村", "440515102225")])
def test_a_village_of_the_same_name_elsewhere_is_not_shantous(resolver: Resolver, where: str, village: str | None) -> None:
    """Shantou has a 横山村 (潮阳区谷饶镇); the one in 儋州 is another, and its question is not answered from Shantou's
    lists. Naming the village's own district, even by its short name, keeps it ("澄海南湾村", where 海南 is no province)."""
    a = resolver.resolve(where + GRAVES, as_of=DAY)
    assert ((a["village"] or {}).get("village") or {}).get("code") == village, (a["village"], a["scope"])
    if village is None:
        assert a["scope"]["code"].startswith("4604") and a["verdict"] == "county_department", (a["scope"], a["verdict"])
    else:
        assert a["scope"]["code"] == village and not a["scope"]["assumed"], a["scope"]
