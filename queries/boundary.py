"""“村里管还是镇里管？” — both sides of the line for one task, each with its reasons."""
from __future__ import annotations

from datetime import date
from typing import Any

from .dates import parse_as_of
from .resolve import Resolver

VILLAGE_SIDE = {"village_autonomy", "village_assists"}
GOVERNMENT_SIDE = {"town", "county_department"}
SIDE_ZH = {"village": "村（居）委会", "town": "镇（街道）", "county": "区（县）职能部门", "none": "不应交给村里，也不在清单上"}


def boundary(resolver: Resolver, text: str, village: str | None = None, as_of: str | date | None = None) -> dict[str, Any]:
    answer = resolver.resolve(text, village=village, as_of=as_of)
    verdict = answer["verdict"]
    side = ("village" if verdict in VILLAGE_SIDE else "town" if verdict == "town"
            else "county" if verdict == "county_department" else "none")
    if verdict == "village_assists":
        summary = "主责在政府部门，村（居）委会协助：村里做协助性的具体工作，责任和经费在政府一方。"
    elif verdict == "village_autonomy":
        summary = "村里自己的事：由村（居）民依法自治办理，镇（街道）只指导不干预。"
    elif verdict == "town":
        summary = "镇（街道）的事：这是行政职权，村里只能发现、劝阻、报告。"
    elif verdict == "county_department":
        summary = "区（县）部门的事：该职权没有下放到这个镇街。"
    elif verdict == "not_for_village":
        summary = "不应交给村里：属于应取消和禁入事项或干部负面行为。"
    else:
        summary = "清单上没有：按准入制度，未经批准不能交给村里，应由镇（街道）确认主责部门。"
    day = parse_as_of(as_of)
    village_side = next((m for m in answer["matches"] if m["verdict"] in VILLAGE_SIDE), None)
    town_side = next((m for m in answer["matches"] if m["verdict"] in GOVERNMENT_SIDE | {"not_for_village"}), None)
    return {
        "question": text, "as_of": day.isoformat(), "village": answer["village"],
        "belongs_to": side, "belongs_to_zh": SIDE_ZH[side], "verdict": verdict, "summary": summary,
        "village_side": {"holds": side == "village",
                         "reasons": [w["text"] for w in answer["why_not"] if w["side"] == "town"],
                         "nearest_item": village_side},
        "town_side": {"holds": side in ("town", "county"),
                      "reasons": [w["text"] for w in answer["why_not"] if w["side"] in ("village", "county")],
                      "nearest_item": town_side},
        "resolution": answer,
    }
