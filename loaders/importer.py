"""Official lists as officials publish them (.xlsx / .csv) → catalog rows, with every problem named.

Published lists are made for printing, not for machines: a title row above the table, headers
over two rows, category cells merged down the table (or written once and left blank below),
section rows such as 一、民主决策, full-width digits, line breaks inside cells, blank rows,
notes (注：…) under the table, one sheet per list. This module reads such a file the way a
careful clerk would, and refuses to guess where a clerk would ask: a body it cannot name, a
law that is not in the corpus, an article the law in force on the list's date does not have.
Every problem is collected with sheet, row, column and value, so one run shows them all.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

import cn2an

from qingdan.ontology.terms import KIND_CLASS, KIND_ZH

from .catalog import ASPECTS, Catalog
from .citations import CitationKey
from .cite import Citation, normalise_doc_no, normalise_title, parse_citations, validate_citations
from .laws import LawCorpus, LawVersion

MAX_ROWS = 5000  # per file: the largest Shantou list has a few hundred items
MAX_COLUMNS = 60
MAX_CELLS = 200_000  # per file: 5,000 rows × 40 columns; openpyxl spends tens of µs on each
MAX_INFLATED = 40 * 2**20  # bytes of a workbook once unzipped; a 5,000-row list is a few MB
HEADER_SCAN = 20  # a header further down than this is not a header
SUMMARY_CHARS = 60
FULLWIDTH = str.maketrans("０１２３４５６７８９．（）", "0123456789.()")


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong, where a person finds it in the file they hold."""

    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value, "reason": self.reason}

    def __str__(self) -> str:
        where = f"工作表「{self.sheet}」" if self.sheet else "文件"
        if self.row is not None:
            where += f" 第{self.row}行"
        if self.column:
            where += f" “{self.column}”列"
        val = f"（值：{self.value}）" if self.value not in (None, "") else ""
        return f"{where}：{self.reason}{val}"


# ── columns ──────────────────────────────────────────────────────────────────────────────────────

# field → (label used in the template and in problems, the names officials give the column)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "seq": ("序号", ("序号", "编号", "序", "项次", "事项编号", "事项序号", "顺序号")),
    "category": ("类别", ("类别", "分类", "类型", "事项类别", "事项分类", "类别名称", "权力类型", "职权类型", "职权类别",
                        "权力类别", "方面", "所属方面", "所属类别", "大类")),
    "name": ("事项名称", ("事项名称", "事项", "名称", "职权名称", "权力名称", "权力事项", "权力事项名称", "职权事项",
                         "工作事项", "职责事项", "事项名", "证明事项", "证明名称", "证明事项名称", "行为表现", "负面行为",
                         "负面行为表现", "服务事项", "服务项目", "公开事项", "公开项目", "职权事项名称", "子项名称")),
    "description": ("事项说明", ("事项说明", "事项内容", "具体内容", "内容", "说明", "工作内容", "事项描述", "职责内容",
                               "主要内容", "具体事项", "工作要求", "公开内容", "服务内容", "事项简述")),
    "bases": ("法律依据", ("法律依据", "依据", "设定依据", "实施依据", "法律法规依据", "法律法规政策依据", "政策依据",
                          "法规依据", "法定依据", "设立依据", "依据文件", "法律政策依据", "政策法规依据", "设定和实施依据")),
    "lead": ("责任主体", ("责任主体", "责任单位", "实施主体", "业务指导部门", "主管部门", "牵头单位", "牵头部门", "责任部门",
                         "原实施主体", "原实施部门", "原行使部门", "行使主体", "指导部门", "业务主管部门", "主办单位", "承办单位")),
    "assist": ("协助主体", ("协助主体", "配合单位", "协助单位", "配合部门", "协办单位", "协助部门", "配合主体")),
    "supervise": ("监督主体", ("监督主体", "监督单位", "监督部门")),
    "must_not": ("不得承担主体", ("不得承担主体", "不得承担单位")),  # written by `qingdan export --format xlsx`
    "keywords": ("关键词", ("关键词", "俗称", "常见说法", "群众说法")),
    "remark": ("备注", ("备注", "附注")),
}
SINGLE = {"seq", "category", "name"}  # a second column with the same meaning is ignored, not joined
SYNONYMS: dict[str, str] = {s: f for f, (_, names) in COLUMNS.items() for s in names}


def _norm_label(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("*＊:：")


def field_of(label: str, loose: bool = True) -> str | None:
    """Which field a header cell names; loose also accepts 法律依据（条款） or 事项名称（子项）."""
    n = _norm_label(label)
    if not n:
        return None
    if n in SYNONYMS:
        return SYNONYMS[n]
    bare = re.sub(r"[（(][^（）()]*[）)]", "", n)
    if bare in SYNONYMS:
        return SYNONYMS[bare]
    if not loose or len(bare) > 12 or re.search(r"[。，,、；;：:！？“”]", bare):
        return None  # a title or a sentence mentions 事项 too; a header cell is a short name
    hits = [s for s in SYNONYMS if len(s) >= 2 and (bare.startswith(s) or bare.endswith(s))]
    return SYNONYMS[max(hits, key=len)] if hits else None


# ── kinds ────────────────────────────────────────────────────────────────────────────────────────

KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("群众自治", "autonomy"), ("自治工作", "autonomy"), ("协助政府", "assistance"), ("协助工作", "assistance"),
    ("应取消", "prohibited"), ("禁入", "prohibited"), ("不应由", "prohibited"), ("小微权力", "micro_power"),
    ("负面", "negative"), ("公共服务", "public_service"), ("服务目录", "public_service"), ("村务公开", "disclosure"),
    ("公开清单", "disclosure"), ("公开目录", "disclosure"), ("下放", "delegated"), ("放权", "delegated"),
    ("镇街实施", "delegated"), ("行政职权", "delegated"),
)
KIND_CODE = {"autonomy": "AUT", "assistance": "AST", "prohibited": "PRO", "micro_power": "MP",
             "public_service": "PS", "disclosure": "DIS", "negative": "NEG", "delegated": "DEL"}


def parse_kind(value: str) -> str | None:
    """A kind given by a person: the English id, its Chinese name, or a telling word in it."""
    v = value.strip()
    if v in KIND_CLASS:
        return v
    for k, zh in KIND_ZH.items():
        if v == zh:
            return k
    return kind_from_text(v)


def kind_from_text(*texts: str) -> str | None:
    for text in texts:
        for word, kind in KIND_WORDS:
            if word in (text or ""):
                return kind
    return None


# ── reading files ────────────────────────────────────────────────────────────────────────────────

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


# ── finding the table ────────────────────────────────────────────────────────────────────────────

@dataclass
class Column:
    index: int
    label: str


@dataclass
class SourceRow:
    """One item row as read: field → text (several columns of one meaning joined), and its category."""

    row: int
    cells: dict[str, str]
    category: str | None
    section: str | None = None  # the list kind a part heading (三、应取消和禁入事项) put this row under


@dataclass
class Table:
    sheet: str
    title: str
    columns: dict[str, list[Column]]
    rows: list[SourceRow]
    notes: list[ImportProblem] = field(default_factory=list)  # what was read in a way worth telling

    def label(self, f: str) -> str:
        cols = self.columns.get(f)
        return cols[0].label if cols else COLUMNS[f][0]


NOTE_RE = re.compile(r"^(?:注|备注|说明|附注|注释|填表说明|附：|附件)\s*(?:[:：]|[0-9０-９一１]\s*[.、．:：])")
HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|第[一二三四五六七八九十0-9]+\s*[类部分章])")
COUNT_RE = re.compile(r"\s*[（(]\s*(?:共\s*)?[0-9０-９]+\s*(?:项|个|条)\s*[）)]\s*$")


PART_RE = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")


def section_kind(text: str) -> str | None:
    """The list kind a part heading names (一、群众自治工作职责事项（47项）); category headings name none."""
    if not PART_RE.match(text.strip()):
        return None
    name = clean_category(text)
    return kind_from_text(name) if re.search(r"(?:事项|清单|目录|职权)$", name) else None


def split_sections(table: "Table", kind: str | None) -> list[tuple["Table", str | None]]:
    """One table per list kind: a sheet holding 一、自治 二、协助 三、禁入 parts becomes three lists."""
    if not any(r.section for r in table.rows):
        return [(table, kind)]
    out: list[tuple[Table, str | None]] = []
    for part in dict.fromkeys(r.section or kind for r in table.rows):
        rows = [r for r in table.rows if (r.section or kind) == part]
        out.append((replace(table, rows=rows, notes=[] if out else table.notes), part))
    return out


def clean_category(text: str) -> str:
    t = re.sub(r"\s+", "", text)
    t = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十0-9]+[类部分章][：:、]?)", "", t)
    return COUNT_RE.sub("", t).strip("：: ")


def clean_text(text: str) -> str:
    """A cell as one line: breaks between Chinese characters vanish, elsewhere become a space."""
    t = text.replace("\u3000", " ").strip()
    t = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", t)
    t = re.sub(r"\s*\n\s*", " ", t)
    return re.sub(r"[ \t]{2,}", " ", t)


def find_table(sheet: RawSheet) -> tuple[Table | None, list[ImportProblem]]:
    """The item table of a sheet; (None, []) for an empty sheet, (None, [problem]) for no header."""
    grid = sheet.grid
    if not any(v for row in grid for v in row):
        return None, []
    header = None
    for r in range(min(len(grid), HEADER_SCAN)):
        found = {field_of(v) for v in grid[r] if v}
        if "name" in found and len(found - {None}) >= 2:
            header = r
            break
    if header is None:
        return None, [ImportProblem(sheet.name, None, None, None,
                                    "找不到表头：表头应有“事项名称”一列，以及“序号”“法律依据”“责任主体”等列中的至少一列")]
    top = grid[header]
    name_col = next(c for c, v in enumerate(top) if field_of(v) == "name")
    second = header + 1 < len(grid) and _continues_header(top, grid[header + 1], name_col)
    columns: dict[str, list[Column]] = {}
    for c, l1 in enumerate(top):
        l2 = grid[header + 1][c] if second else ""
        l1n, l2n = _norm_label(l1), _norm_label(l2)
        if l2n and l2n != l1n:
            f = field_of(l2, loose=True) or field_of(l1)
            label = f"{l1n}（{l2n}）" if l1n else l2n
        else:
            f, label = field_of(l1), l1n
        if f is None:
            continue
        if f in SINGLE and f in columns:
            continue
        columns.setdefault(f, []).append(Column(c, label))
    title = " ".join(dict.fromkeys(clean_text(v) for row in grid[:header] for v in row if v.strip()))
    start = header + (2 if second else 1)
    notes: list[ImportProblem] = []
    rows = _item_rows(sheet, columns, start, notes)
    return Table(sheet.name, title, columns, rows, notes), []


def _continues_header(top: list[str], nxt: list[str], name_col: int) -> bool:
    """A second header row: names more columns and holds no item (its name cell is blank or the header's)."""
    if nxt[name_col] and nxt[name_col] != top[name_col]:
        return False
    return any(v and v != top[c] and field_of(v, loose=False) for c, v in enumerate(nxt))


def _item_rows(sheet: RawSheet, columns: dict[str, list[Column]], start: int,
               notes: list[ImportProblem]) -> list[SourceRow]:
    grid = sheet.grid
    name_col = columns["name"][0].index
    seq_col = columns["seq"][0].index if "seq" in columns else None
    cat_col = columns["category"][0].index if "category" in columns else None
    rows: list[SourceRow] = []
    heading: str | None = None
    section: str | None = None
    last_cat: str | None = None
    last_origin: tuple[int, int] | None = None
    for r in range(start, len(grid)):
        row = grid[r]
        values = [v.strip() for v in row if v.strip()]
        if not values:
            continue
        distinct = set(values)
        if len(distinct) == 1 and NOTE_RE.match(values[0]):
            break  # 注：… under the table, and whatever follows it
        at = [c for c, x in enumerate(row) if x.strip()]
        if len(distinct) == 1:
            v = values[0]
            if seq_col is not None and at == [seq_col] and _seq(v) is not None:
                continue  # a numbered but empty row of a form
            if r in sheet.wide or HEADING_RE.match(v) or at in ([cat_col], [seq_col]):
                part = section_kind(v)
                if part:  # 二、协助政府工作职责事项（76项）: one table holding several lists
                    section, heading = part, None
                else:
                    heading = clean_category(v)  # 一、民主决策 between the items
                last_cat = None
                continue
        cells = {f: _join([row[c.index] for c in cols], f) for f, cols in columns.items()}
        origin = sheet.origin.get((r, name_col))
        if origin is not None and origin[0] < r and rows and last_origin == origin:
            _continue_item(rows[-1], cells)  # the item's name cell is merged over this row too
            continue
        last_origin = origin
        cat_here = row[cat_col].strip() if cat_col is not None else ""
        if rows and not row[name_col].strip() and not (seq_col is not None and row[seq_col].strip()) \
                and (not cat_here or cat_here == last_cat):
            _continue_item(rows[-1], cells)  # no number, no name: the previous item goes on
            notes.append(ImportProblem(sheet.name, r + 1, None, None, f"本行没有序号和事项名称，已并入上一事项（第{rows[-1].row}行）"))
            continue
        if cat_here:
            last_cat = cat_here
        cat = cat_here or (last_cat if cat_col is not None else "") or ""  # written once, blank below: the same
        rows.append(SourceRow(r + 1, cells, clean_category(cat) if cat else heading, section))
    return rows


def _join(values: list[str], f: str) -> str:
    parts = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if f in SINGLE:
        return parts[0] if parts else ""
    return "；".join(parts)


def _continue_item(item: SourceRow, cells: dict[str, str]) -> None:
    for f, v in cells.items():
        if f in SINGLE or not v:
            continue
        have = item.cells.get(f, "")
        if v not in have:
            item.cells[f] = f"{have}；{v}" if have else v


def _seq(text: str) -> int | None:
    t = text.translate(FULLWIDTH).strip().rstrip(".、").strip("()")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"[零〇一二三四五六七八九十百]+", t):
        try:
            return int(cn2an.cn2an(t, "smart"))
        except ValueError:
            return None
    return None


# ── bodies ───────────────────────────────────────────────────────────────────────────────────────

# the names officials actually write, beyond the body-type names of body_types.csv
BODY_VARIANTS: dict[str, tuple[str, ...]] = {
    "village_committee": ("村委会", "村委", "村（居）委会", "村（居）民委员会", "村居委会", "村（社区）", "村民委员会（居民委员会）"),
    "residents_committee": ("居委会", "社区居委会", "社区居民委员会", "社区"),
    "villager_group": ("村小组", "村民小组长"),
    "village_party_org": ("村党支部", "村党委", "村党总支", "党支部", "村（社区）党组织", "村党组织书记"),
    "village_supervision_committee": ("村监委会", "村务监督委", "村务监督小组", "村监会"),
    "villagers_assembly": ("村民大会",),
    "villagers_representative_meeting": ("村民代表大会",),
    "collective_economic_org": ("村集体经济组织", "集体经济组织", "经济联合社", "经济合作社", "股份经济合作社", "村经济联合社"),
    "people_mediation_committee": ("调委会", "村调委会", "人民调解组织"),
    "town_government": ("镇政府", "乡镇人民政府", "乡镇政府", "乡政府", "镇（街道）", "镇街", "乡镇", "镇", "镇（街）"),
    "subdistrict_office": ("街道", "街道办", "街道办事处", "街道办事处（镇政府）"),
    "county_government": ("区政府", "县政府", "区人民政府", "县人民政府", "区（县）政府", "区县政府", "区县人民政府"),
    "county_department": ("区县职能部门", "职能部门", "有关部门", "相关职能部门", "区县有关部门"),
    "county_public_security": ("公安派出所", "派出所", "公安机关", "公安局", "公安部门", "公安分局"),
    "county_justice": ("司法局", "司法所", "司法行政部门"),
    "county_human_resources": ("人社局", "人力资源社会保障局", "人力资源和社会保障部门", "人社部门"),
    "county_housing_construction": ("住建局", "住房城乡建设局", "住房和城乡建设部门", "住建部门"),
    "county_urban_management": ("城管局", "城市管理局", "综合执法局", "城市管理和综合执法部门", "城管部门", "综合行政执法局"),
    "county_market_regulation": ("市场监管局", "市场监管部门", "市场监督管理部门"),
    "county_agriculture": ("农业局", "农业农村部门", "农业部门"),
    "county_health": ("卫健局", "卫生健康部门", "卫生健康局", "卫生部门"),
    "county_emergency": ("应急局", "应急管理部门"),
    "county_ecology_environment": ("生态环境局", "生态环境部门", "环保部门", "环保局"),
    "county_water": ("水利局", "水务部门", "水利部门"),
    "county_veterans": ("退役军人事务部门", "退役军人服务站"),
    "county_military": ("人武部", "武装部", "人民武装部", "兵役机关"),
    "county_culture": ("文广旅体局", "文化广电旅游体育部门", "文化部门"),
    "county_medical_security": ("医保局", "医疗保障部门"),
    "county_disabled_federation": ("残联",),
    "county_women_federation": ("妇联",),
    "county_fire_rescue": ("消防", "消防救援大队", "消防救援部门"),
    "county_tax": ("税务局", "税务部门"),
    "county_discipline": ("纪委监委", "纪委", "纪检监察机关", "纪检监察部门", "镇纪委"),
    "court": ("法院",),
    "notary_office": ("公证处",),
}
BODY_SPLIT = re.compile(r"[、，,;；/／\n]+|\s{1,}|及(?=[\u4e00-\u9fff]{2,}(?:局|部门|委员会|政府|所|会|处))")


def _body_key(text: str) -> str:
    t = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return re.sub(r"等$", "", t)


class BodyIndex:
    """Chinese body names → body_type ids of the catalog; an unknown name stays unknown."""

    def __init__(self, body_rows: Iterable[Any]) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}
        for r in body_rows:
            bid, name = r["body_type_id"], r["name_zh"]
            self.ids.add(bid)
            self._add(name, bid)
            base = name.removeprefix("区（县）")
            for part in re.split(r"[（）]", base):
                if part and part != "人民政府":  # 区（县）人民政府 without its level says nothing
                    self._add(part, bid)
                    if bid.startswith("county_") and part.endswith("局"):
                        self._add(part[:-1] + "部门", bid)
            bare = re.sub(r"（[^）]*）", "", base)
            if bare != "人民政府":
                self._add(bare, bid)
        for bid, names in BODY_VARIANTS.items():
            if bid in self.ids:
                for n in names:
                    self._add(n, bid)

    def _add(self, name: str, bid: str) -> None:
        self.names.setdefault(_body_key(name), bid)

    def find(self, text: str) -> str | None:
        key = _body_key(text)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        if key in self.ids:
            return key
        # 澄海区民政局, 南澳县公安局, 莲下镇人民政府, 汕头市民政局: the place name before a known body
        for i in range(1, len(key) - 1):
            if (key[i - 1] in "省市区县镇乡" or key[i] in "区县镇乡街") and key[i:] in self.names:
                return self.names[key[i:]]
        return None

    def split(self, text: str) -> list[str]:
        return [p for p in (s.strip("。.") for s in BODY_SPLIT.split(text or "")) if p]


# ── citations ────────────────────────────────────────────────────────────────────────────────────

@dataclass
class Bases:
    keys: list[str]
    summaries: dict[str, str]
    problems: list[str]
    warnings: list[str]
    unread: str | None = None  # text with no citation in it at all


class Citer:
    """依据 text → citation keys of the statute version in force on the list's date.

    Reading and checking is loaders.cite's; choosing the version is done here because it depends
    on the list: a 2024 list that cites 村民委员会组织法第二十四条 means the 2018 text.
    """

    def __init__(self, catalog: Catalog, corpus: LawCorpus) -> None:
        self.corpus = corpus
        self.in_force = {(r["work"], r["version_date"]): r["in_force_from"] for r in catalog.of("law_in_force")}
        self.extra: dict[str, list[str]] = {}
        for r in catalog.of("works_extra"):
            self.extra.setdefault(r["work"], []).append(r["version_date"])
        self.doc_by_no: dict[str, str] = {}
        self.doc_by_title: dict[str, str] = {}
        self.doc_titles: dict[str, str] = {}  # doc_no → title, as loaders.cite wants it
        for r in catalog.of("documents"):
            title = normalise_title(r["title"] or "")[0]
            self.doc_by_title[title] = r["doc_key"]
            no = normalise_doc_no(r["doc_no"] or "")
            if no:
                self.doc_by_no[no] = r["doc_key"]
                self.doc_titles[no] = title
        self.known = [*corpus.works(), *self.extra, *self.doc_by_title]

    def version_on(self, work: str, day: str) -> LawVersion | None:
        current = None
        for v in self.corpus.versions_of(work):
            if (self.in_force.get((work, v.version_date)) or v.in_force_from or v.version_date) <= day:
                current = v
        return current

    def read(self, text: str, day: str) -> Bases:
        out = Bases([], {}, [], [])
        cits = parse_citations(re.sub(r"\s*\n\s*", "；", text), self.known)
        if not cits:
            out.unread = clean_text(text)
            out.warnings.append("依据中没有识别出法规或文件引用（应写成《法规名称》第X条，或写出文号），原文记为“未列明条款的依据”")
            return out
        for c in cits:
            label = c.label_zh()
            if c.problem:  # could not even be read (no title, no article number …)
                out.problems.append(f"{label}：{c.problem}")
            elif self.corpus.versions_of(c.work) and not c.doc_no:
                self._corpus(c, day, label, out)
            else:
                self._other(c, day, label, out)
        out.keys = list(dict.fromkeys(out.keys))
        return out

    def _corpus(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Check the article against the text in force on the list's date (or the one its note names)."""
        if c.version:  # （2018年修正）: the version the official named
            noted = validate_citations([replace(c, article=None, paragraph=None, item=None)], self.corpus)[0]
            if not noted.resolved:
                out.problems.append(f"{label}：{noted.problem}")
                return
            v, why = self.corpus.get(c.work, noted.version or ""), ""
        else:
            v = self.version_on(c.work, day)
            if v is None:
                first = self.corpus.versions_of(c.work)[0]
                out.problems.append(f"{label}：清单施行日 {day} 时该法规尚未施行（法规库最早的版本是 {first.version_date}）")
                return
            why = f"（清单施行日 {day} 适用 {v.version_date} 版）"
        assert v is not None
        if c.article is None:
            out.warnings.append(f"{label}只写了法规名称，没有具体到条，未作为依据条款记录")
            out.unread = "；".join(filter(None, [out.unread, label]))
            return
        checked = validate_citations([replace(c, version=v.version_date, resolved=False)], self.corpus)[0]
        if not checked.resolved:
            out.problems.append(f"{label}：{checked.problem}{why}")
            return
        key = CitationKey(c.work, v.version_date, c.article, c.paragraph, c.item)
        out.keys.append(key.key)
        out.summaries.setdefault(key.key, _summary(v, key))

    def _other(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Normative documents and works the catalog declares but the corpus lacks; anything else is unknown."""
        c = validate_citations([c], self.corpus, set(self.extra) | set(self.doc_by_title), self.doc_titles)[0]
        if not c.resolved:
            out.problems.append(f"{label}：{c.problem}")
            return
        doc = (self.doc_by_no.get(c.doc_no) if c.doc_no else None) or self.doc_by_title.get(c.work)
        if doc:
            out.keys.append(f"DOC:{doc}")
            return
        if c.article is None:
            out.warnings.append(f"{label}只写了法规名称，没有具体到条，未作为依据条款记录")
            out.unread = "；".join(filter(None, [out.unread, label]))
            return
        dates = sorted(d for d in self.extra.get(c.work, []) if d <= day)
        if not dates:
            out.problems.append(f"{label}：清单施行日 {day} 时该法规尚未公布（清单声明的版本：{'、'.join(sorted(self.extra.get(c.work, [])))}）")
            return
        key = CitationKey(c.work, dates[-1], c.article, c.paragraph, c.item).key
        out.keys.append(key)
        out.summaries.setdefault(key, f"{label}（原文未收录）")


def _summary(v: LawVersion, k: CitationKey) -> str:
    art = v.articles[k.article]
    text = art.text
    if k.paragraph is not None:
        para = art.paragraphs[k.paragraph - 1]
        text = para.items[k.item - 1] if k.item is not None else para.text
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"


# ── rows → items ─────────────────────────────────────────────────────────────────────────────────

DEFAULT_LEAD = {"autonomy": "village_committee", "micro_power": "village_committee", "public_service": "village_committee",
                "disclosure": "village_committee", "prohibited": "county_department", "negative": "county_discipline"}
DEFAULT_ASSIST = {"assistance": ("village_committee", "residents_committee")}
DEFAULT_MUST_NOT = {"prohibited": ("village_committee", "residents_committee"), "negative": ("village_committee",)}
NO_BASIS = "官方清单未列依据"


@dataclass
class Draft:
    """One item read from one row, before it has an id or a list version."""

    sheet: str
    row: int
    ordinal: int  # place among the sheet's item rows, valid or not: the item id stays put when others are skipped
    seq: int | None
    category: str
    name: str
    description: str
    lead: str
    assist: list[str]
    supervise: list[str]
    must_not: list[str]
    bases: list[str]
    no_basis_reason: str
    keywords: list[str]
    aspect: str | None
    summaries: dict[str, str]


@dataclass
class SheetPlan:
    """What one sheet would load: its kind, title and items, and what is wrong with it."""

    sheet: str
    kind: str
    title: str
    rows_read: int
    items: list[Draft]
    problems: list[ImportProblem]
    warnings: list[ImportProblem]
    bad_rows: set[int] = field(default_factory=set)


def plan_sheet(table: Table, kind: str, day: str, bodies: BodyIndex, citer: Citer) -> SheetPlan:
    plan = SheetPlan(table.sheet, kind, table.title, len(table.rows), [], [], list(table.notes))
    seen_seq: dict[tuple[str, int], int] = {}
    restart = _numbering_restarts(table)
    for ordinal, src in enumerate(table.rows, start=1):
        before = len(plan.problems)
        draft = _draft(table, src, ordinal, kind, day, bodies, citer, plan)
        if draft is not None and draft.seq is not None:
            scope = (draft.category if restart else "", draft.seq)
            if scope in seen_seq:
                plan.problems.append(ImportProblem(table.sheet, src.row, table.label("seq"), src.cells.get("seq"),
                                                   f"序号重复（第{seen_seq[scope]}行已用）"))
            else:
                seen_seq[scope] = src.row
        if len(plan.problems) > before or draft is None:
            plan.bad_rows.add(src.row)
        else:
            plan.items.append(draft)
    return plan


def _numbering_restarts(table: Table) -> bool:
    """Whether items are numbered within each category (1, 2 … under 一、 then 1, 2 … under 二、)."""
    firsts: dict[str, int | None] = {}
    for src in table.rows:
        firsts.setdefault(src.category or "", _seq(src.cells.get("seq", "")))
    return len(firsts) > 1 and list(firsts.values()).count(1) > 1


def _draft(table: Table, src: SourceRow, ordinal: int, kind: str, day: str, bodies: BodyIndex, citer: Citer,
           plan: SheetPlan) -> Draft | None:
    sheet, row, cells = table.sheet, src.row, src.cells

    def problem(f: str | None, value: str | None, reason: str) -> None:
        plan.problems.append(ImportProblem(sheet, row, table.label(f) if f else None, value or None, reason))

    def warn(f: str | None, value: str | None, reason: str) -> None:
        plan.warnings.append(ImportProblem(sheet, row, table.label(f) if f else None, value or None, reason))

    name = clean_text(cells.get("name", ""))
    if not name:
        problem("name", None, "缺少事项名称")
    seq_text = cells.get("seq", "").strip()
    seq = _seq(seq_text) if seq_text else None
    if seq_text and seq is None:
        problem("seq", seq_text, "序号应为整数")
    category = src.category or KIND_ZH[kind]
    aspect = None
    if kind == "negative":
        aspect = next((a for a in ASPECTS if a in category.replace("方面", "")), None)
        if aspect is None:
            problem("category" if "category" in table.columns else None, category,
                    "负面行为须归入八个方面之一：" + "、".join(ASPECTS))

    def body_ids(f: str) -> list[str]:
        ids: list[str] = []
        for part in bodies.split(cells.get(f, "")):
            bid = bodies.find(part)
            if bid is None:
                problem(f, part, f"未知的主体“{part}”：请写主体类型表中的名称，如 村民委员会、镇人民政府、区（县）民政局")
            elif bid not in ids:
                ids.append(bid)
        return ids

    leads, assist, supervise = body_ids("lead"), body_ids("assist"), body_ids("supervise")
    lead = leads[0] if leads else None
    assist = list(dict.fromkeys([*leads[1:], *assist]))  # a second responsible body works with the first
    if lead is None and not cells.get("lead"):
        lead = DEFAULT_LEAD.get(kind)
        if lead is None or lead not in bodies.ids:
            problem("lead", None, f"{KIND_ZH[kind]}须写明责任主体（如业务指导部门）")
    if not cells.get("assist"):
        assist = list(dict.fromkeys([*assist, *(b for b in DEFAULT_ASSIST.get(kind, ()) if b in bodies.ids and b != lead)]))
    must_not = body_ids("must_not") if cells.get("must_not") else [b for b in DEFAULT_MUST_NOT.get(kind, ()) if b in bodies.ids]

    basis_text = cells.get("bases", "").strip()
    keys: list[str] = []
    summaries: dict[str, str] = {}
    no_basis = NO_BASIS
    if basis_text:
        got = citer.read(basis_text, day)
        for p in got.problems:
            problem("bases", basis_text, p)
        for w in got.warnings:
            warn("bases", basis_text, w)
        keys, summaries = got.keys, got.summaries
        no_basis = f"依据未列明条款：{got.unread}" if got.unread else NO_BASIS
    description = clean_text(cells.get("description", ""))
    remark = clean_text(cells.get("remark", ""))
    if remark:
        description = f"{description}（备注：{remark}）" if description else f"备注：{remark}"
    keywords = [k for k in (s.strip() for s in re.split(r"[;；、，,\n]", cells.get("keywords", ""))) if k]
    if not name or lead is None:
        return None
    return Draft(sheet, row, ordinal, seq, category, name, description, lead, assist, supervise, must_not, keys,
                 "" if keys else no_basis, keywords, aspect, summaries)


# ── the template ─────────────────────────────────────────────────────────────────────────────────

TEMPLATE_COLUMNS = ("seq", "category", "name", "description", "bases", "lead", "assist", "supervise", "keywords", "remark")
COLUMN_HELP = {
    "seq": "事项序号，填整数。可以全表连续编号，也可以每个类别从 1 开始；同一范围内不得重复。",
    "category": "事项所属类别，如“民主决策”。同一类别的连续几行可以合并单元格，或只在第一行填写、下面留空。"
                "也可以不设此列，而在事项之间插一行“一、民主决策”作为类别标题。负面清单的类别须为八个方面之一。",
    "name": "事项名称（必填），按官方文本原样填写。",
    "description": "对事项的说明（可选）。",
    "bases": "法律依据，按公文写法填写，如：《中华人民共和国村民委员会组织法》第二十四条第一款第（六）项。"
             "导入时逐条核对法规库，并按清单施行日期选取当时施行的法规版本；法规不存在、条款超出范围的行会被指出。可以不填。",
    "lead": "责任主体（业务指导部门、实施主体），如 村民委员会、镇人民政府、区（县）民政局、公安派出所。"
            "协助政府事项和镇街下放职权必填；其他清单不填时按清单种类取默认主体（如村民委员会）。写多个时，第一个为责任主体，其余记为协助主体。",
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
                          "表格下方的“注：”行不会导入。导入时用 --version-date 指明施行日期；同一清单的旧版本自前一日起失效，仍可按日期查询。"])
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
