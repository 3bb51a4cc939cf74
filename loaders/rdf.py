"""Typed records → one RDF graph in ontology terms only.

IRIs are minted from business keys and nothing is checked for existence here: a basis that
points nowhere becomes an IRI with no type, and the SHACL shapes report it against its row.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph
from rdflib.namespace import RDF

from qingdan.ontology.terms import KIND_CLASS, QD

from .catalog import Catalog, Row
from .divisions import Division
from .laws import LawCorpus
from .rdf_base import (EdgeProps, RdfBuilder, add_jurisdiction, basis_iri, body_type_iri, division_iri, iri, provision_iri,  # noqa: F401
                       version_iri, work_iri)
from .rdf_statutes import statutes_rdf


def build_rdf(catalog: Catalog, corpus: LawCorpus | None, divisions: list[Division]) -> Graph:
    return build_rdf_with_edges(catalog, corpus, divisions)[0]


def build_rdf_with_edges(catalog: Catalog, corpus: LawCorpus | None,
                         divisions: list[Division]) -> tuple[Graph, EdgeProps]:
    """The RDF graph, and the facts of the relationships that have their own (scores, dates)."""
    b = RdfBuilder()
    statutes_rdf(b, catalog, corpus)
    _catalog(b, catalog)
    _divisions(b, divisions, catalog)
    return b.g, b.edge_props


def default_membership(r: Row) -> str:
    """Membership an item row does not state: an imported official list confirms its own rows;
    a modeled row is modeled; anything else was filed under the list by this project's reading."""
    if r["provenance_status"] == "modeled":
        return "modeled"
    if str(r["source"] or "").startswith("import:"):
        return "confirmed"
    return "inferred"


def _catalog(b: RdfBuilder, cat: Catalog) -> None:
    for r in cat.of("body_types"):
        s = body_type_iri(r["body_type_id"])
        b.add(s, RDF.type, QD.BodyType)
        b.add(s, QD.nameZh, r["name_zh"])
        b.add(s, QD.nameEn, r["name_en"])
        b.add(s, QD.level, r["level"])
        b.provenance(s, r)
    for r in cat.of("body_aliases"):
        s = iri("bodyalias", r["alias"])
        b.add(s, RDF.type, QD.BodyAlias)
        b.add(s, QD.nameZh, r["alias"])
        b.add(s, QD.aliasOf, body_type_iri(r["body_type_id"]))
        b.provenance(s, r)
    for r in cat.of("lists"):
        s = iri("list", r["list_id"])
        b.add(s, RDF.type, QD.DutyList)
        b.add(s, QD.kind, r["kind"])
        b.add(s, QD.nameZh, r["name_zh"])
        add_jurisdiction(b, s, r["jurisdiction"])
        b.add(s, QD.declaredCount, r["declared_count"])
        b.add(s, QD.declaredSource, r["declared_source"])
        b.provenance(s, r)
    list_places = {r["list_id"]: r["jurisdiction"] for r in cat.of("lists")}
    for r in cat.of("list_versions"):
        s = iri("version", r["version_id"])
        b.add(s, RDF.type, QD.ListVersion)
        # a version binds its list's place unless its row says otherwise
        add_jurisdiction(b, s, r["jurisdiction"] or list_places.get(r["list_id"]))
        b.add(s, QD.versionOfList, iri("list", r["list_id"]))
        b.add(s, QD.issuer, r["issuer"])
        b.add(s, QD.docNo, r["doc_no"])
        b.add_date(s, QD.issued, r["issued"])
        b.add_date(s, QD.inForceFrom, r["in_force_from"])
        b.add_date(s, QD.inForceTo, r["in_force_to"])
        b.provenance(s, r)
    for r in cat.of("categories"):
        s = iri("category", r["category_id"])
        b.add(s, RDF.type, QD.Category)
        b.add(s, QD.categoryIn, iri("version", r["version_id"]))
        b.add(s, QD.kind, r["kind"])
        b.add(s, QD.seq, r["seq"])
        b.add(s, QD.nameZh, r["name_zh"])
        b.add(s, QD.membershipStatus, r["membership_status"])
        b.provenance(s, r)
    for r in cat.of("items"):
        s = iri("item", r["item_id"])
        b.add(s, RDF.type, QD[KIND_CLASS[r["kind"]]])
        b.add(s, QD.kind, r["kind"])
        b.add(s, QD.inVersion, iri("version", r["version_id"]))
        b.add(s, QD.inCategory, iri("category", r["category_id"]))
        b.add(s, QD.seq, r["seq"])
        b.add(s, QD.nameZh, r["name_zh"])
        b.add(s, QD.description, r["description"])
        b.add(s, QD.leadBody, body_type_iri(r["lead_body"]))
        for col, prop in (("assist_bodies", QD.assistBody), ("supervise_bodies", QD.superviseBody),
                          ("must_not_bodies", QD.mustNotBody)):
            for bid in r[col]:
                b.add(s, prop, body_type_iri(bid))
        for k in r["bases"]:
            b.add(s, QD.restsOn, basis_iri(k))
        b.add(s, QD.noBasisReason, r["no_basis_reason"])
        for kw in r["keywords"]:
            b.add(s, QD.keywords, kw)
        if r["procedure_id"]:
            b.add(s, QD.hasProcedure, iri("procedure", r["procedure_id"]))
        for d in r["disclosure_ids"]:
            b.add(s, QD.mustDisclose, iri("item", d))
        b.add(s, QD.aspect, r["aspect"])
        for e in r["endangers"]:
            b.add(s, QD.endangers, iri("item", e))
        b.add(s, QD.membershipStatus, r["membership_status"] or default_membership(r))
        for v in r["also_in"]:
            b.add(s, QD.alsoInVersion, iri("version", v))
        for text in r["unlinked_bases"]:
            b.add(s, QD.unlinkedBases, text)
        b.add(s, QD.leadBodyName, r["lead_body_name"])
        for col, prop in (("assist_body_names", QD.assistBodyNames), ("supervise_body_names", QD.superviseBodyNames)):
            for name in r[col]:
                b.add(s, prop, name)
        b.provenance(s, r)
    for r in cat.of("phrasings"):
        b.add(iri("item", r["item_id"]), QD.keywords, r["phrase"])
        b.add(iri("item", r["item_id"]), QD.phrasingRow, r.where)
    for r in cat.of("situations"):
        b.add(iri("item", r["item_id"]), QD.situations, r["situation"])
        b.add(iri("item", r["item_id"]), QD.phrasingRow, r.where)
    for r in cat.of("roles"):
        s = iri("role", r["item_id"], r["role"], r["body_type"])
        b.add(s, RDF.type, QD.RoleAssignment)
        b.add(iri("item", r["item_id"]), QD.hasRole, s)
        b.add(s, QD.role, r["role"])
        b.add(s, QD.roleBody, body_type_iri(r["body_type"]))
        if r["basis"]:
            b.add(s, QD.roleBasis, basis_iri(r["basis"]))
        b.add(s, QD.note, r["note"])
        b.add(s, QD.appliesWhen, r["applies_when"])
        b.provenance(s, r)
    for r in cat.of("lint_explanations"):
        key = "|".join([r["rule"], ";".join(r["items"]), r["citation"] or ""])
        s = iri("explanation", r["rule"], hashlib.sha1(key.encode("utf-8")).hexdigest()[:12])
        b.add(s, RDF.type, QD.LintExplanation)
        b.add(s, QD.lintRule, r["rule"])
        if r["items"] == ["*"]:
            b.add(s, QD.explainsAllItems, True)
        else:
            for item_id in r["items"]:
                b.add(s, QD.explainsItem, iri("item", item_id))
        b.add(s, QD.explainsCitation, r["citation"])
        b.add(s, QD.explanation, r["explanation"])
        b.add(s, QD.explanationReason, r["reason"] or "accepted")
        b.provenance(s, r)
    for r in cat.of("procedures"):
        proc = iri("procedure", r["procedure_id"])
        b.add(proc, RDF.type, QD.Procedure)
        if not b.g.value(proc, QD.sourceRow):
            b.provenance(proc, r)
        s = iri("procedure", r["procedure_id"], r["step_seq"])
        b.add(s, RDF.type, QD.ProcedureStep)
        b.add(s, QD.stepOf, proc)
        b.add(s, QD.seq, r["step_seq"])
        b.add(s, QD.nameZh, r["name_zh"])
        for actor in r["actor_body"]:
            b.add(s, QD.stepActor, body_type_iri(actor))
        b.add(s, QD.materials, r["materials"])
        b.add(s, QD.postingDays, r["posting_days"])
        b.add(s, QD.description, r["description"])
        b.provenance(s, r)
    for r in cat.of("disclosures"):
        s = iri("disclosure", r["item_id"])
        b.add(s, RDF.type, QD.DisclosureRequirement)
        b.add(iri("item", r["item_id"]), QD.hasRequirement, s)
        b.add(s, QD.content, r["content"])
        b.add(s, QD.frequency, r["frequency"])
        b.add(s, QD.channel, r["channel"])
        b.add(s, QD.minPostingDays, r["min_posting_days"])
        b.provenance(s, r)
    for r in cat.of("delegations"):
        s = iri("decision", r["decision_id"])
        b.add(s, RDF.type, QD.DelegationDecision)
        if r["version_id"]:
            b.add(s, QD.decisionList, iri("version", r["version_id"]))
        b.add(s, QD.issuer, r["issuer"])
        b.add(s, QD.docNo, r["doc_no"])
        b.add_date(s, QD.issued, r["date"])
        b.add(s, QD.field, r["field"])
        b.add(s, QD.declaredCount, r["declared_count"])
        for f in r["from_body"]:
            b.add(s, QD.fromBody, body_type_iri(f))
        for t in r["to_body"]:
            b.add(s, QD.toBody, body_type_iri(t))
        for k in r["bases"]:
            b.add(s, QD.decisionBasis, basis_iri(k))
        b.provenance(s, r)
    for r in cat.of("adoptions"):
        s = iri("adoption", r["adoption_id"])
        b.add(s, RDF.type, QD.Adoption)
        b.add(s, QD.adopts, iri("decision", r["decision_id"]))
        b.add(s, QD.adoptedBy, division_iri(r["district_code"]))
        add_jurisdiction(b, s, r["district_code"])  # an adoption binds the district that adopted
        b.add(s, QD.docNo, r["doc_no"])
        b.add_date(s, QD.issued, r["date"])
        b.add(s, QD.adoptedCount, r["adopted_count"])
        for t in r["town_codes"]:
            b.add(s, QD.appliesToTown, division_iri(t))
        b.provenance(s, r)


DIVISION_CLASS = {"province": "Province", "city": "City", "district": "District", "town": "Town", "village": "Village"}
NBS_SOURCE = "国家统计局统计用区划代码（2023，china-division 2.7.0）"


def body_type_for(d: Division) -> str | None:
    if d.level == "village":
        return "residents_committee" if d.kind == "社区" else "village_committee"
    if d.level == "town":
        return "subdistrict_office" if d.kind == "街道" else "town_government"
    if d.level == "district":
        return "county_government"
    return None


def short_village_name(d: Division) -> str:
    """中田村委会 → 中田村, 金谷居委会 → 金谷社区: the name people use."""
    name = d.name
    for suffix, repl in (("社区居委会", "社区"), ("居委会", "社区"), ("村委会", "村"), ("村民委员会", "村"), ("居民委员会", "社区")):
        if name.endswith(suffix):
            return name[: -len(suffix)] + repl
    return name


def body_name(d: Division, names: dict[str, str]) -> str:
    """Full name of the division's own body: 澄海区莲下镇人民政府, 河溪镇中田村民委员会 …"""
    if d.level == "village":
        town = names.get(d.parent or "", "")
        base = short_village_name(d)
        return f"{town}{base}居民委员会" if d.kind == "社区" else f"{town}{base}民委员会" if base.endswith("村") else f"{town}{base}村民委员会"
    if d.level == "town":
        district = names.get(d.parent or "", "")
        return f"{district}{d.name}办事处" if d.kind == "街道" else f"{district}{d.name}人民政府"
    if d.level == "district":
        return f"{d.name}人民政府"
    return d.name


def _divisions(b: RdfBuilder, divisions: list[Division], cat: Catalog) -> None:
    names = {d.code: d.name for d in divisions}
    for d in divisions:
        s = division_iri(d.code)
        b.add(s, RDF.type, QD[DIVISION_CLASS[d.level]])
        b.add(s, QD.code, d.code)
        b.add(s, QD.nameZh, d.name)
        b.add(s, QD.level, d.level)
        b.add(s, QD.urbanRural, d.kind)
        if d.parent:
            b.add(s, QD.within, division_iri(d.parent))
        b.add(s, QD.provenanceStatus, QD.official_verbatim)
        b.add(s, QD.source, NBS_SOURCE)
        bt = body_type_for(d)
        if bt:
            body = iri("body", d.code)
            b.add(body, RDF.type, QD.Body)
            b.add(body, QD.nameZh, body_name(d, names))
            b.add(body, QD.bodyType, body_type_iri(bt))
            b.add(body, QD.bodyOf, s)
            b.add(body, QD.provenanceStatus, QD.statute_derived)
            b.add(body, QD.source, f"{NBS_SOURCE}；主体类型按区划代码推定")
