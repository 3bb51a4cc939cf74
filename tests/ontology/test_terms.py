import re
from pathlib import Path

import pytest
from rdflib import Graph

from qingdan.ontology.terms import QD, declared_classes, declared_terms, object_properties, rel_type

REPO = Path(__file__).resolve().parents[2]
CODE = [p for d in ("loaders", "queries", "api", "viz", "ontology", "qingdan") for p in (REPO / d).rglob("*.py")]


def test_ontology_parses_with_labels_in_both_languages():
    g = Graph().parse(REPO / "ontology" / "qingdan.ttl")
    shapes = Graph().parse(REPO / "ontology" / "shapes.ttl")
    assert len(g) > 200 and len(shapes) > 50
    from rdflib.namespace import RDFS

    for name, term in declared_terms().items():
        langs = {lbl.language for lbl in g.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, f"qd:{name} lacks a zh or en label"


def test_every_term_the_code_uses_is_declared():
    used: set[str] = set()
    for path in CODE:
        text = path.read_text("utf-8")
        used |= set(re.findall(r"\bQD\.([A-Za-z_]+)", text))
        used |= set(re.findall(r'\bQD\["([A-Za-z_]+)"\]', text))
    shapes = (REPO / "ontology" / "shapes.ttl").read_text("utf-8")
    used |= {t for t in re.findall(r"\bqd:([A-Za-z_]+)", shapes) if not t.endswith("Shape")}
    missing = used - set(declared_terms())
    assert not missing, f"used but not declared in qingdan.ttl: {sorted(missing)}"


def test_every_declared_class_is_used(bundled_graph):
    from rdflib.namespace import RDF

    from qingdan.ontology.terms import ONTOLOGY_NS, ontology_graph

    labels = {n.label for n in bundled_graph.nodes.values()}
    code = "\n".join(p.read_text("utf-8") for p in CODE)
    shapes = (REPO / "ontology" / "shapes.ttl").read_text("utf-8")
    statuses = {n.get("provenance_status") for n in bundled_graph.nodes.values()}
    g = ontology_graph()
    # a class counts as used when it labels data, the code or a shape names it,
    # or one of its declared individuals (e.g. a provenance status) appears in the data
    with_used_individuals = {str(c)[len(ONTOLOGY_NS):] for i, c in g.subject_objects(RDF.type)
                             if str(i)[len(ONTOLOGY_NS):] in statuses}
    unused = {c for c in declared_classes()
              if c not in labels and f'"{c}"' not in code and f"QD.{c}" not in code
              and f"qd:{c} " not in shapes and c not in with_used_individuals}
    assert not unused, f"declared but neither in the data nor in the code: {sorted(unused)}"


def test_undeclared_term_is_refused():
    with pytest.raises(AttributeError):
        QD.notATerm


def test_relationship_types_follow_properties():
    assert rel_type("leadBody") == "LEAD_BODY"
    assert "restsOn" in object_properties()
