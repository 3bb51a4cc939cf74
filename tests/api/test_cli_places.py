"""Every command reads the same settings as the server: a village of a place served
(QINGDAN_PLACES) is found by ask, boundary, village and trace alike, and answered by its own rules."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from qingdan.api.cli import app

runner = CliRunner()
# the places tests/queries/conftest.py serves: the cached graph is shared
PLACES_ENV = "330203,110112,510112,130121,430121,140105"
ZHEJIANG_VILLAGE = "330203009200"  # 宁波市海曙区石碶街道石碶村


@pytest.fixture()
def served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_PLACES", PLACES_ENV)
    monkeypatch.delenv("QINGDAN_NATIONAL", raising=False)
    monkeypatch.delenv("QINGDAN_STORE", raising=False)


def test_a_village_not_served_is_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QINGDAN_PLACES", raising=False)
    monkeypatch.delenv("QINGDAN_NATIONAL", raising=False)
    r = runner.invoke(app, ["ask", "村务公开多久公开一次", "--village", ZHEJIANG_VILLAGE])
    assert r.exit_code == 2 and ZHEJIANG_VILLAGE in r.output


def test_every_command_finds_a_served_village_and_answers_by_its_rules(served: None) -> None:
    r = runner.invoke(app, ["ask", "村务公开多久公开一次", "--village", ZHEJIANG_VILLAGE])
    assert r.exit_code == 0, r.output
    shown = "".join(r.stdout.split())  # the console wraps long lines
    assert "本库未收录宁波市海曙区" in shown and "〔适用地域：浙江省〕" in shown
    j = json.loads(runner.invoke(app, ["ask", "村务公开多久公开一次", "--village", ZHEJIANG_VILLAGE, "--json"]).stdout)
    assert any(b["jurisdiction"] == "33" for b in j["bases"])
    assert "汕头" not in json.dumps([j["reasons"], j["bases"]], ensure_ascii=False)
    b = runner.invoke(app, ["boundary", "村务公开多久公开一次", "--village", ZHEJIANG_VILLAGE])
    assert b.exit_code == 0, b.output
    v = runner.invoke(app, ["village", ZHEJIANG_VILLAGE])
    assert v.exit_code == 0 and "本库未收录" in "".join(v.stdout.split()), v.output
    t = runner.invoke(app, ["trace", "村民委员会组织法", "--village", ZHEJIANG_VILLAGE, "--json"])
    assert t.exit_code == 0, t.output
    duties = [d for ver in json.loads(t.stdout)["versions"] for d in ver["duties"]]
    assert duties and all(d["list"]["jurisdiction"] in ("CN", "33") for d in duties)
