"""A whole import as a district does it: a list as published imports with exactly its genuinely bad
rows reported, the rest loads under --skip-invalid, and a list imported again for a date that
already has a version replaces it only when asked (--replace), never half-way."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from qingdan.loaders.imports import load_with_imports
from qingdan.ontology.terms import KIND_ZH

from .workbooks import (ORG, ORG_KEY, OFFICIAL_SHEET, folders, items_of, messy_workbook, official_workbook, run,
                        xlsx)

S = OFFICIAL_SHEET
LAW = "《中华人民共和国村民委员会组织法》"
NOT_HELD = "；依据按原文记录，未链接到条文，补充该文本后重新导入即可链接"


# ── a list as published ─────────────────────────────────────────────────────────────────────────

def test_an_official_list_reports_exactly_its_two_bad_rows(env):
    report = run(env, official_workbook(env.tmp / "龙湖区协助政府事项.xlsx"))
    assert [p.to_dict() for p in report.problems] == [
        {"sheet": S, "row": 6, "column": "事项名称", "value": None, "reason": "缺少事项名称"},
        {"sheet": S, "row": 7, "column": "法律依据", "value": f"{LAW}第九十九条",
         "reason": "《村民委员会组织法》第九十九条：《村民委员会组织法》2018-12-29版只有41条"
                   "（清单施行日 2024-05-01 适用 2018-12-29 版）"},
    ]
    assert [w.to_dict() for w in report.warnings] == [
        {"sheet": S, "row": 5, "column": "法律依据", "value": "《社会救助暂行办法》第八条",
         "reason": "《社会救助暂行办法》第八条：《社会救助暂行办法》不在法规库中（也未在 works_extra.csv 声明），"
                   "清单施行日 2024-05-01 时的文本无从核对" + NOT_HELD},
        {"sheet": S, "row": 8, "column": "法律依据", "value": f"{LAW}（2010年修订）第五条第二款",
         "reason": "《村民委员会组织法》第五条第二款（2010年版）：法规库没有《村民委员会组织法》2010年的文本" + NOT_HELD},
        {"sheet": S, "row": 9, "column": "责任主体（牵头单位）", "value": "区社会治安综合治理中心",
         "reason": "主体“区社会治安综合治理中心”不在主体类型表和别名表中：按原名记为具体主体，类型记为最接近的"
                   "区（县）职能部门（county_department）；如为常见写法，请补入 data/catalog/body_aliases.csv"},
    ]
    assert (report.rows_read, report.rows_loaded, report.loaded) == (6, 0, False)
    assert report.place == {"code": "440507", "name": "龙湖区"}  # from the title
    assert folders(env) == []


def test_skip_invalid_loads_every_other_row_with_the_right_bodies(env):
    report = run(env, official_workbook(env.tmp / "龙湖区协助政府事项.xlsx"), skip_invalid=True)
    assert report.loaded and (report.rows_read, report.rows_loaded) == (6, 4)
    assert report.skipped == [{"sheet": S, "row": 6}, {"sheet": S, "row": 7}]
    assert [(w.row, w.column) for w in report.warnings if w.row in (6, 7)] == [(6, "事项名称"), (7, "法律依据")]
    got = [(r["seq"], r["name_zh"], r["lead_body"], r["lead_body_name"], r["assist_bodies"], r["assist_body_names"],
            r["bases"], r["unlinked_bases"]) for r in items_of(env, "IMP-AST-2024-05-01")]
    village = ["village_committee", "residents_committee"]
    assert got == [
        # 区民政局、镇（街道）: lead + assisting; 龙湖区 has only 街道, so 镇（街道） is the sub-district office
        (1, "协助开展最低生活保障入户调查", "county_civil_affairs", "龙湖区民政局", ["subdistrict_office", "village_committee"],
         ["镇（街道）", "村（居）委会"], [f"{ORG_KEY}#5.2"], []),
        (2, "协助开展临时救助", "county_civil_affairs", "龙湖区民政局", ["subdistrict_office", *village], ["镇街"],
         [], ["《社会救助暂行办法》第八条"]),
        (5, "协助做好退役军人信息采集", "subdistrict_office", "镇（街道）退役军人服务站", ["village_committee"], ["村（居）委会"],
         [], ["《村民委员会组织法》第五条第二款（2010年版）"]),
        (6, "协助开展流动人口登记", "county_department", "龙湖区社会治安综合治理中心", ["county_public_security"], ["派出所"],
         [], []),
    ]
    cat = load_with_imports(env.catalog)
    assert next(r for r in cat.of("lists") if r["list_id"] == "IMP-AST")["jurisdiction"] == "440507"
    unlinked = items_of(env, "IMP-AST-2024-05-01")[1]
    assert unlinked["no_basis_reason"] == "依据所引法规在清单施行日 2024-05-01 的文本未收录：《社会救助暂行办法》第八条"
    # the names reach the graph, where answers and pages read them
    node = report.built.graph.nodes["item/IMP-AST-2024-05-01-006"]  # type: ignore[union-attr]
    assert node.props["lead_body_name"] == "龙湖区社会治安综合治理中心"
    assert node.props["assist_body_names"] == ["派出所"]


def test_the_place_given_overrides_the_title(env):
    path = official_workbook(env.tmp / "清单.xlsx")
    report = run(env, path, skip_invalid=True, dry_run=True, place="440523")  # 南澳县: only 镇
    assert report.place == {"code": "440523", "name": "南澳县"}
    bodies = [w for w in report.warnings if w.row == 9]
    assert "按原名记为具体主体" in bodies[0].reason
    bad = run(env, path, dry_run=True, place="火星区")
    assert [(p.value, p.reason) for p in bad.problems] == [
        ("火星区", "--place：找不到这个区县或镇街（可写 6 位区县代码或 9 位镇街代码）")]


def test_messy_workbook_reads_like_a_clerk_would(env):
    report = run(env, messy_workbook(env.tmp / "目录.xlsx"))
    assert report.problems == []
    assert [w.to_dict() for w in report.warnings] == [
        {"sheet": "Sheet3", "row": None, "column": None, "value": None, "reason": "工作表为空，已跳过"}]
    assert report.loaded and (report.rows_read, report.rows_loaded) == (7, 7)
    assert folders(env) == ["IMP-AST-2024-05-01+T-AUT-2024-05-01"]

    cat = load_with_imports(env.catalog)
    version = next(r for r in cat.of("list_versions") if r["version_id"] == "T-AUT-2024-05-01")
    assert (version["list_id"], version["in_force_from"], version["doc_no"]) == ("T-AUT", "2024-05-01", "汕龙府办〔2024〕5号")
    cats = {r["category_id"]: r["name_zh"] for r in cat.of("categories")}
    got = [(r["seq"], cats[r["category_id"]], r["name_zh"], r["lead_body"], r["assist_bodies"], r["bases"])
           for r in items_of(env, "T-AUT-2024-05-01")]
    assert got == [
        (1, "民主决策", "讨论决定本村宅基地使用方案", "village_committee", ["villagers_assembly"], [f"{ORG_KEY}#24.1.6"]),
        (2, "民主决策", "确定误工补贴人员及标准", "village_committee", [], [f"{ORG_KEY}#24.1.1"]),
        (3, "民主管理", "调解民间纠纷", "village_committee", ["people_mediation_committee"], [f"{ORG_KEY}#2.2"]),
    ]
    got = [(cats[r["category_id"]], r["name_zh"], r["lead_body"], r["lead_body_name"], r["assist_bodies"], r["no_basis_reason"])
           for r in items_of(env, "IMP-AST-2024-05-01")]
    village_side = ["village_committee", "residents_committee"]
    assert got == [
        ("社会保障", "协助开展最低生活保障入户调查", "county_civil_affairs", "龙湖区民政局", village_side, None),
        ("社会保障", "协助做好殡葬改革宣传", "county_civil_affairs", "民政局", ["town_government", *village_side], "官方清单未列依据"),
        ("社会治安", "协助派出所开展流动人口登记", "county_public_security", "公安派出所", village_side, "官方清单未列依据"),
        ("社会治安", "协助开展禁毒宣传", "county_public_security", "澄海区公安局", village_side, "官方清单未列依据"),
    ]
    first = items_of(env, "T-AUT-2024-05-01")[0]
    assert first["provenance_status"] == "official_verbatim"
    assert first["source"] == "import:目录.xlsx#群众自治工作职责事项!5"
    summaries = {r["citation"]: r for r in cat.of("provisions")}
    assert summaries[f"{ORG_KEY}#24.1.1"]["summary_zh"] == "（一）本村享受误工补贴的人员及补贴标准；"
    assert summaries[f"{ORG_KEY}#24.1.1"]["source"] == "import:目录.xlsx#群众自治工作职责事项!6"
    # a provision the catalog already summarises keeps the catalog's summary
    assert summaries[f"{ORG_KEY}#24.1.6"]["summary_zh"] == "宅基地使用方案须经村民会议讨论决定"


# ── every problem, exactly ──────────────────────────────────────────────────────────────────────

def faulty_workbook(path: Path) -> Path:
    rows = [
        ["序号", "事项名称", "法律依据", "责任主体"],
        [1, "讨论决定宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村民委员会"],
        [2, "召开村民会议", f"{ORG}第五十一条", "村民委员会"],
        [3, "村务监督", f"{ORG}第四十五条", "村民委员会"],
        [4, None, f"{ORG}第二条", "村民委员会"],
        [5, "选举村民委员会", "《中华人民共和国村民委员会组织法》第一百条", "村民委员会"],
        [5, "调解纠纷", f"{ORG}第二条第二款", "村民委员会"],
        [6, "清理村霸", None, "村霸"],
        ["７", "管理本村集体财产", f"{ORG}第八条第二款", "村民委员会"],
    ]
    return xlsx(path, {"群众自治工作职责事项": rows})


def test_every_problem_is_named_with_sheet_row_column_value(env):
    report = run(env, faulty_workbook(env.tmp / "bad.xlsx"))
    in_force = "（清单施行日 2024-05-01 适用 2018-12-29 版）"
    s = "群众自治工作职责事项"
    assert [p.to_dict() for p in report.problems] == [
        {"sheet": s, "row": 3, "column": "法律依据", "value": f"{ORG}第五十一条",
         "reason": f"《村民委员会组织法》第五十一条：《村民委员会组织法》2018-12-29版只有41条{in_force}"},
        {"sheet": s, "row": 4, "column": "法律依据", "value": f"{ORG}第四十五条",  # in the 2025 text, not in force yet
         "reason": f"《村民委员会组织法》第四十五条：《村民委员会组织法》2018-12-29版只有41条{in_force}"},
        {"sheet": s, "row": 5, "column": "事项名称", "value": None, "reason": "缺少事项名称"},
        {"sheet": s, "row": 6, "column": "法律依据", "value": f"{ORG}第一百条",
         "reason": f"《村民委员会组织法》第一百条：《村民委员会组织法》2018-12-29版只有41条{in_force}"},
        {"sheet": s, "row": 7, "column": "序号", "value": "5", "reason": "序号重复（第6行已用）"},
    ]
    # a body nobody knows is kept by its name, with a warning, not refused
    assert [(w.row, w.column, w.value) for w in report.warnings] == [(8, "责任主体", "村霸")]
    assert (report.rows_read, report.rows_loaded, report.loaded) == (8, 0, False)


def test_one_bad_row_loads_nothing_and_skip_invalid_loads_the_rest(env):
    path = faulty_workbook(env.tmp / "bad.xlsx")
    assert not run(env, path).loaded
    assert folders(env) == []
    assert [(r["version_id"], r["in_force_to"]) for r in load_with_imports(env.catalog).of("list_versions")] == [
        ("T-AUT-1", None), ("T-NEG-1", None)]

    report = run(env, path, skip_invalid=True)
    assert report.loaded and (report.rows_read, report.rows_loaded) == (8, 3)
    assert report.skipped == [{"sheet": "群众自治工作职责事项", "row": r} for r in (3, 4, 5, 6, 7)]
    assert len(report.warnings) == 6  # the skipped rows' problems are still shown, and the unknown body
    got = [(r["seq"], r["name_zh"], r["lead_body"], r["lead_body_name"], r["bases"]) for r in items_of(env, "T-AUT-2024-05-01")]
    assert got == [(1, "讨论决定宅基地使用方案", "village_committee", None, [f"{ORG_KEY}#24.1.6"]),
                   (6, "清理村霸", "village_committee", "村霸", []),
                   (7, "管理本村集体财产", "village_committee", None, [f"{ORG_KEY}#8.2"])]


def test_dry_run_validates_and_writes_nothing(env):
    report = run(env, messy_workbook(env.tmp / "目录.xlsx"), dry_run=True)
    assert report.valid and not report.loaded and report.rows_loaded == 0
    assert folders(env) == [] and not env.imports.exists()


def test_missing_date_unknown_kind_and_undetectable_kind(env):
    path = xlsx(env.tmp / "清单.xlsx", {"Sheet1": [["序号", "事项名称"], [1, "调解民间纠纷"]]})
    report = run(env, path, day=None, kind="村级大事")
    assert [p.reason for p in report.problems] == [
        "请用 --version-date 指明这一版清单的施行日期（YYYY-MM-DD）",
        "未知的清单种类，可选：" + "、".join(f"{k}（{v}）" for k, v in KIND_ZH.items()),
    ]
    report = run(env, path)
    assert [(p.sheet, p.reason) for p in report.problems] == [
        ("Sheet1", "无法判断这是哪种清单：请把工作表命名为清单种类（如 群众自治工作职责事项），或用 --kind 指定")]
    assert run(env, path, kind="群众自治工作职责事项", dry_run=True).valid


def test_sheet_named_as_a_list_without_a_header_is_a_problem_other_sheets_are_skipped(env):
    path = xlsx(env.tmp / "x.xlsx", {"小微权力清单": [["村级小微权力清单"], ["一、重大事项决策"], ["见附件"]],
                                      "封面": [["汕头市龙湖区"], ["2024年5月"]]})
    report = run(env, path)
    assert [p.to_dict() for p in report.problems] == [{
        "sheet": "小微权力清单", "row": None, "column": None, "value": None,
        "reason": "找不到表头：表头应有“事项名称”一列，以及“序号”“法律依据”“责任主体”等列中的至少一列"}]
    assert [(w.sheet, w.reason) for w in report.warnings] == [("封面", "不是事项表（没有含“事项名称”列的表头），已跳过")]


def test_one_table_holding_the_three_parts_of_the_guidance_catalogue(env):
    rows = [
        ["汕头市龙湖区村（居）民委员会工作职责事项指导目录", None, None],
        ["序号", "事项名称", "责任主体"],
        ["一、群众自治工作职责事项（2项）", None, None],
        ["（一）民主决策", None, None],
        [1, "讨论决定本村宅基地使用方案", "村民委员会"],
        ["（二）村务公开", None, None],  # a category that merely mentions 公开, not a part of its own
        [2, "公布集体财务收支", "村民委员会"],
        ["二、协助政府工作职责事项（1项）", None, None],
        [1, "协助开展征兵宣传", "区人武部"],
        ["三、应取消和禁入事项（1项）", None, None],
        [1, "亲属关系证明", "公安派出所"],
    ]
    report = run(env, xlsx(env.tmp / "指导目录.xlsx", {"Sheet1": rows}))
    assert report.loaded, report.problems
    assert [(v["kind"], v["list_id"], v["items"]) for v in report.versions] == [
        ("autonomy", "T-AUT", 2), ("assistance", "IMP-AST", 1), ("prohibited", "IMP-PRO", 1)]
    cat = load_with_imports(env.catalog)
    cats = {r["category_id"]: r["name_zh"] for r in cat.of("categories")}
    assert [(cats[r["category_id"]], r["name_zh"]) for r in items_of(env, "T-AUT-2024-05-01")] == [
        ("民主决策", "讨论决定本村宅基地使用方案"), ("村务公开", "公布集体财务收支")]
    pro = items_of(env, "IMP-PRO-2024-05-01")[0]
    assert (cats[pro["category_id"]], pro["lead_body"], pro["must_not_bodies"]) == (
        "应取消和禁入事项", "county_public_security", ["village_committee", "residents_committee"])


def test_negative_items_need_one_of_the_eight_aspects(env):
    rows = [["序号", "方面", "负面行为表现"], [1, "一、重大决策不合规方面", "擅自决定宅基地分配"], [2, "其他", "上班打牌"]]
    report = run(env, xlsx(env.tmp / "负面清单.xlsx", {"负面清单": rows}))
    assert [(p.row, p.column, p.value) for p in report.problems] == [(3, "方面", "其他")]
    assert report.problems[0].reason.startswith("负面行为须归入八个方面之一：政治立场不坚定")


# ── versions over time ───────────────────────────────────────────────────────────────────────────

def test_the_law_version_follows_the_lists_date(env):
    rows = [["序号", "事项名称", "法律依据"],
            [1, "讨论决定误工补贴", f"{ORG}第二十八条第一款第（二）项"],
            [2, "代行集体经济组织职能", f"{ORG}第二十八条第四款"],
            [3, "讨论决定误工补贴（按2018年文本）", f"{ORG}（2018年修正）第二十四条第一款第（一）项"]]
    report = run(env, xlsx(env.tmp / "2026.xlsx", {"群众自治工作职责事项": rows}), day="2026-02-01")
    assert report.loaded, report.problems
    got = [r["bases"] for r in items_of(env, "T-AUT-2026-02-01")]
    new = "村民委员会组织法@2025-10-28"
    assert got == [[f"{new}#28.1.2"], [f"{new}#28.4"], [f"{ORG_KEY}#24.1.1"]]
    summaries = {r["citation"]: r["summary_zh"] for r in load_with_imports(env.catalog).of("provisions")}
    assert summaries[f"{new}#28.1.2"] == "（二）本村享受误工补贴的人员及补贴标准；"
    long = summaries[f"{new}#28.4"]  # the first 60 characters of the paragraph
    assert long.startswith("村民委员会依法代行农村集体经济组织职能的") and long.endswith("…") and len(long) == 61


def test_an_older_version_imported_later_fits_between_the_others(env):
    rows = [["序号", "事项名称", "法律依据"], [1, "调解民间纠纷", f"{ORG}第二条第二款"]]
    assert run(env, xlsx(env.tmp / "2025.xlsx", {"群众自治工作职责事项": rows}), day="2025-03-01").loaded
    report = run(env, xlsx(env.tmp / "2024.xlsx", {"群众自治工作职责事项": rows}), day="2024-05-01")
    assert report.loaded
    assert report.versions[0]["in_force_to"] == "2025-02-28"
    assert report.closed == [{"version_id": "T-AUT-1", "list_id": "T-AUT", "in_force_to": "2024-04-30", "was": "2025-02-28"}]
    spans = {r["version_id"]: (r["in_force_from"], r["in_force_to"]) for r in load_with_imports(env.catalog).of("list_versions")}
    assert spans == {"T-AUT-1": ("2021-01-01", "2024-04-30"), "T-AUT-2024-05-01": ("2024-05-01", "2025-02-28"),
                     "T-AUT-2025-03-01": ("2025-03-01", None), "T-NEG-1": ("2021-01-01", None)}


# ── importing again for a date that has a version ────────────────────────────────────────────────

def again_hint(list_id: str, version: str, where: str) -> str:
    return (f"清单 {list_id} 已有自 2024-05-01 施行的版本 {version}（{where}）：要以本文件替换这一版本，"
            "请加 --replace 重新导入（API：replace=true）；如是另一版本，请用 --version-date 写明它的施行日期")


def test_importing_again_says_how_to_replace_and_replace_does_it(env):
    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    [folder] = folders(env)
    wb = openpyxl.load_workbook(good)
    wb["群众自治工作职责事项"]["B5"] = "讨论决定本村宅基地使用方案（修订）"
    wb.save(env.tmp / "目录2.xlsx")

    report = run(env, env.tmp / "目录2.xlsx")
    where = f"由导入 imports/{folder} 写入"
    assert [(p.sheet, p.value, p.reason) for p in report.problems] == [
        ("协助政府工作职责事项", "IMP-AST-2024-05-01", again_hint("IMP-AST", "IMP-AST-2024-05-01", where)),
        ("群众自治工作职责事项", "T-AUT-2024-05-01", again_hint("T-AUT", "T-AUT-2024-05-01", where)),
    ]
    assert not report.loaded and folders(env) == [folder]
    assert items_of(env, "T-AUT-2024-05-01")[0]["name_zh"] == "讨论决定本村宅基地使用方案"

    report = run(env, env.tmp / "目录2.xlsx", replace=True)
    assert report.loaded and report.replaced
    assert [v["version_id"] for v in report.replaced_versions] == ["T-AUT-2024-05-01", "IMP-AST-2024-05-01"]
    assert folders(env) == [folder]
    assert items_of(env, "T-AUT-2024-05-01")[0]["name_zh"] == "讨论决定本村宅基地使用方案（修订）"
    spans = {r["version_id"]: (r["in_force_from"], r["in_force_to"]) for r in load_with_imports(env.catalog).of("list_versions")}
    assert spans["T-AUT-1"] == ("2021-01-01", "2024-04-30")  # still closed by the replacement


def test_a_version_of_the_catalog_itself_is_replaced_under_its_own_id(env):
    rows = [["序号", "方面", "负面行为表现", "监督单位"],
            [1, "重大决策不合规", "未经村民会议讨论擅自处置集体资产", "镇纪委"],
            [2, "财务规定不执行", "虚开白条入账", "镇纪委"]]
    path = xlsx(env.tmp / "负面清单.xlsx", {"负面清单": rows})
    report = run(env, path, day="2021-01-01")
    assert [p.reason for p in report.problems] == [
        again_hint("T-NEG", "T-NEG-1", "清单目录 list_versions.csv 第3行").replace("2024-05-01", "2021-01-01")]

    report = run(env, path, day="2021-01-01", replace=True)
    assert report.loaded, report.problems
    assert report.replaced_versions == [{"version_id": "T-NEG-1", "list_id": "T-NEG", "in_force_from": "2021-01-01",
                                         "where": "清单目录 list_versions.csv 第3行"}]
    assert [r["name_zh"] for r in items_of(env, "T-NEG-1")] == ["未经村民会议讨论擅自处置集体资产", "虚开白条入账"]
    [folder] = folders(env)
    (env.imports / folder).unlink()  # undoing the import brings the catalog's version back
    assert [r["item_id"] for r in items_of(env, "T-NEG-1")] == ["T-003"]


def test_replacing_a_version_others_point_to_fails_whole(env):
    """T-003 (negative) endangers T-001 of T-AUT-1, and roles and phrasings name T-001 and T-002:
    replacing T-AUT-1 would leave them pointing nowhere."""
    rows = [["序号", "事项名称"], [1, "调解民间纠纷"]]
    report = run(env, xlsx(env.tmp / "自治.xlsx", {"群众自治工作职责事项": rows}), day="2021-01-01", replace=True)
    assert not report.loaded and folders(env) == []
    got = [(p.column, p.value, p.reason) for p in report.problems]
    assert ("endangers", "item/T-001", "items_test.csv 第4行：所危及的权力事项不存在") in got
    assert {p.reason.split("：")[0].split(" ")[0] for p in report.problems} == {"items_test.csv", "roles.csv", "phrasings.csv"}
