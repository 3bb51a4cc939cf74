"""Resolve latency (p50/p99) over a fixed question set, and /resolve requests per second against
a trivial route in the same run, in one process over the ASGI app.

    .venv/bin/python bench/resolve.py [--store memory|neo4j] [--rounds 20]

Figures are ratios and percentiles measured in this run on this machine; nothing here asserts.
"""
from __future__ import annotations

import argparse
import json
import sys
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings
from qingdan.api.state import open_store
from qingdan.queries.resolve import Resolver

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.questions import QUESTIONS  # noqa: E402



def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="memory")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    store = open_store(args.store)
    t = time.perf_counter()
    resolver = Resolver(store)
    build_ms = (time.perf_counter() - t) * 1000
    cold = []
    for q, v in QUESTIONS:  # first answers: nothing cached yet
        t = time.perf_counter()
        resolver.resolve(q, village=v)
        cold.append((time.perf_counter() - t) * 1000)
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
           "resolver_build_ms": round(build_ms, 1),
           "cold_ms": {"p50": round(statistics.median(cold), 3), "max": round(max(cold), 3)},
           "resolve_ms": {"p50": round(statistics.median(lat), 3), "p99": round(pct(lat, 99), 3), "max": round(max(lat), 3)},
           "rps": {"health": round(trivial, 1), "resolve": round(resolve_rps, 1), "ratio": round(resolve_rps / trivial, 3)}}
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
