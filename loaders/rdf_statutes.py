"""The statute library as RDF: works, their dated texts, provisions with their words, and how
the texts follow each other (succeededBy, from the alignments) and end (repeals, from the texts)."""
from __future__ import annotations

from typing import Any

from rdflib.namespace import RDF

from qingdan.citations import CitationKey, DocKey, parse_key
from qingdan.ontology.terms import QD

from .catalog import Catalog
from .jurisdiction import jurisdiction_of
from .laws import LawCorpus, apply_in_force
from .rdf_base import RdfBuilder, add_jurisdiction, basis_iri, iri, provision_iri, version_iri, work_iri
from .statute_links import Timeline, timeline


def statutes_rdf(b: RdfBuilder, catalog: Catalog, corpus: LawCorpus | None) -> None:
    """Works, versions and provisions of the corpus and of works_extra, with succession and repeals."""
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
        apply_in_force(corpus, in_force)
        t = timeline(corpus, cited)
        for v in corpus.versions.values():
            w, wv = work_iri(v.work), version_iri(v.work, v.version_date)
            b.add(w, RDF.type, QD.Work)
            b.add(w, QD.shortTitle, v.work)
            b.add(w, QD.inCorpus, True)
            b.add_date(w, QD.enacted, t.first_date.get(v.work))
            b.add(wv, RDF.type, QD.WorkVersion)
            b.add(wv, QD.versionOfWork, w)
            b.add(wv, QD.title, v.title)
            b.add_date(wv, QD.versionDate, v.version_date)
            b.add_date(wv, QD.inForceFrom, v.in_force_from or v.version_date)
            b.add_date(wv, QD.inForceTo, t.until.get((v.work, v.version_date)))
            b.add(wv, QD.inCorpus, True)
            add_jurisdiction(b, wv, v.jurisdiction or jurisdiction_of(v.title))
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
        _timeline(b, corpus, t)
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
        add_jurisdiction(b, wv, jurisdiction_of(r["title"]))
        b.add(w, QD.inCorpus, False)
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
        add_jurisdiction(b, s, r["jurisdiction"])
        b.add(s, QD.url, r["url"])
        b.add(s, QD.completeness, r["completeness"])
        b.provenance(s, r)
    for r in catalog.of("document_provisions"):
        key = DocKey(r["doc_key"], r["part"])
        s = iri("doc", key)
        b.add(s, RDF.type, QD.DocumentProvision)
        b.add(s, QD.provisionOfDocument, iri("doc", r["doc_key"]))
        b.add(s, QD.citation, key.key)
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




def _timeline(b: RdfBuilder, corpus: LawCorpus, t: Timeline) -> None:
    for c in sorted(t.subs, key=lambda k: k.key):
        if c.item is not None:
            parent = CitationKey(c.work, c.version, c.article, c.paragraph)
            v = corpus.get(c.work, c.version)
            assert v is not None
            _sub_provision(b, parent, v.articles[c.article].paragraphs[c.paragraph - 1].text,  # type: ignore[operator]
                           v.articles[c.article].chapter)
        v = corpus.get(c.work, c.version)
        _sub_provision(b, c, t.subs[c], v.articles[c.article].chapter if v and c.article in v.articles else "")
    for link in t.links:
        b.add_edge(provision_iri(link.src), QD.succeededBy, provision_iri(link.dst), {
            "provenance_status": "statute_derived", "source": link.source, "score": link.score,
            "change": link.change, "text_changed": link.text_changed, "across_works": link.src.work != link.dst.work})
    works = set(corpus.works())
    for r in t.repeals:
        target = work_iri(r.repealed_work)
        if r.repealed_work not in works:  # named in the clause, text not in the library
            b.add(target, RDF.type, QD.Work)
            b.add(target, QD.shortTitle, r.repealed_work)
            b.add(target, QD.inCorpus, False)
            b.add(target, QD.provenanceStatus, QD.statute_derived)
            b.add(target, QD.source, f"废止条款：法规库《{r.repealing_work}》（{r.repealing_version}）第{r.source_article}条")
        props: dict[str, Any] = {
            "provenance_status": "statute_derived",
            "source": f"法规库《{r.repealing_work}》（{r.repealing_version}）第{r.source_article}条（{r.source_citation}）",
            "effective_date": r.effective_date, "date_basis": r.date_basis, "source_article": r.source_article,
            "source_citation": r.source_citation, "repealed_title": r.repealed_title, "clause": r.clause,
            "note": r.note, "in_corpus": r.in_corpus, "repealed_versions": list(r.repealed_versions)}
        b.add_edge(version_iri(r.repealing_work, r.repealing_version), QD.repeals, target,
                   {k: v for k, v in props.items() if v not in (None, "", [])})
