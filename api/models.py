"""Response models: the JSON shapes the API promises (and the CLI prints with --json)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["village_autonomy", "village_assists", "town", "county_department", "not_for_village", "unlisted"]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Provenance(Open):
    status: Optional[str] = Field(None, description="文字来源：official_verbatim（公开文件原文，见 document）/ statute_derived（依法规推导）/ modeled（建模示例）")
    status_zh: Optional[str] = Field(None, description="文字来源的中文说明；公开文件原文时写明文件名称和文号")
    source: Optional[str] = Field(None, description="来源")
    document: Optional[dict[str, Any]] = Field(None, description="公开文件原文所在的文件：key（DOC:键）、title、doc_no")
    membership: Optional[str] = Field(None, description="列入依据（事项、类别）：confirmed（公开来源证实列入）/ inferred（推定列入）/ modeled（建模示例）")
    membership_zh: Optional[str] = Field(None, description="列入依据的中文说明")


class Division(Open):
    code: Optional[str] = None
    name: Optional[str] = None
    kind: Optional[str] = None


class Place(Open):
    village: Division
    town: Optional[Division] = None
    district: Optional[Division] = None
    city: Optional[Division] = None


class ConcreteBody(Open):
    type: str
    code: Optional[str] = None
    name: Optional[str] = Field(None, description="具体主体全称，如 河溪镇中田村民委员会")


class BodyRole(Open):
    type: str = Field(description="主体类型编号")
    name: Optional[str] = Field(None, description="主体类型名称")
    level: Optional[str] = None
    body: Optional[ConcreteBody] = Field(None, description="给定村居时的具体主体")


class Responsible(Open):
    body_type: Optional[BodyRole] = Field(None, description="责任主体")
    assisting: list[Optional[BodyRole]] = Field(default_factory=list, description="协助主体")
    supervising: list[Optional[BodyRole]] = Field(default_factory=list, description="监督主体")
    must_not: list[Optional[BodyRole]] = Field(default_factory=list, description="不得承担的主体")


class Basis(Open):
    kind: str
    work: Optional[str] = Field(None, description="法规简称")
    version: Optional[str] = Field(None, description="版本日期")
    article: Optional[int] = None
    paragraph: Optional[int] = None
    item: Optional[int] = None
    citation: Optional[str] = None
    label: Optional[str] = None
    summary: Optional[str] = None
    text: Optional[str] = Field(None, description="条文原文（法规库已收录时）")
    current: Optional[bool] = Field(None, description="是否为该日期的现行文本")


class Reason(Open):
    step: int
    kind: str = Field(description="list_item / category / provision / delegation / adoption / access_rule")
    text: str
    source: Optional[str] = None


class WhyNot(Open):
    side: str
    text: str


class Caution(Open):
    id: str
    name: str
    aspect: Optional[str] = None
    bases: list[str] = Field(default_factory=list)


class MatchOut(Open):
    id: str
    name: str
    kind: str
    kind_zh: str
    score: float
    verdict: Verdict


class ItemRef(Open):
    id: str
    name: str
    kind: str
    kind_zh: str
    provenance: Provenance


class Answer(Open):
    question: str
    as_of: str
    verdict: Verdict = Field(description="结论")
    verdict_zh: str
    village: Optional[Place] = None
    item: Optional[ItemRef] = Field(None, description="匹配到的清单事项")
    responsible: Responsible
    reasons: list[Reason] = Field(description="理由链：清单事项、类别、法条、放权决定、承接、准入规则")
    bases: list[Basis]
    why_not: list[WhyNot] = Field(description="为什么不是村 / 为什么不是镇")
    cautions: list[Caution] = Field(description="负面清单提醒")
    disclosure: list[dict[str, Any]] = Field(description="公开要求")
    procedure: list[dict[str, Any]] = Field(description="运行流程（小微权力）")
    matches: list[MatchOut] = Field(description="其他候选事项")
    confidence: float
    notice: str


class Side(Open):
    holds: bool
    reasons: list[str]
    nearest_item: Optional[MatchOut] = None


class BoundaryAnswer(Open):
    question: str
    as_of: str
    belongs_to: Literal["village", "town", "county", "none"]
    belongs_to_zh: str
    verdict: Verdict
    summary: str
    village_side: Side
    town_side: Side
    resolution: Answer


class TraceVersion(Open):
    version: str
    in_force_from: Optional[str] = None
    provision: Basis
    duties: list[dict[str, Any]]


class ProvisionTrace(Open):
    work: str
    article: int
    paragraph: Optional[int] = None
    item: Optional[int] = None
    versions: list[TraceVersion]


class WorkTrace(Open):
    work: str
    versions: list[dict[str, Any]]


class ItemTrace(Open):
    id: str
    name: str
    kind: str
    bases: list[Basis]


class Chains(Open):
    department: Optional[str] = None
    district: Optional[str] = None
    decisions: list[dict[str, Any]]


class VillageMap(Open):
    place: Place
    as_of: str
    committee: Optional[dict[str, Any]] = None
    counts: dict[str, int]
    items: dict[str, list[dict[str, Any]]]


class ErrorBody(BaseModel):
    """The one JSON error body (api/errors.py), whatever the status."""

    error: str = Field(description="错误类别，如 NotFound、BadRequest、StoreUnavailable")
    message: str = Field(description="给人看的中文说明")
    problems: Optional[list[dict[str, Any]]] = Field(None, description="数据问题：文件、行、列、值、原因")
    details: Optional[list[dict[str, Any]]] = Field(None, description="请求参数问题：字段与说明")


# Content given explicitly (not "model"): FastAPI would document the error under the route's own media
# type, and the HTML routes (/viz/…) answer their errors in JSON too.
_ERROR_CONTENT = {"application/json": {"schema": ErrorBody.model_json_schema()}}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "找不到：事项编号、法规、条文、村居代码或部门不存在", "content": _ERROR_CONTENT},
    422: {"description": "请求参数有误（日期应为 YYYY-MM-DD，村居代码为 12 位数字）", "content": _ERROR_CONTENT},
    503: {"description": "图数据库暂时无法连接，请稍后再试", "content": _ERROR_CONTENT},
}
