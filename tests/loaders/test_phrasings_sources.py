"""The catalog's everyday phrasings and situations must not come from the questions the matcher is judged on.

Accuracy on held-out questions (bench/eval) means something only if no catalog row was written
from them: a phrasing may cite a development question (``dev:Q…``) or a public page, never a
held-out question, never a page the evaluation set was drawn from, and never a page whose wording
only scores the matcher (the test half of bench/eval/topics.csv and asks.csv).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "data" / "catalog"
EVAL = ROOT / "bench" / "eval"


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def _rows() -> list[tuple[str, int, dict[str, str]]]:
    out = []
    for path in sorted([*CATALOG.glob("phrasings_*.csv"), *CATALOG.glob("situations*.csv")]):
        with path.open(encoding="utf-8") as f:
            out += [(path.name, i + 2, r) for i, r in enumerate(csv.DictReader(f))]
    return out


def _qids(split: str) -> set[str]:
    with (EVAL / f"{split}.csv").open(encoding="utf-8") as f:
        return {r["qid"] for r in csv.DictReader(f)}


def test_phrasings_cite_only_development_questions() -> None:
    dev, held = _qids("dev"), _qids("heldout") | _qids("heldout2") | _qids("written_check")
    wrong = [(name, line, ref) for name, line, r in _rows()
             for ref in re.findall(r"dev:(Q\d+)", r["source"]) if ref not in dev or ref in held]
    assert not wrong, f"phrasings citing questions outside the dev split: {wrong[:5]}"


def test_no_phrasing_comes_from_an_evaluation_page() -> None:
    with (EVAL / "sources.csv").open(encoding="utf-8") as f:
        pages = {_url_key(r["url"]) for r in csv.DictReader(f) if r.get("url")}
    # the pages whose wording only scores the matcher (the test half of topics.csv and asks.csv)
    for name in ("topics.csv", "asks.csv"):
        with (EVAL / name).open(encoding="utf-8") as f:
            pages |= {_url_key(r["url"]) for r in csv.DictReader(f) if r["split"] == "test"}
    public = [(name, line, r["source"]) for name, line, r in _rows() if r["source"].startswith("http")]
    wrong = [(name, line, src) for name, line, src in public if _url_key(src) in pages]
    assert not wrong, f"phrasings drawn from pages of the evaluation set: {wrong[:5]}"
