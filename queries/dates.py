"""Dates as callers write them (YYYY-MM-DD): one rule for the queries, the CLI and the API schema."""
from __future__ import annotations

import re
from datetime import date

from qingdan.errors import BadRequest

DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str | date, what: str = "日期") -> date:
    if isinstance(value, date):
        return value
    v = (value or "").strip()
    if not DAY_RE.fullmatch(v):
        raise BadRequest(f"{what}格式应为 YYYY-MM-DD：{value}")
    try:
        return date.fromisoformat(v)
    except ValueError as exc:
        raise BadRequest(f"{what}无效：{value}") from exc


def parse_as_of(value: str | date | None) -> date:
    """The day an answer is for: today unless the caller names one."""
    return date.today() if value is None or value == "" else parse_day(value)
