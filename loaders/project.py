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

from qingdan.ontology.terms import ID_NS, ONTOLOGY_NS, declared_classes, rel_type
from qingdan.queries.stores.base import Node, PropertyGraph, Rel

MULTI = {"keywords"}
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
        if name == "provenanceStatus":
            props[s]["provenance_status"] = str(o)[len(ONTOLOGY_NS):]
        elif isinstance(o, Literal):
            key = snake(name)
            if key in MULTI:
                props[s].setdefault(key, []).append(str(o))  # type: ignore[union-attr]
            else:
                props[s][key] = _value(o)
        elif isinstance(o, URIRef) and o in typed:
            edges.append((s, name, o))
    for s, cls in typed.items():
        p = props[s]
        if "keywords" in p:
            p["keywords"] = sorted(p["keywords"])  # type: ignore[arg-type]
        pg.add_node(Node(node_id(s), cls, p))
    own = edge_props or {}
    for s, name, o in sorted(edges):
        sp = props[s]
        fact = own.get((s, URIRef(ONTOLOGY_NS + name), o))
        pg.add_rel(Rel(rel_type(name), node_id(s), node_id(o), dict(fact) if fact is not None else {
            "provenance_status": sp.get("provenance_status", "statute_derived"),
            "source": sp.get("source") or sp.get("source_row") or "law corpus",
        }))
    return pg
