"""GET /cite and `qingdan cite` as a user meets them: checked citations, plain Chinese reasons, exact JSON keys."""
from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import qingdan.api.cli_cite  # noqa: F401  (registers `qingdan cite`)
from qingdan.api.app import create_app
from qingdan.api.cli import app as cli_app
from qingdan.api.routes_cite import register
from qingdan.api.settings import Settings

KEYS = {"work", "article", "paragraph", "item", "version", "resolved", "problem"}
MIXED = "《中华人民共和国村民委员会组织法》（2018年修正）第二十四条第一款第（五）项、第五十一条；粤府函〔2020〕136号"


@pytest.fixture(scope="module")
def client(request: pytest.FixtureRequest) -> TestClient:
    """The real app once the maintainer has registered /cite there; until then a bare app with the route."""
    probe = create_app(store=None, settings=Settings())
    if any(getattr(r, "path", None) == "/cite" for r in probe.routes):
        return TestClient(create_app(store=request.getfixturevalue("memory_store"), settings=Settings()))
    bare = FastAPI()
    register(bare, lambda: None)
    return TestClient(bare)


def test_route_checks_each_citation(client):
    r = client.get("/cite", params={"text": MIXED})
    assert r.status_code == 200
    body = r.json()
    assert [(c["work"], c["article"], c["paragraph"], c["item"]) for c in body] == [
        ("村民委员会组织法", 24, 1, 5), ("村民委员会组织法", 51, None, None),
        ("广东省人民政府关于乡镇街道综合行政执法的公告", None, None, None)]
    first, second, doc = body
    assert first["resolved"] and first["version"] == "2018-12-29" and first["problem"] is None
    assert not second["resolved"] and second["problem"] == "《村民委员会组织法》2018-12-29版只有41条"
    assert doc["resolved"] and doc["doc_no"] == "粤府函〔2020〕136号"
    assert all(KEYS <= set(c) for c in body)


def test_route_unknown_work_and_nothing_found(client):
    body = client.get("/cite", params={"text": "《中华人民共和国村民委员会选举法》第三条"}).json()
    assert body == [{"work": "村民委员会选举法", "article": 3, "paragraph": None, "item": None, "version": None,
                     "resolved": False, "problem": "法规库中没有《村民委员会选举法》", "doc_no": None}]
    assert client.get("/cite", params={"text": "村里开会讨论决定"}).json() == []


@pytest.mark.parametrize("params", [{"text": "第" * 2001}, {"text": ""}, {}])
def test_route_rejects_bad_text(client, params):
    assert client.get("/cite", params=params).status_code == 422


def test_route_is_documented_in_chinese_and_read_only(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/cite"]
    assert set(op) == {"get"}
    assert "法规引用" in op["get"]["summary"] and "依据" in op["get"]["description"]
    assert client.post("/cite", params={"text": "《民法典》第一条"}).status_code == 405


runner = CliRunner()


def test_cli_prints_ticks_crosses_and_reasons():
    r = runner.invoke(cli_app, ["cite", MIXED])
    assert r.exit_code == 1, r.output  # something did not check out
    lines = r.stdout.splitlines()
    assert lines[0].startswith("✓ 《村民委员会组织法》第二十四条第一款第（五）项")
    assert lines[1].startswith("✗ 《村民委员会组织法》第五十一条") and "只有41条" in lines[1]
    assert lines[2].startswith("✓ 《广东省人民政府关于乡镇街道综合行政执法的公告》（粤府函〔2020〕136号）")
    assert "共 3 处引用，2 处核对通过，1 处有问题" in r.stdout


def test_cli_json_has_exactly_the_promised_keys():
    r = runner.invoke(cli_app, ["cite", "《民法典》第1260条；粤府函[2020]136号", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert set(out[0]) == KEYS
    assert out[0] == {"work": "民法典", "article": 1260, "paragraph": None, "item": None, "version": None,
                      "resolved": True, "problem": None}
    assert set(out[1]) == KEYS | {"doc_no"} and out[1]["doc_no"] == "粤府函〔2020〕136号"


def test_cli_empty_and_citation_free_text():
    empty = runner.invoke(cli_app, ["cite", "  "])
    assert empty.exit_code == 2 and "依据文字为空" in empty.output
    none = runner.invoke(cli_app, ["cite", "村里开会讨论决定"])
    assert none.exit_code == 1 and "没有识别出法规引用" in none.stdout


def test_route_as_of_gives_the_text_in_force(client):
    body = client.get("/cite", params={"text": "《村民委员会组织法》（2018年修正）第三十条", "as_of": "2026-06-01"}).json()
    assert body[0]["in_force"]["citation"] == "村民委员会组织法@2025-10-28#35"
    early = client.get("/cite", params={"text": "《村民委员会组织法》第三十条", "as_of": "2015-01-01"}).json()
    assert "该日施行的文本未收录，以下按最近的版本（2018年）核对" in early[0]["in_force"]["notice"]
    assert client.get("/cite", params={"text": "《村民委员会组织法》第三十条", "as_of": "2015/01/01"}).status_code == 422
