"""The flowchart figure a page shows inline (item page, answer, print view, 流程图 booklet)."""
from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup

from qingdan.errors import NotFound
from qingdan.queries import flowchart as flow_q
from qingdan.queries.stores.base import GraphStore
from qingdan.viz.flowchart import flowchart_svg


def flow_figure(store: GraphStore, item_id: str | None,
                cached: Callable[[str, Callable[[], Any]], Any] | None = None) -> dict[str, Any] | None:
    """The item's flowchart as inline SVG, or None when it has no procedure; cached(key, build) keeps it per graph."""
    if not item_id:
        return None

    def build() -> dict[str, Any] | None:
        try:
            f = flow_q.flow(store, item_id)
        except NotFound:
            return None
        # ElementTree escaped every text in it: the SVG is markup we made, safe to place as is
        return {"svg": Markup(flowchart_svg(f)), "item": f["item"], "steps": len(f["steps"]), "note": f["note"]}

    return cached(f"flow:{item_id}", build) if cached else build()
