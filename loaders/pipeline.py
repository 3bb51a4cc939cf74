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
from qingdan.errors import DataError, Problem
from qingdan.queries.stores.base import GraphStore, LoadReport, PropertyGraph
from qingdan.queries.stores.divisions import DivisionRow, DivisionTable

from .catalog import Catalog
from .divisions import COUNTY_LEVELS, SHANTOU_CITY, Division, load_divisions
from .imports import load_with_imports
from .laws import LawCorpus, load_corpus
from .project import project
from .provincial_laws import load_provinces, merge, served
from .rdf import NBS_SOURCE, body_name, body_type_for, build_rdf_with_edges
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
    folder = divisions_dir or paths.divisions_dir()
    if national:
        add_national(pg, load_divisions(folder, None))
    else:
        # the country's provinces, cities and districts always (3,354 rows): a question naming its city or
        # district is answered by the rules that bind there; villages and towns elsewhere only when asked for
        counties = load_divisions(folder, None, COUNTY_LEVELS)
        add_national(pg, counties + [d for prefix in places for d in load_divisions(folder, prefix)])
    return Built(pg, rdf, catalog, corpus)


def add_national(pg: PropertyGraph, divisions: list[Division]) -> None:
    """The rest of the country (or the places asked for) beside the graph, as a compact table.

    600k NBS rows are reference data checked row by row by the division loader; sending them
    through rdflib and SHACL would cost minutes and gigabytes for no rule they could break, and
    holding them as networkx nodes costs the embedded store gigabytes more. The DivisionTable
    (queries/stores/divisions.py) yields nodes and relationships of the same shapes as those the
    RDF path gives Shantou; a division the graph already holds stays the graph's.
    """
    names = {d.code: d.name for d in divisions}
    rows: dict[str, DivisionRow] = {}  # places may overlap (44 and 4405): each division once
    for d in divisions:
        if f"division/{d.code}" in pg.nodes or d.code in rows:
            continue
        bt = body_type_for(d) or ""
        rows[d.code] = DivisionRow(d.code, d.name, d.level, d.kind, bt, body_name(d, names) if bt else "", d.parent)
    try:
        pg.divisions = DivisionTable(rows.values(), NBS_SOURCE, f"{NBS_SOURCE}；主体类型按区划代码推定") if rows else None
    except ValueError as e:
        raise DataError(Problem("divisions", None, "code", None, str(e)), "区划数据有误，未加载任何内容") from e


def load_into(store: GraphStore, **kwargs: object) -> tuple[Built, LoadReport]:
    built = build(**kwargs)  # type: ignore[arg-type]
    return built, store.replace_all(built.graph)
