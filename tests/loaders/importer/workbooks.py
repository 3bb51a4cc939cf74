"""Workbooks as offices make them, and short ways to import them and look at what landed."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl

from qingdan.loaders.importer import ImportReport, ImportRequest, run_import
from qingdan.loaders.imports import load_with_imports

ORG = "《中华人民共和国村民委员会组织法》"
ORG_KEY = "村民委员会组织法@2018-12-29"


def xlsx(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None) -> Path:
    """A workbook as an office would make it: the rows given, the ranges merged (values only in the top-left)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def run(env: SimpleNamespace, path: Path, day: str | None = "2024-05-01", **kw: Any) -> ImportReport:
    return run_import(ImportRequest(path, path.name, day, **kw), catalog_dir=env.catalog, laws_dir=env.laws)


def folders(env: SimpleNamespace) -> list[str]:
    return sorted(p.name for p in env.imports.iterdir() if not p.name.startswith(".")) if env.imports.exists() else []


def items_of(env: SimpleNamespace, version_id: str) -> list[Any]:
    return [r for r in load_with_imports(env.catalog).of("items") if r["version_id"] == version_id]


def messy_workbook(path: Path) -> Path:
    """A correct list in the shape offices publish: title, two-row header, headings, merged cells, notes."""
    title = "汕头市龙湖区村（居）民委员会群众自治工作职责事项指导目录（汕龙府办〔2024〕5号）"
    autonomy = [
        [title, None, None, None, None],
        ["序号", "事项名称", "法律依据", "责任主体", None],
        [None, None, None, "牵头单位", "配合单位"],
        ["一、民主决策（2项）", None, None, None, None],
        ["１", "讨论决定本村\n宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村委会", "村民会议"],
        ["２", "确定误工补贴人员及标准", "《村民委员会组织法》第二十四条第（一）项", "村民委员会", None],
        [None, None, None, None, None],
        ["二、民主管理", None, None, None, None],
        ["３", "调解民间纠纷", f"{ORG}\n第二条第二款", "村（居）委会", "人民调解委员会"],
        ["注：1．本目录自2024年5月1日起施行。", None, None, None, None],
        ["2．由区民政局负责解释。", None, None, None, None],
    ]
    assistance = [
        ["序号", "类别", "事项名称", "业务指导部门", "依据"],
        [1, "社会保障", "协助开展最低生活保障入户调查", "区民政局", f"{ORG}第五条第二款"],
        [2, None, "协助做好殡葬改革宣传", "民政局、镇政府", None],
        [3, "社会治安", "协助派出所开展流动人口登记", "公安派出所", None],
        [4, None, "协助开展禁毒宣传", "澄海区公安局", None],
    ]
    merges = {"群众自治工作职责事项": ["A1:E1", "D2:E2", "A2:A3", "B2:B3", "C2:C3", "A4:E4", "A10:E10"],
              "协助政府工作职责事项": ["B2:B3"]}
    return xlsx(path, {"群众自治工作职责事项": autonomy, "协助政府工作职责事项": assistance, "Sheet3": []}, merges)


OFFICIAL_SHEET = "协助政府工作职责事项"
OFFICIAL_TITLE = "汕头市龙湖区村（居）民委员会协助政府工作职责事项清单"


def official_workbook(path: Path) -> Path:
    """A district's list as published, messy in every way the issue names (rows as Excel numbers them):

    1 title; 2–3 header: 法律依据 over 法规名称 / 条款, 责任主体 over 牵头单位 / 配合单位, merged;
    4 two bodies in one cell (、) and a 镇（街道）; 5 a work the library does not hold, two bodies (/);
    6 no item name (bad); 7 article 99 of a 41/50-article law (bad), a bureau's enforcement brigade;
    8 a version of the law the library does not hold, a 镇（街道） service station;
    9 a body no table knows; 10 a note.
    """
    law = "中华人民共和国村民委员会组织法"
    rows = [
        [OFFICIAL_TITLE, None, None, None, None, None, None, None],
        ["序号", "类别", "事项名称", "法律依据", None, "责任主体", None, "备注"],
        [None, None, None, "法规名称", "条款", "牵头单位", "配合单位", None],
        ["１", "社会保障", "协助开展最低生活保障入户调查", law, "第五条第二款", "区民政局、镇（街道）", "村（居）委会", None],
        ["２", None, "协助开展临时救助", "《社会救助暂行办法》", "第八条", "区民政局/镇街", None, None],
        ["３", None, None, law, "第五条", "区民政局", None, None],
        ["４", "农业农村", "协助开展乱占耕地建房巡查", law, "第九十九条", "区农业农村局综合行政执法大队", "村委会", None],
        ["５", "退役军人", "协助做好退役军人信息采集", f"《{law}》（2010年修订）", "第五条第二款", "镇（街道）退役军人服务站",
         "村（居）委会", None],
        ["６", "社会治安", "协助开展流动人口登记", None, None, "区社会治安综合治理中心", "派出所", "按季度"],
        ["注：1．本清单由区民政局负责解释。", None, None, None, None, None, None, None],
    ]
    merges = ["A1:H1", "D2:E2", "F2:G2", "A2:A3", "B2:B3", "C2:C3", "H2:H3", "B4:B6", "A10:H10"]
    return xlsx(path, {OFFICIAL_SHEET: rows}, {OFFICIAL_SHEET: merges})
