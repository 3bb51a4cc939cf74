"""Question routes: resolve, boundary, tracing, chains, villages, visualisations. All read-only."""
from __future__ import annotations

import threading
from typing import Any, Callable, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse

from qingdan.queries import boundary as bq
from qingdan.queries import chains as cq
from qingdan.queries import statutes as sq
from qingdan.queries import tracing as tq
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.base import GraphStore

from . import models
from .params import code_path, date_query

Q_TEXT = Query(..., min_length=1, max_length=500, description="用平常话描述的事项或问题，如：村里能不能给村民开无犯罪记录证明？")
Q_VILLAGE = Query(None, max_length=40, description="村（社区）12 位区划代码或名称（可选）")
Q_AS_OF = date_query("日期 YYYY-MM-DD（可选，默认今天）：据此选取施行中的法规版本和清单版本")
P_CODE = code_path()
Q_TRACE_VILLAGE = Query(None, pattern="^[0-9]{12}$", description="村（社区）12 位区划代码（可选）：只列约束该村的清单中依托它的事项；法规不约束该村时不列事项")


_BUILDING = threading.Lock()


def current_resolver(app: FastAPI, store: GraphStore) -> Resolver:
    """The resolver for the graph the store holds now; `qingdan serve` calls it before listening.

    One cheap question to the store per request (has the graph been replaced?); when it has, one
    request rebuilds (seconds on Neo4j) while the others wait for it instead of each building its own.
    """
    def fresh(r: Resolver | None) -> bool:
        return r is not None and r.store is store and r.version == store.version()

    cached = getattr(app.state, "resolver", None)
    if fresh(cached):
        return cached
    with _BUILDING:
        cached = getattr(app.state, "resolver", None)
        if not fresh(cached):
            cached = Resolver(store)
            app.state.resolver = cached
    return cached


def register(app: FastAPI, get_store: Callable[..., GraphStore]) -> None:
    def get_resolver(request: Request, store: GraphStore = Depends(get_store)) -> Resolver:
        return current_resolver(request.app, store)

    app.state.get_resolver = get_resolver

    @app.get("/resolve", response_model=models.Answer, tags=["问答"], summary="归谁管、依据是什么",
             description="输入一件事（自由中文），返回结论（村自治 / 村协助 / 镇街 / 区县部门 / 不应由村承担 / 未列入清单）、"
                         "责任主体（给定村居时为具体主体）、理由链、法律依据（按日期选取施行版本）、反向说明、负面清单提醒、公开要求与流程。")
    def resolve(q: str = Q_TEXT, village: Optional[str] = Q_VILLAGE, as_of: Optional[str] = Q_AS_OF,
                r: Resolver = Depends(get_resolver)) -> dict[str, Any]:
        return r.resolve(q, village=village, as_of=as_of)

    @app.get("/boundary", response_model=models.BoundaryAnswer, tags=["问答"], summary="村里管还是镇里管",
             description="对一件事给出“村还是镇”的判断，并分别列出村一侧和镇一侧的理由。")
    def boundary(q: str = Q_TEXT, village: Optional[str] = Q_VILLAGE, as_of: Optional[str] = Q_AS_OF,
                 r: Resolver = Depends(get_resolver)) -> dict[str, Any]:
        return bq.boundary(r, q, village=village, as_of=as_of)

    @app.get("/trace/provision", response_model=models.ProvisionTrace, tags=["法规溯源"], summary="条款的沿革 → 依托它的全部事项",
             description="给出法规简称和条号（可加款、项；条号按 version 版本理解，默认按 as_of 当日施行的版本），列出该条款在每个版本中的条号、"
                         "施行期间、与上一版本相比条文是否变化（same 未变 / changed 修改 / new 新增 / removed 删除），以及依托它的清单事项与放权决定；"
                         "整部法规被废止的，给出废止关系和废止它的法规中的对应条款。")
    def trace_provision(work: str = Query(..., max_length=60, description="法规简称，如 村民委员会组织法"),
                        article: int = Query(..., ge=1, le=2000, description="条"),
                        paragraph: Optional[int] = Query(None, ge=1, le=50, description="款"),
                        item: Optional[int] = Query(None, ge=1, le=50, description="项"),
                        version: Optional[str] = date_query("条号所在的版本日期 YYYY-MM-DD（可选，默认 as_of 当日施行的版本）"),
                        as_of: Optional[str] = Q_AS_OF, village: Optional[str] = Q_TRACE_VILLAGE,
                        store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return tq.trace_provision(store, work, article, version=version, paragraph=paragraph, item=item, as_of=as_of,
                                  village=village)

    @app.get("/trace/work", response_model=models.WorkTrace, tags=["法规溯源"], summary="法规 → 依托它的全部事项")
    def trace_work(work: str = Query(..., max_length=60, description="法规简称"),
                   village: Optional[str] = Q_TRACE_VILLAGE,
                   store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return tq.trace_work(store, work, village=village)

    @app.get("/trace/item/{item_id}", response_model=models.ItemTrace, tags=["法规溯源"], summary="事项 → 全部依据条款",
             description="一个清单事项所依据的全部条款（各版本）。")
    def trace_item(item_id: str, store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return tq.trace_item(store, item_id)

    @app.get("/laws/{work}/versions", tags=["法规溯源"], summary="法规的各个版本及施行日期")
    def law_versions(work: str, store: GraphStore = Depends(get_store)) -> list[dict[str, Any]]:
        return sq.work_versions(store, work)

    @app.get("/chains", response_model=models.Chains, tags=["放权链条"], summary="区县部门 → 放权决定 → 镇街 → 村协助",
             description="放权强镇的链条：原行使部门、放权决定与依据、承接的区县和镇街、下放职权、村里协助的事项。")
    def chains(department: Optional[str] = Query(None, max_length=60, description="原行使部门类型编号或名称"),
               district: Optional[str] = Query(None, max_length=20, description="区县代码或名称"),
               store: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return cq.chains(store, department=department, district=district)

    @app.get("/villages", tags=["村居"], summary="按名称或代码查找村（社区）")
    def villages(q: str = Query(..., min_length=1, max_length=40, description="村居名称的一部分或代码前缀"),
                 limit: int = Query(20, ge=1, le=100), r: Resolver = Depends(get_resolver)) -> list[dict[str, Any]]:
        return r.finder.search(q, limit=limit)

    @app.get("/villages/{code}/duties", response_model=models.VillageMap, tags=["村居"], summary="一个村（社区）的全部职责",
             description="该村居的自治、协助、禁入、小微权力、公开、下放职权等事项，以及每项的结论和具体主体。")
    def village_duties(code: str = P_CODE, as_of: Optional[str] = Q_AS_OF, r: Resolver = Depends(get_resolver)) -> dict[str, Any]:
        return cq.village_map(r, code, as_of=as_of)

    from qingdan.viz import views

    @app.get("/viz/answer", response_class=HTMLResponse, tags=["图示"], summary="答案理由链图示（pyvis）")
    def viz_answer(q: str = Q_TEXT, village: Optional[str] = Q_VILLAGE, as_of: Optional[str] = Q_AS_OF,
                   r: Resolver = Depends(get_resolver)) -> str:
        return views.answer_html(r, q, village=village, as_of=as_of)

    @app.get("/viz/village/{code}", response_class=HTMLResponse, tags=["图示"], summary="村居职责图（pyvis）")
    def viz_village(code: str = P_CODE, as_of: Optional[str] = Q_AS_OF, r: Resolver = Depends(get_resolver)) -> str:
        return views.village_html(r, code, as_of=as_of)

    @app.get("/viz/statute", response_class=HTMLResponse, tags=["图示"], summary="法规影响范围图（pyvis）")
    def viz_statute(work: str = Query(..., max_length=60), article: Optional[int] = Query(None, ge=1, le=2000),
                    store: GraphStore = Depends(get_store)) -> str:
        return views.statute_html(store, work, article=article)
