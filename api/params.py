"""Query and path parameters shared by the routes, declared as strictly as the queries check them.

The OpenAPI document is a contract for other systems (and for the schemathesis run in tests/fuzz):
a parameter the route refuses unless it is a date or a 12-digit code must say so in the schema.
"""
from __future__ import annotations

from typing import Any

from fastapi import Path, Query

from qingdan.queries.dates import DAY_RE

DATE_PATTERN = f"^{DAY_RE.pattern}$"
CODE_PATTERN = r"^\d{12}$"


def date_query(description: str, required: bool = False) -> Any:
    return Query(... if required else None, description=description,
                 pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, examples=["2026-01-01"])


def code_path() -> Any:
    return Path(..., description="村（社区）12 位统计用区划代码，如 440513101201", pattern=CODE_PATTERN,
                examples=["440513101201"])
