"""The verdict prior's second look at an answer (queries/verdict_prior.py): when the prior finds the
first pick's kind of verdict unlikely for a question told this way, the answer for an item close
behind it, or 未列入, whose kind it finds likely.

A mixin of the Resolver (queries/resolve.py), which builds each candidate answer (answer_for) from
what the question asks, read once (Asking); kept apart so that how an answer is built and when a
learnt judgement may overrule its pick can change separately.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

from . import text_classifier, verdict_prior
from .intent import INTENT_ROLE, INTENT_ZH, Intent
from .matching import Match
from .ranking import UNLISTED_BELOW
from .scope import Scope
from .villages import Place

# the prior doubts a first pick whose kind of verdict it finds less likely than this, and trusts an answer close
# behind whose kind it finds at least this likely; close behind: among the next SECOND_LOOK items, matched at least
# NEAR_SHARE as well as the first (chosen on five new sets, each at the commit it was scored at untouched:
# bench/eval/README.md)
DOUBTED_BELOW, TRUSTED_FROM, NEAR_SHARE, SECOND_LOOK = 0.15, 0.3, 0.5, 5
# a story about cadres reads three ways: who should have decided, where to take it, may they do it
OTHER_READINGS = ("decides", "complaint", "may_do")
KIND_ZH = {"village_autonomy": "村里自己的事", "village_assists": "村里协助政府的事", "government": "政府部门的事",
           "not_for_village": "不该由村里承担的事", "unlisted": "未列入清单"}


@dataclass(frozen=True)
class Asking:
    """What a question asks, read once: each candidate answer is built from it (Resolver.answer_for)."""
    text: str
    plain: str
    day: date
    place: Place | None
    scope: Scope
    intent: Intent
    duties: list[Match]
    negatives: dict[str, float]
    misconduct: bool
    personal: bool
    asked_body: tuple[str, str] | None
    asked_of: str | None  # whom else the question is for (a key of off_domain.ASKED_OF), or None


class SecondOpinion:
    answer_for: Callable[[Asking, Match | None], dict[str, Any]]
    explain_options: Callable[..., None]
    items: dict[str, Any]

    def judged(self, asking: Asking, top: Match | None, first: dict[str, Any]) -> dict[str, Any]:
        """The first pick, unless the prior doubts it (a story of JUDGES_FROM characters or more only)."""
        if len(asking.plain) < text_classifier.JUDGES_FROM:
            return first
        if first["verdict"] == "unlisted" and asking.asked_of is not None:
            return first  # a question for someone else (off_domain.ASKED_OF): no item's verdict
        prior = verdict_prior.probabilities(asking.text)
        if prior is None or prior.get(verdict_prior.kind(first["verdict"]), 0.0) >= DOUBTED_BELOW:
            return first
        return self.second_opinion(asking, top, first, prior)

    def second_opinion(self, asking: Asking, top: Match | None, first: dict[str, Any], prior: dict[str, float]) -> dict[str, Any]:
        """The first pick's kind of verdict is unlikely for a question told this way (verdict_prior): the
        answer for the nearest item close behind it whose kind is likely; else, for the same item, the
        other reading of a story about cadres (who should have decided / where to complain / may they)
        whose kind is likeliest; else 未列入; else the first pick stands. Only items the question's words
        and meaning put near the first are weighed, so the prior chooses among answers the question could
        mean; it never brings in one it does not."""
        lead = min(1.0, top.score if top is not None else asking.duties[0].score if asking.duties else 0.0)
        near = [m for m in [m for m in asking.duties if top is None or m.id != top.id][:SECOND_LOOK]
                if min(1.0, m.score) >= NEAR_SHARE * lead]
        was = verdict_prior.kind(first["verdict"])
        self.explain_options([self.items[m.id] for m in near] + ([self.items[top.id], None] if top is not None else []),
                             asking.negatives, asking.place.village.id if asking.place else None, UNLISTED_BELOW, asking.personal)

        def likely(answer: dict[str, Any]) -> bool:
            now = verdict_prior.kind(answer["verdict"])
            return now != was and prior.get(now, 0.0) >= TRUSTED_FROM

        for m in near:
            if likely(answer := self.answer_for(asking, m)):
                return self.told(answer, first, prior, f"改答相近的“{(answer.get('item') or {}).get('name')}”")
        if top is None:
            return first
        readings = [self.answer_for(replace(asking, intent=Intent(i, INTENT_ROLE[i], asking.intent.cue, asking.intent.told)), top)
                    for i in OTHER_READINGS if i != asking.intent.id]
        readings = [a for a in readings if likely(a)]
        if readings:
            answer = max(readings, key=lambda a: prior[verdict_prior.kind(a["verdict"])])
            return self.told(answer, first, prior, f"同一事项改按“{INTENT_ZH[answer['intent']['id']]}”来答")
        answer = self.answer_for(asking, None)
        return self.told(answer, first, prior, "改答“未列入清单”") if likely(answer) else first

    @staticmethod
    def told(answer: dict[str, Any], first: dict[str, Any], prior: dict[str, float], change: str) -> dict[str, Any]:
        was, now = verdict_prior.kind(first["verdict"]), verdict_prior.kind(answer["verdict"])
        answer["second_opinion"] = {
            "first": {"item": (first.get("item") or {}).get("id"), "verdict": first["verdict"],
                      "intent": (first.get("intent") or {}).get("id"), "likelihood": round(prior.get(was, 0.0), 3)},
            "likelihood": round(prior[now], 3),
            "note": f"按已标注问题的经验，这样问的问题答“{KIND_ZH.get(was, was)}”的可能性很小（{prior.get(was, 0.0):.0%}），"
                    f"{change}（答“{KIND_ZH.get(now, now)}”的可能性 {prior[now]:.0%}）。"}
        return answer
