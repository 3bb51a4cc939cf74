"""Crosswalks of the older texts now in the library, checked by reading both texts, and the links,
periods and cache the loader makes of them."""
from __future__ import annotations

import json

import pytest

from qingdan import paths
from qingdan.citations import CitationKey
from qingdan.loaders.laws import cached_corpus
from qingdan.loaders.statute_links import cached_crosswalk, timeline

# (work, old text, new text, old article, new article): each pair read in both texts by hand
HAND_CHECKED = [
    ("食品安全法", "2015-04-24", "2021-04-29", 35, 35),        # 许可制度 — 2021 adds 仅销售预包装食品 备案
    ("治安管理处罚法", "2012-10-26", "2025-06-27", 32, 38),    # 管制器具 — fines doubled
    ("治安管理处罚法", "2012-10-26", "2025-06-27", 83, 97),    # 询问查证时间 — 十二小时 added
    ("传染病防治法", "2013-06-29", "2025-04-30", 31, 48),      # 发现传染病病人的报告义务
    ("传染病防治法", "2013-06-29", "2025-04-30", 39, 60),      # 39 ¶3 乙类、丙类 went to 60 (split)
    ("传染病防治法", "2013-06-29", "2025-04-30", 41, 67),      # 隔离措施的解除 went to 67 (split)
    ("妇女权益保障法", "2018-10-26", "2022-10-30", 34, 58),    # 继承权
    ("妇女权益保障法", "2018-10-26", "2022-10-30", 47, 68),    # 家务补偿 went to 68 (split)
    ("体育法", "2016-11-07", "2022-06-24", 15, 8),             # 民族、民间传统体育 moved to the general part
    ("突发事件应对法", "2007-08-30", "2024-06-28", 4, 16),     # 应急管理体制, moved
    ("未成年人保护法", "2020-10-17", "2024-04-26", 9, 9),       # 协调机制 rewritten in place (0.41): the gap between 8 and 10
    ("治安管理处罚法", "2012-10-26", "2025-06-27", 56, 67),    # 旅馆业登记, rewritten between two aligned articles
]
WRONG_BEFORE = [("传染病防治法", "2013-06-29", "2025-04-30", 15, 33)]  # 预防接种 ≠ 艾滋病: only “具体办法由国务院制定。” in common


@pytest.fixture(scope="module")
def corpus():
    return cached_corpus(str(paths.laws_dir()))


@pytest.mark.parametrize("work,a,b,old,new", HAND_CHECKED)
def test_hand_checked_pairs(corpus, work, a, b, old, new):
    pairs = cached_crosswalk(corpus.get(work, a), corpus.get(work, b))
    assert any(p.from_article == old and p.to_article == new for p in pairs)


@pytest.mark.parametrize("work,a,b,old,new", WRONG_BEFORE)
def test_stock_sentences_make_no_link(corpus, work, a, b, old, new):
    pairs = cached_crosswalk(corpus.get(work, a), corpus.get(work, b))
    assert not any(p.from_article == old and p.to_article == new for p in pairs)


def test_cache_is_read_back_and_a_damaged_entry_recomputed(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("QINGDAN_CACHE", str(tmp_path))
    old, new = corpus.get("村民委员会组织法", "2018-12-29"), corpus.get("村民委员会组织法", "2025-10-28")
    first = cached_crosswalk(old, new)
    (entry,) = (tmp_path / "crosswalks").glob("*.json")
    assert [p["to_article"] for p in json.loads(entry.read_text("utf-8")) if p["from_article"] == 24] == [28]
    entry.write_text("{not json", "utf-8")
    assert cached_crosswalk(old, new) == first


def test_timeline_links_cited_paragraphs_both_ways_and_dates_the_texts(corpus):
    cited = [CitationKey("食品安全法", "2025-09-12", 35, 1), CitationKey("村民委员会组织法", "2018-12-29", 37, 2)]
    t = timeline(corpus, cited)
    links = {(x.src.key, x.dst.key): x for x in t.links}
    # backwards from the cited 2025 paragraph to the texts before it
    assert ("食品安全法@2021-04-29#35.1", "食品安全法@2025-09-12#35.1") in links
    back = links[("食品安全法@2015-04-24#35.1", "食品安全法@2021-04-29#35.1")]
    assert back.text_changed and 0.6 < back.score < 1.0  # 2021 adds 仅销售预包装食品 and a 备案 sentence
    # forwards from the cited 2018 paragraph
    fwd = links[("村民委员会组织法@2018-12-29#37.2", "村民委员会组织法@2025-10-28#42.2")]
    assert fwd.score == 1.0 and not fwd.text_changed and fwd.change == "split"
    assert CitationKey("食品安全法", "2015-04-24", 35, 1) in t.subs
    assert t.until[("食品安全法", "2021-04-29")] == "2025-11-30"  # law_in_force.csv: 2025 text from 2025-12-01
    assert t.until[("婚姻法", "2001-04-28")] == "2020-12-31"    # repealed by 民法典 from 2021-01-01
    assert t.first_date["食品安全法"] == "2009-02-28" and t.first_date["乡村振兴促进法"] == "2021-04-29"
