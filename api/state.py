"""Which store answers, and how it gets its graph."""
from __future__ import annotations

from qingdan.api.settings import Settings
from qingdan.errors import BadRequest
from qingdan.loaders.cache import cached_graph
from qingdan.queries.stores.base import GraphStore
from qingdan.queries.stores.memory import MemoryStore


def make_store(kind: str) -> GraphStore:
    if kind == "memory":
        return MemoryStore()
    if kind == "neo4j":
        from qingdan.queries.stores.neo4j_store import Neo4jStore

        return Neo4jStore()
    raise BadRequest(f"未知的存储类型：{kind}（可选 memory / neo4j）")


def open_store(kind: str | None = None, national: bool | None = None, load: bool | None = None) -> GraphStore:
    """A ready store: the embedded one is filled from the (cached) validated graph;
    a Neo4j store is used as it is unless load=True. What is not given comes from the one
    settings object, so every command and the server see the same villages."""
    settings = Settings()
    kind = kind or settings.store
    national = settings.national if national is None else national
    store = make_store(kind)
    store.ping()  # an unreachable server is one clear error now, not a slow retry later
    if load or (load is None and kind == "memory"):
        store.replace_all(cached_graph(national=national, places=settings.places))
    return store
