"""The one error tree of qingdan.

Every failure a user can cause or meet derives from QingdanError, so the API maps
errors to HTTP in one place and the CLI prints one clean line instead of a traceback.

    QingdanError
    ├── DataError            bad input data (file, row, field, reason)
    │   └── ValidationFailed   SHACL or catalog rules broken (many problems at once)
    ├── CitationError        a citation that does not resolve
    ├── NotFound             unknown id, village code, work, article
    ├── BadRequest           malformed parameter (date, kind …)
    ├── StoreUnavailable     the graph store cannot be reached (Neo4j down)
    └── Unauthorized         a write without a valid token
"""
from __future__ import annotations

from dataclasses import dataclass


class QingdanError(Exception):
    """Root of every error qingdan raises on purpose."""

    http_status = 500


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell of input, reported with enough context to fix it."""

    file: str
    row: int | None
    field: str | None
    value: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" 第{self.row}行"
        if self.field:
            where += f" 字段 {self.field}"
        val = f"（值：{self.value}）" if self.value not in (None, "") else ""
        return f"{where}：{self.reason}{val}"


class DataError(QingdanError):
    http_status = 422

    def __init__(self, problems: list[Problem] | Problem, message: str | None = None) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        head = message or "数据有误，未加载任何内容"
        lines = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  …另有 {len(self.problems) - 50} 处" if len(self.problems) > 50 else ""
        super().__init__(f"{head}：\n{lines}{more}")


class ValidationFailed(DataError):
    """SHACL shapes or catalog rules rejected the data."""


class CitationError(QingdanError):
    http_status = 422


class NotFound(QingdanError):
    http_status = 404


class BadRequest(QingdanError):
    http_status = 422


class StoreUnavailable(QingdanError):
    http_status = 503


class Unauthorized(QingdanError):
    http_status = 401
