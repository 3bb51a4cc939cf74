"""Body names as counties write them: the alias table, a place or level word in front, a bureau's unit,
a close spelling, and — for a body nobody listed — the nearest generic type with the name kept."""
from __future__ import annotations

import pytest

from qingdan import paths
from qingdan.loaders.catalog import load_catalog
from qingdan.loaders.importer.bodies import BodyIndex
from qingdan.loaders.importer.place import given_place


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog(paths.catalog_dir())


def index(catalog, place: str | None = None) -> BodyIndex:  # type: ignore[no-untyped-def]
    where = given_place(place, paths.divisions_dir())[0] if place else None
    return BodyIndex(catalog.of("body_types"), catalog.of("body_aliases"), where)


@pytest.mark.parametrize("name,body", [
    ("村委会", "village_committee"), ("村（居）委会", "village_committee"), ("澄海区民政局", "county_civil_affairs"),
    ("莲下镇人民政府", "town_government"), ("公安派出所", "county_public_security"), ("派出所", "county_public_security"),
    ("街道办", "subdistrict_office"), ("司法所", "county_justice"), ("区（县）司法局（司法所）", "county_justice"),
    ("人社局", "county_human_resources"), ("民政部门", "county_civil_affairs"), ("南澳县 公安局", "county_public_security"),
    ("汕头市民政局", "county_civil_affairs"), ("区乡村振兴局", "county_agriculture"),
    ("区农业农村局综合行政执法大队", "county_agriculture"),  # a unit of a known bureau
    ("镇（街道）退役军人服务站", "town_government"),  # a town's station (the county has a 服务中心)
    ("镇社会事务办", "town_government"),  # a town's own office
    ("村霸", None), ("民政", None), ("社区党委书记", None), ("区财政局", "county_finance"),
])
def test_body_names_officials_write(catalog, name, body):
    assert index(catalog).find(name) == body


@pytest.mark.parametrize("name,body,how", [
    ("区人力资源与社会保障局", "county_human_resources", "fuzzy"),  # 与 for 和
    ("区城市管理综合执法局", "county_urban_management", "fuzzy"),
    ("区档案馆", "county_department", "generic"),
    ("社区党委书记", "village_committee", "generic"),
    ("镇综治中心", "town_government", "unit"),
    ("镇城市管理综合执法局", "town_government", "generic"),  # close to a county bureau, but written as a 镇 body
])
def test_a_close_spelling_or_an_unknown_body_gets_a_type_and_says_how(catalog, name, body, how):
    m = index(catalog).resolve(name)
    assert (m.body_type, m.how, m.name) == (body, how, name)


@pytest.mark.parametrize("place,name,body,concrete", [
    ("龙湖区", "区民政局", "county_civil_affairs", "龙湖区民政局"),
    ("龙湖区", "区农业农村局综合行政执法大队", "county_agriculture", "龙湖区农业农村局综合行政执法大队"),
    ("龙湖区", "镇（街道）退役军人服务站", "subdistrict_office", "镇（街道）退役军人服务站"),  # 龙湖区 has only 街道
    ("南澳县", "镇（街道）退役军人服务站", "town_government", "镇（街道）退役军人服务站"),  # 南澳县 only 镇
    ("潮阳区", "镇街", "town_government", "镇街"),  # both: the place cannot decide
    ("440507009", "镇（街道）退役军人服务站", "subdistrict_office", "外砂街道退役军人服务站"),
    ("莲下镇", "镇政府", "town_government", "莲下镇政府"),
    ("外砂街道", "莲下镇人民政府", "town_government", "莲下镇人民政府"),  # another named town stays itself
    ("南澳县", "区档案馆", "county_department", "南澳县档案馆"),
    ("龙湖区", "澄海区公安局", "county_public_security", "澄海区公安局"),
])
def test_the_place_makes_district_and_town_concrete(catalog, place, name, body, concrete):
    m = index(catalog, place).resolve(name)
    assert (m.body_type, m.name) == (body, concrete)


def test_one_cell_naming_several_bodies(catalog):
    bodies = index(catalog)
    assert bodies.split("区民政局、镇政府") == ["区民政局", "镇政府"]
    assert bodies.split("区民政局/镇街") == ["区民政局", "镇街"]
    assert bodies.split("区民政局 镇政府") == ["区民政局", "镇政府"]  # spaces split only between bodies
    assert bodies.split("南澳县 公安局") == ["南澳县 公安局"]
    assert bodies.split("区民政局及镇人民政府") == ["区民政局", "镇人民政府"]
    assert bodies.split("住房和城乡建设局") == ["住房和城乡建设局"]
    m = bodies.resolve("区民政局（配合）")
    assert (m.body_type, m.name, m.assists) == ("county_civil_affairs", "区民政局", True)
    assert bodies.resolve("无") is None


def test_an_alias_pointing_to_no_body_type_fails_the_build_at_its_row(mini_catalog, mini_laws):
    from qingdan.errors import DataError
    from qingdan.loaders.pipeline import build

    path = mini_catalog / "body_aliases.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([*lines, "网格站,county_grid,modeled,test"]) + "\n", "utf-8")
    with pytest.raises(DataError) as exc:
        build(catalog_dir=mini_catalog, laws_dir=mini_laws)
    assert [(p.file, p.row, p.field, p.value) for p in exc.value.problems] == [
        ("body_aliases.csv", len(lines) + 1, "body_type_id", "bodytype/county_grid")]
