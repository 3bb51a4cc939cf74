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
    label: str  # as problems name it: 事项名称, 责任主体（牵头单位）
    group: str = ""  # the header over it when it is one of a group's sub-columns (法律依据 over 法规名称 / 条款)


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
        """The column a problem names; a field read from all sub-columns of one group is named by the group."""
        cols = self.columns.get(f)
        if not cols:
            return COLUMNS[f][0]
        if len(cols) > 1 and cols[0].group and all(c.group == cols[0].group for c in cols):
            return cols[0].group
        return cols[0].label


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



MAX_HEADER_ROWS = 3  # a column group over sub-columns over sub-sub-columns; deeper is a form, not a list
# a sub-column takes its own meaning when it is one of these under the group's meaning, else the group's:
# 责任主体 over 牵头单位 / 配合单位 is lead + assist; 法律依据 over 法规名称 / 条款 is one 依据
COMPATIBLE = {"lead": {"lead", "assist", "supervise"}, "name": {"name", "description"}}
LABEL_PUNCT = re.compile(r"[。，,、；;！？“”]")
ARTICLE_IN = re.compile(r"第\s*[0-9０-９零〇一二三四五六七八九十百千两]+\s*条")
ARTICLE_START = re.compile(r"^\s*(?:第\s*)?[0-9０-９零〇一二三四五六七八九十百千两]+\s*条")


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
    name_col = next(c for c, v in enumerate(grid[header]) if field_of(v) == "name")
    rows = _header_rows(sheet, header, name_col)
    columns: dict[str, list[Column]] = {}
    for c, stack in enumerate(_label_stacks(grid, rows)):
        f = _field_of_stack(stack)
        if f is None or (f in SINGLE and f in columns):
            continue  # a second column with the meaning of a single one is ignored, not joined
        label = f"{stack[0]}（{stack[-1]}）" if len(stack) > 1 else stack[0]
        columns.setdefault(f, []).append(Column(c, label, stack[0] if len(stack) > 1 else ""))
    if "name" not in columns:  # the name cell was a group over columns meaning something else
        return None, [ImportProblem(sheet.name, rows[-1] + 1, None, None, "表头中找不到“事项名称”一列")]
    title = " ".join(dict.fromkeys(clean_text(v) for row in grid[:rows[0]] for v in row if v.strip()))
    notes: list[ImportProblem] = []
    items = _item_rows(sheet, columns, rows[-1] + 1, notes)
    return Table(sheet.name, title, columns, items, notes), []


def _header_rows(sheet: RawSheet, header: int, name_col: int) -> list[int]:
    """The rows the header spans: a group row above the one naming the item column (法律依据 over
    法规名称 / 条款), and rows below it that split its columns further."""
    grid = sheet.grid
    rows = [header]
    above = header - 1
    if above >= 0 and len({v for v in grid[above] if v}) >= 2 and any(field_of(v) for v in grid[above] if v) \
            and all(_label_like(v) for v in grid[above] if v):
        rows.insert(0, above)
    while len(rows) < MAX_HEADER_ROWS and rows[-1] + 1 < len(grid) and _continues_header(sheet, rows, name_col):
        rows.append(rows[-1] + 1)
    return rows


def _label_like(value: str) -> bool:
    n = norm_label(value)
    return 0 < len(n) <= 12 and not LABEL_PUNCT.search(n) and seq_number(n) is None


def _continues_header(sheet: RawSheet, rows: list[int], name_col: int) -> bool:
    """The next row is header too: it splits columns into labelled sub-columns (two at least) and
    holds no item — its cells are labels or copies of merged header cells, its name cell no name."""
    r = rows[-1] + 1
    row = sheet.grid[r]
    new = 0
    for c, v in enumerate(row):
        if not v:
            continue
        origin = sheet.origin.get((r, c))
        if origin is not None and origin[0] in rows:
            continue  # merged down from the header
        if not _label_like(v):
            return False
        if c == name_col and field_of(v, loose=False) is None:
            return False  # an item's name, not a label
        new += v != sheet.grid[rows[-1]][c]
    return new >= 2


def _label_stacks(grid: list[list[str]], rows: list[int]) -> list[list[str]]:
    """Each column's labels from the top header row down, repeated ones (merged cells) once.

    A group written once over its sub-columns without merging (CSV cannot merge) spans them:
    a blank group cell over a labelled sub-column takes the label to its left.
    """
    width = max(len(grid[r]) for r in rows)
    cells = [[norm_label(grid[r][c]) if c < len(grid[r]) else "" for c in range(width)] for r in rows]
    for i in range(len(rows) - 1):
        for c in range(1, width):
            if not cells[i][c] and cells[i + 1][c] and cells[i][c - 1] and cells[i + 1][c - 1] \
                    and cells[i + 1][c - 1] != cells[i][c - 1]:
                cells[i][c] = cells[i][c - 1]
    out = []
    for c in range(width):
        stack: list[str] = []
        for i in range(len(rows)):
            if cells[i][c] and (not stack or stack[-1] != cells[i][c]):
                stack.append(cells[i][c])
        out.append(stack)
    return out


def _field_of_stack(stack: list[str]) -> str | None:
    if not stack:
        return None
    if len(stack) == 1:
        return field_of(stack[0])
    group = next((f for f in map(field_of, stack[:-1]) if f), None)
    own = field_of(stack[-1], loose=False)
    if group is None:
        return own or field_of(stack[-1])
    return own if own in COMPATIBLE.get(group, {group}) else group


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
    if f == "bases" and len(parts) == 2:
        return _pair_bases(parts[0], parts[1])
    return "；".join(parts)


def _pair_bases(titles: str, articles: str) -> str:
    """法规名称 | 条款 in two columns → one 依据 text, line by line (《A》第3条；《B》第5条)."""
    if ARTICLE_IN.search(titles) or not ARTICLE_START.match(articles):
        return f"{titles}；{articles}"
    names = [t if "《" in t or "〔" in t else f"《{t}》" for t in re.split(r"\s*[\n；;]+\s*", titles) if t]
    arts = [a for a in re.split(r"\s*[\n；;]+\s*", articles) if a]
    if len(names) == len(arts):
        return "；".join(n + a for n, a in zip(names, arts))
    if len(names) == 1:
        return names[0] + "、".join(arts)
    return f"{'；'.join(names)}；{articles}"


def _continue_item(item: SourceRow, cells: dict[str, str]) -> None:
    for f, v in cells.items():
        if f in SINGLE or not v:
            continue
        have = item.cells.get(f, "")
        if v not in have:
            item.cells[f] = f"{have}；{v}" if have else v

