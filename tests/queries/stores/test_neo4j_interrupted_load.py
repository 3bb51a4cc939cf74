"""A load killed midway (SIGKILL, the way a crash or an operator's kill -9 ends it).

A load writes the new graph as a new generation beside the old one, switches the marker that
every reader follows in one tiny transaction, then deletes the old generation
(queries/stores/neo4j_load.py). Killed while it writes, the graph readers see is exactly the
previous one (counts, version, answers); the orphan generation it leaves is deleted by the next
load, which leaves exactly the graph a clean load gives, no duplicates, no leftovers. Killed after
the switch, while it deletes the old generation, readers see the new graph whole."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ...faults import load_step, load_tokens, load_transaction, wait_for


def query(store: Any, cypher: str, **params: Any) -> list[dict[str, Any]]:
    """A fixed test query straight through the store's driver (no user text involved)."""
    with store._driver.session(database=store.database) as s:  # noqa: SLF001
        return s.run(cypher, params).data()


def snapshot(store: Any) -> tuple[Any, ...]:
    village = store.nodes("Village")[0].id
    return (store.count_nodes(), store.count_rels(), store.version(), store.provenance_gaps(),
            store.neighbors(village, direction="out"), store.explain([], village))


def command(store: Any, **extra: str) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "QINGDAN_NEO4J_URI": store.uri, "QINGDAN_NEO4J_DATABASE": store.database, **extra}
    return [str(Path(sys.executable).parent / "qingdan"), "load", "--store", "neo4j"], env


def kill_at(store: Any, steps: tuple[str, ...], delay: float = 0.0, **extra: str) -> str | None:
    """Run `qingdan load`, SIGKILL it once its open transaction is at one of `steps` (+ delay);
    the step it was killed at, or None when it finished first. Waits until no load transaction
    is left on the server (rolled back, or its commit finished)."""
    cmd, env = command(store, **extra)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: list[str] = []

    def at_step() -> bool:
        step = load_step(store)
        if step and step[0] in steps:
            seen.append(step[0])
            return True
        return False

    caught = wait_for(at_step, proc, timeout=180, step=0.02)
    if caught:
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    wait_for(lambda: load_transaction(store) is None, timeout=30, step=0.1)
    return seen[-1] if caught else None


def test_a_load_killed_while_it_writes_leaves_the_previous_graph_and_a_rerun_cleans_up(neo4j_store, bundled_graph):
    before = snapshot(neo4j_store)
    old = before[2].removeprefix("neo4j-")
    assert sum(before[0].values()) == bundled_graph.size()[0]
    for steps, delay in ((("nodes",), 0.3), (("rels",), 0.3)):  # two orphans: one of nodes only, one with relationships
        step = kill_at(neo4j_store, steps, delay)
        assert step in steps, "the load finished before it could be interrupted"
        assert snapshot(neo4j_store) == before  # counts, version and answers: the previous graph exactly
    tokens = load_tokens(neo4j_store)
    assert tokens[old] == bundled_graph.size()[0] and len(tokens) == 3  # the two orphans, unseen

    cmd, env = command(neo4j_store)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "新旧混合" not in done.stdout
    after = snapshot(neo4j_store)
    assert after[:2] == before[:2] and after[2] != before[2]  # the same catalog loaded anew
    assert list(load_tokens(neo4j_store).values()) == [bundled_graph.size()[0]]  # orphans and old gone
    distinct = query(neo4j_store, "MATCH (n:Entity) RETURN count(DISTINCT n.id) AS ids, count(n) AS n")
    assert distinct[0]["ids"] == distinct[0]["n"] == bundled_graph.size()[0]
    rels = query(neo4j_store, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    assert rels == sum(after[1].values())


def test_a_load_killed_after_its_switch_leaves_the_new_graph_whole(neo4j_store, bundled_graph):
    before = snapshot(neo4j_store)
    old = before[2].removeprefix("neo4j-")
    # small sweep batches: the old generation is deleted in many transactions, one of them is caught
    step = kill_at(neo4j_store, ("sweep",), 0.2, QINGDAN_NEO4J_SWEEP_BATCH="1000")
    assert step == "sweep", "the load finished before it could be interrupted"
    after = snapshot(neo4j_store)
    assert after[2] not in (before[2], "neo4j-empty")  # switched: caches of the old version are not reused
    assert after[:2] == before[:2]  # the new graph whole (the same catalog)
    new = after[2].removeprefix("neo4j-")
    tokens = load_tokens(neo4j_store)
    assert tokens[new] == bundled_graph.size()[0]
    assert 0 < tokens[old] < bundled_graph.size()[0]  # the old generation part-deleted, unseen
    assert neo4j_store.sweep() == tokens[old]  # what a startup sweep or the next load deletes
    assert list(load_tokens(neo4j_store).values()) == [bundled_graph.size()[0]]
    assert snapshot(neo4j_store) == after
