"""Resolve latency (p50/p99) over a fixed question set, and /resolve requests per second against
a trivial route in the same run, in one process over the ASGI app.

    .venv/bin/python bench/resolve.py [--store memory|neo4j] [--rounds 20]

Figures are ratios and percentiles measured in this run on this machine; nothing here asserts.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings
from qingdan.api.state import open_store
from qingdan.queries.resolve import Resolver

QUESTIONS = [
    ("村里能不能给村民开无犯罪记录证明？", "440513101210"),
    ("村里要开会讨论宅基地怎么分，这个归谁管？", None),
    ("有人在村口乱搭乱建，村里管还是镇里管", "440523100201"),
    ("征兵的时候村里要做什么", None),
    ("低保申请村委会要做什么", "440513101210"),
    ("村民吵架了谁来调解", None),
    ("今天天气怎么样", None),
    ("老人要开健在证明，村里能开吗", None),
    ("村里的账要多久公布一次", None),
    ("村干部私自把集体的地租出去行不行", None),
    ("路边摆摊占道经营归谁管", "440507001001"),
    ("居民养狗要村里开证明吗", None),
    ("村委会换届选举谁主持", None),
    ("村里修路要不要村民会议同意", None),
    ("河溪镇中田村的集体土地发包方案要谁同意", None),
    ("村里的公章谁管，能随便盖吗", None),
]


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
