"""The 依据 reader on anything a person (or a hostile upload) can type: it either reads citations
or says, with one of our own errors, why it will not — it never crashes with a bare exception,
never invents an article 0 or a negative paragraph, and a citation it writes out reads back the same."""
from __future__ import annotations

import json
import time

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingdan import paths
from qingdan.errors import QingdanError
from qingdan.loaders.cite import MAX_CITATIONS, Citation, cite, parse_citations
from qingdan.loaders.laws import cached_corpus

from .budget import fuzz_settings

WORKS = ("村民委员会组织法", "民法典", "土地管理法", "城市居民委员会组织法")
PIECES = ("《", "》", "《中华人民共和国村民委员会组织法》", "《民法典》", "村民委员会组织法", "第", "条", "款", "项",
          "章", "节", "之一", "之二", "、", "，", ",", "至", "到", "-", "～", "—", "（", "）", "(", ")", "年", "月", "日",
          "修正", "修订", "施行", "公布", "版", "本法", "同法", "该条例", "民发〔2020〕37号", "国务院令第", "号", "〔",
          "〕", "【", "】", "[", "]", "简称", "以下简称", "根据", "依据", "；", ";", "\n", " ", "\u3000", "\u200b", "和")


@st.composite
def numeral(draw: st.DrawFn) -> str:
    n = draw(st.one_of(st.integers(0, 60), st.integers(0, 3000), st.integers(-5, 10**12)))
    style = draw(st.sampled_from(("arabic", "fullwidth", "chinese", "raw")))
    if style == "chinese" and 0 <= n < 10**12:
        return cn2an.an2cn(n)
    if style == "fullwidth":
        return str(n).translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    return str(n)


# text shaped like a 依据 cell: the pieces officials write, numbers in every spelling, and noise
citation_like = st.lists(st.one_of(st.sampled_from(PIECES), numeral(), st.text(max_size=3)),
                         max_size=120).map("".join)
any_text = st.text(max_size=2000)


def _check(cits: list[Citation]) -> None:
    assert len(cits) <= MAX_CITATIONS
    for c in cits:
        assert isinstance(c.work, str)
        for level in (c.article, c.paragraph, c.item):
            assert level is None or (type(level) is int and level >= 1), c
        if c.item is not None:
            assert c.paragraph is not None, c  # an item always sits in a paragraph (第（五）项 = 第一款第五项)
        if c.paragraph is not None:
            assert c.article is not None, c
        json.dumps(c.to_dict(), ensure_ascii=False)  # what /cite returns must serialise


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return cached_corpus(str(paths.laws_dir()))


@fuzz_settings(300, 20_000)
@given(text=st.one_of(any_text, citation_like))
def test_parse_reads_or_refuses_with_our_error(text: str) -> None:
    t = time.perf_counter()
    try:
        cits = parse_citations(text, WORKS)
    except QingdanError:
        return
    finally:
        assert time.perf_counter() - t < 2.0, "a 依据 of at most 2000 characters took too long to read"
    _check(cits)


@fuzz_settings(150, 10_000)
@given(text=st.one_of(any_text, citation_like))
def test_checking_against_the_corpus_reads_or_refuses_with_our_error(text: str, corpus) -> None:  # type: ignore[no-untyped-def]
    try:
        cits = cite(text, corpus=corpus)
    except QingdanError:
        return
    _check(cits)
    for c in cits:
        assert isinstance(c.resolved, bool)
        if not c.resolved and c.article is not None:
            assert c.problem, f"an unresolved citation must say why: {c}"


@st.composite
def written_citation(draw: st.DrawFn) -> Citation:
    article = draw(st.integers(1, 1300))
    paragraph = draw(st.none() | st.integers(1, 12))
    item = draw(st.none() | st.integers(1, 20))
    return Citation(draw(st.sampled_from(WORKS)), article, paragraph, item)


@fuzz_settings(200, 10_000)
@given(c=written_citation())
def test_a_citation_written_out_reads_back_the_same(c: Citation) -> None:
    (back,) = parse_citations(c.label_zh(), WORKS)
    expected_paragraph = c.paragraph if c.item is None else (c.paragraph or 1)
    assert (back.work, back.article, back.paragraph, back.item) == (c.work, c.article, expected_paragraph, c.item)
