"""National scale: the embedded store holding every village of the country (620,573 NBS village codes)
against the Shantou-only store, measured in the same run on the same machine.

    .venv/bin/python bench/national.py [--rounds 3] [--neo4j]

Each store is measured in its own child process, so memory is that store's alone:
- cold start: seconds to build (first start: no cache) or read from the cache (every later start) the
  validated graph, fill the store and build the resolver — what `qingdan serve` does before it answers;
- memory: resident set once started (`start_rss_mb`: the store and the resolver, what a server holds
  before its first question; `start_peak_rss_mb`: the most it held while starting), then peak and
  current after the questions (VmHWM / VmRSS from /proc/self/status; these include the bench's own
  reading of the NBS tables to pick village codes);
- resolve latency with `village=`: ~50 village codes spread over every province (national) or over
  Shantou's districts (Shantou-only), each asked the bench questions; p50 / p99 / max in ms.
The goal is national p99 ≤ 2 × Shantou p99.

--neo4j asks the same questions of Neo4j holding the bundled graph, then the national one (loading it
takes minutes: 1.35M nodes / 2.0M relationships written as a new generation, then one switch), in the same run; the
bundled graph is loaded back at the end, as the tests expect. Warm-up = each question once without a
village, timed apart; first pass = each village × question the first time (the Resolver keeps answers
per graph version); repeats = the same questions again.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = ["村里能不能给村民开无犯罪记录证明？", "有人在村口乱搭乱建，村里管还是镇里管", "低保申请村委会要做什么",
             "路边摆摊占道经营归谁管", "村里要开会讨论宅基地怎么分，这个归谁管？"]
CODES_PER_RUN = 50


def memory_kb() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0])
    return out


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else 0.0


def village_codes(national: bool, n: int = CODES_PER_RUN) -> list[str]:
    """n village codes spread evenly: over provinces (national) or over Shantou's districts."""
    from qingdan import paths
    from qingdan.loaders.divisions import load_divisions

    divs = load_divisions(paths.divisions_dir(), None if national else "4405")
    villages = sorted(d.code for d in divs if d.level == "village")
    width = 2 if national else 6  # province (44…) or district (440513…)
    groups: dict[str, list[str]] = {}
    for code in villages:
        groups.setdefault(code[:width], []).append(code)
    picked: list[str] = []
    k = 0
    while len(picked) < n and any(k < len(g) for g in groups.values()):
        for key in sorted(groups):  # round robin: the k-th village (spread within the group) of every group
            g = groups[key]
            if k < len(g) and len(picked) < n:
                picked.append(g[(k * 7919 + len(g) // 2) % len(g)])
        k += 1
    return picked


def measure(national: bool, rounds: int, cache: str) -> dict[str, Any]:
    """In a child process: cold start, memory and resolve latency of one embedded store."""
    os.environ["QINGDAN_CACHE"] = cache
    t0 = time.perf_counter()
    from qingdan.loaders.cache import cached_graph
    from qingdan.queries.resolve import Resolver
    from qingdan.queries.stores.memory import MemoryStore

    t_import = time.perf_counter() - t0
    t = time.perf_counter()
    graph = cached_graph(national=national)
    t_graph = time.perf_counter() - t
    t = time.perf_counter()
    store = MemoryStore()
    store.replace_all(graph)
    # the divisions table (PropertyGraph.divisions) counts as the nodes it stands for
    nodes, rels = graph.size() if hasattr(graph, "size") else (len(graph.nodes), len(graph.rels))
    del graph
    t_store = time.perf_counter() - t
    t = time.perf_counter()
    resolver = Resolver(store)
    t_resolver = time.perf_counter() - t
    started = memory_kb()
    codes = village_codes(national)
    asked = ask_all(resolver, codes, rounds)
    villages = store.count_nodes().get("Village", 0)
    mem = memory_kb()
    return {"national": national, "nodes": nodes, "relationships": rels, "villages": villages,
            "codes": len(codes), "provinces_or_districts": len({c[:2 if national else 6] for c in codes}),
            "cold_start_s": round(t_import + t_graph + t_store + t_resolver, 2),
            "steps_s": {"imports": round(t_import, 2), "graph": round(t_graph, 2), "store": round(t_store, 2),
                        "resolver": round(t_resolver, 2)},
            "start_rss_mb": round(started.get("VmRSS", 0) / 1024),
            "start_peak_rss_mb": round(started.get("VmHWM", 0) / 1024),
            "rss_mb": round(mem.get("VmRSS", 0) / 1024), "peak_rss_mb": round(mem.get("VmHWM", 0) / 1024),
            **asked}


def child(national: bool, rounds: int, cache: str) -> dict[str, Any]:
    code = (f"import json, sys; sys.path.insert(0, {str(REPO)!r}); from bench.national import measure; "
            f"print(json.dumps(measure({national}, {rounds}, {cache!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"测量失败：{done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ask_all(resolver: Any, codes: list[str], rounds: int) -> dict[str, Any]:
    """Each question once without a village (the warm-up: what a fresh process pays once per question,
    whatever the number of villages), then every question with every code: the first pass (no answer
    cached for that village yet) and `rounds` repeats.

    The warm-up is timed on its own: before it was, the first village's five answers were the five
    slowest of the first pass, so its p99 measured how cold the process and the database were, not
    how many villages were loaded."""
    warmup = []
    for q in QUESTIONS:
        t = time.perf_counter()
        resolver.resolve(q)
        warmup.append((time.perf_counter() - t) * 1000)
    first, lat, errors = [], [], 0
    for r in range(rounds + 1):
        for code in codes:
            for q in QUESTIONS:
                t = time.perf_counter()
                try:
                    answer = resolver.resolve(q, village=code)
                    if (answer.get("village") or {}).get("village", {}).get("code") != code:
                        errors += 1
                except Exception:  # counted, not raised: the figure is how many failed
                    errors += 1
                (first if r == 0 else lat).append((time.perf_counter() - t) * 1000)
    return {"warmup_ms": {"samples": len(warmup), "max": round(max(warmup), 2), "total": round(sum(warmup), 2)},
            "first_ms": {"samples": len(first), "p50": round(pct(first, 50), 2), "p99": round(pct(first, 99), 2)},
            "resolve_ms": {"samples": len(lat), "p50": round(pct(lat, 50), 2), "p99": round(pct(lat, 99), 2),
                           "max": round(max(lat, default=0), 2)},
            "errors": errors}


def neo4j_figures(rounds: int) -> dict[str, Any]:
    """Neo4j holding the bundled graph, then the national one, asked the same way; bundled graph back after."""
    from qingdan.loaders.cache import cached_graph
    from qingdan.queries.resolve import Resolver
    from qingdan.queries.stores.neo4j_store import Neo4jStore

    store = Neo4jStore()
    out: dict[str, Any] = {}
    try:
        store.ping()
        store.replace_all(cached_graph())
        t = time.perf_counter()
        resolver = Resolver(store)
        out["shantou"] = {"resolver_s": round(time.perf_counter() - t, 2), **ask_all(resolver, village_codes(False), rounds)}
        graph = cached_graph(national=True)
        t = time.perf_counter()
        report = store.replace_all(graph)
        load_s = time.perf_counter() - t
        del graph
        t = time.perf_counter()
        resolver = Resolver(store)
        out["national"] = {"load_s": round(load_s, 1), "atomic": report.atomic, "nodes": sum(report.nodes.values()),
                           "relationships": sum(report.relationships.values()),
                           "resolver_s": round(time.perf_counter() - t, 2), **ask_all(resolver, village_codes(True), rounds)}
        return {**out, **p99_ratios(out["shantou"], out["national"])}
    finally:
        store.replace_all(cached_graph())  # what the tests and `make demo` expect to find
        store.close()


def p99_ratios(shantou: dict[str, Any], national: dict[str, Any]) -> dict[str, float | None]:
    """National p99 over Shantou p99, for the first pass and for repeats (the goal: ≤ 2)."""
    out: dict[str, float | None] = {}
    for key in ("first_ms", "resolve_ms"):
        s, n = shantou[key]["p99"], national[key]["p99"]
        out[f"{key}_p99_ratio"] = round(n / s, 2) if s else None
    return out


def run(rounds: int = 3, with_neo4j: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="qingdan-national-") as cache:
        # a private cache: the first start of each builds and validates (a new machine, or changed data),
        # the second reads what the first wrote (every later start)
        out["shantou_cold"] = child(False, 0, cache)
        out["shantou"] = child(False, rounds, cache)
        out["national_cold"] = child(True, 0, cache)
        out["national"] = child(True, rounds, cache)
    out.update(p99_ratios(out["shantou"], out["national"]))
    out["goal_p99_ratio_max"] = 2.0
    if with_neo4j:
        out["neo4j"] = neo4j_figures(rounds)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="passes over codes × questions after the first")
    ap.add_argument("--neo4j", action="store_true", help="also load the national graph into Neo4j (minutes)")
    args = ap.parse_args()
    print(json.dumps(run(args.rounds, args.neo4j), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
