"""Every text parameter of every GET route — API and pages, query and path — fed Cypher-injection
strings while the other parameters hold ordinary values (so the hostile one is really reached). On
Neo4j the graph must be exactly as before (node and relationship counts by label/type, the load
token, a node's text) and no answer may be a 5xx; the embedded store must not 5xx either."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

from ..fuzz.budget import LONG
from .conftest import with_import_route
from .surface import RouteInfo, routes

PAYLOADS = [
    "' OR 1=1 //",
    '"}) MATCH (n) DETACH DELETE n //',
    "\\u0027}) MATCH (n) DETACH DELETE n //",
    "\u0027 OR \u00271\u0027=\u00271",
    "`Entity`) DETACH DELETE n //",
    "x`]->() CREATE (p:Pwned {id: 'p'}) //",
    "AUT-001\"}) SET n.name_zh = 'pwned' RETURN n //",
    "$id} RETURN 1 UNION MATCH (n) RETURN n //",
    "440513101210' }) CALL db.labels() YIELD label RETURN label //",
    "*/ MATCH (n) DETACH DELETE n /*",
]
# the normal run sends the first five (quote, brace, escaped quote, backtick label, backtick type); QINGDAN_FUZZ=long all
SENT = PAYLOADS if LONG else PAYLOADS[:2] + PAYLOADS[2:3] + PAYLOADS[4:6]
# ordinary values, so a request gets past its other parameters to the one under attack
VALID = {"q": "村里能不能给村民开无犯罪记录证明？", "text": "《村民委员会组织法》第二十四条", "work": "村民委员会组织法",
         "village": "440513101210", "vname": "中田村", "as_of": "2025-06-01", "version": "2018-12-29",
         "from_date": "2019-01-01", "to_date": "2026-06-01", "item_id": "AUT-001", "code": "440513101210",
         "kind": "autonomy", "district": "南澳县", "department": "", "article": "24", "paragraph": "1", "item": "1",
         "limit": "5", "uncovered": "false"}
WATCHED = "item/AUT-001"


def attacks(info: RouteInfo) -> list[tuple[str, dict[str, str], str]]:
    """(url path, query, attacked parameter) for each text parameter of a GET route and each payload."""
    if "GET" not in info.methods:
        return []
    out = []
    for target in [*info.query, *info.path_params]:
        if target in info.int_params:
            continue  # text for an integer is refused by validation before any store is asked
        for payload in SENT:
            values = {p: VALID.get(p, "x") for p in [*info.query, *info.path_params]}
            values[target] = payload
            path = re.sub(r"\{(\w+)\}", lambda m: quote(values[m.group(1)], safe=""), info.path)
            query = {k: v for k, v in values.items() if k in info.query and v != ""}
            out.append((path, query, target))
    return out


def snapshot(store: Any) -> tuple[Any, ...]:
    node = store.node(WATCHED)
    return (store.version(), store.count_nodes(), store.count_rels(), node.props if node else None,
            store.nodes("Pwned"))


def _hammer(store: Any) -> tuple[int, list[str]]:
    app = with_import_route(create_app(store=store, settings=Settings(admin_token=None, cors_origins=())))
    client = TestClient(app, raise_server_exceptions=False)
    sent, errors = 0, []
    for info in routes(app):
        for path, query, target in attacks(info):
            r = client.get(path, params=query)
            sent += 1
            if r.status_code >= 500:
                errors.append(f"GET {path} {query} (attacking {target}) → {r.status_code} {r.text[:200]}")
    return sent, errors


def test_injection_strings_change_nothing_on_neo4j_and_never_5xx(neo4j_store: Any) -> None:
    before = snapshot(neo4j_store)
    assert before[1] and before[3] is not None
    sent, errors = _hammer(neo4j_store)
    assert sent >= 40 * len(SENT)
    assert errors == []
    assert snapshot(neo4j_store) == before


def test_injection_strings_never_5xx_on_the_embedded_store(memory_store: Any) -> None:
    before = snapshot(memory_store)
    sent, errors = _hammer(memory_store)
    assert sent >= 40 * len(SENT) and errors == []
    assert snapshot(memory_store) == before


@pytest.mark.parametrize("payload", PAYLOADS)
def test_store_primitives_take_hostile_ids_as_plain_values(neo4j_store: Any, payload: str) -> None:
    """Below the routes: ids, labels and filters are parameters, so a hostile value is just an unknown id."""
    before = snapshot(neo4j_store)
    assert neo4j_store.node(payload) is None
    assert neo4j_store.neighbors(payload) == [] and neo4j_store.neighbors(payload, payload, "in") == []
    assert neo4j_store.nodes("Item", name_zh=payload) == []
    assert neo4j_store.nodes(payload) == []
    assert snapshot(neo4j_store) == before
