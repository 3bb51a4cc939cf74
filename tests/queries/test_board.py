"""A village's 村务公开栏 for a month: the statutory regular postings with their deadlines, the
event-driven ones with their posting periods, and the statute version in force that month."""
from __future__ import annotations

import calendar
from datetime import date
from typing import Any

import pytest

from qingdan.errors import BadRequest, NotFound
from qingdan.queries.board import board, quarter_end

ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村


def shantou_villages(store: Any, every: int) -> list[str]:
    codes = sorted(v.get("code") for v in store.nodes("Village") if v.get("code", "").startswith("4405"))
    return codes[::every]


def by_item(b: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["item"]: p for p in b["posts"]}


@pytest.mark.parametrize("month", ["2025-02", "2025-12", "2026-01", "2026-08"])
def test_statutory_regular_postings_have_deadlines_for_shantou_villages(memory_store: Any, month: str) -> None:
    y, m = map(int, month.split("-"))
    month_end = date(y, m, calendar.monthrange(y, m)[1]).isoformat()
    for code in shantou_villages(memory_store, 97):
        b = board(memory_store, code, month)
        assert b["village"]["village"]["code"] == code and b["period"]["month"] == month
        monthly = [p for p in b["posts"] if p["frequency"] == "monthly"]
        quarterly = [p for p in b["posts"] if p["frequency"] == "quarterly"]
        # 集体财务往来较多的，财务收支情况应当每月公布；一般事项至少每季度公布
        assert any("财务收支" in p["matter"] for p in monthly)
        assert all(p["deadline"] == month_end and p["deadline_basis"] == "reading" for p in monthly)
        assert len(quarterly) >= 5 and {p["deadline"] for p in quarterly} == {quarter_end(date(y, m, 1)).isoformat()}
        assert all(p["deadline"] is None and p["deadline_basis"] == "as_stated" for p in b["posts"] if p["frequency"] == "event")
        assert {"matter", "basis", "frequency", "deadline", "min_days", "channel", "item"} <= set(b["posts"][0])


def test_the_statute_in_force_that_month_decides_the_article(memory_store: Any) -> None:
    before, after = board(memory_store, ZHONGTIAN, "2025-12"), board(memory_store, ZHONGTIAN, "2026-01")
    assert before["statute"]["citation"] == "村民委员会组织法@2018-12-29#30.3"
    assert after["statute"]["citation"] == "村民委员会组织法@2025-10-28#35.3"
    assert "第三十条第三款" in by_item(before)["DIS-007"]["basis"]
    assert "第三十五条第三款" in by_item(after)["DIS-007"]["basis"] and "2018" not in by_item(after)["DIS-007"]["basis"]
    # 公布的期限不得少于十五日 is a 2025 rule: not in force before 2026, binding after
    assert by_item(before)["DIS-004"]["min_days"] is None and "2026-01-01" in by_item(before)["DIS-004"]["min_days_note"]
    assert by_item(after)["DIS-004"]["min_days"] == 15 and "法定" in by_item(after)["DIS-004"]["min_days_note"]
    # a modeled period (宁海做法) is shown, and said to be no statute
    assert by_item(before)["DIS-026"]["min_days"] == 15 and "非法定" in by_item(before)["DIS-026"]["min_days_note"]


def test_event_driven_postings_list_their_posting_periods(memory_store: Any) -> None:
    posts = by_item(board(memory_store, ZHONGTIAN, "2026-03"))
    decision = posts["DIS-001"]  # 村民会议、村民代表会议讨论决定的事项: 四议两公开
    assert decision["frequency"] == "event" and "随时" in decision["deadline_text"]
    assert {(s["step"], s["days"]) for s in decision["steps"]} >= {("村务联席会议商议并公示方案", 15), ("决议公告", 3)}
    land = posts["DIS-015"]  # 征地补偿
    assert "30日" in land["frequency_text"] and land["min_days"] == 15
    assert "汕头经济特区村务公开条例" in decision["basis"]  # the Shantou regulation, where the catalog cites it
    assert set(decision["channel"]) == {"board", "online"} and "meeting" in posts["DIS-023"]["channel"]


def test_annual_postings_fall_due_at_the_year_end(memory_store: Any) -> None:
    posts = by_item(board(memory_store, ZHONGTIAN, "2026-05"))
    assert posts["DIS-028"]["frequency"] == "annual" and posts["DIS-028"]["deadline"] == "2026-12-31"


def test_parity_on_both_stores(any_store: Any, memory_store: Any) -> None:
    assert board(any_store, ZHONGTIAN, "2026-03") == board(memory_store, ZHONGTIAN, "2026-03")


@pytest.mark.parametrize(("code", "month", "error"), [
    (ZHONGTIAN, "2026-13", BadRequest), (ZHONGTIAN, "2026/03", BadRequest), ("440513", "2026-03", BadRequest),
    ("440513999999", "2026-03", NotFound)])
def test_bad_input_is_refused_clearly(memory_store: Any, code: str, month: str, error: type) -> None:
    with pytest.raises(error):
        board(memory_store, code, month)
