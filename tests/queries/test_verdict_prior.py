"""The shipped verdict prior was trained on the development labels as they stand and on no question of
a split that is only scored; damaged weights are not used."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bench.scoring import SCORED_ONLY, development_splits, load
from qingdan.queries import verdict_prior
from qingdan.queries.text_classifier import fingerprint
from tests.catalog_tools import tool

STORY = "我们村屋与屋之间那条小巷子水泥路烂了好几年，一下雨就积水，修它是村委会自己组织还是等镇政府来修？"


def test_shipped_prior_matches_the_development_labels() -> None:
    model = verdict_prior.shipped()
    assert model is not None, "缺少结论先验权重：请运行 make priors"
    assert model.trained_on == fingerprint(tool("write_priors").verdict_rows()), "结论先验权重已过期：请运行 make priors"


def test_no_question_of_a_scored_only_split_is_trained_on() -> None:
    assert not set(development_splits()) & set(SCORED_ONLY)
    trained = {text for text, _ in tool("write_priors").verdict_rows()}
    scored = {q.text for split in SCORED_ONLY for q in load(split)}
    assert scored and not trained & scored


def test_damaged_weights_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "verdict-prior.marshal"
    bad.write_bytes(b"\x00\x00\x00\x01not a table")
    monkeypatch.setattr(verdict_prior, "SHIPPED", bad)
    verdict_prior.shipped.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            assert verdict_prior.probabilities(STORY) is None
        assert "已损坏" in caplog.text
    finally:
        verdict_prior.shipped.cache_clear()
