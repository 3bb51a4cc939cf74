"""GET /lint: the catalog lint (anachronisms, contradictions, weak bases, duplicates), read-only."""
from __future__ import annotations

from typing import Any, Callable, Optional

from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field

from qingdan.queries.lint import lint as lint_query
from qingdan.queries.stores.base import GraphStore

from .params import date_query


class LintItem(BaseModel):
    id: str = Field(..., description="事项编号")
    name: Optional[str] = Field(None, description="事项名称")
    kind: Optional[str] = Field(None, description="事项种类")
    list_version: Optional[str] = Field(None, description="所属清单版本")
    in_force_from: Optional[str] = Field(None, description="清单版本施行日期")


class LintEntry(BaseModel):
    rule: str = Field(..., description="anachronism / contradiction / weak_basis / duplicate")
    kind: Optional[str] = Field(None, description="细分：如 permitted_and_prohibited、duty_and_ban、autonomy_and_assistance、remedy、sanction、programme、authorising、other_body")
    items: list[LintItem] = Field(..., description="涉及的事项（矛盾和重复为两项）")
    list_version: Optional[str] = Field(None, description="第一个事项所属的清单版本")
    citation: Optional[str] = Field(None, description="涉及的引用键")
    reason: str = Field(..., description="为什么报告")
    explanation: Optional[str] = Field(None, description="清单自己记录的说明（lint_explanations.csv）；为空表示未说明，持续集成据此失败")
    explanation_reason: Optional[str] = Field(None, description="说明类型：text_missing（该日施行的文本未收录，以后续文本代替）/ later_law（后法，与当日施行的依据并引）/ accepted（经审查认可）")
    explanation_source: Optional[str] = Field(None, description="说明的来源")
    in_force_version: Optional[str] = Field(None, description="时序错位：清单施行日施行的法规版本（法规库中没有时为空）")
    better: Optional[list[str]] = Field(None, description="依据薄弱：同一法规中直接规定该职责的条款")


class RuleCount(BaseModel):
    total: int
    explained: int
    unexplained: int


class LintOut(BaseModel):
    as_of: Optional[str] = Field(None, description="只审查该日施行的清单版本；为空时审查全部版本")
    items: int = Field(..., description="审查的事项数")
    summary: dict[str, RuleCount]
    anachronisms: list[LintEntry]
    contradictions: list[LintEntry]
    weak_bases: list[LintEntry]
    duplicates: list[LintEntry]
    unused_explanations: list[dict[str, Any]] = Field(..., description="清单记录了、却没有对应问题的说明（已过时，应删除）")


def register(app: FastAPI, get_store: Callable[..., GraphStore]) -> None:
    @app.get("/lint", response_model=LintOut, tags=["清单"], summary="清单审查：时序错位、矛盾、依据薄弱、重复",
             description="读图谱审查清单：依据所引法规版本晚于清单施行日期（且未引用当日施行的文本）；同一证明或事务既禁止又由村办理、"
                         "同一条款既是职责又是禁止的依据、同一条款把同一事务既列为自治又列为协助；引用罚则、救济、总则宣示或授权条款"
                         "而同一法规有直接规定职责的条款；不同清单中几乎相同的事项。每条附清单自己记录的说明（无则为空）。")
    def lint(as_of: Optional[str] = date_query("只审查该日施行的清单版本 YYYY-MM-DD（可选，默认全部版本）"),
             store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return lint_query(store, as_of)
