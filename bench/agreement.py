"""How far two careful labellers agree: the ceiling any answerer can be measured against.

bench/eval/second_labels.csv holds a second labelling of every split, made on 2026-12-03 by helpers who
saw only the question texts, the labelling rules of bench/eval/README.md, the body types and the law
texts: not the first labels, not the product (the tuning splits by helper-47/48; the scored-only
splits by helper-49/50, whose rows the developers process by program and do not read). The
second labeller's answer (its first verdict and its bodies) is scored exactly as the product's is,
against the first labels; and the product is scored against the second labels too. When a second
careful reader of the same law gets 85% by the first labels, a goal of 90% asks an answerer to agree
with the first labeller more than another person does.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from bench.scoring import BODY_ALIASES, EVAL, Question, labelled, listed, right, share

BODY_LEVELS = Path(__file__).resolve().parent.parent / "data" / "catalog" / "body_types.csv"


def second_labels() -> dict[str, dict[str, str]]:
    path = EVAL / "second_labels.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {r["qid"]: r for r in csv.DictReader(f)}


def _levels() -> dict[str, str]:
    with BODY_LEVELS.open(encoding="utf-8") as f:
        return {r["body_type_id"]: r["level"] for r in csv.DictReader(f)}


def relabelled(q: Question, second: dict[str, str]) -> Question:
    """The question with the second labeller's labels."""
    return labelled(q.qid, q.split, q.text, q.source, q.cls, second)


def as_answer(second: dict[str, str], levels: dict[str, str]) -> dict[str, Any]:
    """The second labeller's labels as an answer the scorer reads: its first verdict, its first body leading."""
    verdicts = listed(second["accepted_verdicts"])
    bodies = [BODY_ALIASES.get(b, b) for b in listed(second["role_bodies"])]
    lead = [{"body_type": bodies[0], "level": levels.get(bodies[0])}] if bodies else []
    return {"verdict": verdicts[0] if verdicts else None, "asked": {"bodies": lead}}


def figures(rows: list[tuple[Question, dict[str, Any], bool]]) -> dict[str, int] | None:
    """For one split's scored rows (question, the product's answer, right by the first labels)."""
    seconds = second_labels()
    mine = [(q, a, ok, seconds[q.qid]) for q, a, ok in rows if q.qid in seconds]
    if not mine:
        return None
    levels = _levels()
    by_second = [right(relabelled(q, s), a) for q, a, _, s in mine]
    return {"n": len(mine),
            "verdicts_overlap": sum(bool(q.verdicts & set(listed(s["accepted_verdicts"]))) for q, _, _, s in mine),
            "second_right_by_first": sum(right(q, as_answer(s, levels)) for q, _, _, s in mine),
            "intent_same": sum(q.intent == s["intent"] for q, _, _, s in mine),
            "ours_by_first": sum(ok for _, _, ok, _ in mine),
            "ours_by_second": sum(by_second),
            "ours_by_either": sum(ok or again for (_, _, ok, _), again in zip(mine, by_second))}


def markdown(by_split: dict[str, dict[str, int]], names: dict[str, str]) -> list[str]:
    if not by_split:
        return []
    md = ["## 两名标注者的一致程度（标注的上限）", "",
          "`second_labels.csv`：助手只看题目、标注规则、主体类型和法条，另行标注了全部六组题（没有看第一份标签，"
          "没有运行本系统；只打分的三组由另两名助手标注，开发者只用程序统计、不逐条看）。把第二份标签当作一个“回答者”，用与本系统相同的评分方法按第一份标签打分；再用第二份标签给本系统打分。",
          "", "| 题组 | 题数 | 裁决有交集 | 第二标注者按第一份标签判对 | 问法相同 | 本系统·按第一份 | 本系统·按第二份 | 本系统·按任一份 |",
          "|---|---|---|---|---|---|---|---|"]
    for split, f in by_split.items():
        n = f["n"]
        md.append(f"| {names.get(split, split)} | {n} | {share(f['verdicts_overlap'], n)} | {share(f['second_right_by_first'], n)} | "
                  f"{share(f['intent_same'], n)} | {share(f['ours_by_first'], n)} | {share(f['ours_by_second'], n)} | {share(f['ours_by_either'], n)} |")
    return [*md, ""]
