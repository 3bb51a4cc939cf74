"""The question matcher on whatever people type: any text up to 500 characters gets one of the six
verdicts of the contract, or a BadRequest / NotFound that says what is wrong — nothing else."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingdan.errors import BadRequest, NotFound
from qingdan.queries.resolve import VERDICTS, Resolver

from .budget import fuzz_settings

WORDS = ("村里", "村委会", "镇里", "街道", "宅基地", "低保", "证明", "无犯罪记录", "乱搭乱建", "调解", "选举", "公开",
         "私自", "谁管", "能不能", "？", "汕头", "龙湖区", "南澳县", "440513101210", "2025-06-01", "\n", " ", "　")

question = st.one_of(
    st.text(max_size=500),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=60).map("".join).map(lambda s: s[:500]),
)
village = st.one_of(st.none(), st.text(max_size=40), st.from_regex(r"\A4405\d{8}\Z"), st.sampled_from(
    ["440513101210", "440523100201", "110101001001", "000000000000", "中田村", "龙湖"]))
as_of = st.one_of(st.none(), st.text(max_size=12), st.dates().map(lambda d: d.isoformat()),
                  st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"))


@pytest.fixture(scope="module")
def resolvers(any_store):  # type: ignore[no-untyped-def]
    return Resolver(any_store)


def _answer_or_refusal(resolver: Resolver, q: str, v: str | None, d: str | None) -> None:
    try:
        answer = resolver.resolve(q, village=v, as_of=d)
    except (BadRequest, NotFound) as exc:
        assert str(exc), "a refusal must say why"
        return
    assert answer["verdict"] in VERDICTS
    assert answer["verdict_zh"]
    assert 0.0 <= answer["confidence"] <= 1.0
    # the body that leads is not listed again as assisting or supervising ("责任主体：村民会议；协助：村民会议")
    r = answer["responsible"]
    lead = (r["body_type"] or {}).get("type")
    assert lead is None or lead not in {b["type"] for k in ("assisting", "supervising") for b in r[k] if b}, r
    json.dumps(answer, ensure_ascii=False, default=str)  # the API and CLI serialise it as it is


@fuzz_settings(120, 5000)
@given(q=question, v=village, d=as_of)
def test_any_question_gets_a_verdict_or_a_clear_refusal(resolvers: Resolver, q: str, v: str | None,
                                                        d: str | None) -> None:
    _answer_or_refusal(resolvers, q, v, d)


@fuzz_settings(40, 500)
@given(q=st.text(min_size=501, max_size=2000))
def test_too_long_is_refused_not_answered(resolvers: Resolver, q: str) -> None:
    with pytest.raises(BadRequest):
        resolvers.resolve(q)
