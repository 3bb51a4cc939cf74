"""A village's map of duties outside Shantou: only what the rules binding it give, said so."""
from __future__ import annotations

from qingdan.queries.chains import village_map
from qingdan.queries.resolve import Resolver


def test_a_village_map_elsewhere_shows_no_other_places_list(places_resolver: Resolver, villages: dict[str, str]) -> None:
    store = places_resolver.store
    for prefix in ("330203", "110112", "140105"):
        m = village_map(places_resolver, villages[prefix])
        assert "本库未收录" in m["scope"]["text"], m["scope"]
        items = [i for group in m["items"].values() for i in group]
        assert items
        names = {i["list"] for i in items if i["list"]}
        lists = {n.get("name_zh"): n.get("jurisdiction") for n in store.nodes("DutyList")}
        assert all(lists[n] in ("CN", prefix[:2]) for n in names), names
        # a duty national law gives, named by another place's list, keeps neither that list nor its category
        assert all(i["list"] is None and i["category"] is None for i in items if not i["listed_here"])
        assert not any(i["verdict"] == "town" for i in items if not i["listed_here"])


def test_a_shantou_village_map_is_its_lists(places_resolver: Resolver, villages: dict[str, str]) -> None:
    m = village_map(places_resolver, villages["4405"])
    items = [i for group in m["items"].values() for i in group]
    assert items and all(i["listed_here"] for i in items)
    assert "本库未收录" not in m["scope"]["text"]
