"""Catalog CSV files (data/catalog, contract in data/CATALOG.md) → typed records.

Each cell is checked here for its own shape (required, enum, date, integer, citation syntax);
whether what it points to exists is checked once, by the SHACL shapes, on the RDF. Every
problem in every file is collected before anything is reported, so one run shows them all.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from qingdan.errors import DataError, Problem
from qingdan.ontology.terms import JURISDICTION_RE, KIND_CLASS, MEMBERSHIP_STATUSES, PROVENANCE_STATUSES, ROLE_CONDITIONS, ROLE_ZH

from .citations import parse_key, split_multi

ASPECTS = ("政治立场不坚定", "重大决策不合规", "组织生活不严肃", "财务规定不执行",
           "服务群众不作为", "工作纪律不遵守", "履行职责不廉洁", "自身形象不端正")


def _date(v: str) -> str:
    v = v.strip()
    if len(v) == 4 and v.isdigit():  # a year is all some documents give; read as its first day
        v = v + "-01-01"
    if len(v) == 7:  # YYYY-MM likewise
        v = v + "-01"
    date.fromisoformat(v)
    return v


def _int(v: str) -> int:
    return int(v.strip())


def _cites(v: str) -> list[str]:
    keys = split_multi(v)
    for k in keys:
        parse_key(k)
    return keys


LINT_RULES = ("anachronism", "contradiction", "weak_basis", "duplicate")
# why a finding stands: the text in force then is not held (the later one stands in for it), a
# later law cited beside the basis in force then, or a finding examined and accepted as it is
EXPLANATION_REASONS = ("text_missing", "later_law", "accepted")


def _explained_items(v: str) -> list[str]:
    ids = split_multi(v)
    if "*" in ids and len(ids) > 1:
        raise ValueError("* 表示所有事项，不能与事项编号同列")
    return ids


def _explained_citation(v: str) -> str:
    """A citation key, or WORK@YYYY-MM-DD for every provision of that statute version."""
    v = v.strip()
    if re.fullmatch(r"[^@#;\s]+@\d{4}-\d{2}-\d{2}", v):
        date.fromisoformat(v.rsplit("@", 1)[1])
        return v
    parse_key(v)
    return v


def _jurisdiction(v: str) -> str:
    v = v.strip()
    if not re.match(JURISDICTION_RE, v):
        raise ValueError("适用地域应为 CN（全国）或省/市/区县的区划代码前 2/4/6 位，如 44、4405、440507")
    return v


def _enum(values: tuple[str, ...]) -> Callable[[str], str]:
    def check(v: str) -> str:
        if v not in values:
            raise ValueError(f"应为 {' / '.join(values)} 之一")
        return v
    return check


# file kind → {column: (required, converter)}; converter None keeps the text
Spec = dict[str, tuple[bool, Callable[[str], Any] | None]]
PROV: Spec = {"provenance_status": (True, _enum(PROVENANCE_STATUSES)), "source": (True, None)}
SPECS: dict[str, Spec] = {
    "body_types": {"body_type_id": (True, None), "name_zh": (True, None), "name_en": (False, None),
                   "level": (True, _enum(("village", "town", "county"))), **PROV},
    "body_aliases": {"alias": (True, None), "body_type_id": (True, None), **PROV},
    "lists": {"list_id": (True, None), "kind": (True, _enum(tuple(KIND_CLASS))), "name_zh": (True, None),
              "jurisdiction": (True, _jurisdiction), "declared_count": (False, _int), "declared_source": (False, None), **PROV},
    "list_versions": {"version_id": (True, None), "list_id": (True, None), "issuer": (False, None),
                      "doc_no": (False, None), "issued": (False, _date), "in_force_from": (True, _date),
                      "in_force_to": (False, _date), "jurisdiction": (False, _jurisdiction), **PROV},
    "categories": {"category_id": (True, None), "version_id": (True, None), "kind": (True, _enum(tuple(KIND_CLASS))),
                   "seq": (False, _int), "name_zh": (True, None),
                   "membership_status": (False, _enum(MEMBERSHIP_STATUSES)), **PROV},
    "items": {"item_id": (True, None), "kind": (True, _enum(tuple(KIND_CLASS))), "version_id": (True, None),
              "category_id": (True, None), "seq": (False, _int), "name_zh": (True, None), "description": (False, None),
              "lead_body": (True, None), "assist_bodies": (False, split_multi), "supervise_bodies": (False, split_multi),
              "must_not_bodies": (False, split_multi), "bases": (False, _cites), "no_basis_reason": (False, None),
              "keywords": (False, split_multi), "procedure_id": (False, None), "disclosure_ids": (False, split_multi),
              "aspect": (False, _enum(ASPECTS)), "endangers": (False, split_multi),
              "membership_status": (False, _enum(MEMBERSHIP_STATUSES)), "also_in": (False, split_multi),
              "lead_body_name": (False, None), "assist_body_names": (False, split_multi),
              "supervise_body_names": (False, split_multi), "unlinked_bases": (False, split_multi), **PROV},
    "phrasings": {"item_id": (True, None), "phrase": (True, None), **PROV},
    "situations": {"item_id": (True, None), "situation": (True, None), **PROV},
    "roles": {"item_id": (True, None), "role": (True, _enum(tuple(ROLE_ZH))), "body_type": (True, None),
              "basis": (False, lambda v: parse_key(v) and v.strip()), "note": (False, None),
              "applies_when": (False, _enum(tuple(ROLE_CONDITIONS))), **PROV},
    "provisions": {"citation": (True, lambda v: parse_key(v) and v.strip()), "summary_zh": (True, None), **PROV},
    "procedures": {"procedure_id": (True, None), "step_seq": (True, _int), "name_zh": (True, None),
                   "actor_body": (False, split_multi), "materials": (False, None), "posting_days": (False, _int),
                   "description": (False, None), **PROV},
    "disclosures": {"item_id": (True, None), "content": (True, None), "frequency": (False, None),
                    "channel": (False, None), "min_posting_days": (False, _int), **PROV},
    "delegations": {"decision_id": (True, None), "version_id": (False, None), "issuer": (True, None),
                    "doc_no": (False, None), "date": (False, _date), "field": (True, None),
                    "declared_count": (False, _int), "from_body": (True, split_multi), "to_body": (True, split_multi),
                    "bases": (False, _cites), **PROV},
    "adoptions": {"adoption_id": (True, None), "decision_id": (True, None), "district_code": (True, None),
                  "district_name": (False, None), "doc_no": (False, None), "date": (False, _date),
                  "adopted_count": (False, _int), "town_codes": (False, split_multi), **PROV},
    "documents": {"doc_key": (True, lambda v: v.strip().removeprefix("DOC:")), "title": (True, None), "issuer": (False, None), "doc_no": (False, None),
                  "date": (False, _date), "jurisdiction": (True, _jurisdiction), "url": (False, None),
                  "completeness": (False, None), **PROV},
    "document_provisions": {"doc_key": (True, lambda v: v.strip().removeprefix("DOC:")),
                            "part": (True, lambda v: parse_key(f"DOC:x#{v.strip()}") and v.strip()),
                            "label_zh": (True, None), "text": (True, None),
                            "text_status": (True, _enum(("verbatim", "partial"))), **PROV},
    "law_in_force": {"work": (True, None), "version_date": (True, _date), "in_force_from": (True, _date), **PROV},
    "lint_explanations": {"rule": (True, _enum(LINT_RULES)), "items": (True, _explained_items),
                          "citation": (False, _explained_citation), "explanation": (True, None),
                          "reason": (False, _enum(EXPLANATION_REASONS)), **PROV},
    "works_extra": {"work": (True, None), "version_date": (True, _date), "title": (True, None), **PROV},
}
# the column (or columns) that identify a row; a repeated identity is an error
ID_COLUMN: dict[str, str | tuple[str, ...]] = {"body_types": "body_type_id", "body_aliases": "alias", "lists": "list_id", "list_versions": "version_id",
             "categories": "category_id", "items": "item_id", "provisions": "citation",
             "delegations": "decision_id", "adoptions": "adoption_id", "documents": "doc_key",
             "roles": ("item_id", "role", "body_type"), "phrasings": ("item_id", "phrase"),
             "situations": ("item_id", "situation"), "document_provisions": ("doc_key", "part")}


@dataclass
class Row:
    """One catalog row: its converted cells and where it came from."""

    kind: str
    file: str
    line: int
    cells: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.cells.get(key)

    @property
    def where(self) -> str:
        return f"{self.file}#{self.line}"


@dataclass
class Catalog:
    rows: dict[str, list[Row]] = field(default_factory=dict)

    def of(self, kind: str) -> list[Row]:
        return self.rows.get(kind, [])


def files_of(folder: Path, kind: str) -> list[Path]:
    if kind == "items":
        return sorted(folder.glob("items_*.csv"))
    return sorted([*folder.glob(f"{kind}.csv"), *folder.glob(f"{kind}_*.csv")])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    """A cell Excel/WPS would run as a formula (=HYPERLINK…, =cmd|…) gets a leading ', which they show
    as text; a value already starting with ' gets one too, so from_text_cell restores every value exactly."""
    return "'" + value if value.startswith(FORMULA_STARTS + ("'",)) else value


def from_text_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS + ("'",)) else value


def _not_utf8(name: str, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """The line (as a spreadsheet numbers it) and the column where the first undecodable byte sits."""
    start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # decode offsets skip the BOM
    row = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    header = next(csv.reader([data.split(b"\n", 1)[0].decode("utf-8-sig", "replace")]), [])
    index = data.count(b",", line_start, start)  # quoted commas are rare in these files; good enough to point
    column = header[index] if index < len(header) else None
    bad = data[start: start + 4].hex(" ")
    return Problem(name, row, column, bad, f"不是 UTF-8 文本（{exc.reason}）：请用 UTF-8 编码另存此文件")


def read_rows(path: Path, kind: str, problems: list[Problem], label: str | None = None) -> list[Row]:
    """The rows of one file; label names the file in problems and rows (default: its name)."""
    spec = SPECS[kind]
    name = label or path.name
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(_not_utf8(name, data, exc))
        return []
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c, (req, _) in spec.items() if req and c not in header]
    if missing:
        problems.append(Problem(name, 1, ",".join(missing), None, "缺少必需的列"))
        return []
    out: list[Row] = []
    for i, raw in enumerate(reader, start=2):
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        if None in raw:
            problems.append(Problem(name, i, None, None, "本行的单元格多于表头列数"))
            continue
        cells: dict[str, Any] = {}
        for col, (required, conv) in spec.items():
            value = (raw.get(col) or "").strip()
            if not value:
                if required:
                    problems.append(Problem(name, i, col, None, "必填项为空"))
                cells[col] = [] if conv in (split_multi, _cites, _explained_items) else None
                continue
            value = from_text_cell(value)
            try:
                cells[col] = conv(value) if conv else value
            except ValueError as exc:
                problems.append(Problem(name, i, col, value, str(exc) or "格式不对"))
        out.append(Row(kind, name, i, cells))
    return out


def read_folder(folder: Path, problems: list[Problem], label: Callable[[str], str] | None = None) -> Catalog:
    """Every catalog file of one folder, unchecked across rows; label(file name) names a file in problems."""
    cat = Catalog()
    for kind in SPECS:
        cat.rows[kind] = [r for path in files_of(folder, kind)
                          for r in read_rows(path, kind, problems, label(path.name) if label else None)]
    return cat


def check_ids(cat: Catalog, problems: list[Problem], may_repeat: Callable[[Row], bool] = lambda r: False) -> None:
    """A repeated id is an error, except a row may_repeat allows, which is dropped in favour of the first."""
    for kind, id_col in ID_COLUMN.items():
        seen: dict[Any, Row] = {}
        kept: list[Row] = []
        for r in cat.of(kind):
            key = tuple(r[c] for c in id_col) if isinstance(id_col, tuple) else r[id_col]
            if isinstance(key, tuple) and None in key:
                key = None
            if key is not None and key in seen:
                if may_repeat(r):
                    continue
                field_name = ",".join(id_col) if isinstance(id_col, tuple) else id_col
                shown = "/".join(key) if isinstance(key, tuple) else key
                problems.append(Problem(r.file, r.line, field_name, shown, f"编号重复（已见于 {seen[key].where}）"))
            if key is not None:
                seen.setdefault(key, r)
            kept.append(r)
        cat.rows[kind] = kept


def load_catalog(folder: Path) -> Catalog:
    """One catalog folder (the bundled data/catalog, or another laid out the same way), checked for
    repeated ids; raise DataError listing every problem. Imported lists are laid over it by
    loaders.imports (load_with_imports), which is what the pipeline reads."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(Problem(str(folder), None, None, None, "清单目录不存在"))
    problems: list[Problem] = []
    cat = read_folder(folder, problems)
    check_ids(cat, problems)
    if problems:
        raise DataError(problems, "清单数据有误，未加载任何内容")
    return cat
