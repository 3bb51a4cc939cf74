"""依据 text checked against the text in force on the list's date. What the library lacks is a warning
that names the work and the date, and the citation is kept as written; what no text could hold —
an article beyond every held version, a law cited before it existed — is an error."""
from __future__ import annotations

import pytest

from qingdan.loaders.catalog import load_catalog
from qingdan.loaders.importer.bases import Citer
from qingdan.loaders.laws import cached_corpus

ORG = "《中华人民共和国村民委员会组织法》"
NOT_HELD = "；依据按原文记录，未链接到条文，补充该文本后重新导入即可链接"


@pytest.fixture()
def citer(mini_catalog, mini_laws) -> Citer:
    return Citer(load_catalog(mini_catalog), cached_corpus(str(mini_laws)))


def test_the_text_in_force_on_the_lists_date_is_the_one_cited(citer):
    assert citer.read(f"{ORG}第二十四条第一款第（六）项", "2024-05-01").keys == ["村民委员会组织法@2018-12-29#24.1.6"]
    assert citer.read(f"{ORG}第二十八条第一款第（六）项", "2026-02-01").keys == ["村民委员会组织法@2025-10-28#28.1.6"]
    got = citer.read(f"{ORG}第四十五条", "2024-05-01")  # only the 2025 text, not yet in force, has it
    assert got.keys == [] and got.problems == [
        "《村民委员会组织法》第四十五条：《村民委员会组织法》2018-12-29版只有41条（清单施行日 2024-05-01 适用 2018-12-29 版）"]


def test_a_date_before_every_held_text_is_a_warning_naming_work_and_date(citer):
    got = citer.read(f"{ORG}第二十四条", "2015-03-01")
    assert got.problems == [] and got.keys == []
    assert got.warnings == ["《村民委员会组织法》第二十四条：法规库没有《村民委员会组织法》在清单施行日 2015-03-01 施行的文本"
                            "（最早收录的是 2018-12-29 版，自 2018-12-29 施行）" + NOT_HELD]
    assert got.unlinked == ["《村民委员会组织法》第二十四条"]


def test_a_version_named_but_not_held_is_a_warning(citer):
    got = citer.read(f"{ORG}（2010年修订）第二十四条", "2024-05-01")
    assert got.problems == [] and got.keys == []
    assert got.warnings == ["《村民委员会组织法》第二十四条（2010年版）：法规库没有《村民委员会组织法》2010年的文本" + NOT_HELD]


def test_a_work_the_library_does_not_hold_is_a_warning(citer):
    got = citer.read("《中华人民共和国人民调解法》第八条", "2024-05-01")
    assert got.problems == [] and got.unlinked == ["《人民调解法》第八条"]
    assert got.warnings == ["《人民调解法》第八条：《人民调解法》不在法规库中（也未在 works_extra.csv 声明），"
                            "清单施行日 2024-05-01 时的文本无从核对" + NOT_HELD]


def test_what_no_text_could_hold_is_still_an_error(citer):
    got = citer.read(f"{ORG}第九十九条", "2015-03-01")  # the held texts have 41 and 50 articles
    assert got.warnings == [] and got.problems == [
        "《村民委员会组织法》第九十九条：《村民委员会组织法》任何版本都没有第九十九条（法规库收录的版本：2018-12-29版41条，2025-10-28版50条）"]
    got = citer.read(f"{ORG}第二十四条", "1990-01-01")  # first adopted 1998-11-04
    assert got.warnings == [] and got.problems == [
        "《村民委员会组织法》第二十四条：清单施行日 1990-01-01 时《村民委员会组织法》尚未制定（1998-11-04 首次通过）"]


def test_one_cell_mixing_held_and_missing_texts_keeps_both(citer):
    got = citer.read(f"{ORG}第二条第二款；《人民调解法》第八条", "2024-05-01")
    assert got.keys == ["村民委员会组织法@2018-12-29#2.2"] and got.unlinked == ["《人民调解法》第八条"]
