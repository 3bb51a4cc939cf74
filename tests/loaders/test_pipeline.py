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
