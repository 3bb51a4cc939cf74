"""Statute routes (crosswalk, repeals, audit, scan) through a real ASGI app, and the same on the CLI."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from qingdan.api import errors
from qingdan.api.routes_laws import register
from qingdan.loaders.pipeline import build
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ORGANIC = "村民委员会组织法"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The mini catalog with T-002 citing only the 2018 text (第三十条)."""
    catalog = tmp_path_factory.mktemp("routes") / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    items = catalog / "items_test.csv"
    items.write_text(items.read_text("utf-8").replace(f"{ORGANIC}@2018-12-29#2.2;{ORGANIC}@2025-10-28#2.2",
                                                      f"{ORGANIC}@2018-12-29#30"), "utf-8")
    s = MemoryStore()
    s.replace_all(build(catalog_dir=catalog, laws_dir=FIXTURES / "mini_laws").graph)
    return s


def _client(store, laws_dir: Path | None) -> TestClient:
    app = FastAPI()
    errors.install(app)
    register(app, lambda: store, laws_dir=laws_dir)
    return TestClient(app)


@pytest.fixture(scope="module")
def client(store):
    return _client(store, FIXTURES / "mini_laws")


def test_crosswalk_between_dates(client):
    r = client.get(f"/laws/{ORGANIC}/crosswalk", params={"from_date": "2025-06-01", "to_date": "2026-06-01"})
    assert r.status_code == 200
    body = r.json()
    assert (body["from_version"], body["to_version"], body["same_version"]) == ("2018-12-29", "2025-10-28", False)
    pairs = {(p["from_article"], p["to_article"]): p["change"] for p in body["pairs"]}
    assert pairs[(24, 28)] == "amended" and pairs[(5, 6)] == "unchanged" and pairs[(None, 33)] == "added"
    assert body["counts"]["added"] == 8
    same = client.get(f"/laws/{ORGANIC}/crosswalk", params={"from_date": "2026-01-01", "to_date": "2026-06-01"}).json()
    assert same["same_version"] and all(p["change"] == "unchanged" for p in same["pairs"])


def test_crosswalk_errors(client):
    r = client.get("/laws/没有这部法/crosswalk", params={"from_date": "2025-06-01", "to_date": "2026-06-01"})
    assert r.status_code == 404 and "没有这部法" in r.json()["message"]
    r = client.get(f"/laws/{ORGANIC}/crosswalk", params={"from_date": "2025-6-1", "to_date": "2026-06-01"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["message"]
    r = client.get(f"/laws/{ORGANIC}/crosswalk", params={"from_date": "1990-01-01", "to_date": "2026-06-01"})
    assert r.status_code == 404 and "尚无施行的版本" in r.json()["message"]
    assert client.get(f"/laws/{ORGANIC}/crosswalk", params={"from_date": "2025-06-01"}).status_code == 422


def test_audit_flags_the_2018_citation_only_after_2026(client):
    late = client.get("/audit", params={"as_of": "2026-06-01"})
    assert late.status_code == 200
    issues = {f["id"]: f["issues"] for f in late.json()["flagged"]}
    (i,) = issues["T-002"]
    assert i["status"] == "renumbered" and i["successor"]["citation"] == f"{ORGANIC}@2025-10-28#35"
    assert "T-001" not in issues
    early = client.get("/audit", params={"as_of": "2025-06-01"}).json()
    assert early["flagged"] == [] and early["summary"]["items"] == 3
    bad = client.get("/audit", params={"as_of": "2026-02-30"})
    assert bad.status_code == 422 and "日期" in bad.json()["message"]


def test_scan_uncovered(client):
    r = client.get("/laws/scan", params={"uncovered": "true", "as_of": "2026-06-01"})
    assert r.status_code == 200
    body = r.json()
    cites = {p["citation"] for p in body["provisions"]}
    assert f"{ORGANIC}@2025-10-28#35.2" in cites  # 村务公开: no item in the mini catalog
    assert f"{ORGANIC}@2025-10-28#2.2" in cites  # T-002 here cites only 2018 第三十条, no longer 第二条第二款
    assert all(not p["covered"] and p["version"] == "2025-10-28" for p in body["provisions"])
    every = {p["citation"]: p for p in client.get("/laws/scan").json()["provisions"]}
    assert every[f"{ORGANIC}@2018-12-29#30.2"]["covered"]  # the whole 2018 article is cited by T-002
    assert every[f"{ORGANIC}@2018-12-29#30.2"]["items"] == ["T-002"]
    assert client.get("/laws/scan", params={"work": "没有这部法"}).status_code == 404


def test_scan_by_jurisdiction(client, monkeypatch):
    monkeypatch.delenv("QINGDAN_PLACES", raising=False)
    monkeypatch.delenv("QINGDAN_NATIONAL", raising=False)
    national = client.get("/laws/scan", params={"jurisdiction": "CN"}).json()
    assert national["total"] > 0 and national["jurisdiction_name"] == "全国"
    assert all(p["jurisdiction"] == "CN" and p["jurisdiction_name"] == "全国" for p in national["provisions"])
    # a province whose regulations the library holds but this graph does not serve: said so, not an empty scan
    r = client.get("/laws/scan", params={"jurisdiction": "浙江"})
    assert r.status_code == 404 and "浙江省的地方性法规未加载" in r.json()["message"]
    assert client.get("/laws/scan", params={"jurisdiction": "body"}).status_code == 404


def test_repeals_from_the_bundled_graph(any_store):
    c = _client(any_store, None)
    r = c.get("/repeals", params={"work": "民法典"})
    assert r.status_code == 200
    got = {x["repealed_work"]: x for x in r.json()}
    assert {"婚姻法", "合同法", "侵权责任法", "民法通则"} <= set(got)
    assert got["婚姻法"]["in_corpus"] and got["婚姻法"]["effective_date"] == "2021-01-01"
    assert got["民法通则"]["in_corpus"] and not got["担保法"]["in_corpus"]
    assert len(c.get("/repeals").json()) > len(got)


def test_version_in_force_follows_law_in_force_csv(store):
    from qingdan.queries.crosswalks import versions_for

    for day, expected in (("2025-12-31", "2018-12-29"), ("2026-01-01", "2025-10-28")):
        assert versions_for(store, ORGANIC, day)["in_force"] == expected
    v = versions_for(store, ORGANIC, "2026-01-01")["versions"]
    assert [(x["version"], x["in_force_from"], x["current"]) for x in v] == [
        ("2018-12-29", "2018-12-29", False), ("2025-10-28", "2026-01-01", True)]


def test_repealed_work_has_no_version_in_force(any_store):
    from qingdan.queries.crosswalks import versions_for

    assert versions_for(any_store, "婚姻法", "2020-12-31")["in_force"] == "2001-04-28"
    later = versions_for(any_store, "婚姻法", "2021-01-01")
    assert later["in_force"] is None and later["repealed"]["repealing_work"] == "民法典"
    assert later["status"] == "repealed" and "民法典" in later["notice"]


def test_routes_are_documented_in_chinese(client):
    spec = client.app.openapi()
    for path in ("/laws/{work}/crosswalk", "/audit", "/laws/scan", "/repeals"):
        op = spec["paths"][path]["get"]
        assert op["summary"] and any("\u4e00" <= ch <= "\u9fff" for ch in op["description"])


# ---- the same questions on the command line -------------------------------------------------------
runner = CliRunner()


@pytest.fixture(scope="module")
def cli():
    from qingdan.api.cli import app
    from qingdan.api import cli_laws  # noqa: F401  (registers `laws` and `audit`)

    return app


def test_cli_crosswalk_json(cli):
    r = runner.invoke(cli, ["laws", "crosswalk", ORGANIC, "2025-06-01", "2026-06-01", "--json"])
    assert r.exit_code == 0, r.output
    pairs = json.loads(r.stdout)
    assert {"from_article": 30, "to_article": 35, "score": pytest.approx(0.848, abs=0.01), "change": "amended"} in pairs
    assert set(pairs[0]) == {"from_article", "to_article", "score", "change"}


def test_cli_crosswalk_readable_and_errors(cli):
    r = runner.invoke(cli, ["laws", "crosswalk", ORGANIC, "2025-06-01", "2026-06-01"])
    assert r.exit_code == 0 and "第二十四条" in r.stdout and "第二十八条" in r.stdout and "拆分" in r.stdout
    bad = runner.invoke(cli, ["laws", "crosswalk", ORGANIC, "2025/06/01", "2026-06-01"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output and "Traceback" not in bad.output


def test_cli_repeals(cli):
    r = runner.invoke(cli, ["laws", "repeals", "--work", "民法典", "--json"])
    assert r.exit_code == 0
    assert {x["repealed_work"] for x in json.loads(r.stdout) if x["in_corpus"]} == {
        "婚姻法", "合同法", "侵权责任法", "民法总则", "民法通则", "物权法", "继承法"}
