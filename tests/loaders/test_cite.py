"""依据 text as officials write it: every form is read to the exact work/条/款/项/version/文号, and
validation against the bundled corpus says plainly what does not exist."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from qingdan import paths
from qingdan.errors import BadRequest
from qingdan.loaders.cite import Citation, cite, normalise_doc_no, normalise_title, parse_citations, validate_citations
from qingdan.loaders.laws import load_corpus

ORG = "村民委员会组织法"
LAND = "土地管理法"


@dataclass(frozen=True)
class C:
    """An expected citation, written the way a reader of the 依据 would write it down."""

    work: str
    a: int | None = None
    p: int | None = None
    i: int | None = None
    v: str | None = None
    doc: str | None = None


def shape(c: Citation) -> C:
    return C(c.work, c.article, c.paragraph, c.item, c.version, c.doc_no)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(paths.laws_dir())


# (依据 text, the citations a careful reader finds in it)
CASES: list[tuple[str, list[C]]] = [
    # titles with and without 中华人民共和国, Chinese and Arabic numerals
    ("《中华人民共和国村民委员会组织法》第二十四条", [C(ORG, 24)]),
    ("《村民委员会组织法》第二十四条", [C(ORG, 24)]),
    ("《中华人民共和国民法典》第一千二百六十条", [C("民法典", 1260)]),
    ("《民法典》第1260条", [C("民法典", 1260)]),
    ("《中华人民共和国民法典》第二百七十八条第一款第（五）项", [C("民法典", 278, 1, 5)]),
    ("《民法典·物权编》第二百六十一条", [C("民法典", 261)]),
    ("《中华人民共和国民法典》第二百六十一条、第二百六十二条", [C("民法典", 261), C("民法典", 262)]),
    ("《中华人民共和国宪法》第一百一十一条", [C("宪法", 111)]),
    # 条 / 款 / 项
    ("《中华人民共和国村民委员会组织法》第二十四条第一款第（五）项", [C(ORG, 24, 1, 5)]),
    ("《村民委员会组织法》第二十四条第（五）项", [C(ORG, 24, 1, 5)]),
    ("《村民委员会组织法》第24条第1款第5项", [C(ORG, 24, 1, 5)]),
    ("《村民委员会组织法》第２４条第１款第(５)项", [C(ORG, 24, 1, 5)]),
    ("《中华人民共和国村民委员会组织法》第二十四条第一款第五项", [C(ORG, 24, 1, 5)]),
    ("《中华人民共和国村民委员会组织法》第三十二条第二款第(一)项", [C(ORG, 32, 2, 1)]),
    ("《中华人民共和国城市居民委员会组织法》第三条第（三）项", [C("城市居民委员会组织法", 3, 1, 3)]),
    ("《中华人民共和国兵役法》第十五条第二款", [C("兵役法", 15, 2)]),
    ("《征兵工作条例》第十一条第一款", [C("征兵工作条例", 11, 1)]),
    ("《村民委员会组织法》第二十四条第一款（五）、（六）", [C(ORG, 24, 1, 5), C(ORG, 24, 1, 6)]),
    # lists joined by 、，；和 and spaces
    ("《中华人民共和国村民委员会组织法》第八条、第九条", [C(ORG, 8), C(ORG, 9)]),
    ("《村民委员会组织法》第八、九条", [C(ORG, 8), C(ORG, 9)]),
    ("《村民委员会组织法》第八条 第九条", [C(ORG, 8), C(ORG, 9)]),
    ("《村民委员会组织法》第八条，第九条；第十条", [C(ORG, 8), C(ORG, 9), C(ORG, 10)]),
    ("《村民委员会组织法》第十二条第一款、第二款", [C(ORG, 12, 1), C(ORG, 12, 2)]),
    ("《村民委员会组织法》第十二条第一款、第十三条", [C(ORG, 12, 1), C(ORG, 13)]),
    ("《中华人民共和国国防教育法》第二十四条第一款、第二款", [C("国防教育法", 24, 1), C("国防教育法", 24, 2)]),
    ("《中华人民共和国土地管理法》第六十二条第一款、第四款，第六十三条", [C(LAND, 62, 1), C(LAND, 62, 4), C(LAND, 63)]),
    ("《村民委员会组织法》第二十四条第一款第（五）项、第（六）项", [C(ORG, 24, 1, 5), C(ORG, 24, 1, 6)]),
    ("《村民委员会组织法》第二十四条第（五）、（六）项", [C(ORG, 24, 1, 5), C(ORG, 24, 1, 6)]),
    ("《村民委员会组织法》第二十四条第一款第（五）项和第二款", [C(ORG, 24, 1, 5), C(ORG, 24, 2)]),
    ("《中华人民共和国村民委员会组织法》第二十三条 第二十四条第一款", [C(ORG, 23), C(ORG, 24, 1)]),
    ("《村民委员会组织法》第二十四条第一款第（五）项、第二十六条", [C(ORG, 24, 1, 5), C(ORG, 26)]),
    # a title governs the numbers after it until the next title
    ("《中华人民共和国村民委员会组织法》第二十四条、《中华人民共和国土地管理法》第六十二条", [C(ORG, 24), C(LAND, 62)]),
    ("根据《中华人民共和国宪法》第一百一十一条和《中华人民共和国村民委员会组织法》第二条", [C("宪法", 111), C(ORG, 2)]),
    ("《中华人民共和国行政许可法》第二十四条第一款；《广东省行政许可监督管理条例》第十一条；粤府函〔2020〕136号",
     [C("行政许可法", 24, 1), C("广东省行政许可监督管理条例", 11), C("粤府函〔2020〕136号", doc="粤府函〔2020〕136号")]),
    ("《中华人民共和国人民调解法》第三十四条 、《人民调解委员会组织条例》第二条",
     [C("人民调解法", 34), C("人民调解委员会组织条例", 2)]),
    ("《中华人民共和国村民委员会组织法》《中华人民共和国城市居民委员会组织法》", [C(ORG), C("城市居民委员会组织法")]),
    # ranges
    ("《村民委员会组织法》第八条至第十条", [C(ORG, 8), C(ORG, 9), C(ORG, 10)]),
    ("《村民委员会组织法》第八至十条", [C(ORG, 8), C(ORG, 9), C(ORG, 10)]),
    ("《村民委员会组织法》第8-10条", [C(ORG, 8), C(ORG, 9), C(ORG, 10)]),
    ("《中华人民共和国村民委员会组织法》第二十一条至第二十三条、第二十五条", [C(ORG, 21), C(ORG, 22), C(ORG, 23), C(ORG, 25)]),
    ("《村民委员会组织法》第二十四条第一款第（一）项至第（三）项", [C(ORG, 24, 1, 1), C(ORG, 24, 1, 2), C(ORG, 24, 1, 3)]),
    ("按照《村民委员会组织法》第三十条第一款第（一）至（三）项", [C(ORG, 30, 1, 1), C(ORG, 30, 1, 2), C(ORG, 30, 1, 3)]),
    # version notes
    ("《中华人民共和国村民委员会组织法》（2018年修正）第二十四条", [C(ORG, 24, v="2018")]),
    ("《中华人民共和国村民委员会组织法》（2010年修订）第二十三条", [C(ORG, 23, v="2010")]),
    ("《中华人民共和国村民委员会组织法》（2018年12月29日修正）第十一条", [C(ORG, 11, v="2018-12-29")]),
    ("《中华人民共和国行政处罚法》（2021年1月22日修订，2021年7月15日起施行）第二十四条第一款", [C("行政处罚法", 24, 1, v="2021-01-22")]),
    ("《中华人民共和国村民委员会组织法(2018年修正)》第二十四条", [C(ORG, 24, v="2018")]),
    ("《中华人民共和国村民委员会组织法》（２０１８年修正）第二十四条", [C(ORG, 24, v="2018")]),
    ("《中华人民共和国村民委员会组织法》第二十四条（2018年修正）", [C(ORG, 24, v="2018")]),
    ("《中华人民共和国村民委员会组织法》第二十四条第一款第（五）项，《中华人民共和国村民委员会组织法》（2025年修正）第二十八条第一款第（五）项",
     [C(ORG, 24, 1, 5), C(ORG, 28, 1, 5, v="2025")]),
    ("《法治中国建设规划（2020－2025年）》", [C("法治中国建设规划（2020－2025年）")]),
    # normative documents and their numbers, full- and half-width brackets
    ("《关于改进和规范基层群众性自治组织出具证明工作的指导意见》（民发〔2020〕37号）",
     [C("关于改进和规范基层群众性自治组织出具证明工作的指导意见", doc="民发〔2020〕37号")]),
    ("粤府函〔2020〕136号", [C("粤府函〔2020〕136号", doc="粤府函〔2020〕136号")]),
    ("粤府函[2020]136号", [C("粤府函〔2020〕136号", doc="粤府函〔2020〕136号")]),
    ("汕府（2021）64号", [C("汕府〔2021〕64号", doc="汕府〔2021〕64号")]),
    ("汕府(2021)64号", [C("汕府〔2021〕64号", doc="汕府〔2021〕64号")]),
    ("根据汕府〔2020〕105号、汕府〔2020〕72号", [C("汕府〔2020〕105号", doc="汕府〔2020〕105号"),
                                              C("汕府〔2020〕72号", doc="汕府〔2020〕72号")]),
    ("《中共中央办公厅 国务院办公厅关于加强和改进乡村治理的指导意见》（中办发〔2019〕23号）",
     [C("中共中央办公厅国务院办公厅关于加强和改进乡村治理的指导意见", doc="中办发〔2019〕23号")]),
    ("《国务院关于修改和废止部分行政法规的决定》（国务院令第709号）", [C("国务院关于修改和废止部分行政法规的决定", doc="国务院令第709号")]),
    # nested titles keep their shape, spelled as the corpus spells file names
    ("《广东省实施〈中华人民共和国消防法〉办法》第十条", [C("广东省实施《消防法》办法", 10)]),
    ("《广东省实施〈中华人民共和国村民委员会组织法〉办法》第十二条", [C("广东省实施《村民委员会组织法》办法", 12)]),
    ("《广东省实施<中华人民共和国村民委员会组织法>办法》", [C("广东省实施《村民委员会组织法》办法")]),
    # 本法 / 同法, aliases, titles written without 《》
    ("《中华人民共和国土地管理法》第六十二条；本法第六十三条", [C(LAND, 62), C(LAND, 63)]),
    ("《中华人民共和国土地管理法》第六十二条第一款，同法第六十三条", [C(LAND, 62, 1), C(LAND, 63)]),
    ("《民法典》第二百六十一条 《中华人民共和国宪法》第一百一十一条 本法第一百一十条", [C("民法典", 261), C("宪法", 111), C("宪法", 110)]),
    ("根据《中华人民共和国村民委员会组织法》（以下简称《组织法》）的规定，《组织法》第二十三条", [C(ORG, 23)]),
    ("依据村民委员会组织法第二十四条", [C(ORG, 24)]),
    ("宪法第一百一十一条", [C("宪法", 111)]),
    ("依据中华人民共和国村民委员会组织法第二十四条第一款第五项和宪法第一百一十一条", [C(ORG, 24, 1, 5), C("宪法", 111)]),
    ("《汕头经济特区村务公开条例》第三条", [C("汕头经济特区村务公开条例", 3)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[t for t, _ in CASES])
def test_reads_every_form(text, expected, corpus):
    got = parse_citations(text, corpus.works())
    assert [shape(c) for c in got] == expected
    assert all(c.problem is None and not c.resolved for c in got)  # reading alone never vouches for anything


def test_there_are_enough_real_style_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text,why", [
    ("第二十四条", "没有写明法规名称"),
    ("本法第五条", "“本法”前面没有法规名称"),
    ("《中华人民共和国土地管理法》第六十二条之一", "之一"),
    ("《中华人民共和国村民委员会组织法》第三章", "只引到章"),
    ("《村民委员会组织法》第〇条", "编号应从1开始"),
])
def test_unreadable_citations_carry_their_reason(text, why, corpus):
    got = parse_citations(text, corpus.works())
    assert len(got) == 1 and why in (got[0].problem or "")
    checked = validate_citations(got, corpus)
    assert not checked[0].resolved and why in (checked[0].problem or "")


def test_backward_range_is_flagged_not_dropped(corpus):
    got = validate_citations(parse_citations("《村民委员会组织法》第二十四条第二款至第一款"), corpus)
    assert [c.paragraph for c in got] == [2, None]
    assert not got[1].resolved and "范围不成立" in got[1].problem


def test_runaway_ranges_are_refused_not_expanded():
    with pytest.raises(BadRequest, match="上限"):
        parse_citations("《民法典》" + "".join(f"第{n}-{n + 150}条、" for n in range(1, 1200, 151)))


def test_text_without_citations_gives_nothing():
    assert parse_citations("村里开会讨论决定，报镇政府备案。") == []


def test_title_and_doc_number_normalisation():
    assert normalise_title("中华人民共和国村民委员会组织法（2018年修正）") == (ORG, "2018")
    assert normalise_title("广东省实施〈中华人民共和国消防法〉办法") == ("广东省实施《消防法》办法", None)
    assert normalise_doc_no("民发[2020]37号") == normalise_doc_no("民发（2020）37号") == "民发〔2020〕37号"
    assert normalise_doc_no("民发［２０２０］３７号") == "民发〔2020〕37号"
    assert normalise_doc_no("没有文号") is None


# ── validation against the bundled corpus ─────────────────────────────────────────────────────────

def one(text: str, corpus, **kw) -> Citation:
    got = validate_citations(parse_citations(text, corpus.works()), corpus, **kw)
    assert len(got) == 1, got
    return got[0]


def test_existing_provisions_resolve(corpus):
    for text in ("《中华人民共和国民法典》第一千二百六十条", "《民法典》第二百七十八条第一款第（五）项",
                 "《中华人民共和国村民委员会组织法》第二十四条第一款", "《广东省实施〈中华人民共和国消防法〉办法》第十条"):
        c = one(text, corpus)
        assert c.resolved and c.problem is None, (text, c)


def test_unknown_work(corpus):
    c = one("《中华人民共和国村民委员会选举法》第三条", corpus)
    assert not c.resolved and c.problem == "法规库中没有《村民委员会选举法》"
    nested = one("《广东省实施〈中华人民共和国村民委员会组织法〉办法》第十二条", corpus)
    assert not nested.resolved and nested.problem == "法规库中没有《广东省实施〈村民委员会组织法〉办法》"


def test_article_beyond_every_version(corpus):
    c = one("村民委员会组织法第五十一条", corpus)
    assert not c.resolved
    assert c.problem.startswith("《村民委员会组织法》只有50条")
    assert "2018-12-29版41条" in c.problem and "2025-10-28版50条" in c.problem
    single = one("《民法典》第一千二百六十一条", corpus)
    assert not single.resolved and single.problem == "《民法典》只有1260条"


def test_article_beyond_the_named_version(corpus):
    c = one("《中华人民共和国村民委员会组织法》（2018年修正）第四十五条", corpus)
    assert not c.resolved and c.version == "2018-12-29"
    assert c.problem == "《村民委员会组织法》2018-12-29版只有41条"


def test_article_in_only_one_version_says_which(corpus):
    c = one("《村民委员会组织法》第四十五条", corpus)
    assert c.resolved and c.version is None
    assert "仅见于2025-10-28版" in c.problem and "2018-12-29版只有41条" in c.problem


def test_paragraph_and_item_out_of_range(corpus):
    para = one("《村民委员会组织法》第二条第五款", corpus)
    assert not para.resolved and para.problem == "《村民委员会组织法》第二条只有3款"
    item = one("《中华人民共和国村民委员会组织法》（2018年修正）第二十四条第一款第（十）项", corpus)
    assert not item.resolved and item.problem == "《村民委员会组织法》2018-12-29版第二十四条第一款只有9项"
    no_items = one("《中华人民共和国土地管理法》第六十二条第一款第（一）项", corpus)
    assert not no_items.resolved and "没有分项" in no_items.problem


def test_version_year_picks_the_corpus_version(corpus):
    c2018 = one("《中华人民共和国村民委员会组织法》（2018年修正）第二十四条第一款第（五）项", corpus)
    assert c2018.resolved and c2018.version == "2018-12-29" and c2018.problem is None
    c2025 = one("《中华人民共和国村民委员会组织法》（2025年修正）第二十八条第一款第（五）项", corpus)
    assert c2025.resolved and c2025.version == "2025-10-28" and c2025.problem is None
    dated = one("《中华人民共和国行政处罚法》（2021年1月22日修订，2021年7月15日起施行）第二十四条第一款", corpus)
    assert dated.resolved and dated.version == "2021-01-22"


def test_wrong_version_year_is_flagged(corpus):
    c = one("《中华人民共和国村民委员会组织法》（2019年修正）第二条", corpus)
    assert not c.resolved and c.version == "2019"
    assert c.problem == "《村民委员会组织法》没有2019年的版本（法规库有 2018-12-29、2025-10-28）"
    wrong_day = one("《中华人民共和国村民委员会组织法》（2018年10月1日修正）第二条", corpus)
    assert not wrong_day.resolved and "没有2018-10-01的版本" in wrong_day.problem


def test_documents_and_declared_works(corpus):
    docs = {"粤府函〔2020〕136号": "广东省人民政府关于乡镇街道综合行政执法的公告"}
    by_number = one("依据粤府函[2020]136号", corpus, documents=docs)
    assert by_number.resolved and by_number.work == docs["粤府函〔2020〕136号"] and by_number.doc_no == "粤府函〔2020〕136号"
    mismatch = one("《关于加强村务监督的意见》（粤府函〔2020〕136号）", corpus, documents=docs)
    assert not mismatch.resolved and "与《关于加强村务监督的意见》不符" in mismatch.problem
    unknown = one("民发〔2020〕37号", corpus, documents=docs)
    assert not unknown.resolved and unknown.problem == "文件目录中没有民发〔2020〕37号"
    extra = one("《汕头经济特区村务公开条例》第三条", corpus, extra_works={"汕头经济特区村务公开条例"})
    assert extra.resolved and "未核对" in extra.problem  # accepted as declared, but never as checked
    not_declared = one("《汕头经济特区村务公开条例》第三条", corpus)
    assert not not_declared.resolved and not_declared.problem == "法规库中没有《汕头经济特区村务公开条例》"


def test_validation_leaves_the_parsed_citations_alone(corpus):
    parsed = parse_citations("《村民委员会组织法》（2018年修正）第二十四条")
    validate_citations(parsed, corpus)
    assert parsed[0].version == "2018" and not parsed[0].resolved


def test_cite_uses_the_bundled_catalog_declarations():
    got = cite("《汕头经济特区村务公开条例》第三条；粤府函〔2020〕136号；《村民委员会组织法》第五十一条")
    assert [c.resolved for c in got] == [True, True, False]
    assert got[1].work == "广东省人民政府关于乡镇街道综合行政执法的公告"
    assert got[2].to_dict().keys() == {"work", "article", "paragraph", "item", "version", "resolved", "problem"}
    assert "doc_no" in got[1].to_dict()
