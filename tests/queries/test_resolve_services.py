"""Government programmes the village only helps with (高龄津贴, 两项补贴, 奖励扶助, 危房改造, 农村供水,
农村客运, 土地巡查) and the "一肩挑" of the Party secretary and committee director: the answer names the
government body that runs the programme, and a "when / how long" question leads with that body unless
the village's own part holds the period (a posting of N days).

Every expectation comes from the statute the item rests on (cited per case); where the body is the
project's model (the law says "地方人民政府" or leaves it to local rules), the case says so. Dates:
2025-06-01, the 2018 text of 村民委员会组织法 in force.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from qingdan.queries.resolve import Resolver

DAY = "2025-06-01"


@dataclass(frozen=True)
class ServiceCase:
    id: str
    question: str
    item: str
    verdict: str
    body: str  # the body type the answer leads with
    intent: str | None = None


CASES: list[ServiceCase] = [
    # 老年人权益保障法（2018）第三十三条第二款：地方建立高龄津贴制度；审核发放落到民政部门为本库建模。
    # 问“怎么申请”问的是政府的办法：民政部门的事项，村里只协助
    ServiceCase("elderly-apply", "高龄津贴怎么申请，村里管吗", "AST-083", "county_department", "county_civil_affairs", "procedure"),
    # 同上：问发放时间，村里自己的部分没有期限可答，由发放的部门领答（即使问句提到村里）
    ServiceCase("elderly-when", "村里80岁老人的高龄津贴什么时候发", "AST-083", "county_department", "county_civil_affairs", "timing"),
    # 社会救助暂行办法第三十八条、第四十条第二款：农村危房改造是住房救助方式，按县级政府规定办理（住建部门审核为建模）
    ServiceCase("house-when", "村里的危房改造补助多久能发下来", "AST-085", "county_department", "county_housing_construction",
                "timing"),
    # 残疾人保障法第四十八条：对生活确有困难的残疾人给予救助，对不能自理的给予护理补贴（民政审核为建模）
    ServiceCase("disabled-approve", "残疾人两项补贴谁审批", "AST-087", "county_department", "county_civil_affairs", "approves"),
    # 残疾人保障法第四十八条第四款：护理补贴由地方各级人民政府给予
    ServiceCase("disabled-funds", "重度残疾人护理补贴钱谁出", "AST-087", "county_department", "county_government", "funds"),
    # 人口与计划生育法（2021）第六条第二款：县级以上卫生健康主管部门负责计划生育工作；第二十三条、第三十一条奖励扶助
    ServiceCase("family-planning", "独生子女父母奖励扶助找谁办", "AST-084", "county_department", "county_health"),
    # 广东省道路运输条例第四条第二款、第十六条：交通运输主管部门管道路运输，农村客运班线由其开行
    ServiceCase("bus", "我们村通不了客车，该向哪里反映", "AST-082", "county_department", "county_transport", "complaint"),
    # 广东省水污染防治条例第四十一条：县级以上政府布局农村饮用水水源、发展集中供水（水务部门主管为建模）
    ServiceCase("water", "农村饮水安全归哪个部门管", "AST-080", "county_department", "county_water"),
    # 村民委员会组织法（2018）第十一条第一款：主任由村民直接选举产生——书记兼任主任由选举决定，是村里的事
    ServiceCase("one-shoulder", "村书记兼村长，谁来定", "AUT-049", "village_autonomy", "villagers_assembly", "decides"),
    # 同法第三十六条第二款：村委会不依法履行法定义务的，由乡镇政府责令改正
    ServiceCase("one-shoulder-complaint", "村里书记没经过选举就直接当了村主任，该向哪里反映", "AUT-049", "town", "town_government",
                "complaint"),
]


@pytest.fixture(scope="module")
def resolver(any_store) -> Resolver:  # type: ignore[no-untyped-def]
    return Resolver(any_store)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_government_programme_is_answered_with_its_body(resolver: Resolver, case: ServiceCase) -> None:
    a = resolver.resolve(case.question, as_of=DAY)
    info = f"intent={a['intent']['id']} verdict={a['verdict']} item={(a['item'] or {}).get('id')} " \
           f"body={(a['responsible']['body_type'] or {}).get('type') if a.get('responsible') else None}"
    assert a["item"] is not None and a["item"]["id"] == case.item, info
    if case.intent:
        assert a["intent"]["id"] == case.intent, info
    assert a["verdict"] == case.verdict, info
    assert a["responsible"]["body_type"]["type"] == case.body, info
    if case.item.startswith("AST-"):
        # the village's share is said, never dropped: it assists
        assert any(r["role"] == "assists" and r["body_type"] in ("village_committee", "residents_committee")
                   for r in a["roles"]), info


def test_a_timing_question_leads_with_the_body_and_keeps_the_listed_lead(resolver: Resolver) -> None:
    a = resolver.resolve("村里80岁老人的高龄津贴什么时候发", as_of=DAY)
    assert a["timing"] == []  # no posting period of the village's own to answer with
    assert a["responsible"]["body_type"]["type"] == "county_civil_affairs"
    assert "lead" in a["responsible"]
    assert any(w["side"] == "village" and "只协助" in w["text"] for w in a["why_not"])


def test_a_timing_question_the_village_part_answers_stays_with_the_village(resolver: Resolver) -> None:
    # 社会救助暂行办法第十一条：低保初审意见在申请人所在村公示——公示期限是村里这一环的事，村里协助
    a = resolver.resolve("村里的低保公示几天", as_of=DAY)
    assert a["intent"]["id"] == "timing"
    assert a["timing"], a["item"]
    assert a["verdict"] == "village_assists", (a["verdict"], a["item"]["id"])
    assert "lead" not in a["responsible"]
