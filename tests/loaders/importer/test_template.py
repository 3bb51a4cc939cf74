"""`qingdan template`: the template an office fills in imports as it is."""
from __future__ import annotations

import openpyxl

from qingdan.loaders.importer import TEMPLATE_EXAMPLES, build_template
from qingdan.loaders.imports import load_with_imports
from qingdan.ontology.terms import KIND_ZH

from .workbooks import run


def test_template_round_trips(env):
    path = env.tmp / "模板.xlsx"
    build_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["填写说明", *KIND_ZH.values()]
    assert [c.value for c in wb["填写说明"]["A"][1:11]] == ["序号", "类别", "事项名称", "事项说明", "法律依据", "责任主体",
                                                      "协助主体", "监督主体", "关键词", "备注"]
    report = run(env, path)
    assert report.problems == [] and report.loaded
    assert [(w.sheet, w.reason) for w in report.warnings] == [("填写说明", "不是事项表（没有含“事项名称”列的表头），已跳过")]
    assert report.rows_loaded == len(TEMPLATE_EXAMPLES)
    cat = load_with_imports(env.catalog)
    imported = {r["kind"]: r["name_zh"] for r in cat.of("items") if r["source"].startswith("import:模板.xlsx")}
    assert imported == {kind: ex["name"] for kind, ex in TEMPLATE_EXAMPLES.items()}
