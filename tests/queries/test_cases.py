"""Which case of an item a question tells (queries/cases.py): a role is set aside only when the
question rules its case out, never when it says nothing about the parties."""
from __future__ import annotations

import pytest

from qingdan.queries.cases import holds


@pytest.mark.parametrize("question, persons", [
    ("两个村之间的土地所有权争议，到底应该由哪一级政府来处理？", False),
    ("村民小组跟村委会争地，这种权属纠纷该谁来处理？", False),
    ("我们组跟隔壁村因为一片山林吵了好几年，都说是自己的", False),
    ("我们三组同邻县大坪镇那边的古同村为山林争了好多年", False),  # the other party named with its place
    ("我们经济合作社想同镇里争回这片山林", False),  # a collective against the township
    ("我家跟邻居争一块地到底归谁", True),
    ("张某和村委会争一块地", True),  # a person against a unit: the town may hear it
    ("两个组争一片山，两边都是村民小组集体，不是个人", False),  # a person denied is no party
    ("四个村民小组，跟村委会争那片地的所有权；当年村委会把地包给几个人种瓜", False),  # "几个人" counts tenants, no party
    ("土地权属纠纷找谁", None),
])
def test_the_parties_tell_the_case(question: str, persons: bool | None) -> None:
    assert holds("involving_persons", question) is persons
    assert holds("between_units", question) is (None if persons is None else not persons)


def test_a_role_for_every_case_is_never_set_aside() -> None:
    assert holds(None, "两个村之间的土地所有权争议") is None
    assert holds("", "我家跟邻居争地") is None


@pytest.mark.parametrize("question, housing", [
    ("村民建房要谁批准", True),
    ("我想在自家宅基地上拆旧房盖新楼，要办什么手续", True),
    ("我们村计划在老村部旁边建一个两层的村文化活动中心，开工前要办什么许可", False),
    ("村集体办厂要建厂房，规划许可谁发", False),
    ("乡村建设规划许可证谁发", None),
])
def test_a_villagers_house_is_told_apart_from_public_works(question: str, housing: bool | None) -> None:
    """城乡规划法 §41.1 (乡镇企业、公共设施、公益事业: the county issues) against §41.2 and 土地管理法 §62.4
    (a villager's house: the town approves its land)."""
    assert holds("villager_housing", question) is housing
    assert holds("public_works", question) is (None if housing is None else not housing)


@pytest.mark.parametrize("question, group", [
    ("我们三组有二十亩组上的集体地，组长一个人做主租出去了", True),
    ("小组的集体山林要承包给外村人，谁决定？", True),
    ("村集体的鱼塘要租出去，由谁决定？", False),
    ("村主任能不能自己做主把集体山林卖了", None),
    # a natural village and, in Guangdong, an economic cooperative (经济社) hold a group's land
    ("我们自然村的地被征收了，补偿款怎么分？", True),
    ("经济社的地发包给谁，该由谁决定？", True),
    ("我组73亩山地被人承包走了", True),
    ("我们村民小组就剩一块8亩集体建设用地，组长私自同意转让", True),
    ("社里几间物业合同到期要重新出租，出租方案由谁来定？", True),
    ("这片山是我们五组的，村委会能替我们定承包给谁吗？", True),  # told the other way round
])
def test_a_groups_property_is_told_apart_from_the_villages(question: str, group: bool | None) -> None:
    """组织法（2018）第二十八条第三款：属于村民小组的集体财产由村民小组会议讨论决定；全村的由村民会议（第二十四条）。"""
    assert holds("group_property", question) is group
    assert holds("village_property", question) is (None if group is None else not group)


@pytest.mark.parametrize("question, named", [
    ("经济社卖地的钱怎么分，谁话事？", True),
    ("股份合作社的分红方案谁定", True),
    ("村里的征地补偿款怎么分，谁说了算", False),
    ("谁来认定我们算不算集体经济组织成员", False),  # membership asked of any collective, not an organisation named
])
def test_a_collective_economic_organisation_named_tells_its_case(question: str, named: bool) -> None:
    assert holds("economic_org", question) is named
