"""A village's disclosure board as an iCalendar file (RFC 5545) that phone calendars import.

One all-day event per posting deadline (the matters due that day, grouped by how often they
recur), with a reminder three days before. Event-driven postings have no date and are left out;
the description says so. Written with the icalendar library (pinned in pyproject.toml), which
folds lines, escapes text and emits the required VERSION / PRODID / UID / DTSTAMP.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

FREQUENCY_TITLE = {"monthly": "每月公开", "quarterly": "季度公开", "annual": "年度公开"}


def board_calendar(board: dict[str, Any], now: datetime | None = None) -> bytes:
    from icalendar import Alarm, Calendar, Event

    village = board["village"]["village"]
    code, name = village["code"], village.get("short_name") or village["name"]
    period = board["period"]["month"]
    cal = Calendar()
    cal.add("prodid", "-//qingdan//村务公开日历//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{name}村务公开 {period}")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    stamp = now or datetime.now(timezone.utc)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for post in board["posts"]:
        if post.get("deadline"):
            groups.setdefault((post["deadline"], post["frequency"]), []).append(post)
    for (deadline, freq), posts in sorted(groups.items()):
        day = date.fromisoformat(deadline)
        ev = Event()
        ev.add("uid", f"{code}-{period}-{deadline}-{freq}@qingdan")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("summary", f"{name}村务公开截止：{FREQUENCY_TITLE.get(freq, freq)}（{len(posts)}项）")
        lines = [f"{i}. {p['matter']}（{p['item']}）：{p['deadline_text']}"
                 + (f"，公布不少于{p['min_days']}日" if p.get("min_days") else "")
                 + (f"；{p['condition']}" if p.get("condition") else "") + f"；依据：{p['basis']}"
                 for i, p in enumerate(posts, start=1)]
        lines.append("截止日是本项目对“每月/每季度/每年至少公布一次”的理解（该期间的最后一天），法律未规定具体日期；"
                     "当地另有规定的以当地规定为准。随事项发生的公开不在日历中，见村务公开栏页面。")
        ev.add("description", "\n".join(lines))
        ev.add("categories", ["村务公开"])
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{name}：{FREQUENCY_TITLE.get(freq, freq)}将于 {deadline} 截止")
        alarm.add("trigger", timedelta(days=-3))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
