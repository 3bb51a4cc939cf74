"""Validated RDF → property graph (nodes with one label, relationships with provenance).

Generic on purpose: a class becomes a label, a datatype property a node property, an object
property a relationship type. Each relationship inherits the provenance of the row that
asserted it (its subject), so every edge can say where it came from.
"""
from __future__ import annotations

import re
from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from qingdan.ontology.terms import ID_NS, ONTOLOGY_NS, declared_classes, rel_type, role_rel_type
from qingdan.queries.stores.base import Node, PropertyGraph, Rel

MULTI = {"keywords", "situations", "unlinked_bases", "assist_body_names", "supervise_body_names"}
SKIP = {"phrasingRow"}  # where a phrasing or situation came from matters to validation, not to the graph
SPECIAL = {"provenanceStatus": "provenance_status", "sourceRow": "source_row"}


def snake(name: str) -> str:
    return SPECIAL.get(name) or re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def node_id(u: URIRef) -> str:
    return str(u)[len(str(ID_NS)):]


def _value(lit: Literal) -> object:
    v = lit.toPython()
    if isinstance(v, date):
        return v.isoformat()
    return v


def project(g: Graph, edge_props: "dict[tuple[URIRef, URIRef, URIRef], dict[str, object]] | None" = None) -> PropertyGraph:
    """edge_props: the facts of relationships that have their own (a crosswalk score, a repeal date),
    keyed by their triple; those replace the provenance inherited from the subject."""
    classes = declared_classes()
    pg = PropertyGraph()
    typed: dict[URIRef, str] = {}
    for s, o in g.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(s).startswith(str(ID_NS)) and str(o).startswith(ONTOLOGY_NS):
            cls = str(o)[len(ONTOLOGY_NS):]
            if cls in classes:
                typed[s] = cls
    props: dict[URIRef, dict[str, object]] = {s: {} for s in typed}
    edges: list[tuple[URIRef, str, URIRef]] = []
    for s, p, o in g:
        if s not in typed or p == RDF.type or not str(p).startswith(ONTOLOGY_NS):
            continue
        name = str(p)[len(ONTOLOGY_NS):]
        if name in SKIP:
            continue
        if name == "provenanceStatus":
            props[s]["provenance_status"] = str(o)[len(ONTOLOGY_NS):]
        elif isinstance(o, Literal):
            key = snake(name)
            if key in MULTI:
                props[s].setdefault(key, []).append(str(o))  # type: ignore[union-attr]
            else:
                value = _value(o)
                # a triple store keeps no order: of several values (a work's source is each of its
                # version files), the greatest is kept, so every build gives the node the same one
                if key in props[s] and props[s][key] != value:
                    value = max(props[s][key], value, key=str)
                props[s][key] = value
        elif isinstance(o, URIRef) and o in typed:
            edges.append((s, name, o))
    roles = {s for s, cls in typed.items() if cls == "RoleAssignment"}
    for s, cls in typed.items():
        if s in roles:
            continue
        p = props[s]
        for key in MULTI & p.keys():  # a triple store keeps no order: sorted, so every build is the same
            p[key] = sorted(p[key])  # type: ignore[arg-type]
        pg.add_node(Node(node_id(s), cls, p))
    for rel in _role_edges(roles, edges, props):
        pg.add_rel(rel)
    own = edge_props or {}
    for s, name, o in sorted(edges):
        if s in roles or o in roles:
            continue
        sp = props[s]
        fact = own.get((s, URIRef(ONTOLOGY_NS + name), o))
        pg.add_rel(Rel(rel_type(name), node_id(s), node_id(o), dict(fact) if fact is not None else {
            "provenance_status": sp.get("provenance_status", "statute_derived"),
            "source": sp.get("source") or sp.get("source_row") or "law corpus",
        }))
    return pg


def _role_edges(roles: set[URIRef], edges: list[tuple[URIRef, str, URIRef]],
                props: dict[URIRef, dict[str, object]]) -> list[Rel]:
    """A role assignment (a qualified relation in RDF) becomes one edge item → body type typed by
    its role (ROLE_APPROVES …), carrying the role, its basis citation and the provenance of the
    roles.csv row: the shape a reader expects ("the town approves, per 城乡规划法 §41"), one hop on
    either store. One type per role because both stores keep one edge per (src, type, dst), and a
    body may play two roles in one item."""
    item_of: dict[URIRef, URIRef] = {}
    body_of: dict[URIRef, URIRef] = {}
    basis_of: dict[URIRef, URIRef] = {}
    for s, name, o in edges:
        if name == "hasRole" and o in roles:
            item_of[o] = s
        elif s in roles and name == "roleBody":
            body_of[s] = o
        elif s in roles and name == "roleBasis":
            basis_of[s] = o
    out = []
    for r in sorted(roles):
        if r not in item_of or r not in body_of:
            continue
        p = props[r]
        basis = basis_of.get(r)
        citation = None
        if basis is not None:
            citation = props.get(basis, {}).get("citation") or "DOC:" + node_id(basis).removeprefix("doc/")
        out.append(Rel(role_rel_type(str(p.get("role"))), node_id(item_of[r]), node_id(body_of[r]), {
            "role": p.get("role"), "basis": citation, "basis_id": node_id(basis) if basis is not None else None,
            "seq": _row_number(p.get("source_row")),
            "note": p.get("note"),
            "applies_when": p.get("applies_when"),
            "provenance_status": p.get("provenance_status", "statute_derived"),
            "source": p.get("source") or p.get("source_row"),
        }))
    return out


def _row_number(source_row: object) -> int:
    """The row a role came from (roles.csv#12 → 12): several bodies in one role keep the order
    the catalog lists them in (the first one is where a person goes first)."""
    tail = str(source_row or "").rpartition("#")[2]
    return int(tail) if tail.isdigit() else 0
