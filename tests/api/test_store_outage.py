"""Neo4j going away: a Chinese 503, no hung request, and answers again once it is back —
without restarting the app. A small TCP relay between the app and the real Neo4j is cut and
restored to play the outage."""
from __future__ import annotations

import socket
import time

import pytest
from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

from ..faults import Relay


@pytest.fixture()
def relayed(neo4j_store):
    from qingdan.queries.stores.neo4j_store import Neo4jStore

    relay = Relay("127.0.0.1", int(neo4j_store.uri.rsplit(":", 1)[1]))
    store = Neo4jStore(uri=f"bolt://127.0.0.1:{relay.port}", database=neo4j_store.database, max_retry_time=1.0,
                       connection_timeout=2.0, breaker_seconds=3.0)
    yield relay, TestClient(create_app(store=store, settings=Settings()))
    store.close()
    relay.close()


def test_outage_gives_503_in_chinese_and_recovers_without_restart(relayed):
    relay, client = relayed
    params = {"q": "村里能不能给村民开无犯罪记录证明？", "village": "440513101210"}
    assert client.get("/resolve", params=params).json()["verdict"] == "not_for_village"
    relay.cut()
    t = time.perf_counter()
    r = client.get("/resolve", params=params)
    assert r.status_code == 503
    assert "Neo4j" in r.json()["message"] and "无法连接" in r.json()["message"]
    assert client.get("/health").status_code == 503
    assert time.perf_counter() - t < 30, "a request hung while the database was away"
    relay.restore()
    deadline = time.time() + 20
    while time.time() < deadline:
        r = client.get("/resolve", params=params)
        if r.status_code == 200:
            break
        time.sleep(0.5)
    assert r.status_code == 200 and r.json()["verdict"] == "not_for_village"


def test_during_an_outage_requests_fail_at_once_without_touching_the_network(relayed):
    """After the first failure the breaker answers 503 itself: workers are not held by retries."""
    relay, client = relayed
    params = {"q": "村民吵架了谁来调解", "as_of": "2026-06-01"}
    assert client.get("/resolve", params=params).status_code == 200
    relay.cut()
    first = client.get("/resolve", params={**params, "q": "征兵的时候村里要做什么"})
    assert first.status_code == 503
    attempts = relay.accepted
    answers = [client.get(path, params=params) for path in ("/resolve", "/health", "/boundary") * 5]
    assert {r.status_code for r in answers} == {503}
    assert all(r.headers.get("retry-after") == "1" and "请稍后再试" in r.json()["message"] for r in answers)
    assert relay.accepted == attempts, "requests went to the network while the breaker was open"
    relay.restore()
    deadline = time.time() + 20
    while time.time() < deadline and client.get("/health").status_code != 200:
        time.sleep(0.25)
    assert client.get("/resolve", params=params).status_code == 200


def test_cli_says_clearly_when_neo4j_is_down(monkeypatch):
    from typer.testing import CliRunner

    from qingdan.api.cli import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    monkeypatch.setenv("QINGDAN_NEO4J_URI", f"bolt://127.0.0.1:{dead}")
    r = CliRunner().invoke(app, ["ask", "宅基地怎么分", "--store", "neo4j"])
    assert r.exit_code == 2
    assert "Neo4j" in r.output and "无法连接" in r.output and "Traceback" not in r.output
