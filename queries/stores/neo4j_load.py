"""Loading a whole graph into Neo4j: a new generation beside the old one, then one switch.

Generations
    Every entity and relationship carries ``_load``, the token of the load that wrote it. One node,
    ``(:QingdanLoad {key: 'current'})``, holds the token of the generation readers see: every read
    query (queries/cypher/*.cypher) starts from that marker and only matches entities whose
    ``_load`` is its token; relationships are only ever created between two entities of one
    generation, so whatever a reader reaches from a current entity is current too.

``load_graph`` (Neo4jStore.replace_all)
    1. The whole graph is checked (names, value types, relationships whose ends are missing,
       reserved keys); nothing is written if that fails.
    2. Schema (idempotent): uniqueness on (_load, id) — ids repeat across generations, never inside
       one — and an index on (_load, label).
    3. The new generation is written with CREATE only (UNWIND batches, each its own transaction, no
       MERGE and no lookup of what is there): nodes per label, each batch returning the element ids
       it made; then relationships per type, their ends found by element id. Readers do not see any
       of it: the marker still names the old token.
    4. The switch: the marker takes the new token in one tiny transaction. A reader's query sees
       the old graph before it and the new one after it, never a mix.
    5. The old generation — and any orphan of an earlier load that was killed — is deleted in
       batches, after the transactions that were already running at the switch (readers that may
       still follow the old token) have ended, or `GRACE_SECONDS` have passed.

    Killed in 1–3, the database reads exactly as before; the orphan generation it leaves is
    invisible and deleted by the next load (or ``sweep``). Killed after 4, the new graph is whole
    and the old one, invisible, is deleted by the next load. Loading the same graph twice gives the
    same graph. One load at a time: a second load started during the first would delete the
    first's new generation as an orphan. The wait in 5 sees every reader's transactions only when
    the loading user may list them (SHOW TRANSACTIONS: an admin, or the readers' own user).

    A load's transactions carry metadata ``{app: qingdan, job: load, load: <token>, step: nodes |
    rels | switch | sweep}`` (SHOW TRANSACTIONS).

Where the time goes (2026-12-01, docs/reliability.md, issue 15)
    The server's CPU, not Python's: writing 100k national village rows costs the JVM ~4–5 CPU
    seconds and this process ~0.45 (driver encoding included). Why not ``LOAD CSV`` from the
    server's import directory: the same 100k rows read from a CSV file cost the server the same
    3.7–5.0 CPU seconds (the kernel's write path — properties, transaction state, commands, index
    updates — is the work, not decoding parameters), and relationships found by the (_load, id)
    index instead of by element id were slower; it would save only the driver's encoding and cost
    writing the files. Why the unique constraint on (_load, id) and not a plain index: the same
    rows cost the same within the noise (4.2–5.1 against 3.6–6.5 CPU seconds; without any index
    3.0), and it is what refuses a repeated id within a generation.
"""
from __future__ import annotations

import gc
import os
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Iterator

from neo4j import ManagedTransaction, unit_of_work

from qingdan.errors import DataError, Problem

from .base import LoadReport, Node, PropertyGraph, Rel

if TYPE_CHECKING:
    from .neo4j_store import Neo4jStore

LABEL_RE = re.compile(r"^[A-Z][A-Za-z]*$")
REL_TYPE_RE = re.compile(r"^[A-Z_]+$")

LOAD_KEY = "_load"
# the country's divisions and their committees and governments: found by the village index, not the
# full-text one (schema.cypher), which indexes every other node under the extra label Text
UNSEARCHED = frozenset({"Province", "City", "District", "Town", "Village", "Body"})
NODE_RESERVED = frozenset({"id", "label", LOAD_KEY})
REL_RESERVED = frozenset({LOAD_KEY})
SCALARS = (str, int, float, bool)
INT64 = (-(2**63), 2**63 - 1)

BATCH = 10_000           # rows per write transaction (QINGDAN_NEO4J_BATCH)
WORKERS = 2              # write transactions in flight at once (QINGDAN_NEO4J_LOAD_WORKERS)
SWEEP_BATCH = 20_000     # old entities deleted per transaction
GRACE_SECONDS = 30.0     # longest wait for readers of the old generation before deleting it


def load_metadata(load: str, step: str = "write") -> dict[str, str]:
    """Attached to a load's transactions: SHOW TRANSACTIONS tells an operator (and the fault
    tests) that a qingdan load is running, and at which step."""
    return {"app": "qingdan", "job": "load", "load": load, "step": step}


def rels_query(text: str, rel_type: str) -> str:
    """create_rels.cypher for one relationship type (the only text ever put into Cypher)."""
    if not REL_TYPE_RE.match(rel_type):
        raise DataError(Problem("关系", None, "type", rel_type, "关系类型须匹配 ^[A-Z_]+$"))
    if text.count(":REL_TYPE]") != 1:
        raise RuntimeError("create_rels.cypher must contain exactly one ':REL_TYPE]'")
    return text.replace(":REL_TYPE]", f":{rel_type}]")


# --- checking a graph before anything is written ------------------------------------------------

def _clean_value(value: Any) -> tuple[Any, str | None]:
    """(value as Neo4j stores it, or a reason it cannot be stored)."""
    if isinstance(value, SCALARS):
        if isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
            return None, "整数超出 64 位范围"
        return value, None
    if isinstance(value, list):
        kinds = {bool if isinstance(v, bool) else str if isinstance(v, str) else
                 int if isinstance(v, int) else float if isinstance(v, float) else None for v in value}
        if None in kinds:
            return None, "列表元素只能是字符串、整数、小数或布尔值"
        if len(kinds) > 1 and kinds != {int, float}:
            return None, "列表元素类型必须一致"
        return list(value), None
    return None, f"不支持的属性值类型 {type(value).__name__}"


def _plain(props: dict[str, Any], reserved: frozenset[str]) -> bool:
    """True for the usual props: string keys, none reserved, str / float / 64-bit int values, no
    None. Such a dict is sent as it is (the loader never changes a row), without a copy."""
    if not reserved.isdisjoint(props):
        return False
    for key, value in props.items():
        t = type(value)
        if type(key) is not str or not (t is str or t is float or (t is int and INT64[0] <= value <= INT64[1])):
            return False
    return True


def _clean_props(props: dict[str, Any], reserved: frozenset[str], where: str,
                 problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if not isinstance(key, str) or key in reserved:
            problems.append(Problem(where, None, str(key), None, "属性名为保留字，不能使用"))
            continue
        if value is None:
            continue
        clean, reason = _clean_value(value)
        if reason:
            problems.append(Problem(where, None, key, repr(value)[:80], reason))
        else:
            out[key] = clean
    return out


def prepare(graph: PropertyGraph) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Rows grouped by label and by relationship type, or DataError listing every problem.

    The divisions table (PropertyGraph.divisions) is read row by row as ordinary nodes, without
    first copying the graph into an expanded one. Python's cyclic garbage collector is paused
    meanwhile: the rows are millions of new dicts and nothing cyclic, and its repeated passes
    over them and the graph were a third of the national graph's preparation time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _prepare(graph)
    finally:
        if was_enabled:
            gc.enable()


def _prepare(graph: PropertyGraph) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    problems: list[Problem] = []
    by_label: dict[str, list[dict[str, Any]]] = {}
    labels_ok: set[str] = set()
    table = getattr(graph, "divisions", None)
    table_rels: list[Rel] = []
    table_ids: set[str] = set()

    def add_node(key: str, node: Node) -> None:
        label = node.label
        if key != node.id:
            problems.append(Problem(f"节点 {node.id}", None, "id", key, "图中登记的编号与节点编号不一致"))
        if label not in labels_ok:
            if LABEL_RE.match(label or ""):
                labels_ok.add(label)
            else:
                problems.append(Problem(f"节点 {node.id}", None, "label", label, "标签须匹配 ^[A-Z][A-Za-z]*$"))
        props = node.props if _plain(node.props, NODE_RESERVED) else \
            _clean_props(node.props, NODE_RESERVED, f"节点 {node.id}", problems)
        rows = by_label.get(label)
        if rows is None:
            rows = by_label[label] = []
        rows.append({"id": node.id, "props": props})

    for key, node in graph.nodes.items():
        add_node(key, node)
    if table is not None:
        for node, out in table.rows():
            if node.id in graph.nodes or node.id in table_ids:  # never: add_national leaves the graph's own out
                problems.append(Problem(f"节点 {node.id}", None, "id", node.id, "区划表中的编号与图中节点重复"))
            table_ids.add(node.id)
            add_node(node.id, node)
            table_rels.extend(out)
    # one relationship per (src, type, dst), the last one wins, as in MemoryStore
    grouped: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    types_ok: set[str] = set()
    nodes = graph.nodes
    for rel in (*graph.rels, *table_rels) if table_rels else graph.rels:
        rtype, src, dst = rel.type, rel.src, rel.dst
        if rtype not in types_ok:
            if REL_TYPE_RE.match(rtype or ""):
                types_ok.add(rtype)
            else:
                problems.append(Problem(f"关系 {src} -[{rtype}]-> {dst}", None, "type", rtype, "关系类型须匹配 ^[A-Z_]+$"))
        for end in (src, dst):
            if end not in nodes and end not in table_ids:
                problems.append(Problem(f"关系 {src} -[{rtype}]-> {dst}", None, None, end, "关系端点不在图中"))
        props = rel.props if _plain(rel.props, REL_RESERVED) else \
            _clean_props(rel.props, REL_RESERVED, f"关系 {src} -[{rtype}]-> {dst}", problems)
        same = grouped.get(rtype)
        if same is None:
            same = grouped[rtype] = {}
        same[(src, dst)] = {"src": src, "dst": dst, "props": props}
    if problems:
        raise DataError(problems, "图数据无法写入 Neo4j，未写入任何内容")
    return by_label, {rtype: list(rows.values()) for rtype, rows in grouped.items()}


def batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


# --- transaction functions (a managed transaction may run them more than once) ------------------

def _tx_nodes(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> tuple[list[list[str]], int]:
    result = tx.run(query, params)
    pairs = result.single(strict=True)[0]
    return pairs, result.consume().counters.nodes_created


def _tx_write(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Any:
    return tx.run(query, params).consume().counters


def _tx_single(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Any:
    rec = tx.run(query, params).single()
    return rec[0] if rec is not None else None


# --- the load ---------------------------------------------------------------------------------

def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def load_graph(store: "Neo4jStore", graph: PropertyGraph) -> LoadReport:
    """Write `graph` as a new generation, switch readers to it, delete every other generation."""
    from .neo4j_store import cypher

    t0 = time.perf_counter()
    # the divisions table (PropertyGraph.divisions) as ordinary nodes: Neo4j holds every node alike
    by_label, by_type = prepare(graph)
    load = uuid.uuid4().hex
    store.ensure_schema()  # schema changes cannot share a transaction with writes
    size = store.batch_size or _env_int("QINGDAN_NEO4J_BATCH", BATCH)
    workers = max(1, _env_int("QINGDAN_NEO4J_LOAD_WORKERS", WORKERS))
    node_q, rel_q = cypher("create_nodes"), cypher("create_rels")
    write_nodes = unit_of_work(metadata=load_metadata(load, "nodes"))(_tx_nodes)
    write_rels = unit_of_work(metadata=load_metadata(load, "rels"))(_tx_write)
    lock = threading.Lock()
    element: dict[str, str] = {}  # entity id -> element id of its node in the new generation
    created = {"nodes": 0, "rels": 0}
    counts: dict[str, dict[str, int]] = {"nodes": {}, "rels": {}}

    failed = threading.Event()  # after a failure, batches not yet sent are not sent

    def nodes_batch(label: str, batch: list[dict[str, Any]]) -> None:
        if failed.is_set():
            return
        labels = [label] if label in UNSEARCHED else [label, "Text"]
        pairs, n = store._write(node_q, _work=write_nodes, rows=batch, label=label, labels=labels, load=load)  # noqa: SLF001
        with lock:
            element.update(pairs)
            created["nodes"] += n
            counts["nodes"][label] = counts["nodes"].get(label, 0) + n

    def rels_batch(rtype: str, query: str, batch: list[dict[str, Any]]) -> None:
        if failed.is_set():
            return
        rows = [{"a": element[r["src"]], "b": element[r["dst"]], "props": r["props"]} for r in batch]
        n = store._write(query, _work=write_rels, rows=rows, load=load).relationships_created  # noqa: SLF001
        with lock:
            created["rels"] += n
            counts["rels"][rtype] = counts["rels"].get(rtype, 0) + n

    def guarded(fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except BaseException:
            failed.set()  # the new generation stays an orphan: invisible, deleted by the next load
            raise

    def run_all(pool: ThreadPoolExecutor, calls: list[tuple[Any, ...]]) -> None:
        for job in [pool.submit(guarded, *call) for call in calls]:
            job.result()

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qingdan-load") as pool:
        run_all(pool, [(nodes_batch, label, b) for label in sorted(by_label) for b in batches(by_label[label], size)])
        run_all(pool, [(rels_batch, rtype, rels_query(rel_q, rtype), b)
                       for rtype in sorted(by_type) for b in batches(by_type[rtype], size)])
    written = sum(map(len, by_label.values())), sum(map(len, by_type.values()))
    if (created["nodes"], created["rels"]) != written:  # never expected: then the marker is not switched
        raise RuntimeError(f"Neo4j 加载写入不完整：节点 {created['nodes']}/{written[0]}，关系 {created['rels']}/{written[1]}")
    t_write = time.perf_counter() - t0

    # the switch: one tiny transaction; from its commit on, every reader follows the new token
    switch = unit_of_work(metadata=load_metadata(load, "switch"))(_tx_single)
    store._write(cypher("switch_load"), _work=switch, load=load)  # noqa: SLF001
    switched_at = time.perf_counter()
    sweep(store, keep=load, wait_for_readers=True)
    return LoadReport(
        store=store.name,
        nodes=dict(sorted((k, v) for k, v in counts["nodes"].items() if v)),
        relationships=dict(sorted((k, v) for k, v in counts["rels"].items() if v)),
        created=created["nodes"] + created["rels"],
        updated=0,  # a load writes a whole new generation: nothing is updated in place
        seconds=time.perf_counter() - t0,
        atomic=True,  # readers see the old graph or the new one, and a killed load changes nothing they see
        steps={"write_s": round(t_write, 2), "switch_s": round(switched_at - t0 - t_write, 3),
               "sweep_s": round(time.perf_counter() - switched_at, 2)},
    )


def _readers_at_switch(store: "Neo4jStore") -> set[str]:
    """Ids of the transactions open on the database now (SHOW TRANSACTIONS: an auto-commit query)."""
    from .neo4j_store import cypher

    with store._guard(), store._driver.session(database=store.database) as s:  # noqa: SLF001
        rec = s.run(cypher("readers_at_switch"), database=store.database).single()
    return set(rec["ids"]) if rec else set()


def sweep(store: "Neo4jStore", keep: str | None = None, wait_for_readers: bool = False) -> int:
    """Delete every generation but the current one (`keep`, else the marker's): the old graph after
    a switch, orphans of killed loads. Returns how many entities were deleted. Nothing when no
    generation is current (an empty database, or one loaded before loads were marked)."""
    from .neo4j_store import cypher

    keep = keep or store._write(cypher("current_load"), _work=_tx_single)  # noqa: SLF001
    if keep is None:
        return 0
    others = [t for t in store._write(cypher("load_tokens"), _work=_tx_single) or [] if t != keep]  # noqa: SLF001
    if not others:
        return 0
    if wait_for_readers:
        # a query that read the old token just before the switch may still be reading the old
        # generation: let the transactions open at the switch end before deleting it
        deadline = time.monotonic() + float(os.environ.get("QINGDAN_NEO4J_GRACE_SECONDS") or GRACE_SECONDS)
        open_at_switch = _readers_at_switch(store)
        while open_at_switch and time.monotonic() < deadline:
            time.sleep(0.02)
            open_at_switch &= _readers_at_switch(store)
    deleted = 0
    delete = unit_of_work(metadata=load_metadata(keep, "sweep"))(_tx_single)
    size = max(1000, _env_int("QINGDAN_NEO4J_SWEEP_BATCH", SWEEP_BATCH))
    for token in others:
        q = cypher("sweep_load" if token else "sweep_untokened")
        while True:
            n = store._write(q, _work=delete, old=token, size=size) or 0  # noqa: SLF001
            deleted += n
            if n < size:
                break
    return deleted
