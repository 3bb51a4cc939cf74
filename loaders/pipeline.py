"""The one loading path: sources → records → RDF → SHACL → property graph → store.

Composes the loaders one way: the bundled catalog (catalog) with the imported lists laid over
it (imports), the law corpus and the divisions → RDF → SHACL → property graph. Nothing reaches a
store before the whole graph is built and validated, so a load either completes or leaves the
store as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from qingdan import paths
from qingdan.queries.stores.base import GraphStore, LoadReport, Node, PropertyGraph, Rel

from .catalog import Catalog
from .divisions import SHANTOU_CITY, Division, load_divisions
from .imports import load_with_imports
from .laws import LawCorpus, load_corpus
from .project import project
from .provincial_laws import load_provinces, merge, served
from .rdf import DIVISION_CLASS, NBS_SOURCE, body_name, body_type_for, build_rdf_with_edges
from .validate import validate_graph


@dataclass
class Built:
    graph: PropertyGraph
    rdf: Graph
    catalog: Catalog
    corpus: LawCorpus | None


def build(catalog_dir: Path | None = None, laws_dir: Path | None = None, divisions_dir: Path | None = None,
          national: bool = False, with_corpus: bool = True, places: tuple[str, ...] = (),
          provincial_laws_dir: Path | None = None) -> Built:
    """national: every village in China; places: only these provinces / cities / counties (NBS code
    prefixes) beside Shantou — enough to ask about a village elsewhere without 620k nodes. The
    local regulations of the provinces served come with them (all of them with national)."""
    catalog = load_with_imports(catalog_dir or paths.catalog_dir())
    corpus = load_corpus(laws_dir or paths.laws_dir()) if with_corpus else None
    if corpus is not None:
        folder = provincial_laws_dir or paths.provincial_laws_dir()
        merge(corpus, load_provinces(folder, served(national, places, folder)))
    divisions = load_divisions(divisions_dir or paths.divisions_dir(), SHANTOU_CITY)
    rdf, edge_props = build_rdf_with_edges(catalog, corpus, divisions)
    validate_graph(rdf)
    pg = project(rdf, edge_props)
    if national:
        add_national(pg, load_divisions(divisions_dir or paths.divisions_dir(), None))
    else:
        for prefix in places:
            add_national(pg, load_divisions(divisions_dir or paths.divisions_dir(), prefix))
    return Built(pg, rdf, catalog, corpus)


def add_national(pg: PropertyGraph, divisions: list[Division]) -> None:
    """The rest of the country straight into the property graph.

    600k NBS rows are reference data checked row by row by the division loader; sending them
    through rdflib and SHACL would cost minutes and gigabytes for no rule they could break.
    The node and relationship shapes are the same as those the RDF path gives Shantou.
    """
    names = {d.code: d.name for d in divisions}
    for d in divisions:
        nid = f"division/{d.code}"
        if nid in pg.nodes:
            continue
        prov = {"provenance_status": "official_verbatim", "source": NBS_SOURCE}
        props: dict[str, object] = {"code": d.code, "name_zh": d.name, "level": d.level, **prov}
        if d.kind:
            props["urban_rural"] = d.kind
        pg.add_node(Node(nid, DIVISION_CLASS[d.level], props))
        if d.parent:
            pg.add_rel(Rel("WITHIN", nid, f"division/{d.parent}", prov))
        bt = body_type_for(d)
        if bt:
            bid = f"body/{d.code}"
            bprov = {"provenance_status": "statute_derived", "source": f"{NBS_SOURCE}；主体类型按区划代码推定"}
            pg.add_node(Node(bid, "Body", {"name_zh": body_name(d, names), **bprov}))
            pg.add_rel(Rel("BODY_TYPE", bid, f"bodytype/{bt}", bprov))
            pg.add_rel(Rel("BODY_OF", bid, nid, bprov))


def load_into(store: GraphStore, **kwargs: object) -> tuple[Built, LoadReport]:
    built = build(**kwargs)  # type: ignore[arg-type]
    return built, store.replace_all(built.graph)
