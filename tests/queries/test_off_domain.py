"""Questions a story tells in a village but asks of someone else (queries/off_domain.py)."""
from __future__ import annotations

import pytest

from qingdan.queries.intent import asking_spans, masked
from qingdan.queries.matching import simplified
from qingdan.queries import off_domain
from qingdan.queries.resolve import Resolver


def elsewhere(text: str) -> bool:
    plain = simplified(text)
    return off_domain.elsewhere(plain, asking_spans(masked(plain))) is not None


@pytest.mark.parametrize("question", [
    "村医开了降压药，吃了半个月还是头晕。要不要去县医院换药？",
    "同村张老三前年找我借了20万，拖了两年不还。没借条这钱还要得回来吗？",
    "邻居家的羊跑进我家地里把麦子啃光了，这个损失找谁赔？",
    "借给邻村表哥的钱他写的是欠条，现在能去法院起诉吗？",
    "网上买的按摩椅送到村里就坏了，客服一直拖着。这种商家不退款的，该去哪里投诉？",
    "包工头跑了，欠我们的工钱该找谁要？",
    "包工头欠了我三个月工资，该去哪里投诉？",
    "老人在县医院住了一星期，花了八千多，新农合能报多少？",  # the medical insurance fund's rules
    "在外地住院回来，合作医疗到哪个部门报销？",
    "新农合一万块能报多少",  # no question word, no question mark
    "村卫生室说吊几天水就能好，老寒腿吊水管用不？",  # a treatment: the doctor's
    "被狗咬了一口，多久之内得去医院打针？",
    "家里的柑橘叶子发黄长了红蜘蛛，该喷什么药？",  # a crop's pests: the agricultural extension station's
    "今年城乡居民医保个人缴费标准是多少",  # what a social insurance costs: the scheme's yearly rules
    "农村养老保险交满15年每个月能领多少钱",
    # a letter about a building firm's unpaid wages that only asks for help: a private employer's debt, not the village's
    "县城建筑公司的工地至今还没有发放农民工的工资，工人们过年回不了家，只能向政府部门反映情况，望领导帮忙。",
    "跟包工头在工地干了半年木工，工钱该去哪里讨？",
    "我是远嫁过来的，住的是公婆的农村老房子，过不下去想离婚，孩子会判给谁？",  # a family court's matter
    "小区新来的物业没跟业主商量，就把楼下种了十几年的树全砍了，谁来管？",  # a housing estate's owners and its company
    "父母走了，兄弟几个分家产，嫁出去的姐姐是不是也能分一份？",  # a family's inheritance: a court's, not the village's
    "耕地地力保护补贴今年每亩多少钱",  # a figure only: the policy's content, which its department publishes
    "农村独生子女父母奖励费的发放标准是什么",
    "宅基地上盖房最多能盖多少平方米",
])
def test_asked_of_a_doctor_a_court_or_12315(question: str) -> None:
    assert elsewhere(question)


@pytest.mark.parametrize("question", [
    "村里发征地补偿款，说我嫁出去了不给我那一份，这钱能要回来吗？",  # public money: the village's matter
    "村干部把我家承包地推平修了路，庄稼全毁了，这损失能让他们赔吗？",  # the village's own act
    "村干部的误工补贴拖了半年没发，该找谁反映？",  # a cadre's pay
    "村里修路欠了施工队的工钱，村委会一直不给结，施工队天天上门要，这笔钱该村里出吗？",  # the village's own debt
    "组上的山林被村里流转出去了，我们想把协议撤掉、把山要回来，是找乡政府纠正还是去法院起诉？",  # collective forest
    "修路占地的赔偿款一直赔偿不到位，我们这些被占地的村民该找谁？",  # land the government took
    "保险公司理赔非要村委会开婚姻关系证明，村委会该不该开？",  # a certificate asked of the village
    "村里的征地款怎么分，到底谁说了算？",
    "村里说合作医疗的报销单要村委会盖章，不盖就不给报，这合理吗？",  # the village's own act
    "村委会收医保每人要多交30元，这个标准是村里定的吗？",  # the village's own charge, not the scheme's
    "村里统一给各家果园打药，药钱按户摊，这个钱该不该交？",  # the village's own charge for spraying
    "我们经济社的集体物业租给外面老板开超市，租金要不要公开给社员看？",  # a Guangdong village's rented buildings
    "低保的标准是多少，谁来定？",  # a figure and who sets it: a role is asked
    "村委会干部一个月工资多少钱",  # the village's own organs
    "村里收卫生费每人每年多少钱要开会定吗？",  # whether a meeting decides it
])
def test_asked_of_the_village_or_the_government(question: str) -> None:
    assert not elsewhere(question)


@pytest.mark.parametrize("question, whom", [
    ("新农合一万块能报多少", "医疗保障部门"),
    ("农村养老保险交满15年每个月能领多少钱", "人力资源和社会保障部门"),
    ("家里的柑橘叶子发黄长了红蜘蛛，该喷什么药？", "农技站"),
    ("包工头欠了我三个月工资，该去哪里投诉？", "劳动仲裁"),
    ("同村张老三前年找我借了20万，拖了两年不还。没借条这钱还要得回来吗？", "人民法院"),
    ("小区新来的物业没跟业主商量，就把楼下种了十几年的树全砍了，谁来管？", "物业服务企业"),
    ("耕地地力保护补贴今年每亩多少钱", "主管部门查询"),
])
def test_the_answer_says_whom_to_ask_instead_of_the_town(any_store, question: str, whom: str) -> None:  # type: ignore[no-untyped-def]
    a = Resolver(any_store).resolve(question, as_of="2025-06-01")
    assert a["verdict"] == "unlisted", (a["verdict"], a["item"])
    said = " ".join(w["text"] for w in a["why_not"])
    assert whom in said and "请向镇（街道）确认" not in said, said
    assert not a["cautions"], a["cautions"]  # it asks nothing of a cadre
    # nor is it work pushed onto the village: the access rule (未列入的不得交给村里) is not its reason
    assert "准入" not in a["verdict_zh"] and [r["kind"] for r in a["reasons"]] == ["asked_elsewhere"], (a["verdict_zh"], a["reasons"])
    assert not a["bases"], a["bases"]


def test_a_task_not_on_the_list_still_rests_on_the_access_rule(any_store) -> None:  # type: ignore[no-untyped-def]
    a = Resolver(any_store).resolve("村里要不要帮忙办理出国护照", as_of="2025-06-01")
    assert a["verdict"] == "unlisted" and a["reasons"][0]["kind"] == "access_rule", (a["verdict"], a["reasons"])
    assert "准入" in a["verdict_zh"] and a["bases"]


def test_a_confident_prior_does_not_turn_a_question_for_labour_arbitration_into_a_village_matter(
        any_store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # the verdict prior reads how a question is told; a letter about a building firm's unpaid wages is told like a
    # complaint to the town, but whom it is for is said by the rule, not by how similar letters were labelled
    from qingdan.queries import verdict_prior
    monkeypatch.setattr(verdict_prior, "probabilities", lambda text: {"government": 0.9, "unlisted": 0.01})
    q = "县城建筑公司的工地至今还没有发放农民工的工资，工人们过年回不了家，只能向政府部门反映情况，望领导帮忙。"
    a = Resolver(any_store).resolve(q, as_of="2025-06-01")
    assert a["verdict"] == "unlisted", (a["verdict"], a["item"], a.get("second_opinion"))
    assert "劳动仲裁" in " ".join(w["text"] for w in a["why_not"])
