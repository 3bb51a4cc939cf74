"""The FastAPI app: thin routes over queries/, one store, read-only in public."""
from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI, Request

from qingdan import __version__
from qingdan.queries import items as item_queries
from qingdan.queries.stats import stats as stats_query
from qingdan.queries.stores.base import GraphStore

from . import errors
from .settings import Settings
from .state import open_store

DESCRIPTION = """清单图谱（qingdan）：回答“村里要不要管这件事？归谁管？依据是什么？”。

数据说明：法规条文来自公开法规库原文；清单事项系依据法规和公开资料以本项目自己的文字整理，
汕头官方清单原文未公开，凡标注“建模示例”的事项均非官方文本。"""


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    from .models import ERROR_RESPONSES

    app = FastAPI(title="清单图谱 qingdan", version=__version__, description=DESCRIPTION, responses=ERROR_RESPONSES)
    app.state.settings = settings
    app.state.store = store
    errors.install(app)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"])

    def get_store(request: Request) -> GraphStore:
        if request.app.state.store is None:
            request.app.state.store = open_store(settings.store, national=settings.national)
        return request.app.state.store

    app.state.get_store = get_store

    @app.get("/health", summary="健康检查", description="服务与图存储是否可用。", tags=["系统"])
    def health(s: GraphStore = Depends(get_store)) -> dict[str, Any]:
        s.ping()
        return {"status": "ok", "store": s.name, "version": __version__}

    @app.get("/stats", summary="数据统计", tags=["系统"],
             description="各类清单的公布数量与本库数量、来源覆盖率、区划数量、节点与关系计数。")
    def stats(s: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return stats_query(s)

    @app.get("/items/{item_id}", summary="清单事项详情", tags=["清单"],
             description="按编号查询一个清单事项：所属清单与类别、责任/协助/监督主体、法律依据、流程与公开要求。")
    def item(item_id: str, s: GraphStore = Depends(get_store)) -> dict[str, Any]:
        return item_queries.describe_item(s, item_id)

    from . import routes

    routes.register(app, get_store)
    from . import routes_cite

    routes_cite.register(app, get_store)
    from . import routes_import

    routes_import.register(app, get_store)
    from . import routes_laws

    routes_laws.register(app, get_store)
    from . import routes_outputs

    routes_outputs.register(app, get_store)
    from . import routes_lint

    routes_lint.register(app, get_store)
    from . import pages

    pages.register(app, get_store, app.state.get_resolver)
    from . import pages_outputs

    pages_outputs.register(app, get_store)
    return app
