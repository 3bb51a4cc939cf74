"""Statute routes: crosswalks between versions, repeal relations, the currency audit, the statute
scan. All read-only; crosswalks, repeals and the audit read the graph (succeededBy and repeals
edges made at load time); the scan reads the law corpus for the paragraphs it classifies."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable, Literal, Optional

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field

from qingdan.loaders.laws import LawCorpus
from qingdan.loaders.provincial_laws import scan_corpus
from qingdan.loaders.scan import report as scan_report
from qingdan.queries.audit import audit as audit_query
from qingdan.queries.crosswalks import crosswalk_for, repeals_list
from qingdan.queries.dates import parse_day
from qingdan.queries.stores.base import GraphStore

from .params import date_query
from .settings import Settings

ChangeT = Literal["unchanged", "amended", "split", "merged", "added", "removed"]
StatusT = Literal["renumbered", "amended", "repealed", "not_yet_in_force", "outdated_version"]
RoleT = Literal["own_duty", "assists", "may", "must_not", "consulted", "mentions"]


class PairOut(BaseModel):
    from_article: Optional[int] = Field(None, description="原版本的条号；新增的条为空")
    to_article: Optional[int] = Field(None, description="新版本的条号；删除的条为空")
    score: float = Field(..., description="两条全文（去掉“第X条”）的字符相似度，0–1；新增、删除为 0")
    change: ChangeT = Field(..., description="unchanged 未变 / amended 修改 / split 拆分 / merged 合并 / added 新增 / removed 删除")


class RepealOut(BaseModel):
    repealing_work: str = Field(..., description="作出废止的法规")
    repealing_version: str = Field(..., description="其版本日期")
    repealed_work: str = Field(..., description="被废止的法规（简称；法规库有时为库中简称）")
    repealed_title: str = Field(..., description="条文中写的书名")
    effective_date: Optional[str] = Field(None, description="废止生效日期 YYYY-MM-DD")
    date_basis: str = Field(..., description="日期来源：text 条文写明 / promulgation 自公布之日起施行 / version 版本日期")
    source_article: Optional[int] = Field(None, description="写明废止的条")
    source_citation: Optional[str] = Field(None, description="该条的引用键")
    in_corpus: bool = Field(..., description="被废止的法规是否收录在法规库中")
    repealed_versions: list[str] = Field(default_factory=list, description="被废止的法规库版本")
    clause: str = Field("", description="废止条款原文")
    note: str = Field("", description="说明（如同名的更早法规）")


class CrosswalkOut(BaseModel):
    work: str
    from_date: str
    to_date: str
    from_version: str = Field(..., description="起始日期施行的版本")
    to_version: str = Field(..., description="截止日期施行的版本")
    same_version: bool = Field(..., description="两个日期施行的是同一版本")
    repealed: Optional[RepealOut] = Field(None, description="截止日期前该法规已被废止时的废止关系")
    counts: dict[str, int] = Field(..., description="各类变化的数量")
    pairs: list[PairOut]


class SuccessorOut(BaseModel):
    work: str
    version: str
    article: int
    paragraph: Optional[int] = None
    item: Optional[int] = None
    citation: str = Field(..., description="建议改引的引用键")
    label: str


class RepealRef(BaseModel):
    work: str
    version: str
    article: int
    citation: str
    effective_date: Optional[str] = None


class IssueOut(BaseModel):
    citation: str = Field(..., description="事项所引的条款")
    work: str
    version: str
    label: str
    status: StatusT = Field(..., description="renumbered 条号已变 / amended 条文已修改 / repealed 已失效 / "
                                             "not_yet_in_force 所引版本尚未施行 / outdated_version 版本已被取代（条文未变）")
    status_zh: str
    reason: Optional[str] = None
    reason_zh: Optional[str] = None
    in_force_version: Optional[str] = Field(None, description="该日施行的版本")
    successor: Optional[SuccessorOut] = Field(None, description="建议改引的现行条款（由新旧条文比对得出）")
    confidence: Optional[float] = Field(None, description="建议的把握：所引条（款、项）与建议条款的文字相似度，0–1")
    change: Optional[str] = Field(None, description="条文对照中这一条的变化")
    text_changed: Optional[bool] = Field(None, description="所引文字是否有改动")
    alternatives: list[str] = Field(default_factory=list, description="拆分时的其他去向")
    repealed_by: Optional[RepealRef] = None
    note: Optional[str] = None


class ItemRef(BaseModel):
    id: str
    name: Optional[str] = None
    kind: Optional[str] = None


class FlaggedItem(ItemRef):
    issues: list[IssueOut]


class NoBasisItem(ItemRef):
    reason: Optional[str] = Field(None, description="清单写明的无依据原因")


class UnresolvedBasis(ItemRef):
    target: str
    reason: str


class AuditSummary(BaseModel):
    items: int
    flagged: int
    issues: int
    by_status: dict[str, int]
    no_basis: int
    unresolved: int
    not_in_corpus: int


class AuditOut(BaseModel):
    as_of: str
    summary: AuditSummary
    flagged: list[FlaggedItem]
    no_basis: list[NoBasisItem]
    unresolved: list[UnresolvedBasis]
    not_in_corpus: list[str] = Field(..., description="所引法规不在法规库中、无法核对条文的引用")
    status_zh: dict[str, str]


class ScanProvision(BaseModel):
    work: str
    version: str
    article: int
    paragraph: int
    citation: str
    text: str = Field(..., description="该款原文（含各项）")
    bodies: list[str] = Field(..., description="village 村民委员会 / residents 居民委员会 / grassroots 基层群众性自治组织")
    bodies_zh: list[str]
    role: RoleT = Field(..., description="按提示词分类：own_duty 本身职责 / assists 协助配合 / may 可以 / must_not 不得 / "
                                         "consulted 听取意见 / mentions 其他提及")
    role_zh: str
    cue: Optional[str] = Field(None, description="决定分类的提示词")
    covered: bool = Field(..., description="是否有清单事项依据该款、其中的项或整条")
    items: list[str] = Field(..., description="依据它的事项编号")
    article_cited: bool = Field(..., description="同一条中是否有条款被清单引用")
    checked_against: Literal["in_force", "nearest"] = Field(
        "in_force", description="in_force 该日施行的文本 / nearest 该日施行的文本未收录，按最近的版本")
    jurisdiction: str = Field("CN", description="法规的适用地域：CN 或区划代码前 2/4/6 位")
    jurisdiction_name: str = Field("全国", description="适用地域名称")


class RoleCount(BaseModel):
    total: int
    uncovered: int


class ScanOut(BaseModel):
    as_of: Optional[str] = None
    work: Optional[str] = None
    jurisdiction: Optional[str] = Field(None, description="只看这一地的法规时：其代码（CN 或区划代码前缀）")
    jurisdiction_name: Optional[str] = None
    notices: dict[str, str] = Field(default_factory=dict, description="给出日期时：施行的文本未收录、按最近版本扫描的法规及说明")
    total: int
    covered: int
    uncovered: int
    by_role: dict[str, RoleCount]
    role_zh: dict[str, str]
    provisions: list[ScanProvision]


AUDIT_CACHE_SIZE = 16


def register(app: FastAPI, get_store: Callable[..., GraphStore], laws_dir: Path | None = None) -> None:
    """laws_dir: the corpus the texts are read from (default: the configured data directory)."""

    def get_scan_corpus(jurisdiction: str | None) -> tuple[LawCorpus, str | None]:
        """The texts of the graph the settings build: other provinces' regulations where served."""
        settings = Settings()
        return scan_corpus(jurisdiction, settings.national, settings.places, laws_dir=laws_dir)

    audits: dict[tuple[str, str, str], dict[str, Any]] = {}

    @app.get("/laws/{work}/crosswalk", response_model=CrosswalkOut, tags=["法规溯源"], summary="新旧条文对照",
             description="取两个日期各自施行的版本，逐条比对全文（字符相似度、保持条文顺序的对齐），给出每条的去向："
                         "未变、修改、拆分、合并、新增、删除。如村民委员会组织法 2018 年版第二十四条对应 2025 年版第二十八条。")
    def crosswalk(work: str, from_date: str = date_query("起始日期 YYYY-MM-DD", required=True),
                  to_date: str = date_query("截止日期 YYYY-MM-DD", required=True),
                  store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return crosswalk_for(store, work, from_date, to_date)

    @app.get("/repeals", response_model=list[RepealOut], tags=["法规溯源"], summary="法规废止关系",
             description="从法规原文的“本法自……起施行。《……》同时废止”条款读出的废止关系：谁废止了谁、依据哪一条、"
                         "何时生效；被废止的法规不在法规库中的也列出（in_corpus 为 false）。")
    def repeals_route(work: Optional[str] = Query(None, max_length=60, description="只看废止或被废止的这部法规（简称）"),
                      store: GraphStore = Depends(get_store)) -> list[dict[str, Any]]:
        return repeals_list(store, work)

    @app.get("/audit", response_model=AuditOut, tags=["法规溯源"], summary="依据时效审查",
             description="列出所依据条款在该日已不现行的清单事项：条号已变、条文已修改、整部法规已废止或该条被删除、"
                         "所引版本尚未施行；给出建议改引的现行条款及把握程度。同一事项已引用该日施行版本的不算。"
                         "另列没有依据的事项和无法解析的依据。")
    def audit(as_of: Optional[str] = date_query("审查日期 YYYY-MM-DD（默认今天）"),
              store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        day = parse_day(as_of, "审查日期") if as_of else date.today()
        key = (store.name, store.version(), day.isoformat())
        if key not in audits:
            if len(audits) >= AUDIT_CACHE_SIZE:
                audits.pop(next(iter(audits)))
            audits[key] = audit_query(store, day)
        return audits[key]

    @app.get("/laws/scan", response_model=ScanOut, tags=["法规溯源"], summary="涉及村（居）委会的条款扫描",
             description="扫描法规库中提到村民委员会、居民委员会、基层群众性自治组织的每一款，按提示词分类为本身职责、协助配合、"
                         "可以、不得、听取意见或其他提及，并标出清单尚未覆盖（没有事项依据该款或其所在条）的条款。")
    def scan(uncovered: bool = Query(False, description="true 时只列清单尚未覆盖的条款"),
             as_of: Optional[str] = date_query("只看该日施行的版本 YYYY-MM-DD（可选）"),
             work: Optional[str] = Query(None, max_length=60, description="只看这部法规（简称，可选）"),
             jurisdiction: Optional[str] = Query(None, max_length=20, description="只看一地的法规：CN、区划代码前 2/4/6 位或省市名称（可选）"),
             store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        day = parse_day(as_of) if as_of else None
        corpus, place = get_scan_corpus(jurisdiction)
        return scan_report(corpus, store, uncovered_only=uncovered, as_of=day, work=work, jurisdiction=place)
