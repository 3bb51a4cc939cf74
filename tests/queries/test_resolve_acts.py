"""A "may they?" question about an act the law forbids the village: the act is the topic when the asking
sentence names it, or when it points back at a decision the story told (a vote does not make a forbidden
act lawful, 组织法 2018 §27.2); a sentence that only asks names no act, and a lawful decision stays the
village's own."""
from __future__ import annotations

import pytest

from qingdan.queries.ranking import asked_act
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

OLD = "2025-06-01"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_a_sentence_that_only_asks_names_no_act() -> None:
    assert asked_act("请问村委会是否有权这样做") == ""
    assert asked_act("这样做可以不？") == ""
    assert asked_act("他们这样搞合不合法？") == ""
    assert "罚款" in asked_act("村里能这样罚款吗")


def test_a_fine_named_in_the_asking_sentence_outweighs_the_story(resolver: Resolver) -> None:
    # the story is about dredging labour and land compensation; the question is about the fine
    answer = resolver.resolve("我们组开会定了清淤每户出两个工，没来的按一天六十块罚，直接从征地款里扣了。组里有权这样罚钱吗？",
                              as_of=OLD)
    assert answer["intent"]["id"] == "may_do"
    assert answer["verdict"] == "not_for_village"
    assert answer["item"]["kind"] == "prohibited"


def test_a_vote_does_not_make_a_forbidden_act_lawful(resolver: Resolver) -> None:
    answer = resolver.resolve("我们村合作社开会表决，嫁到外村的女儿户口还在村里的，今年分红一律不给。开会定了就能这么办？",
                              as_of=OLD)
    assert answer["intent"]["id"] == "may_do"
    assert answer["verdict"] == "not_for_village"
    assert any(b["work"] == "妇女权益保障法" for b in answer["bases"])


def test_a_group_meeting_cannot_claw_back_what_the_law_gives_married_out_women(resolver: Resolver) -> None:
    # 妇女权益保障法（2022）§56: a meeting's decision may not take a woman's share for her marriage; "开会就能这样定吗"
    # asks whether the meeting makes it lawful, not who decides
    answer = resolver.resolve("法院判了外嫁女也该分征地款，钱发下来后村民组又开会表决，要从她娘家人的那份里扣回来。"
                              "村民组开会就能这样定吗？", as_of=OLD)
    assert answer["intent"]["id"] == "may_do"
    assert answer["verdict"] == "not_for_village"


def test_a_vote_on_a_lawful_matter_stays_the_villages(resolver: Resolver) -> None:
    answer = resolver.resolve("村里开村民代表会议表决，把村口闲置的集体仓库租给本村人开超市，租金公开竞价。开会定了就能这么办？",
                              as_of=OLD)
    assert answer["verdict"] == "village_autonomy"


def test_a_question_that_points_back_at_no_decision_is_not_read_as_forbidden(resolver: Resolver) -> None:
    # 发包方 may check that contracted land is used as agreed (农村土地承包法 §14): no forbidden act is told
    answer = resolver.resolve("我承包的果园，村委会隔段时间派人来看看种得怎么样，村委会是否有权这样做？", as_of=OLD)
    assert answer["verdict"] == "village_autonomy"


def test_taking_a_villagers_money_is_forbidden_whoever_decides_it(resolver: Resolver) -> None:
    # deciding alone is the story's wrong, but the act asked about (withholding a villager's relief money) is
    # forbidden whatever a meeting votes: the answer is no, not who should have decided
    answer = resolver.resolve("村支书说救助款是他跑来的，他想给谁就给谁，还把一户困难户的救助款扣下不发。"
                              "村干部能这样自己说了算、扣村民的钱吗？", as_of=OLD)
    assert answer["verdict"] == "not_for_village"
    assert answer["asked"]["verdict"] == "not_for_village"


def test_a_cadre_deciding_alone_on_a_lawful_matter_asks_who_decides(resolver: Resolver) -> None:
    answer = resolver.resolve("村主任没开会，一个人做主把集体鱼塘租给了他表哥。村主任能一个人说了算吗？", as_of=OLD)
    assert answer["intent"]["id"] == "decides"
    assert answer["verdict"] == "village_autonomy"


def test_selling_collective_land_is_forbidden_not_a_matter_of_who_decides(resolver: Resolver) -> None:
    # 土地管理法 §2.3: no one may sell land; the story's bypassed meeting does not make it a question of who decides
    answer = resolver.resolve("村干部没经过村民和村民代表同意，私下把村里六十多亩水田低价卖掉了。村干部能这样把村里的集体土地卖掉吗？",
                              as_of=OLD)
    assert answer["verdict"] == "not_for_village"


def test_a_vote_asked_to_bless_what_the_story_took_is_answered_no_with_the_meetings_limit(resolver: Resolver) -> None:
    # the matter (分配征地补偿费) is the village's own, decided by its meeting (组织法 2018 §24.1.7); but no
    # decision of that meeting may take a villager's rights or property (§27.2), which the answer cites
    answer = resolver.resolve("我们组的地被征了，组长召集村民大会讨论补偿款怎么分，方案把出嫁的姑娘都排除在分配外面。"
                              "组里开大会投票就能这样定吗？", as_of=OLD)
    assert answer["intent"]["id"] == "may_do"
    assert answer["verdict"] == "not_for_village"
    assert answer["item"]["kind"] != "negative"
    assert "第二十七条第二款" in answer["asked"]["text"], answer["asked"]


def test_a_levy_the_asking_sentence_names_is_no_even_on_the_villages_own_matter(resolver: Resolver) -> None:
    answer = resolver.resolve("村委会要修村道，挨家挨户按人头摊派300元，说是村里定的，不交的就不给办事。村里能这样摊派吗？", as_of=OLD)
    assert answer["verdict"] == "not_for_village", (answer["item"], answer.get("asked"))
    # a vote on a lawful use of the village's own money stays the village's, led by the meeting that decides it
    lawful = resolver.resolve("村里光伏电站卖电收了15万，想拿8万给主路装路灯，开村民会议表决通过了，这样做行吗？", as_of=OLD)
    assert lawful["verdict"] == "village_autonomy", (lawful["item"], lawful.get("asked"))


def test_a_cadres_own_wrongdoing_asked_where_to_report_is_never_unlisted(resolver: Resolver) -> None:
    # 监察法 §15.1.5: those who manage a village committee's affairs answer to the county supervision commission;
    # the story shares few words with any duty, but 挪用 names the wrongdoing and the question asks where to report it
    answer = resolver.resolve("会计把集体的钱挪用了，账对不上也不给看。该去哪举报？", as_of=OLD)
    assert answer["verdict"] == "county_department", (answer["verdict"], answer["item"])
    assert answer["responsible"]["body_type"]["type"] == "county_discipline", answer["responsible"]
    assert answer["item"]["kind"] != "negative"
    # a bribe told in plain words ("暗示企业要表示表示", "收好处") is such wrongdoing too
    answer = resolver.resolve("村书记搞集体土地出租，暗示老板要“表示表示”，还排挤其他投标的人。我们想举报他收好处，该找哪里？", as_of=OLD)
    assert answer["responsible"]["body_type"]["type"] == "county_discipline", (answer["responsible"], answer["item"])
    # without such words a grievance about someone else's debt stays off the lists
    assert resolver.resolve("老板欠我工资不给，我该去哪举报？", as_of=OLD)["verdict"] == "unlisted"


def test_whether_a_vote_taking_a_share_stands_is_answered_no(resolver: Resolver) -> None:
    # "算不算数" after a vote that takes a married-out woman's share asks whether the decision stands: it does not
    # (组织法 2018 §27.2), however well the story names the meeting that decided it
    answer = resolver.resolve("我嫁出去以后户口一直留在娘家组上，组上拿出老村规民约说外嫁女不享受。"
                              "组上开会表决不给我分征地款，算数不？", as_of=OLD)
    assert answer["intent"]["id"] == "may_do", answer["intent"]
    assert answer["verdict"] == "not_for_village"
    # who decides a share of the money, asked with no taking in the question, stays the meeting's
    answer = resolver.resolve("组上开会定了征地款的分配方案，这个方案算数不？", as_of=OLD)
    assert answer["verdict"] == "village_autonomy"


def test_a_question_pointing_back_at_a_taking_the_story_told_is_answered_no(resolver: Resolver) -> None:
    answer = resolver.resolve("我嫁出去之后户口迁唔走，一直留喺村度。村里搞股份合作社，唔将我列入股权分红名单，一拖就十年。"
                              "村里可唔可以咁规定？", as_of=OLD)
    assert answer["verdict"] == "not_for_village"


def test_a_meeting_cannot_take_back_contracted_land_for_a_death_in_the_family(resolver: Resolver) -> None:
    # 农村土地承包法（2018）§27: the contractor may not take back contracted land during the term; a rule the
    # committee's meeting laid down ("减人就收地") does not make it lawful
    answer = resolver.resolve("我们村二轮承包以后一直没调过地。前几年村委会研究决定：人口减少的，承包地一律收回，另外发包给添了人口的户。"
                              "石某老婆去世了，村里就把他家2亩地收走了。村委会开会定的'减人就收地'合法不？", as_of=OLD)
    assert answer["verdict"] == "not_for_village", (answer["item"], answer.get("asked"))


def test_a_share_refused_is_a_taking_however_it_is_told(resolver: Resolver) -> None:
    # 组织法 2018 §27.2: "拒绝发给我" takes a villager's share as surely as "不给我分"; asked "组里能这样吗" the answer is no
    answer = resolver.resolve("户口一直在村里，组里发征地补偿款拒绝发给我，说我是出嫁女，组里能这样吗？", as_of=OLD)
    assert answer["intent"]["id"] == "may_do", answer["intent"]
    assert answer["verdict"] == "not_for_village", (answer["verdict"], (answer["item"] or {}).get("id"))
