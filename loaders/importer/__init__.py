"""Official lists as officials publish them (.xlsx / .csv) → an import folder of catalog rows.

Published lists are made for printing, not for machines: a title row above the table, headers
over two rows with column groups merged above their sub-columns, category cells merged down
the table (or written once and left blank below), section rows such as 一、民主决策, full-width
digits, line breaks inside cells, notes (注：…) under the table, one sheet per list. The package
reads such a file the way a careful clerk would, one module per step:

- workbook: the file → sheets of text (merged cells filled), within limits;
- columns / table: which row is the header, what each column means, which rows are items;
- bodies: body names as counties write them → body types (alias table, fuzzy match, the place);
- bases: 依据 text → citation keys of the statute version in force on the list's date;
- rows: each item row → a draft item, with every problem and warning named by sheet, row, column;
- folder: the drafts → catalog-format parts of one import folder;
- run: the whole import, checked by a full build before it is put in place;
- template: `qingdan template`.
"""
from __future__ import annotations

from .bodies import BodyIndex
from .columns import COLUMNS, field_of, kind_from_text, parse_kind
from .problems import ImportProblem
from .request import ImportReport, ImportRequest
from .run import run_import
from .table import Table, find_table
from .template import TEMPLATE_EXAMPLES, build_template
from .workbook import MAX_CELLS, MAX_ROWS, RawSheet, read_file

__all__ = ["BodyIndex", "COLUMNS", "ImportProblem", "ImportReport", "ImportRequest", "MAX_CELLS", "MAX_ROWS", "RawSheet",
           "TEMPLATE_EXAMPLES", "Table", "build_template", "field_of", "find_table", "kind_from_text", "parse_kind",
           "read_file", "run_import"]
