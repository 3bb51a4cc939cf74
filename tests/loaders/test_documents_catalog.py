"""Public documents in the bundled catalog: what a reader of an item sees about the document it rests on.

Each check is about the loaded graph (the bundled catalog through the whole pipeline), so a row that
points at the wrong part, a part without the page it was seen on, or a provincial list filed as
national shows up here as the user would meet it.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from datetime import date

import pytest

from qingdan import paths
from qingdan.queries import items as iq
from qingdan.queries.stores.memory import MemoryStore

SHANTOU_PROHIBITED_2021 = "version/ST-ZDML-PRO-2021"


def _bare(text: str) -> str:
    """Text compared without punctuation, spacing or full/half-width differences (the pages we copy
    from mix them; an item name normalises them)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def _doc_bases(store: MemoryStore, node_id: str) -> list:
    return [p for _, p in store.neighbors(node_id, "RESTS_ON") if p.label in ("Document", "DocumentProvision")]


def _document_of(store: MemoryStore, node):
    if node.label == "Document":
        return node
    return iq.one(store, node.id, "PROVISION_OF_DOCUMENT")


def test_marriage_certificate_rests_on_the_national_attachment_item_that_names_it(memory_store):
    item = iq.describe_item(memory_store, "PRO-008")
    [doc_basis] = [b for b in item["bases"] if b["kind"] == "document"]
    assert doc_basis["citation"] == "DOC:mzf2020_certificates#A1.8"
    assert doc_basis["label"] == "民发〔2020〕20号 附件第8项"
    assert doc_basis["text"].startswith("婚姻状况证明")
    assert doc_basis["jurisdiction"] == "CN" and doc_basis["text_status"] == "partial"
    # the statute that gives the registry the duty is still cited next to the document
    assert any(b["kind"] == "provision" and b["work"] == "民法典" for b in item["bases"])
    assert item["list"]["id"] == "CN-CERT" and item["version"]["in_force_from"] == "2020-04-28"


def test_the_20_national_certificates_are_one_national_list_also_inferred_on_shantous(memory_store):
    version = memory_store.node("version/CN-CERT-2020")
    members = sorted(n.id for _, n in memory_store.neighbors(version.id, "IN_VERSION", "in"))
    assert members == [f"item/PRO-{n:03d}" for n in range(1, 21)]
    lst = iq.one(memory_store, version.id, "VERSION_OF_LIST")
    assert lst.get("jurisdiction") == "CN" and lst.get("declared_count") == len(members)
    for item_id in members:
        node = memory_store.node(item_id)
        assert node.get("membership_status") == "confirmed", item_id
        assert [v.id for _, v in memory_store.neighbors(item_id, "ALSO_IN_VERSION")] == [SHANTOU_PROHIBITED_2021], item_id
        [part] = [p for p in _doc_bases(memory_store, item_id)]
        assert part.get("citation") == f"DOC:mzf2020_certificates#A1.{node.get('seq')}", item_id


def test_every_document_part_names_the_page_it_was_seen_on(bundled_graph):
    parts = [n for n in bundled_graph.nodes.values() if n.label == "DocumentProvision"]
    assert len(parts) > 50
    for p in parts:
        assert re.match(r"https?://\S+", p.props.get("source") or ""), p.id
        assert p.props.get("text", "").strip(), p.id
        assert p.props.get("text_status") in ("verbatim", "partial"), p.id
    # the documents this catalog describes, not the Shantou stubs the delegation and five-list files name
    # (a node's source_row may be any file describing it, so the stubs are read from those files)
    stubs = set()
    for name in ("documents_delegation.csv", "documents_five.csv"):
        with (paths.catalog_dir() / name).open(encoding="utf-8", newline="") as fh:
            stubs |= {"doc/" + r["doc_key"].removeprefix("DOC:") for r in csv.DictReader(fh)}
    docs = [n for n in bundled_graph.nodes.values() if n.label == "Document"]
    assert stubs and stubs <= {d.id for d in docs}
    for d in docs:
        if d.id not in stubs:
            assert re.match(r"https?://\S+", d.props.get("url") or ""), d.id
            assert d.props.get("completeness"), d.id


def test_a_document_known_only_in_part_says_so(memory_store):
    rules = memory_store.node("doc/jianfu2024_rules")
    assert rules.get("completeness").startswith("partial")
    assert memory_store.node("doc/jianfu2024_rules/1.1").get("text_status") == "partial"
    # an item resting on a partial part tells the reader the text it quotes is incomplete
    item = memory_store.node("item/PRO-CN-007")
    assert "部分文本" in item.get("description")


def test_a_provincial_list_binds_its_province_and_rests_on_that_provinces_document(memory_store):
    hubei = memory_store.node("list/HB-CERT")
    assert hubei.get("jurisdiction") == "42"
    version = iq.one(memory_store, "list/HB-CERT", "VERSION_OF_LIST", "in")
    members = [n for _, n in memory_store.neighbors(version.id, "IN_VERSION", "in")]
    assert len(members) == hubei.get("declared_count") == 21
    names = {n.get("name_zh") for n in members}
    assert {"缴费票据遗失证明", "转学证明"} <= names  # what Hubei adds beyond the national 20
    for n in members:
        [doc] = {_document_of(memory_store, p).id for p in _doc_bases(memory_store, n.id)}
        assert doc == "doc/hb2020_certificates"
        assert memory_store.node(doc).get("doc_no") == "鄂民政发〔2020〕32号"


def test_no_list_cites_a_document_of_another_place(memory_store):
    """A list binds one place; a document of another province cannot be what puts an item on it.
    A national (CN) document may back any list; a provincial one only lists of that province."""
    checked = 0
    for cls in ("ProhibitedItem", "PublicService", "AutonomyItem", "AssistanceItem"):
        for item in memory_store.nodes(cls):
            version = iq.one(memory_store, item.id, "IN_VERSION")
            lst = iq.one(memory_store, version.id, "VERSION_OF_LIST")
            for basis in _doc_bases(memory_store, item.id):
                doc_place = _document_of(memory_store, basis).get("jurisdiction")
                if doc_place in (None, "CN"):
                    continue
                checked += 1
                assert lst.get("jurisdiction").startswith(doc_place), (item.id, lst.id, doc_place)
    assert checked > 40


def test_a_list_is_not_in_force_before_the_document_that_makes_it(memory_store):
    for lst in memory_store.nodes("DutyList"):
        source = lst.get("declared_source") or ""
        if not source.startswith("DOC:"):
            continue
        doc = memory_store.node("doc/" + source.removeprefix("DOC:"))
        assert doc is not None, lst.id
        for _, version in memory_store.neighbors(lst.id, "VERSION_OF_LIST", "in"):
            if doc.get("issued"):
                assert version.get("in_force_from") >= doc.get("issued"), (version.id, doc.id)


def _official_items_with_parts(store: MemoryStore):
    for cls in ("ProhibitedItem", "PublicService"):
        for item in store.nodes(cls):
            parts = [p for p in _doc_bases(store, item.id) if p.label == "DocumentProvision"]
            if item.get("provenance_status") == "official_verbatim" and parts:
                yield item, parts


def test_an_item_claiming_the_documents_words_finds_its_name_in_the_part_it_cites(memory_store):
    seen = 0
    for item, parts in _official_items_with_parts(memory_store):
        name = _bare(item.get("name_zh").split("……")[0])
        assert any(name in _bare(p.get("text")) for p in parts), (item.id, item.get("name_zh"))
        seen += 1
    assert seen >= 60


@pytest.mark.parametrize("item_id, doc, place", [
    ("PRO-HB-021", "DOC:hb2020_certificates", "42"),
    ("PRO-SX-005", "DOC:sx2023_village_lists", "14"),
    ("PRO-SH-005", "DOC:sh2023_health_certificates", "31"),
    ("PRO-HN-003", "DOC:hn2020_burden_list", "43"),
    ("PRO-CN-002", "DOC:mzf2015_community_burden", "CN"),
])
def test_an_item_shows_the_document_and_place_it_rests_on(memory_store, item_id, doc, place):
    item = iq.describe_item(memory_store, item_id)
    docs = [b for b in item["bases"] if b["kind"] == "document"]
    assert docs and all(b["citation"].startswith(doc) for b in docs)
    assert {b["jurisdiction"] for b in docs} == {place}
    assert all(b["url"].startswith("http") and b["text"] for b in docs)


def test_access_and_funding_rules_cite_the_organic_law_of_both_versions(memory_store):
    """The 2015 notice is the words; the organic law is what binds — in the text in force on the day
    asked (2018 §37 until 2025, 2025 §43 from 2026-01-01)."""
    for day, version, article in (("2025-06-01", "2018-12-29", 37), ("2026-03-01", "2025-10-28", 43)):
        item = iq.describe_item(memory_store, "PRO-CN-002", as_of=date.fromisoformat(day))
        cited = {(b["work"], b["version"], b["article"]) for b in item["bases"] if b["kind"] == "provision"}
        assert ("村民委员会组织法", version, article) in cited, (day, cited)
