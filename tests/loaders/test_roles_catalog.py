"""The bundled roles: every duty says who carries it, and each role rests on a provision that was law
when the item's list took force — the questions "谁批 / 谁出钱 / 找谁" are answered from these edges."""
from __future__ import annotations

import re

import pytest

from qingdan.ontology.terms import KIND_CLASS, ROLE_REL_TYPES
from qingdan.queries.stores.base import Node, Rel
from qingdan.queries.stores.memory import MemoryStore

CITATION_RE = re.compile(r"^(?P<work>.+)@(?P<version>\d{4}-\d{2}-\d{2})#(?P<article>\d+)")


@pytest.fixture(scope="module")
def items(memory_store: MemoryStore) -> list[Node]:
    """The bundled items (an official list imported on this machine brings its own items, without roles)."""
    return [n for cls in KIND_CLASS.values() for n in memory_store.nodes(cls) if not str(n.get("source")).startswith("import:")]


@pytest.fixture(scope="module")
def roles(memory_store: MemoryStore, items: list[Node]) -> dict[str, list[tuple[Rel, Node]]]:
    """item id → its role edges (all nine types) with the body type at the other end."""
    out: dict[str, list[tuple[Rel, Node]]] = {n.id: [] for n in items}
    for rel_type in ROLE_REL_TYPES:
        for item_id, pairs in memory_store.neighbors_many(list(out), rel_type).items():
            out[item_id].extend(pairs)
    return out


def _role(rel: Rel) -> str:
    return str(rel.props["role"])


def test_every_item_of_every_kind_names_who_handles_it(items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    kinds = {str(n.get("kind")) for n in items}
    assert kinds == set(KIND_CLASS), kinds
    missing = [n.id for n in items if not any(_role(r) == "handles" for r, _ in roles[n.id])]
    assert missing == []


def test_the_rural_building_permit_is_issued_above_the_village_under_article_41(
        items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    permits = [n for n in items if "乡村建设规划许可" in str(n.get("name_zh"))]
    assert permits, "no item about the 乡村建设规划许可证"
    for item in permits:
        issuers = [(b, r) for r, b in roles[item.id] if _role(r) == "approves"]
        assert issuers, item.id
        assert all(b.get("level") in ("county", "town") for b, _ in issuers), item.id
        by_statute = [b.id for b, r in issuers
                      if (m := CITATION_RE.match(str(r.props.get("basis") or ""))) and m["work"] == "城乡规划法" and m["article"] == "41"]
        assert by_statute, f"{item.id}: 乡村建设规划许可证 not issued under 城乡规划法第四十一条"


def test_temporary_assistance_is_approved_by_county_civil_affairs_or_a_town_it_entrusts(
        items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    relief = [n for n in items if str(n.get("kind")) in ("assistance", "micro_power") and "临时救助" in str(n.get("name_zh"))]
    assert relief
    for item in relief:
        approvers = {b.id.removeprefix("bodytype/"): str(r.props["basis"]) for r, b in roles[item.id] if _role(r) == "approves"}
        assert "county_civil_affairs" in approvers and "town_government" in approvers, (item.id, approvers)
        assert approvers["county_civil_affairs"].startswith("社会救助暂行办法@"), approvers
        assert "village_committee" not in approvers  # the village helps; it never approves relief


def test_every_assistance_item_says_who_pays_for_the_work_asked_of_the_village(
        items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    unpaid = [n.id for n in items if n.get("kind") == "assistance" and not any(_role(r) == "funds" for r, _ in roles[n.id])]
    assert unpaid == []


def test_no_role_basis_cites_a_statute_version_not_yet_in_force_when_the_list_took_force(
        memory_store: MemoryStore, items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    provisions = {str(p.get("citation")): p for p in memory_store.nodes("Provision")}
    list_start = {}
    for item_id, pairs in memory_store.neighbors_many([n.id for n in items], "IN_VERSION").items():
        [(_, version)] = pairs
        list_start[item_id] = str(version.get("in_force_from"))
    checked, too_new = 0, []
    for item in items:
        for rel, _ in roles[item.id]:
            basis = rel.props.get("basis")
            if not basis or str(basis).startswith("DOC:"):
                continue
            [(_, work_version)] = memory_store.neighbors(provisions[str(basis)].id, "PROVISION_OF")
            checked += 1
            if str(work_version.get("in_force_from")) > list_start[item.id]:
                too_new.append((item.id, _role(rel), basis, work_version.get("in_force_from"), list_start[item.id]))
    assert checked > 1000
    assert too_new == []


def test_a_role_without_a_basis_says_why(roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    silent = [(item_id, _role(r), b.id) for item_id, pairs in roles.items() for r, b in pairs
              if not r.props.get("basis") and not str(r.props.get("note") or "").strip()]
    assert silent == []
    assert all(r.props["provenance_status"] == "modeled" for pairs in roles.values() for r, _ in pairs if not r.props.get("basis"))


def test_no_item_gives_a_role_to_a_body_that_must_not_do_it(
        memory_store: MemoryStore, items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    """A prohibited certificate or a misconduct item never lists the village as the body that handles,
    decides, approves or penalises it."""
    barred = {item_id: {b.id for _, b in pairs}
              for item_id, pairs in memory_store.neighbors_many([n.id for n in items], "MUST_NOT_BODY").items()}
    assert sum(1 for v in barred.values() if v) >= 50
    acting = {"handles", "decides", "approves", "drafts", "enforces", "funds"}
    clashes = [(item_id, _role(r), b.id) for item_id, pairs in roles.items() for r, b in pairs
               if _role(r) in acting and b.id in barred.get(item_id, set())]
    assert clashes == []


def test_misconduct_is_penalised_by_the_discipline_commission(
        items: list[Node], roles: dict[str, list[tuple[Rel, Node]]]) -> None:
    negative = [n for n in items if n.get("kind") == "negative"]
    assert negative
    for item in negative:
        enforcers = {b.id for r, b in roles[item.id] if _role(r) == "enforces"}
        assert "bodytype/county_discipline" in enforcers, item.id
