"""A list as an .xlsx in the layout township offices issue and print.

Title row, a line naming the version, one header row, category cells merged down the table, 注
rows under it; A4 landscape with the header repeated on every printed page. Nothing is written
as a formula: a cell that starts with = + - @ is stored as text (and marked so for Excel/WPS),
so a list can be opened safely and read back by `qingdan import` unchanged.
"""
from __future__ import annotations

import io
from pathlib import Path

from qingdan.queries.listsheet import Sheet, Workbook

WIDTHS = {"序号": 6, "类别": 14, "事项名称": 30, "具体内容": 44, "法律依据": 46, "备注": 20, "来源": 28}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(cell: object, value: object) -> None:
    """Write value so that no spreadsheet program runs it."""
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # type: ignore[attr-defined]
        cell.quotePrefix = True  # type: ignore[attr-defined]


def _sheet(wb: object, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    ws = wb.create_sheet(sheet.name[:31])  # type: ignore[attr-defined]
    columns = sheet.columns
    ncol = len(columns)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")

    _text_cell(ws.cell(row=1, column=1), sheet.title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    _text_cell(ws.cell(row=2, column=1), sheet.subtitle)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.cell(row=2, column=1).alignment = Alignment(horizontal="center")
    header = 3
    for c, label in enumerate(columns, start=1):
        cell = ws.cell(row=header, column=c, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = center
        cell.border = border
    r = header
    run_start, run_cat = header + 1, None
    for row, cells in zip(sheet.rows, sheet.table()):
        r += 1
        for c, value in enumerate(cells, start=1):
            cell = ws.cell(row=r, column=c)
            _text_cell(cell, value if value not in ("", None) else None)
            cell.alignment = center if c in (1, 2) else wrap
            cell.border = border
        if row.category != run_cat:
            if run_cat is not None and r - 1 > run_start:
                ws.merge_cells(start_row=run_start, start_column=2, end_row=r - 1, end_column=2)
            run_start, run_cat = r, row.category
    if run_cat is not None and r > run_start:
        ws.merge_cells(start_row=run_start, start_column=2, end_row=r, end_column=2)
    r += 1
    for note in sheet.notes:
        r += 1
        _text_cell(ws.cell(row=r, column=1), note)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = 32
    for c, label in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(label, 18)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def workbook_bytes(book: Workbook) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in book.sheets:
        _sheet(wb, sheet)
    wb.properties.creator = "清单图谱 qingdan"
    wb.properties.title = book.sheets[0].title if book.sheets else book.file_stem
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_workbook(book: Workbook, path: Path) -> None:
    path.write_bytes(workbook_bytes(book))
