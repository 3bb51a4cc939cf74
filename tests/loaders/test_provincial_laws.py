"""Other provinces' regulations: vendored in the repository, checked before parsing, each placed in
its province (or the city / county its title names), and loaded only for the provinces served."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from rdflib import Literal

from qingdan import paths
from qingdan.errors import DataError, ValidationFailed
from qingdan.loaders.laws import LawCorpus, parse_law_text
from qingdan.loaders.pipeline import build
from qingdan.loaders.provincial_laws import MANIFEST, load_provinces, merge, provinces_held, served
from qingdan.loaders.repeal import repeals_in
from qingdan.loaders.validate import validate_graph
from qingdan.ontology.terms import QD

FOLDER = paths.provincial_laws_dir()


def test_the_repository_holds_ten_provinces_and_the_default_graph_loads_none() -> None:
    assert provinces_held(FOLDER) == ["11", "12", "13", "31", "33", "37", "41", "46", "50", "51"]
    assert served(False, (), FOLDER) == []
    assert served(False, ("4405",), FOLDER) == []  # Guangdong's are in the bundled corpus
    assert served(False, ("330203", "3302", "140105"), FOLDER) == ["33"]  # Shanxi: none held
    assert served(True, (), FOLDER) == provinces_held(FOLDER)


def test_each_regulation_binds_its_province_or_the_place_its_title_names() -> None:
    corpus = load_provinces(FOLDER, ["33"])
    assert len(corpus.versions) > 50
    assert all(v.jurisdiction and v.jurisdiction.startswith("33") for v in corpus.versions.values())
    places = {v.work: v.jurisdiction for v in corpus.versions.values()}
    measures = [w for w in places if w.startswith("浙江省实施") and "村民委员会组织法" in w]
    assert measures and all(places[w] == "33" for w in measures)
    assert all(j == "3302" for w, j in places.items() if w.startswith("宁波市"))


def test_a_changed_file_stops_the_whole_load_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "laws_provinces"
    shutil.copytree(FOLDER, folder)
    with (folder / MANIFEST).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    victim = next(r for r in rows if r["archive"].startswith("33-"))
    victim["sha256"] = "0" * 64
    with (folder / MANIFEST).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(DataError) as exc:
        load_provinces(folder, ["33", "11"])
    (p,) = exc.value.problems
    assert p.file == f"{victim['archive']}:{victim['file']}" and p.field == "sha256"


def test_a_regulation_with_the_name_of_a_bundled_work_is_refused() -> None:
    text = "# 村民委员会组织法\n\n<!-- INFO END -->\n\n第一条 测试。\n"
    bundled = LawCorpus({("村民委员会组织法", "2018-12-29"): parse_law_text(text, "村民委员会组织法", "2018-12-29", "a.md")})
    extra = LawCorpus({("村民委员会组织法", "2020-01-01"): parse_law_text(text, "村民委员会组织法", "2020-01-01", "b.md")})
    with pytest.raises(DataError) as exc:
        merge(bundled, extra)
    assert exc.value.problems[0].value == "村民委员会组织法"
    assert set(bundled.versions) == {("村民委员会组织法", "2018-12-29")}  # nothing half-merged


def test_a_local_regulation_never_repeals_the_national_law_its_title_names() -> None:
    text = ("# 四川省《中华人民共和国土地管理法》实施办法\n\n<!-- INFO END -->\n\n第一条 测试。\n\n"
            "第二条 本办法自2023年3月1日起施行。《四川省人民代表大会常务委员会关于〈四川省《中华人民共和国土地管理法》"
            "实施办法〉第八条第一项的解释》同时废止。\n")
    v = parse_law_text(text, "四川省《土地管理法》实施办法", "2022-12-02", "x.md")
    v.jurisdiction = "51"
    assert [r.repealed_work for r in repeals_in(v)] == []


@pytest.fixture(scope="module")
def zhejiang_rdf(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return build(places=("330203",)).rdf


def test_the_export_with_a_provinces_regulations_carries_their_jurisdiction_and_passes_shacl(zhejiang_rdf) -> None:
    versions = set(zhejiang_rdf.subjects(predicate=QD.jurisdiction, object=Literal("33")))
    names = {str(zhejiang_rdf.value(s, QD.jurisdictionName)) for s in versions}
    assert versions and names == {"浙江省"}
    assert zhejiang_rdf.value(predicate=QD.jurisdiction, object=Literal("3302")) is not None
    validate_graph(zhejiang_rdf)  # build validated it; the rule is checked again on the graph exported


def test_shacl_refuses_a_statute_version_without_its_jurisdiction(zhejiang_rdf) -> None:
    g = zhejiang_rdf
    subject = next(iter(g.subjects(predicate=QD.jurisdiction, object=Literal("33"))))
    removed = list(g.triples((subject, QD.jurisdiction, None)))
    for t in removed:
        g.remove(t)
    try:
        with pytest.raises(ValidationFailed) as exc:
            validate_graph(g)
        assert any("适用地域" in p.reason for p in exc.value.problems)
    finally:
        for t in removed:
            g.add(t)
