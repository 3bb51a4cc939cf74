"""The catalog lint: one case per rule on a small catalog built to break each rule once, and the
bundled catalog, which must lint clean on both stores (every finding fixed or explained in the catalog)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qingdan.errors import BadRequest
from qingdan.loaders.pipeline import build
from qingdan.queries.lint import RULES, clause_class, failing, lint
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ORG18, ORG25 = "村民委员会组织法@2018-12-29", "村民委员会组织法@2025-10-28"
ROW = "{id},{kind},{version},{category},{seq},{name},{desc},{lead},{assist},,{must_not},{bases},,,,,,,modeled,test fixture\n"
VERSIONS = [  # version, list, kind, in force from, to
    ("T-AUT-2017", "T-AUT", "autonomy", "2017-01-01", "2020-12-31"),
    ("T-AST-1", "T-AST", "assistance", "2021-01-01", ""),
    ("T-PRO-1", "T-PRO", "prohibited", "2021-01-01", ""),
    ("T-MP-1", "T-MP", "micro_power", "2021-01-01", ""),
]
ITEMS = [  # id, kind, version, name, description, lead, assist, must_not, bases
    # anachronisms: the 2025 text alone on a 2021 list; both texts (the convention) are fine
    ("A-NEW", "autonomy", "T-AUT-1", "民主评议村委会成员", "", "villagers_assembly", "", "", f"{ORG25}#27.1"),
    ("A-BOTH", "autonomy", "T-AUT-1", "审议年度工作报告", "", "villagers_assembly", "", "", f"{ORG18}#23.1;{ORG25}#27.1"),
    # a 2017 list: no text in force then is held; explained in lint_explanations.csv
    ("A-2017", "autonomy", "T-AUT-2017", "推选村民小组长", "", "villager_group", "", "", f"{ORG18}#28.1"),
    # contradictions
    ("P-CERT", "prohibited", "T-PRO-1", "婚姻状况证明", "不应由村出具", "county_civil_affairs", "", "village_committee",
     "DOC:testdoc"),
    ("A-ADOPT", "autonomy", "T-AUT-1", "出具收养登记所需证明", "村委会出具收养人婚姻状况和抚养能力证明，供收养登记使用",
     "village_committee", "", "", f"{ORG18}#2.2"),
    ("A-REFUSE", "autonomy", "T-AUT-1", "告知证明去向", "婚姻状况证明不由村出具，告知村民到婚姻登记机关办理",
     "village_committee", "", "", f"{ORG18}#2.2"),
    ("P-FUND", "prohibited", "T-PRO-1", "摊派无经费的工作", "", "county_government", "", "village_committee", f"{ORG18}#37.1"),
    ("S-FUND", "assistance", "T-AST-1", "承接政府委托的工作", "", "county_department", "village_committee", "",
     f"{ORG18}#37.1"),
    ("S-MEDIATE", "assistance", "T-AST-1", "协助调解民间纠纷", "", "town_government", "village_committee", "", f"{ORG18}#2.2"),
    # weak bases: the remedy (§31) beside the duty (§30); the remedy alone, §30 found in the text
    ("A-OPEN", "autonomy", "T-AUT-1", "实行村务公开", "", "village_committee", "", "", f"{ORG18}#30.1;{ORG18}#31"),
    ("A-OPEN2", "autonomy", "T-AUT-1", "村务公开", "", "village_committee", "", "", f"{ORG18}#31"),
    ("A-FIX", "autonomy", "T-AUT-1", "村规民约违法的接受纠正", "", "village_committee", "", "", f"{ORG18}#27.3"),
    # duplicates: the same duty on another list with the same basis
    ("M-MEDIATE", "micro_power", "T-MP-1", "调解民间纠纷", "", "village_committee", "", "", f"{ORG18}#2.2"),
]
EXPLANATIONS = [  # rule, items, citation, reason, explanation
    ("anachronism", "*", ORG18, "text_missing", "该日施行的文本未收录"),
    ("duplicate", "*", "", "accepted", "测试：同一职责在两份清单中各列一项"),
    ("weak_basis", "A-BOTH", "", "accepted", "测试：没有对应问题的说明"),
]


def _write(catalog: Path) -> None:
    with (catalog / "lists.csv").open("a", encoding="utf-8") as f:
        for lst, kind in sorted({(v[1], v[2]) for v in VERSIONS if v[1] != "T-AUT"}):
            f.write(f"{lst},{kind},测试{kind}清单,4405,,,modeled,test fixture\n")
    with (catalog / "list_versions.csv").open("a", encoding="utf-8") as f:
        for v, lst, _, start, end in VERSIONS:
            f.write(f"{v},{lst},测试,,,{start},{end},modeled,test fixture\n")
    with (catalog / "categories.csv").open("a", encoding="utf-8") as f:
        for v, _, kind, _, _ in VERSIONS:
            f.write(f"{v}-C,{v},{kind},1,测试类别,modeled,test fixture\n")
    with (catalog / "items_lint.csv").open("w", encoding="utf-8") as f:
        f.write((catalog / "items_test.csv").read_text("utf-8").splitlines()[0] + "\n")
        for n, (i, kind, version, name, desc, lead, assist, must_not, bases) in enumerate(ITEMS):
            category = "T-AUT-C1" if version == "T-AUT-1" else f"{version}-C"
            f.write(ROW.format(id=i, kind=kind, version=version, category=category, seq=n + 1, name=name, desc=desc,
                               lead=lead, assist=assist, must_not=must_not, bases=bases))
    with (catalog / "lint_explanations.csv").open("w", encoding="utf-8") as f:
        f.write("rule,items,citation,reason,explanation,provenance_status,source\n")
        for rule, items, citation, reason, text in EXPLANATIONS:
            f.write(f"{rule},{items},{citation},{reason},{text},statute_derived,test fixture\n")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    catalog = tmp_path_factory.mktemp("lint") / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    _write(catalog)
    store = MemoryStore()
    store.replace_all(build(catalog_dir=catalog, laws_dir=FIXTURES / "mini_laws").graph)
    return store, lint(store)


def _found(r, rule, item=None, citation=None, kind=None):
    return [e for e in r[rule] if (item is None or item in {i["id"] for i in e["items"]})
            and (citation is None or e["citation"] == citation) and (kind is None or e["kind"] == kind)]


def test_a_later_text_alone_is_an_anachronism_but_beside_the_text_in_force_it_is_a_successor(result):
    _, r = result
    (e,) = _found(r, "anachronisms", "A-NEW", kind="later_text")
    assert e["citation"] == f"{ORG25}#27.1" and e["list_version"] == "T-AUT-1"
    assert e["in_force_version"] == "2018-12-29" and e["explanation"] is None
    (bare,) = _found(r, "anachronisms", "A-NEW", kind="no_basis_in_force")  # nothing else stood that day
    assert bare["citation"] is None
    assert not _found(r, "anachronisms", "A-BOTH")
    # the test catalog's own items cite both texts, as the bundled catalog does
    assert not _found(r, "anachronisms", "T-001")


def test_an_anachronism_the_catalog_explains_carries_its_reason_and_does_not_fail(result):
    _, r = result
    (e,) = _found(r, "anachronisms", "A-2017")  # the later text stands in for the missing one: the item stands
    assert e["in_force_version"] is None and "没有该日施行的文本" in e["reason"]
    assert e["explanation"] == "该日施行的文本未收录" and e["explanation_reason"] == "text_missing"
    assert e not in failing(r) and _found(r, "anachronisms", "A-NEW")[0] in failing(r)


def test_a_certificate_prohibited_and_issued_by_the_village_is_a_contradiction(result):
    _, r = result
    (e,) = _found(r, "contradictions", "P-CERT", kind="permitted_and_prohibited")
    assert {i["id"] for i in e["items"]} == {"P-CERT", "A-ADOPT"}  # A-REFUSE only says where to go
    assert "婚姻状况" in e["reason"]


def test_one_provision_grounding_a_duty_and_its_ban_is_a_contradiction(result):
    _, r = result
    (e,) = _found(r, "contradictions", "P-FUND", kind="duty_and_ban")
    assert e["citation"] == f"{ORG18}#37.1" and {i["id"] for i in e["items"]} == {"P-FUND", "S-FUND"}


def test_one_provision_making_the_same_work_autonomy_and_assistance_is_a_contradiction(result):
    _, r = result
    found = _found(r, "contradictions", "S-MEDIATE", kind="autonomy_and_assistance")
    assert {tuple(sorted(i["id"] for i in e["items"])) for e in found} == {("S-MEDIATE", "T-002")}
    assert found[0]["citation"] == f"{ORG18}#2.2"  # the items citing §2.2 for other work are not paired


def test_a_remedy_cited_for_a_duty_is_a_weak_basis_pointing_at_the_duty_clause(result):
    _, r = result
    (e,) = _found(r, "weak_bases", "A-OPEN")
    assert e["kind"] == "remedy" and e["citation"] == f"{ORG18}#31" and e["better"] == [f"{ORG18}#30.1"]
    (alone,) = _found(r, "weak_bases", "A-OPEN2")  # cited alone: the duty clause is found in the same text
    assert alone["better"][0] == f"{ORG18}#30"
    assert not _found(r, "weak_bases", "A-FIX")  # the item is about the correction itself


def test_near_identical_items_on_two_lists_with_one_basis_are_duplicates(result):
    _, r = result
    found = _found(r, "duplicates", "M-MEDIATE")
    assert {"M-MEDIATE", "T-002"} in [{i["id"] for i in e["items"]} for e in found]
    assert all(e["explanation"] == "测试：同一职责在两份清单中各列一项" for e in found)
    assert not _found(r, "duplicates", "A-OPEN")  # same list as A-OPEN2: not a duplicate across lists


def test_an_explanation_that_matches_nothing_is_reported_as_stale(result):
    _, r = result
    assert [u["items"] for u in r["unused_explanations"]] == [["A-BOTH"]]


def test_as_of_lints_only_the_list_versions_in_force_that_day(result):
    store, _ = result
    old = lint(store, "2018-06-01")
    assert old["as_of"] == "2018-06-01" and old["items"] == 1
    assert [e["items"][0]["id"] for e in old["anachronisms"]] == ["A-2017"]
    assert [e["explanation_reason"] for e in old["anachronisms"]] == ["text_missing"]
    with pytest.raises(BadRequest):
        lint(store, "2018-13-01")


@pytest.mark.parametrize("text, chapter, expected", [
    ("第三十一条 村民委员会不及时公布应当公布的事项或者公布的事项不真实的，村民有权向乡、民族乡、镇的人民政府或者县级人民政府"
     "及其有关主管部门反映，有关人民政府或者主管部门应当负责调查核实，责令依法公布；经查证确有违法行为的，有关人员应当依法承担责任。",
     "第五章 民主管理和民主监督", "remedy"),
    ("第六十二条 地级以上市应当制定餐饮服务业的油烟、露天焚烧生物质、垃圾等产生烟尘和有毒有害气体的污染防治管理办法。", "", "authorising"),
    ("第一百一十八条 未成年人的父母或者其他监护人不依法履行监护职责或者侵犯未成年人合法权益的，由其居住地的居民委员会、"
     "村民委员会予以劝诫、制止；情节严重的，居民委员会、村民委员会应当及时向公安机关报告。", "第八章 法律责任", "duty"),
    ("对无正当理由不送适龄女性未成年人入学的父母或者其他监护人，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，"
     "依法责令其限期改正。居民委员会、村民委员会应当协助政府做好相关工作。", "第四章 文化教育权益", "duty"),
    ("第一条 为了保障村民实行自治，由村民群众依法办理自己的事情，发展农村基层民主，维护村民的合法权益，促进社会主义新农村建设，"
     "根据宪法，制定本法。", "第一章 总则", "programme"),
    ("法律对讨论决定村集体经济组织财产和成员权益的事项另有规定的，依照其规定。", "第四章 村民会议和村民代表会议", "referral"),
    ("违反本法规定，未在指定的地点分类投放生活垃圾的，由县级以上地方人民政府环境卫生主管部门责令改正；情节严重的，"
     "对单位处五万元以上五十万元以下的罚款，对个人依法处以罚款。", "第八章 法律责任", "sanction"),
])
def test_clause_class_reads_the_part_a_clause_plays(text, chapter, expected):
    assert clause_class(text, chapter) == expected


def test_the_bundled_catalog_lints_clean_on_both_stores(any_store, memory_store):
    """Every finding in the bundled catalog is fixed or carries the catalog's own explanation, and
    no recorded explanation has outlived its finding; both stores find the same."""
    r = lint(any_store)
    unexplained = failing(r)
    assert not unexplained, "\n".join(f"{e['rule']} {[i['id'] for i in e['items']]} {e['citation']}: {e['reason']}"
                                      for e in unexplained[:20])
    assert not r["unused_explanations"], r["unused_explanations"][:5]
    if any_store is not memory_store:
        assert r == lint(memory_store)
    assert set(RULES) <= set(r)
