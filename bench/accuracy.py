"""Accuracy on questions people really ask (bench/eval/), next to a literal dictionary matcher.

    .venv/bin/python bench/accuracy.py                 # every split, per class and per source
    .venv/bin/python bench/accuracy.py --json          # the figures as JSON
    .venv/bin/python bench/accuracy.py --failures dev  # what went wrong on dev (never on held-out)
    .venv/bin/python bench/accuracy.py --write docs/accuracy.md

An answer is right when its verdict is one the question's label accepts and, for a question
asking a role (who approves, who pays, where to complain …), the body it leads with is one the
label names. Held-out questions are scored, never shown: tuning looks at dev only.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qingdan.loaders.pipeline import build  # noqa: E402
from qingdan.queries.resolve import Resolver  # noqa: E402
from qingdan.queries.stores.memory import MemoryStore  # noqa: E402

from bench import agreement, public_pages  # noqa: E402
from bench.scoring import (AS_OF, BODY_ALIASES, EVAL, ROLE_INTENTS, SCORED_ONLY, SPLITS, Question,  # noqa: E402,F401
                           body_matches, cited, cites_hit, led_body, load, right, right_among_readings, share, source_kinds, training_splits)


# how a wrong answer went wrong, in the order the resolver decides: listed at all, what is asked, which verdict, whose body
MISS_KINDS = {"unlisted": "应有结论却答“未列入”", "offtopic": "应答“未列入”却给了事项", "intent": "结论不对，且问的是什么读错了",
              "verdict": "问的是什么读对了，结论不对", "body": "结论对，所问角色的主体不对"}
SAME_INTENT = {"forbidden": "may_do"}


def read_intent(answer: dict[str, Any]) -> str | None:
    read = (answer.get("intent") or {}).get("id")
    return SAME_INTENT.get(read, read)


def miss_kind(q: Question, answer: dict[str, Any]) -> str | None:
    """None for a right answer; else which of MISS_KINDS (counts only: held-out texts are never shown)."""
    if right(q, answer):
        return None
    verdict = answer.get("verdict")
    if verdict in q.verdicts:
        return "body"
    if verdict == "unlisted":
        return "unlisted"
    if q.verdicts == {"unlisted"}:
        return "offtopic"
    return "verdict" if read_intent(answer) == q.intent else "intent"


MISREAD_SHOWN = 6
# the verdict prior and the intent prior off: the cue words and the matching alone
PRIORS_OFF = {"QINGDAN_VERDICT_PRIOR": "0", "QINGDAN_INTENT_PRIOR": "0"}


def intent_confusion(rows: list[tuple[Question, dict[str, Any], bool]]) -> list[tuple[tuple[str, str], tuple[int, int]]]:
    """(labelled intent, intent read) pairs that differ, most frequent first, each with how many of
    its answers were wrong: where reading the question fails, counted on every split, no text shown."""
    n: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    for q, a, ok in rows:
        read = read_intent(a) or "none"
        if read != q.intent:
            n[(q.intent, read)] += 1
            wrong[(q.intent, read)] += not ok
    return [(k, (v, wrong[k])) for k, v in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]


class Literal:
    """The baseline: item names and keywords found as substrings of the question, longest wins;
    the item's verdict as listed, its lead body; nothing found → unlisted."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        self.phrases: list[tuple[str, str]] = []
        for nid, m in resolver.items.items():
            for p in [m.node.get("name_zh"), *(m.node.get("keywords") or [])]:
                if p and len(p) >= 2:
                    self.phrases.append((p, nid))
        self.phrases.sort(key=lambda t: -len(t[0]))

    def resolve(self, text: str, village: str | None = None, as_of: str | None = None) -> dict[str, Any]:
        from qingdan.queries.dates import parse_as_of

        day = parse_as_of(as_of)
        allowed = self.r.in_force_items(day)
        for phrase, nid in self.phrases:
            if nid in allowed and phrase in text:
                meta = self.r.items[nid]
                verdict = self.r.verdict(meta, None, day)[0]
                lead = self.r._lead.get(nid)
                return {"verdict": verdict, "responsible": {"body_type": {"type": lead.id.split("/", 1)[1],
                                                                          "level": lead.get("level")} if lead else None},
                        "bases": [], "roles": [], "cautions": []}
        return {"verdict": "unlisted", "responsible": {"body_type": None}, "bases": [], "roles": [], "cautions": []}


def score(questions: list[Question], answer: Callable[[str], dict[str, Any]]) -> list[tuple[Question, dict[str, Any], bool]]:
    return [(q, a, right(q, a)) for q in questions for a in [answer(q.text)]]


def table(rows: list[tuple[Question, dict[str, Any], bool]], key: Callable[[Question], str]) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q, _, ok in rows:
        out[key(q)][0] += ok
        out[key(q)][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description="准确率：真实提问（开发集 / 留出集），与字面词典匹配对照")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--failures", choices=["dev"], help="列出开发集上答错的问题（留出集永不列出）")
    ap.add_argument("--write", type=Path, help="把结果写成 Markdown 表")
    args = ap.parse_args()
    t0 = time.perf_counter()
    store = MemoryStore()
    store.replace_all(build().graph)
    resolver = Resolver(store)
    literal = Literal(resolver)
    kinds = source_kinds()
    figures: dict[str, Any] = {"as_of": AS_OF}
    md = ["# 真实提问准确率", "", f"以 {AS_OF} 为准（该日施行 2018 年村民委员会组织法）；同一次运行中对照字面词典匹配（事项名称和常见说法作子串匹配，最长者胜）。", ""]
    failures: list[tuple[Question, dict[str, Any]]] = []
    agreed: dict[str, dict[str, int]] = {}
    for split in SPLITS:
        qs = load(split)
        if not qs:
            continue
        ours = score(qs, lambda t: resolver.resolve(t, as_of=AS_OF))
        with mock.patch.dict(os.environ, PRIORS_OFF):  # what the words and meaning alone give
            plain = score(qs, lambda t: resolver.resolve(t, as_of=AS_OF))
        first_pick = sum(r[2] for r in plain)
        base = score(qs, lambda t: literal.resolve(t, as_of=AS_OF))
        ok, lit = sum(r[2] for r in ours), sum(r[2] for r in base)
        cite_ok = sum(cites_hit(q, a) for q, a, _ in ours)
        among = sum(right_among_readings(q, a) for q, a, _ in ours)
        asking_nothing = sum(1 for _, a, _ in ours if a.get("readings"))
        misses = Counter(miss_kind(q, a) for q, a, good in ours if not good)
        negative_verdicts = sum(1 for q, a, _ in ours if (a.get("item") or {}).get("kind") == "negative")
        misread = intent_confusion(ours)
        figures[split] = {"n": len(qs), "accuracy": ok / len(qs), "literal": lit / len(qs), "without_prior": first_pick / len(qs),
                          "prior_trained_on": split in training_splits(),
                          "ratio": (ok / lit) if lit else None, "cites": cite_ok / len(qs),
                          "negative_as_verdict": negative_verdicts,
                          "among_readings": among / len(qs), "with_readings": asking_nothing,
                          "by_class": {k: {"ok": v[0], "n": v[1], "literal_ok": table(base, lambda q: q.cls).get(k, (0, 0))[0]}
                                       for k, v in table(ours, lambda q: q.cls).items()},
                          "misses": {k: misses.get(k, 0) for k in MISS_KINDS},
                          "intent_read": {"right": sum(1 for q, a, _ in ours if read_intent(a) == q.intent),
                                          "without_prior": sum(1 for q, a, _ in plain if read_intent(a) == q.intent),
                                          "misread": [{"label": l, "read": r, "n": n, "wrong": w} for (l, r), (n, w) in misread]},
                          "sources": len({q.source for q in qs}),
                          "by_source_kind": {k: {"ok": v[0], "n": v[1], "literal_ok": table(base, lambda q: kinds.get(q.source, "?")).get(k, (0, 0))[0]}
                                             for k, v in table(ours, lambda q: kinds.get(q.source, "?")).items()}}
        f = figures[split]
        md += [f"## {SPLITS[split]}：{len(qs)} 题", "",
               f"- 本系统：{share(ok, len(qs))}；字面匹配：{share(lit, len(qs))}；倍数 {f['ratio']:.2f}×" if lit else f"- 本系统：{share(ok, len(qs))}",
               f"- 不用两个先验（只按字词和语义选事项、按字词线索读问法）：{share(first_pick, len(qs))}"
               + ("（本集是先验的训练数据，用先验的数字是样本内的）" if f["prior_trained_on"] else "（本集未用于训练先验）"),
               f"- 答案引用了标注要求的依据：{share(cite_ok, len(qs))}；负面行为成为结论：{negative_verdicts} 题",
               f"- 另列了同一事项其他问法的（来信另一句还问了，或没有直接提问）：{asking_nothing} 题；"
               f"首答或另列的问法之一符合标注：{share(among, len(qs))}（只作参考，准确率仍按首答计）", "",
               "| 类别 | 本系统 | 字面匹配 |", "|---|---|---|"]
        for k, v in f["by_class"].items():
            md.append(f"| {k} | {share(v['ok'], v['n'])} | {share(v['literal_ok'], v['n'])} |")
        md += ["", "| 答错的题错在哪里 | 题数 |", "|---|---|"]
        md += [f"| {MISS_KINDS[k]} | {n} |" for k, n in f["misses"].items()]
        md += ["", f"问的是什么读对了：{share(f['intent_read']['right'], len(qs))}（不用先验 {f['intent_read']['without_prior']}）。读错最多的几种（只计数，不列题目）：", "",
               "| 标注的问法 | 读成 | 题数 | 其中答错 |", "|---|---|---|---|"]
        md += [f"| {m['label']} | {m['read']} | {m['n']} | {m['wrong']} |" for m in f["intent_read"]["misread"][:MISREAD_SHOWN]]
        md += ["", f"| 来源类型（{f['sources']} 个来源） | 本系统 | 字面匹配 |", "|---|---|---|"]
        for k, v in f["by_source_kind"].items():
            md.append(f"| {k} | {share(v['ok'], v['n'])} | {share(v['literal_ok'], v['n'])} |")
        md.append("")
        if split == "dev":
            failures = [(q, a) for q, a, good in ours if not good]
        two = agreement.figures(ours)
        if two is not None:
            agreed[split] = f["labellers"] = two
    md += agreement.markdown(agreed, SPLITS)
    topics, asks = public_pages.topic_figures(resolver, AS_OF), public_pages.ask_figures()
    figures["public_pages"] = {"topics": topics, "asks": asks}
    md += public_pages.markdown(topics, asks)
    figures["seconds"] = round(time.perf_counter() - t0, 1)
    if args.write:
        args.write.write_text("\n".join(md) + "\n", "utf-8")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print("\n".join(md))
    if args.failures == "dev":
        for q, a in failures:
            asked = a.get("asked") or {}
            print(f"{q.qid} [{q.cls}/{q.intent}] want {sorted(q.verdicts)} {sorted(q.bodies)} got {a.get('verdict')} "
                  f"{led_body(a)} intent={a.get('intent', {}).get('id')} item={(a.get('item') or {}).get('id')} "
                  f"{(a.get('item') or {}).get('name')} asked={asked.get('answered_role')}\n    {q.text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
