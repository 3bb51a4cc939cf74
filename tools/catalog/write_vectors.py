"""Writes queries/vectors/: the closeness-in-meaning vectors of every bundled item (`make vectors`).

Run after editing an item's name, phrasings, description or situations; tests/queries/test_semantic.py fails
until the table covers the bundled catalog again. Items of every place the tests serve are
included (their provincial lists add items), so no test encodes at start-up.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qingdan.loaders.cache import cached_graph  # noqa: E402
from qingdan.queries.resolve import Resolver  # noqa: E402
from qingdan.queries.semantic import SHIPPED, write_shipped  # noqa: E402
from qingdan.queries.stores.memory import MemoryStore  # noqa: E402

PLACES = ("330203", "110112", "510112", "130121", "430121", "140105")  # as tests/queries/conftest.py


def main() -> int:
    os.environ["QINGDAN_SEMANTIC"] = "0"  # the resolver's records only; the vectors are written below
    records: dict[str, dict[str, object]] = {}
    for places in ((), PLACES):
        store = MemoryStore()
        store.replace_all(cached_graph(places=places))
        for r in Resolver(store).index_records:
            records[str(r["id"])] = r
    fresh = write_shipped(list(records.values()))
    print(f"已写入 {SHIPPED}：{len(records)} 个事项，新计算 {fresh} 个向量")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
