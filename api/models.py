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
    status: Optional[Literal["in_force", "missing", "not_yet", "repealed"]] = Field(
        None, description="该日所引法规的状态：in_force 有施行的文本 / missing 施行的文本未收录 / not_yet 尚未施行 / repealed 已废止")
    checked_against: Optional[Literal["in_force", "nearest"]] = Field(
        None, description="核对所用的文本：in_force 该日施行的文本 / nearest 最近的版本（该日施行的文本未收录等）")
    notice: Optional[str] = Field(None, description="不能按该日施行的文本核对时的说明")
    original: Optional[dict[str, Any]] = Field(None, description="原引用：事项所引的条款（与该日施行的文本不同时）")
    crosswalk: Optional[dict[str, Any]] = Field(None, description="原引用与所示条款的对照：相似度 score、变化 change、文字是否改动")
    jurisdiction: Optional[str] = Field(None, description="适用地域：CN（全国）或省、市、区县的区划代码前 2/4/6 位")
    jurisdiction_name: Optional[str] = Field(None, description="适用地域名称：全国、广东省、汕头市、浙江省……")
    found_by: Optional[Literal["content"]] = Field(
        None, description="content：本地地方性法规中按条文内容与该职责关联的条款（不是清单所列依据，供核对）")
    match: Optional[dict[str, float]] = Field(None, description="按内容关联的相似度：综合 score、与职责名称说法 own_words、与全国性依据 national_basis")


class Reason(Open):
    step: int
    kind: str = Field(description="list_item / category / provision / local_provision（本地法规中按内容关联的条款）/ scope / delegation / adoption / access_rule / asked_elsewhere（所问不是村级事务的归属）")
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
    listed_here: bool = Field(True, description="false：该行为出自不约束本村的负面清单，本村只受其所依据的法律约束")


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


class IntentOut(Open):
    id: str = Field(description="问题意图：responsible / approves / decides / drafts / funds / complaint / enforces / may_refuse / certificate / timing / procedure / village_part / may_do / forbidden")
    zh: str = Field(description="意图的中文说明")
    role: Optional[str] = Field(None, description="该意图所问的角色")
    cue: Optional[str] = Field(None, description="判断意图所依据的字词")
    learnt: Optional[float] = Field(None, description="长问题的问法由按已标注问题学得的分类器读出（与字词线索读出的不同）时，它对这一读法的把握（0–1）；为空表示按字词线索读出")


class RoleOut(Open):
    role: str = Field(description="角色：decides / approves / drafts / handles / assists / supervises / funds / corrects / enforces")
    role_zh: str
    body_type: str = Field(description="主体类型编号")
    body_name: Optional[str] = Field(None, description="主体类型名称")
    level: Optional[str] = None
    body: Optional[ConcreteBody] = Field(None, description="给定村居时的具体主体")
    basis: Optional[str] = Field(None, description="赋予该角色的条款（引用键）")
    basis_label: Optional[str] = Field(None, description="条款的中文标注")
    note: Optional[str] = None
    listed: bool = Field(description="是否为角色表明确记录（否：由事项的责任/协助/监督主体推出）")
    applies_when: Optional[str] = Field(None, description="该主体只在某种情形下承担此角色时的情形编号（involving_persons / between_units / villager_housing / public_works / group_property / village_property）；为空表示各种情形")
    applies_when_zh: Optional[str] = Field(None, description="适用情形的中文说明")


class Asked(Open):
    role: Optional[str] = Field(None, description="所问的角色（问“能否这样做”时为空；问某主体“管不管”时为该主体在事项中的第一个角色）")
    role_zh: str
    answered_role: Optional[str] = Field(None, description="实际回答的角色（没有记录所问角色时用相近角色代替）")
    bodies: list[RoleOut] = Field(default_factory=list, description="承担所问角色的主体")
    verdict: Optional[str] = Field(None, description="按所问角色得出的结论")
    text: Optional[str] = None
    limits: list[dict[str, Any]] = Field(default_factory=list,
                                         description="问“能否这样做”时，答案所引条文中的禁止性规定（citation、label、text）")


class FirstPick(Open):
    item: Optional[str] = Field(None, description="按字词和语义原本选中的事项编号（空：原答未列入）")
    verdict: Verdict
    intent: Optional[str] = Field(None, description="原本读出的问法（改选可能只是同一事项换一种读法）")
    likelihood: float = Field(description="结论先验认为原结论这一类的可能性，0–1")


class SecondOpinion(Open):
    first: FirstPick
    likelihood: float = Field(description="结论先验认为现结论这一类的可能性，0–1")
    note: str = Field(description="给读者的说明")


class Reading(Open):
    intent: IntentOut = Field(description="另一种读法：问的是什么")
    asked: bool = Field(False, description="来信在另一句里问了这个（true），还是来信没有直接提问时的另一种可能读法（false）")
    verdict: Verdict = Field(description="按这种读法的结论")
    verdict_zh: str
    body: Optional[dict[str, Any]] = Field(None, description="按这种读法为首的主体（type、name、level）")
    basis: Optional[str] = Field(None, description="这一主体的依据（法条或文件）")


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
    intent: Optional[IntentOut] = Field(None, description="问题问的是什么（谁审批、谁出钱、能否拒绝……）")
    roles: list[RoleOut] = Field(default_factory=list, description="事项中各主体的角色及其依据")
    asked: Optional[Asked] = Field(None, description="所问角色的主体及按该角色的结论（答案以此为先）")
    scope: Optional[dict[str, Any]] = Field(None, description="答案适用的地域（给定村居，或默认的汕头市/问题中提到的省份）")
    timing: list[dict[str, Any]] = Field(default_factory=list, description="公开频次、公示天数等时间要求")
    second_opinion: Optional[SecondOpinion] = Field(None, description="按已标注问题学得的结论先验改选了相近事项时：原首选及两者的可能性")
    readings: list[Reading] = Field(default_factory=list,
                                    description="同一事项按其他问法的简答：来信在别的句子里还问了的，以及来信只讲经过、没有直接提问时的其他可能读法（谁决定、能否这样做、向谁反映、谁负责）；结论仍以首答为准")


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
    in_force_to: Optional[str] = Field(None, description="施行至（下一版本施行或被废止的前一日；现行为空）")
    article: Optional[int] = Field(None, description="该条款在这一版本中的条号；没有对应条款时为空")
    label: Optional[str] = None
    status: Optional[Literal["same", "changed", "new", "removed"]] = Field(
        None, description="与上一版本相比：same 未变 / changed 修改 / new 新增 / removed 删除；最早收录的版本为空")
    status_zh: Optional[str] = None
    anchor: bool = Field(False, description="是否为所查条号所在的版本")
    provision: Optional[Basis] = None
    duties: list[dict[str, Any]]


class ProvisionTrace(Open):
    work: str
    article: int
    paragraph: Optional[int] = None
    item: Optional[int] = None
    version: Optional[str] = Field(None, description="条号所在的版本")
    versions: list[TraceVersion]
    repealed: Optional[dict[str, Any]] = Field(None, description="整部法规被废止时：废止关系及废止它的法规中的对应条款")


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
    scope: Optional[dict[str, Any]] = Field(None, description="约束该村的规定：本地清单、地方性法规，以及本库缺少的")
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
