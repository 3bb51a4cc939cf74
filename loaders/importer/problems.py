"""One problem of an imported file, where a person finds it in the file they hold."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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

