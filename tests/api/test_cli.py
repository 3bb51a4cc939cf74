"""The qingdan command as a user runs it: readable Chinese by default, JSON on request."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from qingdan.api.cli import app

runner = CliRunner()


def test_stats_json_covers_every_kind():
    r = runner.invoke(app, ["stats", "--json"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert set(s["lists"]) == {"autonomy", "assistance", "prohibited", "micro_power", "public_service",
                               "disclosure", "negative", "delegated"}
    assert all(v["catalog"] > 0 for v in s["lists"].values())
    # the seed declares 47 autonomy items; the catalog models them plus duties real questions ask about
    # (membership "modeled", never presented as on the official list), so it may hold more
    assert s["lists"]["autonomy"]["declared"] == 47 and s["lists"]["autonomy"]["catalog"] >= 47
    assert s["lists"]["assistance"]["declared"] == 76
    assert s["provenance_coverage"] == 1.0
    assert s["divisions"]["village"] == 1091
    assert s["nodes"]["Village"] == 1091 and s["relationships"]["RESTS_ON"] > 500


def test_ask_prints_chinese_verdict_and_json():
    r = runner.invoke(app, ["ask", "村里能不能给村民开无犯罪记录证明？", "--village", "440513101210"])
    assert r.exit_code == 0, r.output
    assert "结论：不应由村（居）委会承担" in r.stdout and "中田" in r.stdout
    j = runner.invoke(app, ["ask", "村里的财务收支多久公布一次", "--as-of", "2025-03-01", "--json"])
    a = json.loads(j.stdout)
    assert a["as_of"] == "2025-03-01" and a["verdict"] == "village_autonomy"


def test_bad_input_is_one_clear_line():
    r = runner.invoke(app, ["ask", "宅基地", "--as-of", "2025/01/01"])
    assert r.exit_code == 2
    assert "日期格式应为 YYYY-MM-DD" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["ask", "宅基地", "--village", "440513999999"])
    assert r.exit_code == 2 and "440513999999" in r.output


def test_trace_and_chain():
    r = runner.invoke(app, ["trace", "村民委员会组织法", "30", "--version", "2018-12-29"])
    assert r.exit_code == 0 and "第三十条" in r.stdout and "DIS-" in r.stdout
    c = runner.invoke(app, ["chain", "--district", "440523", "--json"])
    assert c.exit_code == 0
    assert json.loads(c.stdout)["decisions"]


def test_export_turtle(tmp_path):
    out = tmp_path / "g.ttl"
    r = runner.invoke(app, ["export", "--format", "ttl", "-o", str(out)])
    assert r.exit_code == 0, r.output
    from rdflib import Graph

    g = Graph().parse(out)
    assert len(g) > 100000
