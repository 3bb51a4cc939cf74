"""The accuracy report's intent table: where reading the question fails, counted without showing any text."""
from __future__ import annotations

from bench.accuracy import Question, intent_confusion


def q(qid: str, intent: str) -> Question:
    return Question(qid, "heldout", "……", "S1", "role", intent, {"town"}, set(), [])


def test_misread_intents_are_counted_with_their_wrong_answers() -> None:
    rows = [
        (q("a", "complaint"), {"intent": {"id": "responsible"}}, False),
        (q("b", "complaint"), {"intent": {"id": "responsible"}}, True),
        (q("c", "decides"), {"intent": {"id": "responsible"}}, False),
        (q("d", "decides"), {"intent": {"id": "decides"}}, False),
        # a "may they?" read as the forbidden act is read right (SAME_INTENT)
        (q("e", "may_do"), {"intent": {"id": "forbidden"}}, False),
        (q("f", "timing"), {}, False),
    ]
    assert intent_confusion(rows) == [(("complaint", "responsible"), (2, 1)), (("decides", "responsible"), (1, 1)),
                                      (("timing", "none"), (1, 1))]
