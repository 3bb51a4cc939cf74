"""Two checks of how far matching generalises, on wording from public pages outside the evaluation set.

bench/eval/topics.csv: what a villager or a report on a public page says, with the catalog item a
reader mapped it to (modeled, not official). bench/eval/asks.csv: the clause in which someone poses
a question, with the intent it expresses. Both were collected from pages not in sources.csv and
checked against the held-out questions (none is a copy of one). Each is split by its page's URL:
`train` may be looked at and tuned on, `test` only scored. The gap between the halves says how
much a change learned the wording it saw rather than the way people ask.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from qingdan.queries.dates import parse_as_of
from qingdan.queries.intent import detect
from qingdan.queries.matching import simplified
from qingdan.queries.resolve import Resolver

from bench.scoring import share

EVAL = Path(__file__).resolve().parent / "eval"


def _rows(name: str) -> list[dict[str, str]]:
    path = EVAL / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def topic_figures(resolver: Resolver, as_of: str) -> dict[str, dict[str, int]]:
    """Per half: how often the mapped item ranks first, or among the first three."""
    day = parse_as_of(as_of)
    allowed = resolver.in_force_items(day)
    out: dict[str, dict[str, int]] = {}
    for r in _rows("topics.csv"):
        want = f"item/{r['item_id']}"
        if want not in resolver.items:
            continue
        ranked = [m.id for m in resolver.rank(r["text"], day, limit=3, allowed=allowed)]
        f = out.setdefault(r["split"], {"n": 0, "top1": 0, "top3": 0})
        f["n"] += 1
        f["top1"] += bool(ranked) and ranked[0] == want
        f["top3"] += want in ranked
    return out


def ask_figures() -> dict[str, dict[str, int]]:
    """Per half: how often the intent read from the asking clause is the one it expresses."""
    out: dict[str, dict[str, int]] = {}
    for r in _rows("asks.csv"):
        f = out.setdefault(r["split"], {"n": 0, "ok": 0})
        f["n"] += 1
        f["ok"] += detect(simplified(r["text"])).id == r["intent"]
    return out


def markdown(topics: dict[str, dict[str, int]], asks: dict[str, dict[str, int]]) -> list[str]:
    md = ["## 公开网页上的说法（评测集以外的网页）", "",
          "话题：网页上村民或报道的原话，人工对应到目录事项（建模，非官方）；问法：提问的那一句及其意图。"
          "按网页 URL 分成 train（可以看、可以调）与 test（只打分）两半。", "",
          "| 一半 | 话题：对应事项排第一 | 话题：在前三 | 问法：意图读对 |", "|---|---|---|---|"]
    for half in ("train", "test"):
        t: dict[str, Any] = topics.get(half) or {"n": 0, "top1": 0, "top3": 0}
        a: dict[str, Any] = asks.get(half) or {"n": 0, "ok": 0}
        md.append(f"| {half} | {share(t['top1'], t['n'])} | {share(t['top3'], t['n'])} | {share(a['ok'], a['n'])} |")
    return [*md, ""]
