"""`qingdan template`: the import template, one sheet per list kind, with a sheet explaining the columns."""
from __future__ import annotations

from pathlib import Path

from qingdan.ontology.terms import KIND_ZH

from .columns import COLUMNS


TEMPLATE_COLUMNS = ("seq", "category", "name", "description", "bases", "lead", "assist", "supervise", "keywords", "remark")
COLUMN_HELP = {
    "seq": "事项序号，填整数。可以全表连续编号，也可以每个类别从 1 开始；同一范围内不得重复。",
    "category": "事项所属类别，如“民主决策”。同一类别的连续几行可以合并单元格，或只在第一行填写、下面留空。"
                "也可以不设此列，而在事项之间插一行“一、民主决策”作为类别标题。负面清单的类别须为八个方面之一。",
    "name": "事项名称（必填），按官方文本原样填写。",
    "description": "对事项的说明（可选）。",
    "bases": "法律依据，按公文写法填写，如：《中华人民共和国村民委员会组织法》第二十四条第一款第（六）项。"
             "导入时逐条核对法规库，并按清单施行日期选取当时施行的法规版本；条款超出范围的行会被指出，"
             "法规库没有当时施行的文本的只作提示、按原文保留。也可分成“法规名称”“条款”两列（上面合并写“法律依据”）。可以不填。",
    "lead": "责任主体（业务指导部门、实施主体），如 村民委员会、镇人民政府、区（县）民政局、公安派出所。"
            "按本地写法填写即可（如 区农业农村局综合行政执法大队、镇（街道）退役军人服务站），主体类型表和别名表里没有的单位"
            "按原名保留并给出提示。协助政府事项和镇街下放职权必填；其他清单不填时按清单种类取默认主体（如村民委员会）。"
            "写多个时（用顿号或斜杠分隔），第一个为责任主体，其余记为协助主体。",
    "assist": "协助主体、配合单位（可选），多个用顿号分隔。",
    "supervise": "监督主体（可选），如 村务监督委员会、镇人民政府。",
    "keywords": "群众的常见说法（可选），用顿号分隔，帮助问答时匹配到本事项。",
    "remark": "备注（可选），并入事项说明。",
}
TEMPLATE_EXAMPLES: dict[str, dict[str, str]] = {
    "autonomy": {"seq": "1", "category": "民主决策", "name": "讨论决定本村宅基地使用方案",
                 "description": "宅基地使用方案经村民会议讨论决定后方可办理。",
                 "bases": "《中华人民共和国村民委员会组织法》第二十四条第一款第（六）项", "lead": "村民委员会",
                 "assist": "村民会议", "supervise": "村务监督委员会、镇人民政府", "keywords": "宅基地怎么分、分宅基地"},
    "assistance": {"seq": "1", "category": "社会保障", "name": "协助做好最低生活保障申请的受理和入户调查",
                   "bases": "《中华人民共和国村民委员会组织法》第五条第二款", "lead": "区（县）民政局",
                   "assist": "村民委员会", "supervise": "镇人民政府", "keywords": "低保申请、吃低保找谁"},
    "prohibited": {"seq": "1", "category": "证明事项", "name": "亲属关系证明", "lead": "公安派出所",
                   "remark": "依据可不填；填写时按公文写法"},
    "micro_power": {"seq": "1", "category": "重大事项决策", "name": "确定本村享受误工补贴的人员及补贴标准",
                    "bases": "《中华人民共和国村民委员会组织法》第二十四条第一款第（一）项", "lead": "村民委员会",
                    "supervise": "村务监督委员会", "keywords": "误工补贴怎么定"},
    "public_service": {"seq": "1", "category": "便民服务", "name": "代办村民生活服务事项",
                       "bases": "《中华人民共和国村民委员会组织法》第二条第二款", "lead": "村民委员会"},
    "disclosure": {"seq": "1", "category": "财务公开", "name": "集体财务往来收支情况",
                   "bases": "《中华人民共和国村民委员会组织法》第三十条", "lead": "村民委员会", "supervise": "村务监督委员会"},
    "negative": {"seq": "1", "category": "重大决策不合规", "name": "未经村民会议讨论擅自决定宅基地分配",
                 "bases": "《中华人民共和国村民委员会组织法》第二十四条第一款第（六）项", "lead": "区（县）纪委监委"},
    "delegated": {"seq": "1", "category": "行政处罚", "name": "对在乡村规划区内未取得乡村建设规划许可证进行建设的处罚",
                  "lead": "区（县）自然资源局", "remark": "依据可不填；填写时按公文写法"},
}


def build_template(path: Path) -> None:
    """An .xlsx with one sheet per list kind (title row, header, one example) and a sheet explaining the columns."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "填写说明"
    guide.append(["列名", "含义和填写要求", "也可以写成"])
    for f in TEMPLATE_COLUMNS:
        label, names = COLUMNS[f]
        guide.append([label, COLUMN_HELP[f], "、".join(n for n in names if n != label)])
    guide.append([])
    guide.append(["说明", "每种清单一个工作表，工作表名称即清单种类（也可用 --kind 指定）。表头上方可以有标题行，"
                          "表格下方的“注：”行不会导入。导入时用 --version-date 指明施行日期；同一清单的旧版本自前一日起失效，仍可按日期查询；"
                          "同一施行日期已有版本的，加 --replace 才替换。"])
    for row in guide.iter_rows(min_row=1, max_row=1):
        for cell in row:
            cell.font = Font(bold=True)
    guide.column_dimensions["A"].width = 12
    guide.column_dimensions["B"].width = 90
    guide.column_dimensions["C"].width = 50
    for row in guide.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    for kind, example in TEMPLATE_EXAMPLES.items():
        ws = wb.create_sheet(KIND_ZH[kind])
        ws.append([f"（示例）{KIND_ZH[kind]}清单"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TEMPLATE_COLUMNS))
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([COLUMNS[f][0] for f in TEMPLATE_COLUMNS])
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.append([example.get(f, "") for f in TEMPLATE_COLUMNS])
        for col, width in zip("ABCDEFGHIJ", (6, 14, 36, 30, 44, 18, 16, 22, 22, 20)):
            ws.column_dimensions[col].width = width
    wb.save(path)
