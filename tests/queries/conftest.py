"""A graph serving villages in several provinces beside Shantou, as QINGDAN_PLACES builds it."""
from __future__ import annotations

import pytest

from qingdan.loaders.cache import cached_graph
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

# one county in each of: Zhejiang, Beijing, Sichuan, Hebei (own regulations in the library), Hunan
# (a provincial list, no regulations), Shanxi (neither); Shantou (Guangdong) is always served
PLACES = ("330203", "110112", "510112", "130121", "430121", "140105")
PLACES_ENV = ",".join(PLACES)


@pytest.fixture(scope="session")
def places_store() -> MemoryStore:
    store = MemoryStore()
    store.replace_all(cached_graph(places=PLACES))
    return store


@pytest.fixture(scope="session")
def places_resolver(places_store: MemoryStore) -> Resolver:
    return Resolver(places_store)


@pytest.fixture(scope="session")
def villages(places_store: MemoryStore) -> dict[str, str]:
    """One village (a 村 where the county has one) per county served, and one in Shantou."""
    out: dict[str, str] = {}
    for v in sorted(places_store.nodes("Village"), key=lambda n: (n.get("urban_rural") != "村", n.get("code"))):
        code = v.get("code")
        for prefix in (*PLACES, "4405"):
            if code.startswith(prefix) and prefix not in out:
                out[prefix] = code
    assert set(out) == {*PLACES, "4405"}, out
    return out
