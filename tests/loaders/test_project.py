"""Validated RDF → property graph gives the same graph whatever order the triples come in."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from qingdan.loaders.project import project
from qingdan.ontology.terms import ID_NS, ONTOLOGY_NS


def _graph(sources: list[str]) -> Graph:
    g = Graph()
    work = URIRef(f"{ID_NS}work/某法")
    g.add((work, RDF.type, URIRef(f"{ONTOLOGY_NS}Work")))
    for s in sources:  # a work read from each of its version files names each of them as its source
        g.add((work, URIRef(f"{ONTOLOGY_NS}source"), Literal(s)))
    return g


def test_a_property_with_several_values_gets_the_same_one_in_every_build() -> None:
    # a triple store iterates in hash order, which changes from process to process
    files = ["法规库 某法(2014-12-18).md", "法规库 某法(2020-12-29).md", "法规库 某法(2022-04-02).md"]
    seen = {project(_graph(order)).nodes["work/某法"].props["source"]
            for order in (files, files[::-1], [files[1], files[2], files[0]])}
    assert seen == {"法规库 某法(2022-04-02).md"}
