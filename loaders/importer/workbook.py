"""Reading .xlsx and .csv files into grids of text, within limits a hostile file cannot stretch.

Published lists are made for printing, not for machines: merged cells, dates and numbers typed
as such, GBK-encoded CSV. Everything here turns a file into sheets of plain text, row numbers as
Excel shows them, merged cells filled with their value and remembered; nothing interprets them.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import ImportProblem

MAX_ROWS = 5000  # per file: the largest Shantou list has a few hundred items
MAX_COLUMNS = 60
MAX_CELLS = 200_000  # per file: 5,000 rows × 40 columns; openpyxl spends tens of µs on each
MAX_INFLATED = 40 * 2**20  # bytes of a workbook once unzipped; a 5,000-row list is a few MB
HEADER_SCAN = 20  # a header further down than this is not a header


@dataclass
class RawSheet:
    """A sheet as a grid of text, merged cells filled with their value, row numbers as Excel shows them."""

    name: str
    grid: list[list[str]]
    origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # merged cell → its top-left
    wide: set[int] = field(default_factory=set)  # rows holding a cell merged across columns
    truncated: bool = False


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).replace("\r\n", "\n").replace("\r", "\n").strip()


def read_file(path: Path, name: str | None = None) -> tuple[list[RawSheet], list[ImportProblem]]:
    """Every sheet of an .xlsx, or the one table of a .csv; a file that is neither is one problem."""
    name = name or path.name
    ext = Path(name).suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if ext == ".csv":
        return _read_csv(path, Path(name).stem)
    if ext in (".xls", ".et", ".wps"):
        return [], [ImportProblem(None, None, None, name, "不支持旧版 .xls 格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入")]
    return [], [ImportProblem(None, None, None, name, "只能导入 Excel（.xlsx）或 CSV（.csv）文件")]


def _read_xlsx(path: Path) -> tuple[list[RawSheet], list[ImportProblem]]:
    import zipfile

    with path.open("rb") as fh:
        head = fh.read(8)  # the signature only: zipfile reads the rest
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return [], [ImportProblem(None, None, None, None, "这是旧版 .xls 文件（扩展名写成了 .xlsx）：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入")]
    if not head.startswith(b"PK"):
        return [], [ImportProblem(None, None, None, None, "不是有效的 Excel 文件：.xlsx 文件应由 Excel 或 WPS 保存，此文件内容不是 Excel 格式")]
    try:
        with zipfile.ZipFile(path) as z:
            inflated = sum(info.file_size for info in z.infolist())
            # zipfile never inflates a member past its declared size, so the declared total bounds the
            # work before any XML is parsed: a few hundred KB that inflate to gigabytes stop here.
            if inflated > MAX_INFLATED:
                return [], [ImportProblem(None, None, None, f"{inflated // 2**20} MB",
                                          f"Excel 文件解压后超过 {MAX_INFLATED // 2**20} MB，不像一份清单（可能是压缩炸弹或含大量"
                                          "无关内容）：请只保留清单表格后再导入")]
            parts = {info.filename.lstrip("/"): _scan_part(z, info.filename) for info in z.infolist()
                     if info.filename.lstrip("/").startswith("xl/worksheets/") and info.filename.endswith(".xml")}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        return [], [ImportProblem(None, None, None, None, f"Excel 文件已损坏或无法读取（{type(exc).__name__}）")]
    cells = sum(n for n, _ in parts.values())
    if cells > MAX_CELLS:
        return [], [ImportProblem(None, None, None, f"{cells} 个单元格", f"单元格超过上限（整个文件最多 {MAX_CELLS} 个）："
                                  "请删去与清单无关的工作表和内容，或分文件导入")]
    try:
        return _read_workbook(path, {name: merged for name, (_, merged) in parts.items()}), []
    except Exception as exc:  # noqa: BLE001 — a hostile file can fail anywhere inside openpyxl's parser
        return [], [ImportProblem(None, None, None, None, f"Excel 文件已损坏或无法读取（{type(exc).__name__}）")]


def _read_workbook(path: Path, merges: dict[str, list[tuple[int, int, int, int]]]) -> list[RawSheet]:
    """Streamed (read-only): a sheet is read only up to the row limit, whatever the file holds below it."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and validations it drops
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [_read_sheet(ws, merges.get(ws._worksheet_path.lstrip("/"), []))  # openpyxl 3.1 (pinned)
                for ws in wb.worksheets if hasattr(ws, "iter_rows")]  # chartsheets hold no cells
    finally:
        wb.close()


CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
MERGE_TAG = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^<>]*?\bref=[\"']([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)[\"']")


def _scan_part(z: Any, name: str) -> tuple[int, list[tuple[int, int, int, int]]]:
    """How many cells a sheet's XML holds, and its merged ranges, from one pass over the raw bytes.

    Counting before openpyxl opens the file bounds its work (it spends tens of µs a cell, and even
    opening a sheet without a <dimension> parses all of it); the merged ranges are read here because
    openpyxl's read-only sheets do not expose them.
    """
    from openpyxl.utils.cell import range_boundaries

    cells, refs, tail = 0, [], b""
    with z.open(name) as src:
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            keep = buf.rfind(b"<")  # the last tag may be cut by the chunk's end: it is read next round
            keep = len(buf) if keep < 0 else keep
            cells += len(CELL_TAG.findall(buf, 0, keep))
            refs += [m.group(1).decode() for m in MERGE_TAG.finditer(buf, 0, keep)]
            tail = buf[keep:]
        cells += len(CELL_TAG.findall(tail))
        refs += [m.group(1).decode() for m in MERGE_TAG.finditer(tail)]
    merged = []
    for ref in refs:
        bounds = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
        if None not in bounds:
            merged.append(bounds)
    return cells, merged  # type: ignore[return-value]


def _read_sheet(ws: Any, merged: list[tuple[int, int, int, int]]) -> RawSheet:
    limit = MAX_ROWS + HEADER_SCAN + 1
    ws.reset_dimensions()  # the declared dimension is often wrong; read what the sheet holds
    grid: list[list[str]] = []
    truncated = False
    for row in ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True):
        cells = [_text(v) for v in row]
        if len(grid) < limit:
            grid.append(cells)
        elif any(cells):
            truncated = True
            break
    while grid and not any(grid[-1]):
        grid.pop()
    width = max((i + 1 for row in grid for i, v in enumerate(row) if v), default=0)
    merged = [rng for rng in merged if rng[1] <= len(grid) and rng[0] <= width]
    width = max([width] + [min(c1, MAX_COLUMNS) for _, _, c1, _ in merged])
    grid = [row[:width] + [""] * (width - len(row)) for row in grid]
    sheet = RawSheet(ws.title, grid, truncated=truncated)
    for c0, r0, c1, r1 in merged:
        r0, c0 = r0 - 1, c0 - 1
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid))):
            for c in range(c0, min(c1, width)):
                grid[r][c] = value
                sheet.origin[(r, c)] = (r0, c0)
            if c1 > c0 + 1:
                sheet.wide.add(r)
    return sheet


def _read_csv(path: Path, stem: str) -> tuple[list[RawSheet], list[ImportProblem]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on a Chinese Windows saves CSV as GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return [], [ImportProblem(None, None, None, None, "CSV 文件既不是 UTF-8 也不是 GBK 编码，无法读取")]
    if "\x00" in text:
        return [], [ImportProblem(None, None, None, None, "不是文本格式的 CSV 文件")]
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        return [], [ImportProblem(None, None, None, None, f"CSV 格式有误：{exc}")]
    limit = MAX_ROWS + HEADER_SCAN + 1
    grid = [[_text(v) for v in row[:MAX_COLUMNS]] for row in rows[:limit]]
    width = max((len(r) for r in grid), default=0)
    grid = [r + [""] * (width - len(r)) for r in grid]
    return [RawSheet(stem, grid, truncated=any(v.strip() for row in rows[limit:] for v in row))], []

