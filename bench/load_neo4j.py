"""Neo4j loading and answering, measured in one run against a real Neo4j (make neo4j-up):

1. entities per second of the batched loader (Neo4jStore.replace_all: a new generation written with
   CREATE-only UNWIND batches, then the switch; queries/stores/neo4j_load.py) against a naive loader
   (one MERGE per row on the same key, (_load, id), backed by the same unique constraint, one
   transaction each) on the same rows;
2. time to load all national divisions (the repo's NBS tables, ~1.3M division and body nodes)
   — only with --national: loaded in place of the bundled graph, then again in place of itself
   (the old generation to delete is then national too), then the bundled graph back;
3. resolve latency on Neo4j against the embedded store (warm and cold).

    .venv/bin/python bench/load_neo4j.py [--sample 10000] [--national] [--json]

`ratio` is the batched loader's speed over the naive one on the same sample; --json prints the
figures on one line. `cpu_s` splits a load's time into this process's CPU (preparing rows, the
driver's encoding) and the server's (reading /proc of the JVM of tools/neo4j/up.sh, so only for that
local server; QINGDAN_NEO4J_PID names another): on a busy machine CPU seconds say where the work is
better than wall seconds.

It replaces the graph in the Neo4j database it talks to; reload afterwards with `qingdan load --store neo4j`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from qingdan.loaders.cache import cached_graph
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.base import PropertyGraph
from qingdan.queries.stores.memory import MemoryStore
from qingdan.queries.stores.neo4j_store import Neo4jStore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.questions import QUESTIONS  # noqa: E402

# the naive loader MERGEs on the key the schema makes unique, (_load, id): an index seek per row, as
# MERGE on id was before generations (without the _load it would scan every entity per row)
PROVINCE = "division/44"  # Guangdong: in the bundled graph and the national one, with other neighbours
NAIVE = "MERGE (n:Entity {_load: $load, id: $id}) SET n += $props, n.label = $label"


PIDFILE = Path(__file__).resolve().parent.parent / "tools" / "neo4j" / "run" / "neo4j.pid"


def server_pid() -> int | None:
    """The local Neo4j JVM's pid (QINGDAN_NEO4J_PID, else tools/neo4j/up.sh's pid file), or None."""
    raw = os.environ.get("QINGDAN_NEO4J_PID") or (PIDFILE.read_text().strip() if PIDFILE.exists() else "")
    return int(raw) if raw.isdigit() and Path(f"/proc/{raw}/stat").exists() else None


def cpu_now(pid: int | None) -> tuple[float, float | None]:
    """(this process's CPU seconds, the server's CPU seconds or None)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    server = None
    if pid is not None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            server = None
    return own.ru_utime + own.ru_stime, server


def cpu_since(pid: int | None, start: tuple[float, float | None]) -> dict[str, float | None]:
    own, server = cpu_now(pid)
    return {"python": round(own - start[0], 2),
            "server": round(server - start[1], 2) if server is not None and start[1] is not None else None}


def sample_graph(full: PropertyGraph, n: int) -> PropertyGraph:
    g = PropertyGraph()
    for node in list(full.nodes.values())[:n]:
        g.add_node(node)
    return g


def naive_load(store: Neo4jStore, g: PropertyGraph) -> float:
    store.ensure_schema()
    t = time.perf_counter()
    for node in g.nodes.values():
        props = {k: v for k, v in node.props.items() if v is not None}
        store._write(NAIVE, id=node.id, props=props, label=node.label, load="naive")  # noqa: SLF001
    return time.perf_counter() - t


def watch_readers(store: Neo4jStore, old: PropertyGraph, new: PropertyGraph, ready: threading.Event,
                  stop: threading.Event, out: dict[str, Any]) -> None:
    """Read while a load runs, until `stop`. Each read query — entities per label, the provinces,
    one province's neighbours, the version — is one transaction, and its answer must be the old
    graph's or the new one's, never a mix of the two (`mixed` counts answers that are neither).
    Successive queries may straddle the switch: each is judged on its own."""
    def expect(g: PropertyGraph) -> dict[str, Any]:
        m = MemoryStore()
        m.replace_all(g)
        return {"counts": m.count_nodes(), "provinces": sorted(n.id for n in m.nodes("Province")),
                "neighbours": [(r.type, n.id) for r, n in m.neighbors(PROVINCE, direction="in")]}

    reads = {"counts": store.count_nodes, "provinces": lambda: sorted(n.id for n in store.nodes("Province")),
             "neighbours": lambda: [(r.type, n.id) for r, n in store.neighbors(PROVINCE, direction="in")]}
    want = {"old": expect(old), "new": expect(new)}
    versions = {"old": store.version(), "new": None}
    ready.set()
    counts = {"old": 0, "new": 0, "mixed": 0, "errors": 0, "versions": 0}
    while not stop.is_set():
        for key, read in reads.items():
            try:
                seen = read()
            except Exception:  # counted, not raised
                counts["errors"] += 1
                continue
            counts["old" if seen == want["old"][key] else "new" if seen == want["new"][key] else "mixed"] += 1
        counts["versions"] += 1
        v = store.version()
        if v != versions["old"]:
            versions["new"] = versions["new"] or v
            counts["mixed"] += v != versions["new"]  # a third version: never expected
    out.update(counts)


def latencies(store, questions: list[tuple[str, str | None]], rounds: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    r = Resolver(store)
    cold = []
    for q, v in questions:
        t = time.perf_counter()
        r.resolve(q, village=v)
        cold.append((time.perf_counter() - t) * 1000)
    warm = []
    for _ in range(rounds):
        for q, v in questions:
            t = time.perf_counter()
            r.resolve(q, village=v)
            warm.append((time.perf_counter() - t) * 1000)
    warm.sort()
    return {"cold_p50": round(statistics.median(cold), 2), "cold_max": round(max(cold), 2),
            "warm_p50": round(statistics.median(warm), 3), "warm_p99": round(warm[int(0.99 * (len(warm) - 1))], 3)}


def sample_and_bundled(neo: Neo4jStore, full: PropertyGraph, sample: int, out: dict[str, Any]) -> None:
    """The ratio on the first `sample` entities, the bundled graph's load, resolve latency."""
    g = sample_graph(full, sample)
    pid = server_pid()
    neo.replace_all(PropertyGraph())  # empty the database
    c = cpu_now(pid)
    naive_s = naive_load(neo, g)
    naive_cpu = cpu_since(pid, c)
    neo.replace_all(PropertyGraph())
    t, c = time.perf_counter(), cpu_now(pid)
    sample_report = neo.replace_all(g)
    batched_s = time.perf_counter() - t
    out["loader"] = {"entities": len(g.nodes), "naive_per_s": round(len(g.nodes) / naive_s, 1),
                     "batched_per_s": round(len(g.nodes) / batched_s, 1), "ratio": round(naive_s / batched_s, 1),
                     "steps_s": sample_report.steps, "cpu_s": {"naive": naive_cpu, "batched": cpu_since(pid, c)}}
    out["ratio"] = out["loader"]["ratio"]

    t, c = time.perf_counter(), cpu_now(pid)
    report = neo.replace_all(full)
    out["bundled_load_s"] = round(time.perf_counter() - t, 1)
    out["bundled_steps_s"] = report.steps
    out["bundled_cpu_s"] = cpu_since(pid, c)
    out["bundled"] = {"nodes": sum(report.nodes.values()), "relationships": sum(report.relationships.values())}

    mem = MemoryStore()
    mem.replace_all(full)
    out["resolve_ms"] = {"memory": latencies(mem, QUESTIONS, 10), "neo4j": latencies(neo, QUESTIONS, 10)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=10_000)
    ap.add_argument("--national", action="store_true")
    ap.add_argument("--only-national", action="store_true", help="skip the sample ratio and resolve latency")
    ap.add_argument("--json", action="store_true", help="the figures as one line of JSON")
    args = ap.parse_args()
    full = cached_graph()
    neo = Neo4jStore()
    neo.ping()
    out: dict[str, object] = {"load_average": [round(x, 2) for x in os.getloadavg()]}

    if args.only_national:  # the national load and its readers alone (bundled graph first, as below)
        args.national = True
        neo.replace_all(full)
    else:
        sample_and_bundled(neo, full, args.sample, out)

    if args.national:
        national = cached_graph(national=True)
        readers: dict[str, Any] = {}
        ready, stop = threading.Event(), threading.Event()
        watcher = threading.Thread(target=watch_readers, args=(Neo4jStore(), full, national, ready, stop, readers))
        watcher.start()
        ready.wait()  # the watcher's expected answers (from a MemoryStore of each graph) before the load
        pid = server_pid()
        t, c = time.perf_counter(), cpu_now(pid)
        rep = neo.replace_all(national)  # in place of the bundled graph
        out["national_load"] = {"seconds": round(time.perf_counter() - t, 1), "nodes": sum(rep.nodes.values()),
                                "relationships": sum(rep.relationships.values()), "steps_s": rep.steps,
                                "cpu_s": cpu_since(pid, c)}
        time.sleep(3)
        stop.set()
        watcher.join()
        out["national_load"]["readers"] = readers
        if not args.only_national:
            t = time.perf_counter()
            rep = neo.replace_all(national)  # in place of itself: the old generation to delete is national too
            out["national_reload"] = {"seconds": round(time.perf_counter() - t, 1), "steps_s": rep.steps}
        t = time.perf_counter()
        neo.replace_all(full)
        out["bundled_after_national_s"] = round(time.perf_counter() - t, 1)
    neo.close()
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
