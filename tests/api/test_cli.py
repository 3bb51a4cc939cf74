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
    # the 2021 directory (in force now): the seed declares 47 autonomy items; the catalog models them plus
    # duties real questions ask about (membership "modeled", never presented as on the official list);
    # the 2019 version's items are counted apart
    aut = s["lists"]["autonomy"]
    assert aut["declared"] == 47 and aut["catalog"] >= 47 and aut["all_versions"] > aut["catalog"]
    # none of them is shown on Shantou's list by a public source: they are filed there by this project
    assert sum(aut["by_membership"].values()) == aut["catalog"] and aut["by_membership"]["confirmed"] == 0
    assert s["lists"]["negative"]["by_membership"] == {"confirmed": 0, "inferred": 0, "modeled": 50}
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


def test_ask_keeps_each_reason_on_its_own_unbroken_line():
    # a reason is one long run of Chinese with no spaces: the terminal wraps it, the command does not break it
    # (a hard break left "1." alone on its line and split citations where a user copies them)
    r = runner.invoke(app, ["ask", "村里的财务收支多久公布一次", "--as-of", "2025-06-01"])
    assert r.exit_code == 0, r.output
    steps = [line for line in r.stdout.splitlines() if line.startswith("  1. ") or line.startswith("  2. ")]
    assert len(steps) == 2 and all(len(line) > 10 for line in steps), steps
    assert any(line.startswith("  1. 列入") and "编号" in line for line in steps), steps


def test_ask_may_they_prints_the_forbidding_sentence_before_the_verdict():
    # 村民委员会组织法 2025 §37.1 (in force from 2026-01-01): 村民委员会成员及其近亲属不得担任村务监督机构成员
    r = runner.invoke(app, ["ask", "村干部的老婆能当村务监督委员会成员吗", "--as-of", "2026-03-01"])
    assert r.exit_code == 0, r.output
    out = r.stdout.replace("\n", "")
    assert "依据中的禁止性规定" in out and "近亲属不得担任村务监督机构成员" in out and "第三十七条" in out
    assert out.index("近亲属不得担任") < out.index("结论：")


def test_ask_a_story_lists_its_other_readings_after_the_verdict():
    """A grievance told without a question: the answer's own reading first, then who decides, on one line each."""
    r = runner.invoke(app, ["ask", "我们村支书不开会就把集体鱼塘承包给了他亲戚。", "--as-of", "2025-06-01"])
    assert r.exit_code == 0, r.output
    out = "".join(r.output.split())
    assert out.index("结论：") < out.index("来信没有直接提问") < out.index("如果想问“谁决定、要不要村民会议同意”：村民会议")


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
    # both provenances travel with the export: whose words (a status whose label names what it is) and
    # whether the item is on that list
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from qingdan.ontology.terms import ID_NS, QD
    pro = URIRef(str(ID_NS) + "item/PRO-005")
    assert g.value(pro, QD.provenanceStatus) == QD.official_verbatim
    # on the national list it is confirmed; on Shantou's, whose text is not public, only inferred
    assert g.value(pro, QD.membershipStatus) == Literal("confirmed")
    assert g.value(pro, QD.alsoInVersion) == URIRef(str(ID_NS) + "version/ST-ZDML-PRO-2021")
    assert g.value(URIRef(str(ID_NS) + "item/NEG-001"), QD.membershipStatus) == Literal("modeled")
    assert g.value(URIRef(str(ID_NS) + "category/FMQD-C01"), QD.membershipStatus) == Literal("confirmed")
    from qingdan.ontology.terms import ontology_graph
    assert Literal("公开文件原文", lang="zh") in set(ontology_graph().objects(QD.official_verbatim, RDFS.label))


def test_lint_json_and_strict_exit():
    """`qingdan lint --json --strict` on the bundled catalog: every finding carries the catalog's
    explanation, so the exit code is 0; the human output names the rules in Chinese."""
    r = runner.invoke(app, ["lint", "--json", "--strict"])
    assert r.exit_code == 0, r.output[-2000:]
    out = json.loads(r.stdout)
    assert set(out["summary"]) == {"anachronisms", "contradictions", "weak_bases", "duplicates"}
    assert all(v["unexplained"] == 0 for v in out["summary"].values())
    assert all(e["explanation"] for rule in out["summary"] for e in out[rule])
    text = runner.invoke(app, ["lint", "--as-of", "2019-10-01"])
    assert text.exit_code == 0 and "2019-10-01 施行的清单版本" in text.stdout and "时序错位" in text.stdout
    bad = runner.invoke(app, ["lint", "--as-of", "2019-13-01"])
    assert bad.exit_code == 2 and "审查日期" in bad.output


def test_ask_a_procedure_prints_its_steps_and_cautions_without_empty_brackets():
    # 农村土地承包法（2018）第三十六条：承包方自主决定流转土地经营权并向发包方备案；第四十条：签订书面流转合同——
    # 怎么办理问的是农户流转的步骤，不是村里的发包方案；截留流转收益（第三十九条）是注意事项
    r = runner.invoke(app, ["ask", "我想把承包地流转给种粮大户，要怎么办", "--as-of", "2025-06-01"])
    assert r.exit_code == 0, r.output
    out = r.stdout.replace("\n", "")
    assert "流程：" in out and "签订书面流转合同" in out and "向发包方备案" in out, out
    assert "注意：" in out and "（）" not in out, out
