"""The bodies of an item by the part they play, and the verdict a body's level gives.

Roles live in the graph (ROLE_<ROLE> edges item → body type, each with its basis); an item's
lead, assisting and supervising bodies stand for handles / assists / supervises where no role
edge says otherwise. The asked role picks the body an answer leads with; when an item records no
body for that role, a nearby role stands in (who approves → who decides → who handles) and the
answer says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qingdan.ontology.terms import ROLE_CONDITIONS, ROLE_REL_TYPES, ROLE_ZH

from . import cases
from .stores.base import GraphStore, Node

DERIVED = {"LEAD_BODY": "handles", "ASSIST_BODY": "assists", "SUPERVISE_BODY": "supervises"}
# when an item has no body for the asked role, the next role that answers the same need
FALLBACK: dict[str, tuple[str, ...]] = {
    "approves": ("approves", "decides", "handles"),
    "decides": ("decides", "approves", "handles"),
    "drafts": ("drafts", "handles", "decides"),
    "handles": ("handles",),
    "assists": ("assists", "handles"),
    "supervises": ("supervises", "corrects"),
    "funds": ("funds",),
    # a complaint is about a breach: whoever enforces the rule breached acts on it before whoever
    # oversees the work in general (a pig farm's sewage → the ecology bureau, not the town)
    "corrects": ("corrects", "enforces", "supervises"),
    "enforces": ("enforces", "corrects", "handles"),
}


@dataclass(frozen=True)
class Role:
    role: str
    body: Node
    basis: str | None  # citation key
    basis_id: str | None  # the provision's node id
    note: str | None
    provenance_status: str
    source: str | None
    listed: bool  # from a roles.csv row (True) or standing in for the item's lead/assist/supervise column
    seq: int = 0  # the row's place in the catalog: bodies of one role in the order the catalog gives
    applies_when: str | None = None  # the case of the item in which the body plays the role (None: every case)

    @property
    def level(self) -> str | None:
        return self.body.get("level")


# a behaviour's listed lead is whoever deals with it (the discipline commission …), not whoever does it
DERIVED_FOR_KIND = {("negative", "LEAD_BODY"): "corrects"}
# roles that deal with misconduct: the only ones a behaviour lends to the duty it endangers
MISCONDUCT_ROLES = ("corrects", "enforces", "supervises")


def read_all(store: GraphStore, item_ids: list[str], kinds: dict[str, str] | None = None) -> dict[str, list[Role]]:
    """Every item's roles in one pass per relationship type (a round trip each on Neo4j)."""
    kinds = kinds or {}
    out: dict[str, list[Role]] = {i: [] for i in item_ids}
    for rel_type in ROLE_REL_TYPES:
        for item_id, pairs in store.neighbors_many(item_ids, rel_type).items():
            for rel, body in pairs:
                out[item_id].append(Role(str(rel.props.get("role")), body, rel.props.get("basis"),
                                         rel.props.get("basis_id"), rel.props.get("note"), str(rel.props.get("provenance_status")),
                                         rel.props.get("source"), True, int(rel.props.get("seq") or 0),
                                         rel.props.get("applies_when")))
    for rel_type, default_role in DERIVED.items():
        for item_id, pairs in store.neighbors_many(item_ids, rel_type).items():
            have = {(r.role, r.body.id) for r in out[item_id]}
            role = DERIVED_FOR_KIND.get((kinds.get(item_id, ""), rel_type), default_role)
            for rel, body in pairs:
                if (role, body.id) not in have:
                    out[item_id].append(Role(role, body, None, None, None, str(rel.props.get("provenance_status")),
                                             rel.props.get("source"), False))
    order = list(ROLE_ZH)
    for roles in out.values():
        roles.sort(key=lambda r: (order.index(r.role) if r.role in order else 99, not r.listed, r.seq, r.body.id))
    return out


def for_role(roles: list[Role], asked: str, exact: bool = False) -> tuple[str | None, list[Role]]:
    """(the role actually answered, its bodies) — the asked one or the nearest stand-in."""
    for role in (asked,) if exact else FALLBACK.get(asked, (asked,)):
        found = [r for r in roles if r.role == role]
        if found:
            return role, found
    return None, []


def in_case(roles: list[Role], question: str) -> list[Role]:
    """The roles that apply in the case the question tells: a role whose case the question rules out
    ("两个村之间的土地权属争议" rules out the town's, which hears disputes involving a person) is set
    aside, unless no role would be left."""
    held = [cases.holds(r.applies_when, question) for r in roles]
    left = {r.role for r, h in zip(roles, held) if h is not False}
    kept = [(r, h) for r, h in zip(roles, held) if h is not False or r.role not in left]
    # a body whose case the question tells plays the role before one that plays it in every case, and that one
    # before a body that plays it only in a case the question does not tell (组织法 §28.3: the group meeting
    # decides only what the group owns)
    return [r for r, _ in sorted(kept, key=lambda rh: 0 if rh[1] is True else 1 if rh[0].applies_when is None else 2)]


def decided_elsewhere(roles: list[Role], question: str) -> bool:
    """Every body that decides the item does so only in a case the question rules out: "村里的鱼塘要承包出去"
    is not about the villager group's own property, whose item only its group meeting decides."""
    deciding = [r for r in roles if r.role == "decides"]
    return bool(deciding) and all(cases.holds(r.applies_when, question) is False for r in deciding)


# where a villager turns first: the town government (it orders the village to correct), then the
# village's own bodies, then a county office; a court, which can only revoke, last
CORRECTS_ORDER = {"town": 0, "village": 1, "county": 2}


def nearest_first(roles: list[Role]) -> list[Role]:
    """Bodies that hear a complaint, nearest first (stable within a level)."""
    return sorted(roles, key=lambda r: (3 if r.body.id == "bodytype/court" else CORRECTS_ORDER.get(r.level or "", 2)))


def verdict_for_level(kind: str, level: str | None) -> str:
    """What a body of this level doing this item means for the village (delegation decided apart)."""
    if kind in ("prohibited",) and level == "village":
        return "not_for_village"
    if level == "village":
        return "village_assists" if kind == "assistance" else "village_autonomy"
    if level == "town":
        return "town"
    return "county_department"


def role_dict(r: Role) -> dict[str, Any]:
    return {"role": r.role, "role_zh": ROLE_ZH.get(r.role, r.role), "body_type": r.body.id.split("/", 1)[1],
            "body_name": r.body.get("name_zh"), "level": r.level, "basis": r.basis, "note": r.note,
            "listed": r.listed, "applies_when": r.applies_when,
            "applies_when_zh": ROLE_CONDITIONS.get(r.applies_when) if r.applies_when else None,
            "provenance": {"status": r.provenance_status, "source": r.source}}
