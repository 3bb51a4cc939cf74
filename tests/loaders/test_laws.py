from pathlib import Path

import pytest

from qingdan import paths
from qingdan.errors import DataError
from qingdan.loaders.laws import load_corpus, parse_law_text


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(paths.laws_dir())


def test_organic_law_article_counts(corpus):
    assert len(corpus.get("村民委员会组织法", "2018-12-29").articles) == 41
    assert len(corpus.get("村民委员会组织法", "2025-10-28").articles) == 50


def test_paragraphs_and_items_of_a_sample(corpus):
    v2018 = corpus.get("村民委员会组织法", "2018-12-29")
    art24 = v2018.articles[24]
    assert len(art24.paragraphs) == 3  # the list, the delegation to representatives, the rule of law
    assert len(art24.paragraphs[0].items) == 9
    assert "宅基地的使用方案" in art24.paragraphs[0].items[5]
    v2025 = corpus.get("村民委员会组织法", "2025-10-28")
    art28 = v2025.articles[28]
    assert len(art28.paragraphs[0].items) == 6
    assert len(art28.paragraphs) == 4
    assert len(v2018.articles[2].paragraphs) == 3


def test_minfadian_is_one_work_dated_by_adoption(corpus):
    v = corpus.get("民法典", "2020-05-28")
    assert v is not None and len(v.articles) == 1260
    assert v.in_force_from == "2021-01-01"
    assert "婚姻法" in v.articles[1260].text


def test_every_file_becomes_a_dated_version(corpus):
    files = [f for f in paths.laws_dir().rglob("*.md") if f.parent.name != "民法典"]
    assert len(corpus.versions) == len(files) + 1  # the parts of 民法典 are one work
    assert all(len(v.version_date) == 10 for v in corpus.versions.values())
    assert corpus.get("宪法", "2018-03-11").max_article == 143


def test_undated_file_without_history_is_refused(tmp_path: Path):
    with pytest.raises(DataError, match="无法确定版本日期"):
        parse_law_text("# 某法\n\n<!-- INFO END -->\n\n第一条 内容\n", "某法", None, "某法.md")


def test_other_corpus_folder(tmp_path: Path):
    (tmp_path / "测试法(2020-01-01).md").write_text(
        "# 测试法\n\n<!-- INFO END -->\n\n第一条 总则。\n\n第二条 下列事项：\n\n（一）甲；\n\n（二）乙。\n\n第二款内容。\n", "utf-8")
    c = load_corpus(tmp_path)
    v = c.get("测试法", "2020-01-01")
    assert [len(p.items) for p in v.articles[2].paragraphs] == [2, 0]
