"""IRIs minted from business keys, and the builder every part of the RDF is written with.

Relationships whose facts are their own (a crosswalk link has a score, a repeal an effective date)
cannot carry them as plain triples; the builder keeps those facts beside the triple, keyed by it,
and the projection puts them on the relationship.
"""
from __future__ import annotations

from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from qingdan.citations import CitationKey, parse_key
from qingdan.ontology.terms import ID_NS, QD

from .catalog import Row
from .jurisdiction import jurisdiction_name

EdgeProps = dict[tuple[URIRef, URIRef, URIRef], dict[str, Any]]


def iri(*parts: object) -> URIRef:
    return ID_NS["/".join(str(p) for p in parts)]


def work_iri(work: str) -> URIRef:
    return iri("work", work)


def version_iri(work: str, version: str) -> URIRef:
    return iri("law", work, version)


def provision_iri(c: CitationKey) -> URIRef:
    parts: list[object] = ["law", c.work, c.version, c.article]
    if c.paragraph is not None:
        parts.append(c.paragraph)
        if c.item is not None:
            parts.append(c.item)
    return iri(*parts)


def basis_iri(key: str) -> URIRef:
    parsed = parse_key(key)
    return iri("doc", parsed) if isinstance(parsed, str) else provision_iri(parsed)


def body_type_iri(bid: str) -> URIRef:
    return iri("bodytype", bid)


def division_iri(code: str) -> URIRef:
    return iri("division", code)


class RdfBuilder:
    def __init__(self) -> None:
        self.g = Graph()
        self.g.bind("qd", "https://w3id.org/qingdan/ontology#")
        self.g.bind("id", str(ID_NS))
        self.edge_props: EdgeProps = {}

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None or o == "" or o == []:
            return
        if isinstance(o, (URIRef, Literal)):
            self.g.add((s, p, o))
        else:
            self.g.add((s, p, Literal(o)))

    def add_date(self, s: URIRef, p: URIRef, v: str | None) -> None:
        if v:
            self.g.add((s, p, Literal(v, datatype=XSD.date)))

    def add_edge(self, s: URIRef, p: URIRef, o: URIRef, props: dict[str, Any]) -> None:
        """A relationship with facts of its own; props must hold provenance_status and source."""
        self.g.add((s, p, o))
        self.edge_props[(s, p, o)] = props

    def provenance(self, s: URIRef, row: Row) -> None:
        self.add(s, QD.provenanceStatus, QD[row["provenance_status"]])
        self.add(s, QD.source, row["source"])
        self.add(s, QD.sourceRow, row.where)


def add_jurisdiction(b: "RdfBuilder", s: URIRef, code: str | None) -> None:
    """The place a rule binds, as a code and as the name users read (全国, 浙江省, 汕头市)."""
    if code:
        b.add(s, QD.jurisdiction, code)
        b.add(s, QD.jurisdictionName, jurisdiction_name(code))
