"""Writes queries/vectors/topic-judge-*.marshal: the on/off-topic judgement for short questions
(`make topic-judge`).

On topic: every bundled item's phrasings and everyday situations, as the resolver holds them, and
the on-topic rows of data/catalog/topic_examples.csv; off topic: its off-topic rows. Run after
editing either; tests/queries/test_topic_judge.py fails until the weights match them again.
"""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from qingdan.errors import DataError, Problem  # noqa: E402
from qingdan.loaders.cache import cached_graph  # noqa: E402
from qingdan.queries import topic_judge  # noqa: E402
from qingdan.queries.resolve import Resolver  # noqa: E402
from qingdan.queries.stores.memory import MemoryStore  # noqa: E402

EXAMPLES = ROOT / "data" / "catalog" / "topic_examples.csv"


def read_examples(path: Path = EXAMPLES) -> tuple[list[str], list[str]]:
    """The helper-written examples: label on/off and a question, each row checked."""
    on: list[str] = []
    off: list[str] = []
    problems: list[Problem] = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            label, text = (row.get("label") or "").strip(), (row.get("question") or "").strip()
            if label not in ("on", "off"):
                problems.append(Problem(path.name, n, "label", label, "应为 on 或 off"))
            if not text:
                problems.append(Problem(path.name, n, "question", None, "为空"))
            for field in ("provenance_status", "source"):
                if not (row.get(field) or "").strip():
                    problems.append(Problem(path.name, n, field, None, "缺少出处"))
            (on if label == "on" else off).append(text)
    if problems:
        raise DataError(problems, "话题判断的样例有误，未写入权重")
    return on, off


def catalog_phrasings() -> list[str]:
    os.environ["QINGDAN_SEMANTIC"] = "0"  # the records only
    store = MemoryStore()
    store.replace_all(cached_graph())
    return topic_judge.catalog_texts(Resolver(store).index_records)


def main() -> int:
    on, off = read_examples()
    on = catalog_phrasings() + on
    os.environ["QINGDAN_SEMANTIC"] = "1"
    path = topic_judge.write(on, off)
    print(f"已写入 {path}：话题内 {len(set(on))} 句，话题外 {len(set(off))} 句")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
