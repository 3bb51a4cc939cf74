"""Finding the item table in a sheet: title rows above, header rows, category headings and
merged category cells between the items, notes (注：…) under the table, one table holding
several lists (一、自治 二、协助 三、禁入)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .columns import COLUMNS, SINGLE, clean_category, clean_text, field_of, kind_from_text, norm_label, seq_number
from .problems import ImportProblem
from .workbook import HEADER_SCAN, RawSheet


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
        l1n, l2n = norm_label(l1), norm_label(l2)
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
            if seq_col is not None and at == [seq_col] and seq_number(v) is not None:
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

