"""What a person asks of an import (the flags of `qingdan import` / POST /admin/import) and what it answers."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import ImportProblem
from .rows import SheetPlan

if TYPE_CHECKING:
    from ..pipeline import Built


@dataclass
class ImportRequest:
    """What a person asked for: the file and the flags of `qingdan import` / POST /admin/import."""

    file: Path
    name: str  # the file name as the person knows it (an upload is saved under another)
    version_date: str | None
    kind: str | None = None
    issuer: str | None = None
    doc_no: str | None = None
    lists: tuple[str, ...] = ()
    dry_run: bool = False
    skip_invalid: bool = False
    replace: bool = False  # a version already in force from the same day is replaced, not refused
    place: str | None = None  # the district or town the list is for (code or name); else read from the title
    # the graph rebuilt after the import serves what the server serves (QINGDAN_NATIONAL / QINGDAN_PLACES):
    # those villages and their provinces' regulations
    national: bool = False
    places: tuple[str, ...] = ()


@dataclass
class ImportReport:
    file: str
    rows_read: int = 0
    rows_loaded: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    closed: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    loaded: bool = False
    valid: bool = False
    replaced: bool = False
    replaced_versions: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, str] | None = None
    folder: str | None = None
    built: "Built | None" = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "rows_read": self.rows_read, "rows_loaded": self.rows_loaded,
                "problems": [p.to_dict() for p in self.problems], "warnings": [w.to_dict() for w in self.warnings],
                "skipped": self.skipped, "versions": self.versions, "closed": self.closed, "dry_run": self.dry_run,
                "valid": self.valid, "loaded": self.loaded, "replaced": self.replaced,
                "replaced_versions": self.replaced_versions, "place": self.place, "folder": self.folder}


@dataclass
class Target:
    plan: SheetPlan
    list_id: str
    new_list: bool
    version_id: str = ""
    in_force_to: str | None = None
    replaces: str | None = None  # a version held elsewhere (bundled, another import) this one replaces
