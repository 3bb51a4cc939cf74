"""Which body a question names when it asks whether that body deals with a matter ("镇政府对土地流转到底管不管").

The names are the graph's: each body type's own name and the aliases lists write for it (BodyAlias nodes).
A generic name ("有关部门", "职能部门") names no body, nor does a one-character one ("镇" is in 城镇, 乡镇).
"""
from __future__ import annotations

import re

from .intent import Intent, asking_sentence
from .stores.base import GraphStore, Node

# "does X deal with it?": the cue that asks about the named body's part rather than who handles the matter
ASKS_IF_IT_DEALS = re.compile(r"管不管|该不该管|应不应该管|有没有(责任|义务|职责)|负不负责|归不归")
GENERIC = "bodytype/county_department"


def body_names(store: GraphStore) -> list[tuple[str, Node]]:
    """(name, body type), longest name first, so that 镇人民政府 is read before 镇政府."""
    types = store.nodes("BodyType")
    aliases = store.nodes("BodyAlias")
    targets = store.neighbors_many([a.id for a in aliases], "ALIAS_OF")
    names = [(t.get("name_zh"), t) for t in types] + [(a.get("name_zh"), targets[a.id][0][1]) for a in aliases if targets.get(a.id)]
    return sorted(((n, b) for n, b in names if n and len(n) >= 2 and b.id != GENERIC), key=lambda t: -len(t[0]))


def named_in(names: list[tuple[str, Node]], plain: str, intent: Intent) -> tuple[str, Node] | None:
    """The body named in the asking sentence before or in its "管不管" cue, the one nearest the cue's end,
    with the name the question uses for it."""
    if intent.id != "responsible" or not intent.cue or not ASKS_IF_IT_DEALS.search(intent.cue):
        return None
    sentence = asking_sentence(plain, intent.cue) or plain
    # the name stands before the cue ("镇政府……管不管") or inside it ("归不归街道管")
    before = sentence[:sentence.rfind(intent.cue) + len(intent.cue)] if intent.cue in sentence else sentence
    best: tuple[int, str, Node] | None = None
    for name, body in names:
        at = before.rfind(name)
        if at >= 0 and (best is None or at + len(name) > best[0]):
            best = (at + len(name), name, body)
    return (best[1], best[2]) if best else None


# "县卫健局让我们村干部挨家挨户……": the department that asks the village to do the work
_COMMISSIONS = r"[^，。？?！!]{0,3}(让|叫|要|要求|委托|安排|布置|派|通知|下任务)"
# who corrects the town government's own act (地方组织法 2022 §73 (三): a county-level government changes or annuls a
# lower government's improper decisions): the body and the provision, read into every answer's subgraph
ABOVE_THE_TOWN = ("bodytype/county_government", "law/地方各级人民代表大会和地方各级人民政府组织法/2022-03-11/73/1/3")
# a county body named by its level alone (县政府, 有关部门): the county at large, no department in particular
COUNTY_AT_LARGE = frozenset({"bodytype/county_government", GENERIC})


def commissioner(names: list[tuple[str, Node]], plain: str) -> Node | None:
    """The county department a question names as the one that gave the village the work, the first one it
    names: 组织法 §37 (2018) puts the cost of work a department entrusts to the village on that department."""
    best: tuple[int, Node] | None = None
    for name, body in names:
        if body.get("level") != "county" or body.id in COUNTY_AT_LARGE:
            continue
        m = re.search(re.escape(name) + _COMMISSIONS, plain)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), body)
    return best[1] if best else None
