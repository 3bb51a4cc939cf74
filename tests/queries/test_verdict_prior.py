"""The shipped verdict prior was trained on the development labels as they stand and on no question of
a split that is only scored (damaged weights: tests/queries/test_text_classifier.py)."""
from __future__ import annotations

from bench.scoring import NOT_TRAINED, SCORED_ONLY, development_splits, load
from qingdan.queries import verdict_prior
from qingdan.queries.text_classifier import fingerprint
from tests.catalog_tools import tool


def test_shipped_prior_matches_the_development_labels() -> None:
    model = verdict_prior.shipped()
    assert model is not None, "缺少结论先验权重：请运行 make priors"
    assert model.trained_on == fingerprint(tool("write_priors").verdict_rows()), "结论先验权重已过期：请运行 make priors"


def test_no_question_of_a_scored_only_split_is_trained_on() -> None:
    assert not set(development_splits()) & set(SCORED_ONLY)
    trained = {text for text, _ in tool("write_priors").verdict_rows()}
    scored = {q.text for split in SCORED_ONLY for q in load(split)}
    assert scored and not trained & scored


def test_no_question_of_a_split_kept_out_of_training_is_trained_on() -> None:
    trained = {text for text, _ in tool("write_priors").verdict_rows()}
    kept_out = {q.text for split in NOT_TRAINED for q in load(split)}
    assert kept_out and not trained & kept_out
