"""The other ways a letter that asks nothing can be read, answered briefly beside the one it is answered by.

Two in three of the letters people post (the verbatim development sets of bench/eval) tell a story and
ask no question ("村干部几个人就把集体的地卖了……"). What they want is then a guess: who should have
decided, whether it may be done at all, where to take it, or who answers for it. Two careful labellers
of the same letters guess differently about one time in five (bench/agreement.py), so an answer that
shows only its own guess leaves the writer who meant another with nothing. The answer still leads with
one reading (the verdict contract is unchanged); each other reading gets a line: the body that plays
that role, the verdict for it and its basis.

A mixin of the Resolver (queries/resolve.py), like the second opinion: each reading is the same item's
answer built again for another intent (Resolver.answer_for), from the subgraph the answer already read,
so on Neo4j it costs no further round trip.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from .asked import basis_text
from .intent import INTENT_ROLE, INTENT_ZH, Intent, asking_spans, detect, masked
from .matching import Match
from .second_opinion import Asking

# the questions a story about a village matter most often turns out to ask, in the order a reader weighs them
READINGS = ("decides", "may_do", "complaint", "responsible")


def asks_nothing(intent: Intent) -> bool:
    """No sentence asks (no cue), or the cue stands in the story told, not in a question."""
    return intent.cue is None or intent.told


def led(answer: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """The body an answer leads with, and the basis it gives for it: the asked role's first body, else the
    responsible body and the answer's first basis."""
    asked = answer.get("asked") or {}
    if asked.get("bodies"):
        b = asked["bodies"][0]
        return ({"type": b.get("body_type"), "name": b.get("body_name"), "level": b.get("level")},
                b.get("basis_label") or b.get("basis"))
    body = (answer.get("responsible") or {}).get("body_type")
    bases = [b for b in answer.get("bases") or [] if b.get("kind") in ("provision", "document") and b.get("label")]
    return (dict(body) if body else None), (basis_text(bases[0]) if bases else None)


def also_asked(plain: str, asked: Intent) -> list[Intent]:
    """The other questions a letter asks, each in a sentence of its own ("上任村委应在多少天内移交？谁来监督？"):
    each asking sentence read alone, in the order asked, leaving out what the answer already answers."""
    out: list[Intent] = []
    for a, b in asking_spans(masked(plain)):
        intent = detect(plain[a:b])
        if intent.cue is not None and intent.id != asked.id and intent.id not in {i.id for i in out}:
            out.append(Intent(intent.id, intent.role, intent.cue, False, taken=True))
    return out


class Readings:
    answer_for: Callable[[Asking, Match | None], dict[str, Any]]

    def other_readings(self, asking: Asking, answer: dict[str, Any]) -> list[dict[str, Any]]:
        """For an answer about an item: the same item's answer for each other question the letter asks in a
        sentence of its own (asked: true), and, for a letter that asks nothing, for each other reading in
        READINGS, one line each. A reading that leads to the same body and verdict as the answer or a line
        before it is left out; a question asked is kept, since the writer asked it."""
        item = (answer.get("item") or {}).get("id")
        if not item:
            return []
        node = f"item/{item}"  # an answer names its item by the id without the node prefix
        match = next((m for m in asking.duties if m.id == node), None) or Match(node, float(answer.get("confidence") or 0.0))
        body, _ = led(answer)
        seen = {(answer["verdict"], (body or {}).get("type"))}
        said = {(answer.get("intent") or {}).get("id")}
        wanted = [(i, True) for i in also_asked(asking.plain, asking.intent)]
        if asks_nothing(asking.intent):
            wanted += [(Intent(r, INTENT_ROLE[r], asking.intent.cue, asking.intent.told, taken=True), False) for r in READINGS]
        out: list[dict[str, Any]] = []
        for reading, asked in wanted:
            if reading.id in said:
                continue
            other = self.answer_for(replace(asking, intent=reading), match)
            intent = (other.get("intent") or {}).get("id") or reading.id
            body, basis = led(other)
            key = (other["verdict"], (body or {}).get("type"))
            if intent in said or (key in seen and not asked):
                continue
            said.add(intent)
            seen.add(key)
            out.append({"intent": {"id": intent, "zh": INTENT_ZH[intent]}, "asked": asked, "verdict": other["verdict"],
                        "verdict_zh": other["verdict_zh"], "body": body, "basis": basis})
        return out
