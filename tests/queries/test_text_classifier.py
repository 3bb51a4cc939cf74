"""The shipped priors (queries/text_classifier.py and its two users): damaged weights are not used, with a
warning naming what they are, and the answer goes on without them."""
from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

import pytest

from qingdan.queries import intent_prior, verdict_prior

STORY = "我们村屋与屋之间那条小巷子水泥路烂了好几年，一下雨就积水，修它是村委会自己组织还是等镇政府来修？"


@pytest.mark.parametrize("prior, what", [(verdict_prior, "结论先验权重"), (intent_prior, "问法先验权重")])
def test_damaged_weights_are_not_used(prior: ModuleType, what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      caplog: pytest.LogCaptureFixture) -> None:
    assert prior.probabilities(STORY)  # the shipped weights answer
    bad = tmp_path / "prior.marshal"
    bad.write_bytes(b"\x00\x00\x00\x01not a table")
    monkeypatch.setattr(prior, "SHIPPED", bad)
    prior.shipped.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            assert prior.probabilities(STORY) is None
        assert "已损坏" in caplog.text and what in caplog.text
    finally:
        prior.shipped.cache_clear()


@pytest.mark.parametrize("prior", [verdict_prior, intent_prior])
def test_a_prior_turned_off_gives_nothing(prior: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prior.SWITCH, "0")
    assert prior.probabilities(STORY) is None
