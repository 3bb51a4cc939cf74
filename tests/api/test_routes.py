"""Every route, on both stores, through the real ASGI app."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村


@pytest.fixture(scope="module")
def client(any_store):
    return TestClient(create_app(store=any_store, settings=Settings()))


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_stats(client):
    s = client.get("/stats").json()
    assert all(v["catalog"] > 0 for v in s["lists"].values())
    assert s["provenance_coverage"] == 1.0
    # the country's 2,978 districts (a question may name its county); towns and villages Shantou's only
    assert s["divisions"] == {"district": 2978, "town": 67, "village": 1091}


def test_item_and_unknown_item(client):
    r = client.get("/items/PRO-005")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "无犯罪记录证明" and body["kind"] == "prohibited"
    assert body["provenance"]["status"] == "official_verbatim"
    missing = client.get("/items/NOPE-1")
    assert missing.status_code == 404 and "NOPE-1" in missing.json()["message"]


def test_resolve_with_village(client):
    r = client.get("/resolve", params={"q": "村里能不能给村民开无犯罪记录证明？", "village": ZHONGTIAN})
    assert r.status_code == 200
    a = r.json()
    assert a["verdict"] == "not_for_village"
    assert a["village"]["village"]["code"] == ZHONGTIAN
    assert a["responsible"]["body_type"]["body"]["name"].startswith("潮阳区公安")
    # the answer says whose words the item holds (a named public document), that it is on the national
    # list (confirmed), and that its place on Shantou's list is inferred, not shown by a public source
    prov = a["item"]["provenance"]
    assert prov["status"] == "official_verbatim" and prov["document"]["title"] in prov["status_zh"]
    assert prov["membership"] == "confirmed" and prov["membership_zh"]
    assert any(s["text"].startswith("推定也列入《汕头市") for s in a["reasons"])


def test_resolve_errors(client):
    assert client.get("/resolve", params={"q": "宅基地", "village": "440513999999"}).status_code == 404
    r = client.get("/resolve", params={"q": "宅基地", "as_of": "2026-13-01"})
    assert r.status_code == 422 and "日期" in r.json()["message"]
    assert client.get("/resolve", params={"q": ""}).status_code == 422
    assert client.get("/resolve").status_code == 422


def test_boundary(client):
    b = client.get("/boundary", params={"q": "有人在村里乱搭乱建，村里管还是镇里管", "village": "440523100201"}).json()
    assert b["belongs_to"] in ("town", "county")
    assert b["town_side"]["holds"] and b["town_side"]["reasons"]


def test_trace_routes(client):
    p = client.get("/trace/provision", params={"work": "村民委员会组织法", "article": 24, "version": "2018-12-29"}).json()
    by_version = {v["version"]: v for v in p["versions"]}
    assert set(by_version) == {"2018-12-29", "2025-10-28"}
    assert "宅基地" in by_version["2018-12-29"]["provision"]["text"]
    assert any(d["kind"] == "micro_power" for d in by_version["2018-12-29"]["duties"])
    # the same article in the 2025 text is 第二十八条, with its list rewritten
    assert (by_version["2025-10-28"]["article"], by_version["2025-10-28"]["status"]) == (28, "changed")
    # without a version the number is read in the text in force on as_of
    later = client.get("/trace/provision", params={"work": "村民委员会组织法", "article": 28, "as_of": "2026-06-01"}).json()
    assert later["version"] == "2025-10-28" and [v["article"] for v in later["versions"]] == [24, 28]
    w = client.get("/trace/work", params={"work": "兵役法"}).json()
    assert any(d["kind"] == "assistance" for v in w["versions"] for d in v["duties"])
    i = client.get("/trace/item/AUT-027").json()
    assert {b["version"] for b in i["bases"] if b["work"] == "村民委员会组织法"} == {"2018-12-29", "2025-10-28"}
    assert client.get("/trace/provision", params={"work": "不存在法", "article": 1}).status_code == 404
    versions = client.get("/laws/村民委员会组织法/versions").json()
    assert [(v["version"], v["in_force_from"], v["in_force_to"]) for v in versions] == [
        ("2018-12-29", "2018-12-29", "2025-12-31"), ("2025-10-28", "2026-01-01", None)]


def test_chains(client):
    c = client.get("/chains", params={"district": "南澳县"}).json()
    assert c["decisions"]
    eng = c["decisions"][0]
    assert any(a["adopted_count"] == 167 for a in eng["adoptions"])
    assert eng["bases"]


def test_villages(client):
    found = client.get("/villages", params={"q": "中田"}).json()
    assert any(v["village"]["code"] == ZHONGTIAN for v in found)
    duties = client.get(f"/villages/{ZHONGTIAN}/duties").json()
    assert duties["counts"]["autonomy"] >= 47  # the 47 declared autonomy duties bind every Shantou village
    assert client.get("/villages/123/duties").status_code == 422


@pytest.mark.parametrize("path,params", [
    ("/viz/answer", {"q": "宅基地怎么分", "village": ZHONGTIAN}),
    (f"/viz/village/{ZHONGTIAN}", {}),
    ("/viz/statute", {"work": "村民委员会组织法", "article": 24}),
])
def test_viz_pages_are_offline_html(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "vis.Network" in r.text or "new vis" in r.text
    assert 'src="http' not in r.text and 'href="http' not in r.text


def test_public_api_is_read_only(client):
    for path in ("/resolve", "/stats", "/items/PRO-005"):
        assert client.post(path).status_code == 405


def test_lint_route(client):
    r = client.get("/lint", params={"as_of": "2021-06-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["as_of"] == "2021-06-01" and body["items"] > 0
    # the 2019 directory is out of force that day: none of its items is linted
    assert not any(i["list_version"].endswith("-2019") for rule in body["summary"] for e in body[rule] for i in e["items"])
    assert client.get("/lint", params={"as_of": "2021-6-1"}).status_code == 422
