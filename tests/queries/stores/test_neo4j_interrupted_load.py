"""A load killed midway (SIGKILL, the way a crash or an operator's kill -9 ends it).

The bundled graph is loaded in one transaction: killed inside it, the server rolls it back and the
previous graph is there exactly as it was; killed while it commits, the server finishes the commit
and the new graph is there whole, under a version other than the previous one. A graph above ATOMIC_MAX commits batch by batch
(forced here with QINGDAN_NEO4J_ATOMIC_MAX=0): killed midway it leaves a mix, and running the load
again leaves exactly the graph a clean load gives, no duplicates, no leftovers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ...faults import load_tokens, load_transaction, wait_for


def query(store: Any, cypher: str, **params: Any) -> list[dict[str, Any]]:
    """A fixed test query straight through the store's driver (no user text involved)."""
    with store._driver.session(database=store.database) as s:  # noqa: SLF001
        return s.run(cypher, params).data()


def snapshot(store: Any) -> tuple[dict[str, int], dict[str, int], str]:
    return store.count_nodes(), store.count_rels(), store.version()


def command(store: Any, **extra: str) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "QINGDAN_NEO4J_URI": store.uri, "QINGDAN_NEO4J_DATABASE": store.database, **extra}
    return [str(Path(sys.executable).parent / "qingdan"), "load", "--store", "neo4j"], env


def test_a_load_killed_inside_its_transaction_leaves_the_previous_graph(neo4j_store, bundled_graph):
    before = snapshot(neo4j_store)
    assert sum(before[0].values()) == len(bundled_graph.nodes)
    cmd, env = command(neo4j_store)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = wait_for(lambda: load_transaction(neo4j_store) is not None, proc, timeout=120, step=0.05)
    if killed:
        time.sleep(0.3)  # well inside the transaction: some batches written, not committed
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert killed, "the load finished before it could be interrupted"
    wait_for(lambda: load_transaction(neo4j_store) is None, timeout=30, step=0.1)  # the server rolls back
    assert snapshot(neo4j_store) == before
    assert load_tokens(neo4j_store) == {before[2].removeprefix("neo4j-"): len(bundled_graph.nodes)}


def test_a_load_killed_while_it_commits_leaves_the_new_graph_whole(neo4j_store, bundled_graph):
    before = snapshot(neo4j_store)
    cmd, env = command(neo4j_store)
    proc = None
    for _ in range(3):  # the commit lasts about half a second: caught by polling, nearly always first time
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        closing = wait_for(lambda: load_transaction(neo4j_store) == "Closing", proc, timeout=120, step=0.005)
        if closing and proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            break
        proc.wait(timeout=60)
        neo4j_store.replace_all(bundled_graph)
        before = snapshot(neo4j_store)
    else:
        raise AssertionError("never caught the load while it committed")
    wait_for(lambda: load_transaction(neo4j_store) is None, timeout=30, step=0.1)  # the server finishes the commit
    tokens = load_tokens(neo4j_store)
    assert list(tokens.values()) == [len(bundled_graph.nodes)]  # every entity from the new load
    assert "neo4j-" + next(iter(tokens)) != before[2]
    assert neo4j_store.version() != before[2]  # what was cached under the old version is not reused
    assert snapshot(neo4j_store)[:2] == before[:2]  # the same catalog: the same graph, loaded anew


def test_killed_batched_load_rerun_leaves_no_duplicates(neo4j_store, bundled_graph):
    cmd, env = command(neo4j_store, QINGDAN_NEO4J_ATOMIC_MAX="0")
    # start from an empty database so the killed load is caught mid-write
    query(neo4j_store, "MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    killed_at = None
    while time.time() < deadline and proc.poll() is None:
        n = sum(neo4j_store.count_nodes().values())
        if 0 < n < len(bundled_graph.nodes):
            proc.send_signal(signal.SIGKILL)
            killed_at = n
            break
        time.sleep(0.2)
    proc.wait(timeout=60)
    assert killed_at is not None, "the load finished before it could be interrupted"
    partial = sum(neo4j_store.count_nodes().values())
    assert partial < len(bundled_graph.nodes)

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "分批提交" in done.stdout
    nodes = neo4j_store.count_nodes()
    assert sum(nodes.values()) == len(bundled_graph.nodes)
    assert sum(neo4j_store.count_rels().values()) == len({(r.src, r.type, r.dst) for r in bundled_graph.rels})
    distinct = query(neo4j_store, "MATCH (n:Entity) RETURN count(DISTINCT n.id) AS ids, count(n) AS n")
    assert distinct[0]["ids"] == distinct[0]["n"]
