"""The labellers' agreement: the second labeller's answer is judged by the rule the product's answer is."""
from __future__ import annotations

from bench.agreement import as_answer, figures, relabelled
from bench.scoring import Question, right

LEVELS = {"town_government": "town", "county_civil_affairs": "county", "villagers_assembly": "village"}


def first(intent: str, verdicts: set[str], bodies: set[str]) -> Question:
    return Question("Q1", "dev", "临时救助最后谁批", "S1", "role", intent, verdicts, bodies, [])


def second(verdicts: str, bodies: str, intent: str = "approves") -> dict[str, str]:
    return {"qid": "Q1", "intent": intent, "accepted_verdicts": verdicts, "role_bodies": bodies, "must_cite": ""}


def test_the_second_labellers_first_verdict_and_body_answer() -> None:
    q = first("approves", {"county_department", "town"}, {"county_civil_affairs"})
    # the verdict is accepted but the body approving is another: not agreement, as for the product
    assert not right(q, as_answer(second("town;county_department", "town_government"), LEVELS))
    assert right(q, as_answer(second("county_department", "county_civil_affairs;town_government"), LEVELS))
    # only the first verdict answers: a second one the first labels accept does not count
    assert not right(first("decides", {"village_autonomy"}, set()), as_answer(second("town;village_autonomy", ""), LEVELS))


def test_the_product_is_also_scored_by_the_second_labels() -> None:
    q = first("approves", {"county_department"}, {"county_civil_affairs"})
    again = relabelled(q, second("town", "town_government"))
    assert again.verdicts == {"town"} and again.bodies == {"town_government"}
    answer = {"verdict": "town", "asked": {"bodies": [{"body_type": "town_government", "level": "town"}]}}
    assert not right(q, answer) and right(again, answer)


def test_splits_without_second_labels_report_nothing() -> None:
    q = Question("NOT-A-QID", "heldout", "……", "S1", "role", "approves", {"town"}, set(), [])
    assert figures([(q, {"verdict": "town"}, True)]) is None
