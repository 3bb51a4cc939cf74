"""The statute scan: which paragraphs speak of the committees, in what role, and which the catalog misses."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qingdan import paths
from qingdan.errors import NotFound
from qingdan.loaders.laws import load_corpus, parse_law_text
from qingdan.loaders.pipeline import build
from qingdan.loaders.scan import report, scan, scan_version
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(paths.laws_dir())


@pytest.fixture(scope="module")
def mentions(corpus):
    return {m.citation: m for m in scan(corpus)}


@pytest.mark.parametrize("citation,role", [
    ("村民委员会组织法@2025-10-28#11.2", "assists"),    # 村民委员会应当协助组织村民参与群防群治…
    ("村民委员会组织法@2025-10-28#35.2", "own_duty"),   # 村民委员会应当及时公布下列事项
    ("村民委员会组织法@2025-10-28#3.3", "may"),         # 村民委员会可以根据村民居住状况…分设若干村民小组
    ("村民委员会组织法@2025-10-28#13.1", "must_not"),   # …可以从事…民事活动，但是不得提供担保
    ("乡村医生从业管理条例@2003-08-05#34.2", "consulted"),  # 充分听取…所在村村民委员会和村民的意见
    ("噪声污染防治法@2021-12-24#8.4", "assists"),       # 基层群众性自治组织应当协助地方人民政府…
    ("城市居民委员会组织法@2025-10-28#34.1", "mentions"),  # 居民委员会实行居务公开制度 — no cue word
])
def test_roles_from_cue_words(mentions, citation, role):
    assert mentions[citation].role == role


def test_a_cue_binding_someone_else_does_not_count(mentions):
    # 任何组织或者个人不得指定、委派或者撤换村民委员会成员 — the 不得 binds others, not the committee
    assert mentions["村民委员会组织法@2025-10-28#14.1"].role != "must_not"
    # 作为农业普查对象的…村民委员会…有下列行为之一的，由…统计机构责令改正，…可以予以通报
    assert mentions["全国农业普查条例@2026-03-20#39.1"].role != "may"


def test_village_or_residents_committee_form(mentions):
    m = mentions["汕头经济特区消防条例@2022-12-30#11.1"]  # 村（居）民委员会应当制定…协助镇人民政府…
    assert m.bodies == ("village", "residents") and m.role == "assists"


def test_a_law_title_is_not_the_committee():
    v = parse_law_text("# 某办法\n\n<!-- INFO END -->\n\n第一条 根据《中华人民共和国村民委员会组织法》，制定本办法。\n\n"
                       "第二条 村民委员会应当做好本村的公益事业。\n", "某办法", "2020-01-01", "某办法.md")
    assert [(m.article, m.role, m.bodies) for m in scan_version(v)] == [(2, "own_duty", ("village",))]


def test_scan_reaches_every_kind_of_statute(mentions):
    works = {m.work for m in mentions.values()}
    assert {"民法典", "村民委员会组织法", "城市居民委员会组织法", "汕头经济特区消防条例", "土地管理法"} <= works


@pytest.fixture(scope="module")
def mini_store():
    store = MemoryStore()
    store.replace_all(build(catalog_dir=FIXTURES / "mini_catalog", laws_dir=FIXTURES / "mini_laws").graph)
    return store


def test_coverage_by_the_catalog(mini_store):
    # the mini catalog cites 24.1.6 / 28.1.6 (宅基地) and 2.2 (办理公共事务…调解民间纠纷) of both texts
    r = report(load_corpus(FIXTURES / "mini_laws"), mini_store)
    rows = {p["citation"]: p for p in r["provisions"]}
    assert rows["村民委员会组织法@2018-12-29#2.2"]["covered"] and rows["村民委员会组织法@2018-12-29#2.2"]["items"] == ["T-002"]
    first = rows["村民委员会组织法@2018-12-29#2.1"]  # 村民委员会是…基层群众性自治组织: same article, not cited itself
    assert not first["covered"] and first["article_cited"]
    proxy = rows["村民委员会组织法@2025-10-28#28.4"]  # 村民委员会依法代行农村集体经济组织职能的…
    assert not proxy["covered"] and proxy["article_cited"]
    assert not rows["村民委员会组织法@2025-10-28#35.2"]["article_cited"]  # 村务公开: nothing in the mini catalog
    assert r["total"] == len(rows) == r["covered"] + r["uncovered"]
    assert sum(v["total"] for v in r["by_role"].values()) == r["total"]


def test_uncovered_in_force_only(mini_store):
    r = report(load_corpus(FIXTURES / "mini_laws"), mini_store, uncovered_only=True, as_of=date(2026, 6, 1))
    assert r["provisions"] and all(not p["covered"] for p in r["provisions"])
    assert {p["version"] for p in r["provisions"]} == {"2025-10-28"}  # the 2025 text is in force from 2026-01-01
    assert len(r["provisions"]) == r["uncovered"]
    with pytest.raises(NotFound):
        report(load_corpus(FIXTURES / "mini_laws"), mini_store, work="没有这部法")


def test_scan_before_the_oldest_text_says_it_checks_the_nearest(memory_store):
    from datetime import date

    from qingdan import paths
    from qingdan.loaders.laws import cached_corpus
    from qingdan.loaders.scan import report

    corpus = cached_corpus(str(paths.laws_dir()))
    early = report(corpus, memory_store, as_of=date(2015, 1, 1), work="村民委员会组织法")
    assert early["total"] and {p["version"] for p in early["provisions"]} == {"2018-12-29"}
    assert all(p["checked_against"] == "nearest" for p in early["provisions"])
    assert "该日施行的文本未收录，以下按最近的版本（2018年）核对" in early["notices"]["村民委员会组织法"]
    # a law not yet adopted that day has no duties that day: nothing to scan
    assert report(corpus, memory_store, as_of=date(2019, 1, 1), work="乡村振兴促进法")["total"] == 0
    later = report(corpus, memory_store, as_of=date(2026, 6, 1), work="村民委员会组织法")
    assert later["notices"] == {} and {p["version"] for p in later["provisions"]} == {"2025-10-28"}
