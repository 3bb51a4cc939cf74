"""A load either completes or leaves the store exactly as it was."""
import pytest

from qingdan.errors import DataError
from qingdan.loaders.pipeline import load_into
from qingdan.queries.stores.memory import MemoryStore


def test_bad_row_loads_nothing(mini_catalog, mini_laws):
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    before = (store.count_nodes(), store.count_rels())
    assert store.node("item/T-001") is not None
    path = mini_catalog / "items_test.csv"
    good = path.read_text("utf-8")
    path.write_text(good.replace("T-002,autonomy", "T-002,autonomy").replace("调解民间纠纷", "调解纠纷（改）")
                    + "T-010,autonomy,T-AUT-1,T-AUT-C1,10,坏行,,nobody,,,,,,,,,,,modeled,test\n", "utf-8")
    with pytest.raises(DataError):
        load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert (store.count_nodes(), store.count_rels()) == before
    assert store.node("item/T-002").get("name_zh") == "调解民间纠纷"
    assert store.node("item/T-010") is None


def test_every_relationship_carries_provenance(mini_catalog, mini_laws):
    store = MemoryStore()
    built, _ = load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert built.graph.rels
    for rel in built.graph.rels:
        assert rel.props.get("provenance_status") in ("official_verbatim", "statute_derived", "modeled"), rel
        assert rel.props.get("source"), rel
    assert store.provenance_gaps() == {"nodes": 0, "relationships": 0}


def test_roles_become_typed_edges_with_their_basis(mini_catalog, mini_laws):
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    decides = store.neighbors("item/T-001", "ROLE_DECIDES")
    assert [(r.props["role"], n.id, r.props["basis"]) for r, n in decides] == [
        ("decides", "bodytype/villagers_assembly", "村民委员会组织法@2018-12-29#24.1.6")]
    [(approves, town)] = store.neighbors("item/T-001", "ROLE_APPROVES")
    assert town.id == "bodytype/town_government" and approves.props["basis"] == "DOC:testdoc#1.2"
    [(handles, _)] = store.neighbors("item/T-001", "ROLE_HANDLES")
    assert handles.props["basis"] is None and handles.props["provenance_status"] == "modeled"
    assert store.nodes("RoleAssignment") == []  # the qualified relation lives on the edge only


def test_a_document_part_is_citable_with_its_verbatim_text(mini_catalog, mini_laws):
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    part = store.node("doc/testdoc/1.2")
    assert part is not None and part.label == "DocumentProvision"
    assert part.get("citation") == "DOC:testdoc#1.2" and part.get("text_status") == "verbatim"
    [(_, doc)] = store.neighbors(part.id, "PROVISION_OF_DOCUMENT")
    assert doc.get("doc_no") == "测〔2020〕1号" and doc.get("jurisdiction") == "CN"


@pytest.mark.parametrize("row, field", [
    ("T-001,approves,no_such_body,,,modeled,test\n", "body_type"),
    ("T-999,approves,town_government,,,modeled,test\n", None),
    ("T-001,approves,village_committee,DOC:nodoc#3,,modeled,test\n", "basis"),
    ("T-001,approves,town_government,,,modeled,test\n", "item_id,role,body_type"),
])
def test_a_bad_role_row_is_named_and_loads_nothing(mini_catalog, mini_laws, row, field):
    path = mini_catalog / "roles.csv"
    path.write_text(path.read_text("utf-8") + row, "utf-8")
    with pytest.raises(DataError) as err:
        load_into(MemoryStore(), catalog_dir=mini_catalog, laws_dir=mini_laws)
    [p] = err.value.problems
    assert (p.file, p.row) == ("roles.csv", 5) and (field is None or p.field == field), p


def test_a_role_outside_the_nine_is_refused_by_row(mini_catalog, mini_laws):
    path = mini_catalog / "roles.csv"
    path.write_text(path.read_text("utf-8") + "T-001,blesses,town_government,,,modeled,test\n", "utf-8")
    with pytest.raises(DataError) as err:
        load_into(MemoryStore(), catalog_dir=mini_catalog, laws_dir=mini_laws)
    [p] = err.value.problems
    assert (p.file, p.row, p.field, p.value) == ("roles.csv", 5, "role", "blesses")


def test_a_role_s_case_is_one_the_ontology_knows(mini_catalog, mini_laws):
    """applies_when names the case a body plays its role in; an unknown case is refused by row and
    field, and a known one reaches the role edge."""
    path = mini_catalog / "roles.csv"
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].replace("note,", "note,applies_when,")
    body = [",".join([*r.split(",")[:5], "", *r.split(",")[5:]]) for r in lines[1:]]
    path.write_text("\n".join([header, *body, "T-001,handles,town_government,,,on_tuesdays,modeled,test"]) + "\n", "utf-8")
    with pytest.raises(DataError) as err:
        load_into(MemoryStore(), catalog_dir=mini_catalog, laws_dir=mini_laws)
    [p] = err.value.problems
    assert (p.file, p.row, p.field, p.value) == ("roles.csv", 5, "applies_when", "on_tuesdays")
    path.write_text("\n".join([header, *body, "T-001,handles,town_government,,,involving_persons,modeled,test"]) + "\n", "utf-8")
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    [(rel, _)] = [(r, n) for r, n in store.neighbors("item/T-001", "ROLE_HANDLES") if n.id == "bodytype/town_government"]
    assert rel.props["applies_when"] == "involving_persons"


def test_situations_join_the_item_and_an_orphan_is_named(mini_catalog, mini_laws):
    path = mini_catalog / "situations.csv"
    path.write_text("item_id,situation,provenance_status,source\n"
                    "T-002,邻居家的狗天天半夜叫，上门说了几次都吵起来了,modeled,test\n", "utf-8")
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert store.node("item/T-002").get("situations") == ["邻居家的狗天天半夜叫，上门说了几次都吵起来了"]
    path.write_text(path.read_text("utf-8") + "T-404,没有这个事项的情形,modeled,test\n", "utf-8")
    with pytest.raises(DataError) as err:
        load_into(MemoryStore(), catalog_dir=mini_catalog, laws_dir=mini_laws)
    [p] = err.value.problems
    assert (p.file, p.row, p.field) == ("situations.csv", 3, "item_id"), p


def test_phrasings_join_the_item_keywords_and_an_orphan_is_named(mini_catalog, mini_laws):
    store = MemoryStore()
    load_into(store, catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert "邻里矛盾找谁" in store.node("item/T-002").get("keywords")
    path = mini_catalog / "phrasings.csv"
    path.write_text(path.read_text("utf-8") + "T-404,没有这个事项,modeled,test\n", "utf-8")
    with pytest.raises(DataError) as err:
        load_into(MemoryStore(), catalog_dir=mini_catalog, laws_dir=mini_laws)
    [p] = err.value.problems
    assert (p.file, p.row, p.field) == ("phrasings.csv", 3, "item_id"), p
