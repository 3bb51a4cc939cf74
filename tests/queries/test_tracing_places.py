"""Tracing for a village lists only the duties of lists binding it, and says where a work binds."""
from __future__ import annotations

from qingdan.queries import tracing
from qingdan.queries.scope import binds
from qingdan.queries.stores.memory import MemoryStore


def _zhejiang_measures(store: MemoryStore) -> str:
    works = [w.id.split("/", 1)[1] for w in store.nodes("Work")
             if w.id.startswith("work/浙江省实施") and "村民委员会组织法" in w.id]
    assert len(works) == 1, works
    return works[0]


def test_tracing_the_organic_law_for_a_zhejiang_village_lists_no_shantou_duty(
        places_store: MemoryStore, villages: dict[str, str]) -> None:
    code = villages["330203"]
    everywhere = tracing.trace_work(places_store, "村民委员会组织法")
    here = tracing.trace_work(places_store, "村民委员会组织法", village=code)
    assert here["applies"] and here["jurisdiction_name"] == "全国"
    duties = [d for v in here["versions"] for d in v["duties"]]
    assert duties and all(d["list"] and binds(d["list"]["jurisdiction"], code) for d in duties)
    assert len(duties) < sum(len(v["duties"]) for v in everywhere["versions"])  # Shantou's items are left out
    shantou = tracing.trace_work(places_store, "村民委员会组织法", village=villages["4405"])
    assert any(d["list"]["jurisdiction"] == "4405" for v in shantou["versions"] for d in v["duties"])


def test_a_provinces_regulation_binds_its_own_villages_only(places_store: MemoryStore, villages: dict[str, str]) -> None:
    work = _zhejiang_measures(places_store)
    home = tracing.trace_work(places_store, work, village=villages["330203"])
    assert home["applies"] and home["jurisdiction"] == "33" and home["jurisdiction_name"] == "浙江省"
    away = tracing.trace_work(places_store, work, village=villages["4405"])
    assert not away["applies"] and "不约束" in away["notice"]
    assert all(v["duties"] == [] for v in away["versions"])
