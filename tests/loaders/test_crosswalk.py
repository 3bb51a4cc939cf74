"""Crosswalks between statute versions, checked against both texts of the organic law read by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from qingdan.loaders.crosswalk import Pair, crosswalk, successor_of
from qingdan.loaders.laws import load_corpus, parse_law_text

# 村民委员会组织法 2018 → 2025, each pair checked by reading both texts (tests/fixtures/mini_laws):
HAND_CHECKED = [
    (5, 6, "unchanged"),   # 乡、民族乡、镇的人民政府对村民委员会的工作给予指导… — word for word
    (6, 8, "amended"),     # 由主任、副主任和委员共三至七人组成 — 2025 adds 近亲属回避、交叉任职
    (11, 14, "unchanged"),  # 由村民直接选举产生…每届任期五年
    (15, 18, "amended"),   # 候选人提名 — 2025 adds 村党组织提名 and who may not stand
    (24, 28, "amended"),   # 涉及村民利益的下列事项，经村民会议讨论决定方可办理 — list rewritten
    (29, 34, "unchanged"),  # 少数服从多数的民主决策机制和公开透明的工作原则
    (30, 35, "amended"),   # 村务公开制度 — 计划生育 item dropped, 协商 item and 公开栏 added
    (32, 37, "amended"),   # 村务监督委员会 — 任期 and reporting duty added
    (35, 40, "amended"),   # 任期和离任经济责任审计 — items shortened
    (38, 47, "amended"),   # 驻在农村的机关…参与农村社区建设 → 参与乡村建设
    (41, 50, "unchanged"),  # 本法自公布之日起施行
]
ADDED_2025 = [5, 7, 13, 20, 33, 44, 45, 46]  # 指导监督部门, 表彰, 法人资格, 辞职, 协商, 设施, 信息化/培训, 适用范围


MINI_LAWS = Path(__file__).resolve().parent.parent / "fixtures" / "mini_laws"


@pytest.fixture(scope="module")
def organic():
    corpus = load_corpus(MINI_LAWS)
    return corpus.get("村民委员会组织法", "2018-12-29"), corpus.get("村民委员会组织法", "2025-10-28")


@pytest.fixture(scope="module")
def pairs(organic) -> list[Pair]:
    return crosswalk(*organic)


@pytest.mark.parametrize("old,new,change", HAND_CHECKED)
def test_hand_checked_pairs(pairs, old, new, change):
    found = [p for p in pairs if p.from_article == old and p.to_article == new]
    assert found, f"2018 第{old}条 should lead to 2025 第{new}条"
    assert found[0].change == change
    if change == "unchanged":
        assert found[0].score == 1.0
    else:
        assert 0.45 < found[0].score < 1.0


def test_article_37_split_between_funding_articles(pairs):
    # 2018 第三十七条: ¶1 (人民政府…提供必要的条件；委托部门承担经费) → 2025 第四十三条,
    # ¶2 (公益事业经费由村民会议筹资筹劳解决) → 2025 第四十二条第二款 word for word
    out = {p.to_article: p.change for p in pairs if p.from_article == 37}
    assert out == {42: "split", 43: "split"}


def test_new_articles_are_added_and_nothing_is_lost(pairs, organic):
    added = sorted(p.to_article for p in pairs if p.change == "added")
    assert added == ADDED_2025
    old, new = organic
    assert {p.from_article for p in pairs if p.from_article is not None} == set(old.articles)
    assert not [p for p in pairs if p.change == "removed"]
    assert {p.to_article for p in pairs if p.to_article is not None} == set(new.articles)


def test_links_keep_statute_order(pairs):
    one_to_one = [(p.from_article, p.to_article) for p in pairs if p.change in ("unchanged", "amended")]
    targets = [b for _, b in one_to_one]
    assert targets == sorted(targets)


def test_successor_of_a_paragraph_and_of_a_removed_item(pairs, organic):
    old, new = organic
    # 37.2 moved verbatim to 42.2
    s = successor_of(old, new, pairs, 37, 2)
    assert (s.article, s.paragraph, s.score) == (42, 2, 1.0)
    # 24.1.(一) 本村享受误工补贴的人员及补贴标准 is 28.1.(二): 2025 put 乡村建设重要事项 first
    s = successor_of(old, new, pairs, 24, 1, 1)
    assert (s.article, s.paragraph, s.item) == (28, 1, 2)
    # 24.1.(六) 宅基地的使用方案 is gone from the 2025 list: only the article can be named, with low confidence
    s = successor_of(old, new, pairs, 24, 1, 6)
    assert s.article == 28 and s.paragraph is None and s.score < 0.45


def _law(body: str, work: str = "测试法", version: str = "2020-01-01"):
    return parse_law_text(f"# {work}\n\n<!-- INFO END -->\n\n{body}", work, version, f"{work}.md")


A = "村民委员会应当建立健全村务档案管理制度，妥善保管选举文件、会议记录和集体财务账目。"
B = "乡镇人民政府应当为村民委员会成员提供业务培训，帮助其提升依法办事和服务群众的能力。"
C = "县级人民政府应当将村级综合服务设施建设纳入国土空间规划并给予必要的资金支持。"
D = "村民小组组长由村民小组会议推选，任期与村民委员会的任期相同，可以连选连任。"


def test_split_and_merge_are_detected_from_sentences():
    old = _law(f"第一条 {A}\n\n{B}\n\n第二条 {C}")
    new = _law(f"第一条 {A}\n\n第二条 {B}\n\n第三条 {C}", version="2024-01-01")
    pairs = crosswalk(old, new)
    assert {(p.from_article, p.to_article, p.change) for p in pairs} == {
        (1, 1, "split"), (1, 2, "split"), (2, 3, "unchanged")}
    merged = crosswalk(new, old)
    assert {(p.from_article, p.to_article, p.change) for p in merged} == {
        (1, 1, "merged"), (2, 1, "merged"), (3, 2, "unchanged")}


def test_moved_article_is_matched_only_when_clearly_the_same():
    old = _law(f"第一条 {A}\n\n第二条 {B}\n\n第三条 {C}")
    new = _law(f"第一条 {B}\n\n第二条 {A}\n\n第三条 {C}", version="2024-01-01")
    pairs = {(p.from_article, p.to_article) for p in crosswalk(old, new)}
    assert {(1, 2), (2, 1), (3, 3)} <= pairs
    unrelated = _law(f"第一条 {D}", version="2024-01-01")
    pairs = crosswalk(_law(f"第一条 {A}"), unrelated)
    assert {(p.from_article, p.to_article, p.change) for p in pairs} == {(1, None, "removed"), (None, 1, "added")}


def test_across_works_the_repealed_marriage_law_lands_in_the_civil_code():
    from qingdan import paths

    corpus = load_corpus(paths.laws_dir())
    old, new = corpus.get("婚姻法", "2001-04-28"), corpus.get("民法典", "2020-05-28")
    pairs = crosswalk(old, new)
    # 婚姻法 第三条 (禁止包办、买卖婚姻…) is 民法典 第一千零四十二条 word for word
    assert Pair(3, 1042, 1.0, "unchanged") in pairs
    # and the marriage articles land in the 婚姻家庭编 (第一千零四十条 – 第一千一百一十八条)
    core = [p.to_article for p in pairs if p.from_article and 2 <= p.from_article <= 42 and p.to_article]
    assert sum(1040 <= t <= 1118 for t in core) >= 0.9 * len(core)
