"""Typed records → one RDF graph in ontology terms only.

IRIs are minted from business keys and nothing is checked for existence here: a basis that
points nowhere becomes an IRI with no type, and the SHACL shapes report it against its row.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from qingdan.ontology.terms import ID_NS, KIND_CLASS, QD

from .catalog import Catalog, Row
from .citations import CitationKey, DocKey, parse_key
from .divisions import Division
from .laws import LawCorpus


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

    def provenance(self, s: URIRef, row: Row) -> None:
        self.add(s, QD.provenanceStatus, QD[row["provenance_status"]])
        self.add(s, QD.source, row["source"])
        self.add(s, QD.sourceRow, row.where)


def default_membership(r: Row) -> str:
    """Membership an item row does not state: an imported official list confirms its own rows;
    a modeled row is modeled; anything else was filed under the list by this project's reading."""
    if r["provenance_status"] == "modeled":
        return "modeled"
    if str(r["source"] or "").startswith("import:"):
        return "confirmed"
    return "inferred"


def build_rdf(catalog: Catalog, corpus: LawCorpus | None, divisions: list[Division]) -> Graph:
    b = RdfBuilder()
    _statutes(b, catalog, corpus)
    _catalog(b, catalog)
    _divisions(b, divisions, catalog)
    return b.g


def _statutes(b: RdfBuilder, catalog: Catalog, corpus: LawCorpus | None) -> None:
    cited: set[CitationKey] = set()
    for kind, col in (("items", "bases"), ("delegations", "bases")):
        for r in catalog.of(kind):
            for k in r[col]:
                p = parse_key(k)
                if isinstance(p, CitationKey):
                    cited.add(p)
    for r in catalog.of("provisions"):
        p = parse_key(r["citation"])
        if isinstance(p, CitationKey):
            cited.add(p)
    for r in catalog.of("roles"):
        p = parse_key(r["basis"]) if r["basis"] else None
        if isinstance(p, CitationKey):
            cited.add(p)
    in_force = {(r["work"], r["version_date"]): r["in_force_from"] for r in catalog.of("law_in_force")}
    corpus_status = QD.official_verbatim  # statute texts are official and copied verbatim
    if corpus is not None:
        for v in corpus.versions.values():
            w, wv = work_iri(v.work), version_iri(v.work, v.version_date)
            b.add(w, RDF.type, QD.Work)
            b.add(w, QD.shortTitle, v.work)
            b.add(wv, RDF.type, QD.WorkVersion)
            b.add(wv, QD.versionOfWork, w)
            b.add(wv, QD.title, v.title)
            b.add_date(wv, QD.versionDate, v.version_date)
            b.add_date(wv, QD.inForceFrom, in_force.get((v.work, v.version_date)) or v.in_force_from or v.version_date)
            b.add(wv, QD.inCorpus, True)
            b.add(wv, QD.provenanceStatus, corpus_status)
            b.add(wv, QD.source, f"法规库 {v.path}")
            b.add(w, QD.provenanceStatus, corpus_status)
            b.add(w, QD.source, f"法规库 {v.path}")
            for num, art in v.articles.items():
                c = CitationKey(v.work, v.version_date, num)
                s = provision_iri(c)
                b.add(s, RDF.type, QD.Provision)
                b.add(s, QD.provisionOf, wv)
                b.add(s, QD.citation, c.key)
                b.add(s, QD.article, num)
                b.add(s, QD.text, art.text)
                b.add(s, QD.chapter, art.chapter)
                b.add(s, QD.provenanceStatus, corpus_status)
                b.add(s, QD.source, f"法规库 {v.path}")
        for c in sorted(cited, key=lambda c: c.key):
            v = corpus.get(c.work, c.version)
            if v is None or c.paragraph is None or c.article not in v.articles:
                continue
            paras = v.articles[c.article].paragraphs
            if c.paragraph > len(paras):
                continue
            para = paras[c.paragraph - 1]
            chapter = v.articles[c.article].chapter
            _sub_provision(b, CitationKey(c.work, c.version, c.article, c.paragraph), para.text, chapter)
            if c.item is not None and c.item <= len(para.items):
                _sub_provision(b, c, para.items[c.item - 1], chapter)
    for r in catalog.of("works_extra"):
        w, wv = work_iri(r["work"]), version_iri(r["work"], r["version_date"])
        b.add(w, RDF.type, QD.Work)
        b.add(w, QD.shortTitle, r["work"])
        if b.g.value(w, QD.provenanceStatus) is None:  # a work known only from a public source carries its row's provenance
            b.provenance(w, r)
        b.add(wv, RDF.type, QD.WorkVersion)
        b.add(wv, QD.versionOfWork, w)
        b.add(wv, QD.title, r["title"])
        b.add_date(wv, QD.versionDate, r["version_date"])
        b.add_date(wv, QD.inForceFrom, in_force.get((r["work"], r["version_date"])) or r["version_date"])
        b.add(wv, QD.inCorpus, False)
        b.provenance(wv, r)
        for c in cited:
            if c.work == r["work"] and c.version == r["version_date"]:
                node = c
                while node is not None:
                    s = provision_iri(node)
                    b.add(s, RDF.type, QD.Provision)
                    b.add(s, QD.provisionOf, wv)
                    b.add(s, QD.citation, node.key)
                    b.add(s, QD.article, node.article)
                    b.add(s, QD.paragraph, node.paragraph)
                    b.add(s, QD.clause, node.item)
                    b.add(s, QD.provenanceStatus, QD[r["provenance_status"]])
                    b.add(s, QD.source, r["source"])
                    parent = node.parent()
                    if parent is not None:
                        b.add(s, QD.partOf, provision_iri(parent))
                    node = parent
    for r in catalog.of("provisions"):
        p = parse_key(r["citation"])
        s = basis_iri(r["citation"]) if isinstance(p, CitationKey) else iri("doc", p)
        b.add(s, QD.summary, r["summary_zh"])
        b.add(s, QD.sourceRow, r.where)
    for r in catalog.of("documents"):
        s = iri("doc", r["doc_key"])
        b.add(s, RDF.type, QD.Document)
        b.add(s, QD.title, r["title"])
        b.add(s, QD.issuer, r["issuer"])
        b.add(s, QD.docNo, r["doc_no"])
        b.add_date(s, QD.issued, r["date"])
        b.add(s, QD.jurisdiction, r["jurisdiction"])
        b.add(s, QD.url, r["url"])
        b.add(s, QD.completeness, r["completeness"])
        b.provenance(s, r)
    for r in catalog.of("document_provisions"):
        s = iri("doc", DocKey(r["doc_key"], r["part"]))
        b.add(s, RDF.type, QD.DocumentProvision)
        b.add(s, QD.provisionOfDocument, iri("doc", r["doc_key"]))
        b.add(s, QD.citation, DocKey(r["doc_key"], r["part"]).key)
        b.add(s, QD.part, r["part"])
        b.add(s, QD.labelZh, r["label_zh"])
        b.add(s, QD.text, r["text"])
        b.add(s, QD.textStatus, r["text_status"])
        b.provenance(s, r)


def _sub_provision(b: RdfBuilder, c: CitationKey, text: str, chapter: str = "") -> None:
    s = provision_iri(c)
    b.add(s, RDF.type, QD.Provision)
    b.add(s, QD.provisionOf, version_iri(c.work, c.version))
    b.add(s, QD.citation, c.key)
    b.add(s, QD.article, c.article)
    b.add(s, QD.paragraph, c.paragraph)
    b.add(s, QD.clause, c.item)
    b.add(s, QD.text, text)
    b.add(s, QD.chapter, chapter)
    b.add(s, QD.provenanceStatus, QD.official_verbatim)
    b.add(s, QD.source, f"法规库 {c.work}({c.version})")
    parent = c.parent()
    if parent is not None:
        b.add(s, QD.partOf, provision_iri(parent))


def _catalog(b: RdfBuilder, cat: Catalog) -> None:
    for r in cat.of("body_types"):
        s = body_type_iri(r["body_type_id"])
        b.add(s, RDF.type, QD.BodyType)
        b.add(s, QD.nameZh, r["name_zh"])
        b.add(s, QD.nameEn, r["name_en"])
        b.add(s, QD.level, r["level"])
        b.provenance(s, r)
    for r in cat.of("lists"):
        s = iri("list", r["list_id"])
        b.add(s, RDF.type, QD.DutyList)
        b.add(s, QD.kind, r["kind"])
        b.add(s, QD.nameZh, r["name_zh"])
        b.add(s, QD.jurisdiction, r["jurisdiction"])
        b.add(s, QD.declaredCount, r["declared_count"])
        b.add(s, QD.declaredSource, r["declared_source"])
        b.provenance(s, r)
    for r in cat.of("list_versions"):
        s = iri("version", r["version_id"])
        b.add(s, RDF.type, QD.ListVersion)
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
        b.provenance(s, r)
    for r in cat.of("roles"):
        s = iri("role", r["item_id"], r["role"], r["body_type"])
        b.add(s, RDF.type, QD.RoleAssignment)
        b.add(iri("item", r["item_id"]), QD.hasRole, s)
        b.add(s, QD.role, r["role"])
        b.add(s, QD.roleBody, body_type_iri(r["body_type"]))
        if r["basis"]:
            b.add(s, QD.roleBasis, basis_iri(r["basis"]))
        b.add(s, QD.note, r["note"])
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
