"""`cite --as-of`: citations read against the text in force on a day (bundled corpus)."""
from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from qingdan.loaders.cite import cite


def test_versioned_citation_gets_its_counterpart_in_the_text_in_force():
    (c,) = cite("《中华人民共和国村民委员会组织法》（2018年修正）第三十条", as_of=date(2026, 6, 1))
    assert c.resolved and c.version == "2018-12-29"
    f = c.in_force
    assert (f["version"], f["status"], f["article"], f["citation"]) == ("2025-10-28", "in_force", 35, "村民委员会组织法@2025-10-28#35")
    assert 0.7 < f["score"] < 1.0 and f["notice"] is None


def test_unversioned_citation_is_checked_against_the_text_in_force_that_day():
    (old,) = cite("《食品安全法》第三十五条第一款", as_of=date(2016, 6, 1))
    assert old.in_force["version"] == "2015-04-24" and old.in_force["article"] == 35 and old.problem is None
    (none,) = cite("《村民委员会组织法》第四十五条", as_of=date(2020, 1, 1))  # only the 2025 text has 45 articles
    assert not none.resolved and "2018-12-29版只有41条" in none.problem
    (later,) = cite("《村民委员会组织法》第四十五条", as_of=date(2026, 6, 1))
    assert later.resolved and later.in_force["version"] == "2025-10-28"


def test_missing_text_not_yet_and_repealed_are_said_plainly():
    (m,) = cite("《治安管理处罚法》第三十二条", as_of=date(2012, 12, 1))  # the 2012 amendment: in force 2013-01-01
    assert m.in_force["status"] == "missing"
    assert m.in_force["notice"] == "《治安管理处罚法》：该日施行的文本未收录，以下按最近的版本（2012年）核对"
    (n,) = cite("《乡村振兴促进法》第十条", as_of=date(2019, 6, 1))
    assert n.in_force["status"] == "not_yet" and "2021-06-01起施行" in n.in_force["notice"]
    (r,) = cite("《婚姻法》第三条", as_of=date(2022, 6, 1))
    assert r.in_force["status"] == "repealed" and "被《民法典》废止" in r.in_force["notice"]


def test_without_as_of_the_json_is_unchanged():
    (c,) = cite("《村民委员会组织法》第三十条")
    assert "in_force" not in c.to_dict()


def test_cli_as_of():
    from qingdan.api.cli import app

    r = CliRunner().invoke(app, ["cite", "《村民委员会组织法》（2018年修正）第三十条", "--as-of", "2026-06-01"])
    assert r.exit_code == 0 and "第三十五条" in r.stdout and "2025-10-28" in r.stdout
    j = CliRunner().invoke(app, ["cite", "《村民委员会组织法》第三十条", "--as-of", "2015-01-01", "--json"])
    assert "该日施行的文本未收录" in json.loads(j.stdout)[0]["in_force"]["notice"]
