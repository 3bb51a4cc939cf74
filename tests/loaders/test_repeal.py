"""Repeal relations read from the closing articles of the statutes in the corpus."""
from __future__ import annotations

import pytest

from qingdan import paths
from qingdan.loaders.laws import load_corpus, parse_law_text
from qingdan.loaders.repeal import repealed_on, repeals, repeals_in


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(paths.laws_dir())


@pytest.fixture(scope="module")
def all_repeals(corpus):
    return repeals(corpus)


def test_civil_code_repeals_nine_laws_from_2021(all_repeals):
    # 民法典 第一千二百六十条: 本法自2021年1月1日起施行。《婚姻法》《继承法》《民法通则》《收养法》《担保法》
    # 《合同法》《物权法》《侵权责任法》《民法总则》同时废止。
    civil = [r for r in all_repeals if r.repealing_work == "民法典"]
    assert {r.repealed_work for r in civil} == {"婚姻法", "继承法", "民法通则", "收养法", "担保法", "合同法", "物权法",
                                               "侵权责任法", "民法总则"}
    assert {(r.repealing_version, r.source_article, r.effective_date, r.date_basis) for r in civil} == {
        ("2020-05-28", 1260, "2021-01-01", "text")}
    in_corpus = {r.repealed_work: r.repealed_versions for r in civil if r.in_corpus}
    assert in_corpus == {"婚姻法": ("2001-04-28",), "合同法": ("1999-03-15",), "侵权责任法": ("2009-12-26",),
                         "民法总则": ("2017-03-15",), "民法通则": ("2009-08-27",), "物权法": ("2007-03-16",),
                         "继承法": ("1985-04-10",)}
    assert not any(r.in_corpus for r in civil if r.repealed_work in ("收养法", "担保法"))
    assert next(r for r in civil if r.repealed_work == "民法通则").repealed_title == "中华人民共和国民法通则"


def test_repeal_takes_effect_on_its_date(all_repeals):
    assert repealed_on(all_repeals, "婚姻法", "2020-12-31") is None
    r = repealed_on(all_repeals, "婚姻法", "2021-01-01")
    assert r is not None and r.source_citation == "民法典@2020-05-28#1260"
    # 生态环境法典 repeals the noise law from 2026-08-15, not from its adoption
    assert repealed_on(all_repeals, "噪声污染防治法", "2026-08-14") is None
    assert repealed_on(all_repeals, "噪声污染防治法", "2026-08-15").repealing_work == "生态环境法典"


def test_regulations_repealing_regulations_in_the_corpus(all_repeals):
    pairs = {(r.repealing_work, r.repealed_work, r.effective_date) for r in all_repeals if r.in_corpus}
    assert ("退役军人安置条例", "退役士兵安置条例", "2024-09-01") in pairs
    assert ("森林草原防灭火条例", "森林防火条例", "2026-01-01") in pairs


def test_an_earlier_law_of_the_same_name_is_not_the_corpus_text(all_repeals):
    # 婚姻法(1980) 第五十一条: 1950年5月1日颁行的《中华人民共和国婚姻法》，自本法施行之日起废止。
    old = [r for r in all_repeals if r.repealing_work == "婚姻法"]
    assert len(old) == 1 and old[0].repealed_work == "婚姻法" and old[0].in_corpus is False
    assert old[0].effective_date == "1981-01-01" and old[0].note
    assert repealed_on(all_repeals, "婚姻法", "2000-01-01") is None


def test_effective_on_promulgation_takes_the_enactment_date(all_repeals):
    # 监察法 第七十八条: 本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。 (通过 2018-03-20)
    r = next(r for r in all_repeals if r.repealed_work == "行政监察法")
    assert (r.repealing_work, r.effective_date, r.date_basis, r.in_corpus) == ("监察法", "2018-03-20", "promulgation", False)


def test_talk_about_repeal_is_not_a_repeal(all_repeals):
    # 立法法 speaks of 修改或者废止 many times and repeals nothing
    assert not [r for r in all_repeals if r.repealing_work == "立法法"]
    assert not [r for r in all_repeals if r.repealing_work == "行政处罚法"]


def test_repeal_clause_in_its_own_paragraph():
    v = parse_law_text("# 某条例\n\n2011年10月29日 国务院令公布\n\n<!-- INFO END -->\n\n第五十三条 本条例自2011年11月1日起施行。\n\n"
                       "1987年12月12日国务院发布的《退伍义务兵安置条例》同时废止。\n", "某条例", "2011-10-29", "某条例.md")
    (r,) = repeals_in(v)
    assert (r.repealed_work, r.effective_date, r.source_article, r.in_corpus) == ("退伍义务兵安置条例", "2011-11-01", 53, False)
