"""A load killed midway (SIGKILL, the way a crash or an operator's kill -9 ends it) and run
again leaves exactly the graph a clean load gives: no duplicates, no leftovers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def query(store: Any, cypher: str) -> list[dict[str, Any]]:
    """A fixed test query straight through the store's driver (no user text involved)."""
    with store._driver.session(database=store.database) as s:  # noqa: SLF001
        return s.run(cypher).data()


def test_killed_load_rerun_leaves_no_duplicates(neo4j_store, bundled_graph):
    env = {**os.environ, "QINGDAN_NEO4J_URI": neo4j_store.uri, "QINGDAN_NEO4J_DATABASE": neo4j_store.database}
    cmd = [str(Path(sys.executable).parent / "qingdan"), "load", "--store", "neo4j"]
    # start from a half-different graph: drop everything so the killed load is caught mid-write
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
    nodes = neo4j_store.count_nodes()
    assert sum(nodes.values()) == len(bundled_graph.nodes)
    assert sum(neo4j_store.count_rels().values()) == len({(r.src, r.type, r.dst) for r in bundled_graph.rels})
    distinct = query(neo4j_store, "MATCH (n:Entity) RETURN count(DISTINCT n.id) AS ids, count(n) AS n")
    assert distinct[0]["ids"] == distinct[0]["n"]
