"""The import folder is catalog-format parts a person can read and the loader reads back unchanged."""
from __future__ import annotations

import json

from qingdan.errors import Problem
from qingdan.loaders.catalog import read_rows

from .workbooks import folders, official_workbook, run, xlsx


def test_the_folder_holds_what_the_list_wrote(env):
    report = run(env, official_workbook(env.tmp / "清单.xlsx"), skip_invalid=True)
    assert report.loaded
    [name] = folders(env)
    folder = env.imports / name
    assert sorted(p.name for p in folder.iterdir()) == [
        "categories.csv", "import.json", "items_import.csv", "list_versions.csv", "lists.csv", "original.xlsx", "provisions.csv"]
    problems: list[Problem] = []
    items = read_rows(folder / "items_import.csv", "items", problems)
    assert problems == []
    assert [(r["lead_body_name"], r["unlinked_bases"]) for r in items] == [
        ("龙湖区民政局", []), ("龙湖区民政局", ["《社会救助暂行办法》第八条"]),
        ("镇（街道）退役军人服务站", ["《村民委员会组织法》第五条第二款（2010年版）"]), ("龙湖区社会治安综合治理中心", [])]
    manifest = json.loads((folder / "import.json").read_text("utf-8"))
    assert manifest["place"] == {"code": "440507", "name": "龙湖区"}
    assert manifest["skipped"] == [{"sheet": "协助政府工作职责事项", "row": 6}, {"sheet": "协助政府工作职责事项", "row": 7}]


def test_replacing_a_version_held_elsewhere_is_written_down_in_the_folder(env):
    rows = [["序号", "方面", "负面行为表现"], [1, "重大决策不合规", "擅自处置集体资产"]]
    report = run(env, xlsx(env.tmp / "负面清单.xlsx", {"负面清单": rows}), day="2021-01-01", replace=True)
    assert report.loaded, report.problems
    [name] = folders(env)
    text = (env.imports / name / "replaced_versions.csv").read_text("utf-8").splitlines()
    assert text == ["version_id,provenance_status,source",
                    "T-NEG-1,official_verbatim,import:负面清单.xlsx：以本文件替换该版本（--replace）"]
