"""The board as an .ics file a phone calendar imports: one event per posting deadline."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from icalendar import Calendar

from qingdan.exports.ics import board_calendar
from qingdan.queries.board import board

ZHONGTIAN = "440513101210"


def test_one_all_day_event_per_deadline_with_a_reminder(memory_store: Any) -> None:
    b = board(memory_store, ZHONGTIAN, "2026-02")
    cal = Calendar.from_ical(board_calendar(b))
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    deadlines = {(p["deadline"], p["frequency"]) for p in b["posts"] if p["deadline"]}
    assert len(events) == len(deadlines) == 3  # 2026-02-28 monthly, 2026-03-31 quarterly, 2026-12-31 annual
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 12, 31)]
    for e in events:
        assert e.decoded("DTEND") == e.decoded("DTSTART") + timedelta(days=1)
        assert e["UID"].endswith("@qingdan") and e.get("DTSTAMP") is not None
        assert e.walk("VALARM") and "本项目" in str(e["DESCRIPTION"])
    monthly = next(e for e in events if e.decoded("DTSTART") == date(2026, 2, 28))
    assert "村级财务收支情况" in str(monthly["DESCRIPTION"]) and "2项" in str(monthly["SUMMARY"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_event_driven_postings_stay_out_of_the_calendar(memory_store: Any) -> None:
    b = board(memory_store, ZHONGTIAN, "2026-02")
    text = board_calendar(b).decode()
    assert "DIS-001" not in text and "DIS-007" in text
