"""Statutes live in the graph: succeededBy and repeals edges on both stores, the history `trace`
shows, crosswalks and repeals read from them, and queries/ reading the graph, never the loaders."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from qingdan.queries import tracing
from qingdan.queries.crosswalks import crosswalk_for, repeals_list, versions_for

QUERIES = Path(__file__).resolve().parents[2] / "queries"
ORGANIC = "村民委员会组织法"


def succeeded(store, node_id: str) -> dict[str, dict]:
    return {n.id: r.props for r, n in store.neighbors(node_id, "SUCCEEDED_BY")}


def test_succeeded_by_edges_with_score_and_provenance(any_store):
    out = succeeded(any_store, f"law/{ORGANIC}/2018-12-29/24")
    edge = out[f"law/{ORGANIC}/2025-10-28/28"]
    assert edge["change"] == "amended" and 0.45 < edge["score"] < 1.0 and edge["text_changed"] is True
    assert edge["provenance_status"] == "statute_derived" and "条文比对" in edge["source"]
    # a cited paragraph has its own edge: 2018 37.2 is 2025 42.2 word for word
    para = succeeded(any_store, f"law/{ORGANIC}/2018-12-29/37/2")
    assert para[f"law/{ORGANIC}/2025-10-28/42/2"]["score"] == 1.0
    # three texts of one work are chained, each to the next
    assert "law/食品安全法/2021-04-29/35" in succeeded(any_store, "law/食品安全法/2015-04-24/35")
    assert "law/食品安全法/2025-09-12/35" in succeeded(any_store, "law/食品安全法/2021-04-29/35")
    # and a repealed law's articles lead into the law that repealed it
    assert succeeded(any_store, "law/婚姻法/2001-04-28/3")["law/民法典/2020-05-28/1042"]["across_works"] is True


def test_repeals_edges_from_the_repeal_clauses(any_store):
    rels = {n.id: r.props for r, n in any_store.neighbors("law/民法典/2020-05-28", "REPEALS")}
    for work in ("婚姻法", "继承法", "民法通则", "物权法", "民法总则", "合同法", "侵权责任法"):
        p = rels[f"work/{work}"]
        assert p["in_corpus"] is True and p["effective_date"] == "2021-01-01" and p["source_article"] == 1260
        assert p["provenance_status"] and "第1260条" in p["source"]
    assert rels["work/担保法"]["in_corpus"] is False  # named in the clause, text not held
    assert any_store.node("work/担保法").get("in_corpus") is False
    listed = {(r["repealing_work"], r["repealed_work"]) for r in repeals_list(any_store)}
    assert ("生态环境法典", "固体废物污染环境防治法") in listed and ("民法典", "物权法") in listed


def test_versions_carry_their_in_force_periods(any_store):
    v = {x["version"]: x for x in versions_for(any_store, "食品安全法", "2022-06-01")["versions"]}
    assert v["2015-04-24"]["in_force_from"] == "2015-10-01" and v["2015-04-24"]["in_force_to"] == "2021-04-28"
    assert v["2021-04-29"]["in_force_to"] == "2025-11-30" and v["2021-04-29"]["current"]
    assert v["2025-09-12"]["in_force_from"] == "2025-12-01" and v["2025-09-12"]["in_force_to"] is None
    early = versions_for(any_store, "治安管理处罚法", "2012-12-01")
    assert early["in_force"] is None and early["status"] == "missing" and "2012年" in early["notice"]


def test_trace_shows_the_article_history(any_store):
    t = tracing.trace_provision(any_store, ORGANIC, 30, version="2018-12-29")
    h = {v["version"]: v for v in t["versions"]}
    assert h["2018-12-29"]["anchor"] and h["2018-12-29"]["article"] == 30 and h["2018-12-29"]["status"] is None
    assert (h["2025-10-28"]["article"], h["2025-10-28"]["status"]) == (35, "changed")
    assert h["2018-12-29"]["in_force_to"] == "2025-12-31" and h["2025-10-28"]["in_force_from"] == "2026-01-01"
    # the number is read in the text in force on as_of
    assert tracing.trace_provision(any_store, ORGANIC, 35, as_of="2026-06-01")["version"] == "2025-10-28"
    same = {v["version"]: v for v in tracing.trace_provision(any_store, "食品安全法", 122, version="2015-04-24")["versions"]}
    assert [same[d]["status"] for d in ("2015-04-24", "2021-04-29", "2025-09-12")] == [None, "changed", "same"]


def test_trace_marks_new_and_removed_articles(any_store):
    added = {v["version"]: v for v in tracing.trace_provision(any_store, ORGANIC, 33, version="2025-10-28")["versions"]}
    assert added["2018-12-29"]["article"] is None and added["2025-10-28"]["status"] == "new"  # 协商 added in 2025
    gone = {v["version"]: v for v in tracing.trace_provision(any_store, "体育法", 6, version="2016-11-07")["versions"]}
    assert gone["2022-06-24"]["status"] == "removed" and gone["2022-06-24"]["provision"] is None
    repealed = tracing.trace_provision(any_store, "婚姻法", 3, version="2001-04-28")["repealed"]
    assert repealed["repealing_work"] == "民法典" and repealed["counterpart"]["article"] == 1042


def test_crosswalk_composes_links_through_the_middle_text(any_store):
    cw = crosswalk_for(any_store, "食品安全法", "2016-01-01", "2026-01-01")
    assert (cw["from_version"], cw["to_version"]) == ("2015-04-24", "2025-09-12")
    pairs = {(p["from_article"], p["to_article"]): p for p in cw["pairs"]}
    assert pairs[(35, 35)]["change"] == "amended" and pairs[(1, 1)]["change"] == "unchanged"
    assert not [p for p in cw["pairs"] if p["change"] in ("added", "removed")]


def test_queries_do_not_import_the_loaders():
    offenders = []
    for path in QUERIES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if "qingdan.loaders" in name or name.startswith("..loaders") or name.startswith("loaders"):
                    offenders.append(f"{path.relative_to(QUERIES.parent)}: {name}")
    assert offenders == []


@pytest.mark.parametrize("work,article,version", [(ORGANIC, 24, "2018-12-29"), ("食品安全法", 35, "2015-04-24"),
                                                  ("婚姻法", 3, "2001-04-28")])
def test_trace_is_the_same_on_both_stores(memory_store, neo4j_store, work, article, version):
    import json

    a = tracing.trace_provision(memory_store, work, article, version=version)
    b = tracing.trace_provision(neo4j_store, work, article, version=version)
    assert json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)
