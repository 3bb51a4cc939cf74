"""SHACL validation of the catalog RDF; violations become Problems that name file, row, field."""
from __future__ import annotations

from importlib import resources

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from qingdan.errors import Problem, ValidationFailed
from qingdan.ontology.terms import ONTOLOGY_NS, QD, ontology_graph

# ontology property → catalog column, so a message names the column a person edits
COLUMN = {"leadBody": "lead_body", "assistBody": "assist_bodies", "superviseBody": "supervise_bodies",
          "mustNotBody": "must_not_bodies", "restsOn": "bases", "inVersion": "version_id",
          "inCategory": "category_id", "categoryIn": "version_id", "versionOfList": "list_id",
          "hasProcedure": "procedure_id", "mustDisclose": "disclosure_ids", "endangers": "endangers",
          "nameZh": "name_zh", "kind": "kind", "aspect": "aspect", "stepActor": "actor_body",
          "fromBody": "from_body", "toBody": "to_body", "decisionBasis": "bases", "adopts": "decision_id",
          "adoptedBy": "district_code", "appliesToTown": "town_codes", "decisionList": "version_id",
          "provenanceStatus": "provenance_status", "source": "source", "inForceFrom": "in_force_from",
          "membershipStatus": "membership_status", "alsoInVersion": "also_in", "jurisdiction": "jurisdiction",
          "provisionOfDocument": "doc_key", "text": "text", "textStatus": "text_status", "role": "role",
          "roleBody": "body_type", "roleBasis": "basis", "appliesWhen": "applies_when", "phrasingRow": "item_id", "aliasOf": "body_type_id",
          "lintRule": "rule", "explainsItem": "items", "explanation": "explanation",
          "explanationReason": "reason"}


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=resources.files("qingdan.ontology").joinpath("shapes.ttl").read_text("utf-8"), format="turtle")
    return g


def validate_graph(data: Graph) -> None:
    """The ontology's class hierarchy must sit beside the data for sh:targetClass qd:Item to reach
    every kind of item. pyshacl would copy the whole data graph to mix it in (a third of the
    validation time on the bundled catalog); the few hundred ontology triples the data lacks are
    added in place instead and taken out again, so the caller's graph comes back as it was."""
    mixed = [t for t in ontology_graph() if t not in data]
    for t in mixed:
        data.add(t)
    try:
        conforms, report, _ = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=False,
                                       allow_warnings=False, inplace=True)
    finally:
        for t in mixed:
            data.remove(t)
    if conforms:
        return
    problems: list[Problem] = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = str(report.value(result, SH.resultMessage) or "违反约束")
        where = (data.value(focus, QD.sourceRow) or data.value(focus, QD.phrasingRow)) if isinstance(focus, URIRef) else None
        file, row = (str(where).rsplit("#", 1) if where else (str(focus), None))
        prop = str(path)[len(ONTOLOGY_NS):] if path is not None and str(path).startswith(ONTOLOGY_NS) else None
        shown = str(value).rsplit("/id/", 1)[-1] if value is not None else None
        field = COLUMN.get(prop or "", prop)
        if field is None and isinstance(focus, URIRef) and data.value(focus, QD.sourceRow) is None \
                and data.value(focus, QD.phrasingRow) is not None:
            field = "item_id"  # a phrasing of an item no file defines
        problems.append(Problem(file, int(row) if row else None, field, shown, message))
    problems.sort(key=lambda p: (p.file, p.row or 0, p.field or ""))
    raise ValidationFailed(problems, "数据未通过 SHACL 校验，未加载任何内容")
