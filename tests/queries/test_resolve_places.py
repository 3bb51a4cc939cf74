"""Answers for villages in six provinces use only the rules binding each village, name the
jurisdiction of every basis, and say what the library lacks there; Shantou's answers do not change
when other provinces are served."""
from __future__ import annotations

import json

from qingdan.queries.resolve import Resolver
from qingdan.queries.scope import binds
from qingdan.queries.stores.memory import MemoryStore

from .test_resolve_questions import CASES

QUESTIONS = ("村务公开多久公开一次", "村里能不能给村民开无犯罪记录证明？", "低保怎么申请",
             "村干部优亲厚友，低保给亲戚", "村里修路要不要开村民会议", "宅基地审批找谁", "村民委员会选举怎么组织",
             "外卖电动车乱停谁来管")
PROVINCE_NAMES = {"33": "浙江省", "11": "北京市", "51": "四川省", "13": "河北省", "43": "湖南省", "14": "山西省", "44": "广东省"}


def _list_jurisdiction(store: MemoryStore, list_id: str) -> str:
    node = store.node(f"list/{list_id}")
    assert node is not None, list_id
    return str(node.get("jurisdiction"))


def test_no_answer_cites_a_list_or_rule_that_does_not_bind_the_village(places_resolver: Resolver,
                                                                       villages: dict[str, str]) -> None:
    store = places_resolver.store
    for prefix, code in villages.items():
        for q in QUESTIONS:
            a = places_resolver.resolve(q, village=code)
            assert a["scope"]["code"] == code and a["scope"]["text"], (code, q)
            for b in a["bases"]:
                assert b.get("jurisdiction") and b.get("jurisdiction_name"), (code, q, b["citation"])
                assert binds(b["jurisdiction"], code), (code, q, b["citation"], b["jurisdiction"])
            for r in a["reasons"]:
                if r["kind"] in ("provision", "local_provision"):
                    assert "〔适用地域：" in r["text"], (code, q, r["text"])
            if a["item"] and a["item"].get("list"):
                assert binds(_list_jurisdiction(store, a["item"]["list"]["id"]), code), (code, q, a["item"]["list"])
            for c in a["cautions"]:
                assert all("〔适用地域：" in b for b in c["bases"]), (code, q, c)
            if prefix != "4405":
                shown = json.dumps([a["reasons"], a["bases"], a["scope"]["text"], a.get("asked")], ensure_ascii=False)
                assert "汕头" not in shown and "广东" not in shown, (code, q)
                assert not any(c["listed_here"] for c in a["cautions"]), (code, q)


def test_a_zhejiang_village_cites_the_zhejiang_implementing_measures_on_village_affairs(
        places_resolver: Resolver, villages: dict[str, str]) -> None:
    a = places_resolver.resolve("村务公开多久公开一次", village=villages["330203"])
    local = [b for b in a["bases"] if b.get("found_by") == "content"]
    assert any(b["jurisdiction"] == "33" and "浙江省实施" in b["work"] and "村民委员会组织法" in b["work"] for b in local), local
    assert all(b["jurisdiction"].startswith("33") and b["jurisdiction_name"] in ("浙江省", "宁波市") for b in local)
    # the notice names what is missing, and the rules the answer rests on instead
    assert "本库未收录宁波市海曙区" in a["scope"]["text"] and "村级事务清单" in a["scope"]["text"]
    assert "浙江省" in a["scope"]["text"]
    assert a["reasons"][0]["kind"] == "scope" and "浙江省" in a["reasons"][0]["text"]


def test_villages_in_beijing_sichuan_and_hebei_get_their_own_provinces_regulations(
        places_resolver: Resolver, villages: dict[str, str]) -> None:
    for prefix in ("110112", "510112", "130121"):
        a = places_resolver.resolve("村务公开多久公开一次", village=villages[prefix])
        local = [b for b in a["bases"] if b.get("found_by") == "content"]
        assert local and all(b["jurisdiction"].startswith(prefix[:2]) for b in local), (prefix, local)
        assert PROVINCE_NAMES[prefix[:2]] in a["scope"]["text"]
    hebei = places_resolver.resolve("村务公开多久公开一次", village=villages["130121"])
    assert "河北省村务公开条例" in {b["work"] for b in hebei["bases"]}


def test_a_village_in_a_province_without_regulations_gets_national_law_with_the_notice(
        places_resolver: Resolver, villages: dict[str, str]) -> None:
    for prefix in ("430121", "140105"):
        code = villages[prefix]
        for q in QUESTIONS:
            a = places_resolver.resolve(q, village=code)
            assert all(b["jurisdiction"] == "CN" for b in a["bases"] if b["kind"] == "provision"), (code, q)
            assert not any(b.get("found_by") for b in a["bases"])
            assert "本库未收录" in a["scope"]["text"] and "本库也未收录当地的地方性法规" in a["scope"]["text"], a["scope"]
    shanxi = places_resolver.resolve("村务公开多久公开一次", village=villages["140105"])
    assert all(b["jurisdiction"] == "CN" for b in shanxi["bases"])
    assert shanxi["reasons"][0]["kind"] == "scope"


def test_an_unlisted_matter_elsewhere_does_not_cite_the_guangdong_directory(
        places_resolver: Resolver, villages: dict[str, str]) -> None:
    a = places_resolver.resolve("村里要不要帮忙办理出国护照", village=villages["330203"])
    assert a["verdict"] == "unlisted" and a["reasons"][0]["kind"] == "access_rule"
    assert "广东" not in a["reasons"][0]["source"] and "全国" in a["reasons"][0]["source"]
    shantou = places_resolver.resolve("村里要不要帮忙办理出国护照", village=villages["4405"])
    assert shantou["verdict"] == "unlisted" and "广东" in shantou["reasons"][0]["source"]


def test_shantou_answers_do_not_change_when_other_provinces_are_served(places_resolver: Resolver,
                                                                       memory_store: MemoryStore) -> None:
    alone = Resolver(memory_store)
    checked = 0
    for case in CASES:
        if case.village is not None and not case.village.startswith("4405"):
            continue
        a = alone.resolve(case.question, village=case.village, as_of=case.as_of)
        b = places_resolver.resolve(case.question, village=case.village, as_of=case.as_of)
        assert json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) == \
            json.dumps(b, ensure_ascii=False, sort_keys=True, default=str), case.question
        checked += 1
    assert checked > 20
