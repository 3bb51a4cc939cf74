"""Resolve latency (p50/p99) over a fixed question set, and /resolve requests per second against
a trivial route in the same run, in one process over the ASGI app.

    .venv/bin/python bench/resolve.py [--store memory|neo4j] [--rounds 20] [--json]

build_s: building the resolver in this fresh process (it reads jieba's dictionary pieces, ~0.1 s, once
per process, and the item index from QINGDAN_CACHE/index when the same catalog was indexed before —
the first run after a catalog or code change builds and writes it); rebuild_s: building it again, as
a server does when the graph changes. first_ms: the first
asking of each question (the bench questions and the dev set's), nothing cached for it yet and no
warm-up; explain_ms: the explanation-subgraph reads among them (on Neo4j the one round trip each).
resolve_ms: the bench questions asked again. --json prints the figures on one line.

Figures are ratios and percentiles measured in this run on this machine; nothing here asserts.
"""
from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings
from qingdan.api.state import open_store
from qingdan.queries.resolve import Resolver

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.questions import QUESTIONS  # noqa: E402

DEV = Path(__file__).resolve().parent / "eval" / "dev.csv"


def first_questions() -> list[tuple[str, str | None]]:
    """The bench questions, then the dev set's (without village: its places are named in the text)."""
    with DEV.open(encoding="utf-8") as f:
        dev = [(row["question"], None) for row in csv.DictReader(f)]
    return list(dict.fromkeys([*QUESTIONS, *dev]))


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="memory")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--json", action="store_true", help="the figures as one line of JSON")
    args = ap.parse_args()
    store = open_store(args.store)
    t = time.perf_counter()
    Resolver(store)
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    resolver = Resolver(store)
    rebuild_s = time.perf_counter() - t
    explain = store.explain
    reads: list[float] = []

    def timed_explain(*a, **k):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return explain(*a, **k)
        finally:
            reads.append((time.perf_counter() - t0) * 1000)

    store.explain = timed_explain  # type: ignore[method-assign]
    cold = []
    for q, v in first_questions():  # first askings: nothing cached for them, no warm-up
        t = time.perf_counter()
        resolver.resolve(q, village=v)
        cold.append((time.perf_counter() - t) * 1000)
    store.explain = explain  # type: ignore[method-assign]
    lat = []
    for _ in range(args.rounds):
        for q, v in QUESTIONS:
            t = time.perf_counter()
            resolver.resolve(q, village=v)
            lat.append((time.perf_counter() - t) * 1000)
    client = TestClient(create_app(store=store, settings=Settings()))

    def rps(path: str, params_list: list[dict[str, str]], n: int) -> float:
        t = time.perf_counter()
        for i in range(n):
            r = client.get(path, params=params_list[i % len(params_list)])
            assert r.status_code == 200
        return n / (time.perf_counter() - t)

    params = [{"q": q, **({"village": v} if v else {})} for q, v in QUESTIONS]
    for p in params:  # the app builds its own resolver: warm it as a running server would be
        client.get("/resolve", params=p)
    n = len(QUESTIONS) * max(1, args.rounds // 2)
    trivial = rps("/health", [{}], n)
    resolve_rps = rps("/resolve", params, n)
    out = {"store": args.store, "questions": len(QUESTIONS), "samples": len(lat),
           "build_s": round(build_s, 3), "rebuild_s": round(rebuild_s, 3),
           "first_ms": {"n": len(cold), "p50": round(statistics.median(cold), 3), "p99": round(pct(cold, 99), 3),
                        "max": round(max(cold), 3)},
           "explain_ms": {"n": len(reads), "p50": round(statistics.median(reads), 3) if reads else None,
                          "p99": round(pct(reads, 99), 3) if reads else None},
           "resolve_ms": {"p50": round(statistics.median(lat), 3), "p99": round(pct(lat, 99), 3), "max": round(max(lat), 3)},
           "rps": {"health": round(trivial, 1), "resolve": round(resolve_rps, 1), "ratio": round(resolve_rps / trivial, 3)}}
    print(json.dumps(out, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
