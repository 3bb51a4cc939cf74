"""What an answer's own bases forbid, for a question that asks "may they do this?", and what times they set,
for one that asks "how often, within how many days?".

Whether one concrete act is lawful is beyond what the catalog records: it knows who does a matter and
by what procedure. But the provisions it cites often say in so many words what must not be done
("村民委员会成员及其近亲属不得担任村务监督机构成员"), and a villager asking "is it allowed?" should see
those sentences before the verdict, which is about the matter, not the act. Only the answer's bases
are read (the texts in force on the day, already in the answer): no other provision is searched,
so nothing is claimed from a statute the answer does not cite. The same holds for times: "村民代表会议每季度召开一次"
answers "多久开一次" where the disclosure list only knows how often things are posted.
"""
from __future__ import annotations

import re
from typing import Any

from .matching import normalize

PROHIBITION = re.compile(r"不得|禁止|严禁|不准|不允许")
# a time the law sets: how often (每季度), within or before how many days (十日内, 二十日前), a term (任期, 届满)
TIME_SET = re.compile(r"每(年|季度|季|半年|月|周|届)|[0-9一二三四五六七八九十两百]+个?(日|天|月|年|工作日|小时)(内|前|以内|之内|以前)?|任期|届满")
SENTENCE_END = re.compile(r"(?<=[。；])|\n")
ARTICLE_HEAD = re.compile(r"^第[一二三四五六七八九十百零]+条\s*")
SHOWN = 3
# word pairs nearly every question and provision about a village shares (its organs' names, "其他"): sharing
# only these, a forbidding sentence says nothing of the act asked about ("已在户籍所在村…不得再参加…选举"
# for a question on candidates' age), and none is better than a wrong one
EVERYWHERE = frozenset({"村委", "委会", "民委", "员会", "村民", "其他"})


def _bigrams(text: str) -> set[str]:
    t = normalize(text)
    return {t[i:i + 2] for i in range(len(t) - 1) if " " not in t[i:i + 2]}  # normalize turns punctuation and whitespace into one space


def prohibitions(bases: list[dict[str, Any]], question: str, limit: int = SHOWN) -> list[dict[str, Any]]:
    """The forbidding sentences of the bases in force that share a word with the question, those sharing most
    first. A sentence that opens a list ("不得有下列行为：") says nothing alone and is left out."""
    return _sentences(bases, question, PROHIBITION, limit)


def time_rules(bases: list[dict[str, Any]], question: str, limit: int = SHOWN) -> list[dict[str, Any]]:
    """The sentences of the bases in force that set a time (how often, within how many days, a term) and share
    a word with the question, those sharing most first."""
    return _sentences(bases, question, TIME_SET, limit)


def _sentences(bases: list[dict[str, Any]], question: str, keep: re.Pattern[str], limit: int) -> list[dict[str, Any]]:
    asked = _bigrams(question)
    found: list[tuple[float, int, dict[str, Any]]] = []
    seen: set[str] = set()
    for b in bases:
        if b.get("kind") != "provision" or not b.get("current", True) or not b.get("text"):
            continue
        for sentence in SENTENCE_END.split(ARTICLE_HEAD.sub("", str(b["text"]))):
            s = sentence.strip().rstrip("；。")
            if not keep.search(s) or s.endswith("：") or s in seen:
                continue
            seen.add(s)
            label = f"《{b['work']}》" + (f"（{str(b['version'])[:4]}年文本）" if b.get("version") else "") + str(b.get("label") or "")
            own = _bigrams(s)
            if not (asked & own) - EVERYWHERE:
                continue
            # shared words per square root of the sentence's own: a long clause shares more by its length alone
            found.append((len(asked & own) / max(len(own), 1) ** 0.5, len(found), {"citation": b.get("citation"), "label": label, "text": s}))
    found.sort(key=lambda f: (-f[0], f[1]))
    return [f[2] for f in found[:limit]]


def may_do(answer: dict[str, Any]) -> dict[str, Any]:
    """The asked part of a "may they do this?" answer not already answered as a forbidden act: for a duty,
    its verdict and what its bases forbid; for a prohibited item, no, and why."""
    limits = prohibitions(answer.get("bases") or [], str(answer.get("question") or ""))
    item = answer.get("item") or {}
    quoted = "；".join(f"“{x['text']}”（{x['label']}）" for x in limits)
    if item.get("kind") == "prohibited":
        # the matter is itself what the village must not do: the answer is no, and its bases say why
        text = f"不可以：“{item.get('name')}”是{answer['verdict_zh']}。" + (f"依据中的禁止性规定：{quoted}。" if limits else "")
    elif limits:
        text = f"这件事本身：{answer['verdict_zh']}。具体做法是否合法，要看是否符合依据中的条件和程序，其中的禁止性规定：{quoted}。"
    else:
        text = f"这件事本身：{answer['verdict_zh']}。本库说明这件事由谁、依什么程序办理，不能代替对具体做法是否合法的判断，请对照下列依据。"
    return {"role": None, "role_zh": "能否这样做", "answered_role": None, "bodies": [],
            "verdict": answer["verdict"], "text": text, "limits": limits}
