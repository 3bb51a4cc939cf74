"""The body a "does X deal with it?" question names (queries/bodies.py), read from the graph's names and aliases."""
from __future__ import annotations

from typing import Any

import pytest

from qingdan.queries.bodies import body_names, named_in
from qingdan.queries.intent import detect
from qingdan.queries.matching import simplified


@pytest.mark.parametrize("question, body", [
    ("镇政府对土地流转到底管不管？", "bodytype/town_government"),
    ("村里的垃圾清运，镇人民政府该不该管", "bodytype/town_government"),
    ("派出所管不管村里的土地纠纷", "bodytype/county_public_security"),
    # the name inside the cue; a story's earlier words about a certificate do not make it a certificate question
    ("居委会开证明收费，到底归不归街道管？", "bodytype/subdistrict_office"),
    ("有关部门管不管", None),  # a generic name names no body
    ("土地流转归谁管", None),  # asks who, names no one
    ("镇政府负责低保审批吗，谁来批", None),  # the cue asks who approves, not whether the town deals with it
])
def test_the_body_asked_about_is_the_one_before_the_cue(memory_store: Any, question: str, body: str | None) -> None:
    plain = simplified(question)
    found = named_in(body_names(memory_store), plain, detect(plain))
    assert (found[1].id if found else None) == body


def test_a_longer_name_is_read_before_its_alias(memory_store: Any) -> None:
    names = [n for n, _ in body_names(memory_store)]
    assert names.index("镇人民政府") < names.index("镇政府")
    assert "镇" not in names and "有关部门" not in names
