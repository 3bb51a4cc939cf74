"""A short question that names the village but asks about everyday life is 未列入, while short
questions about a duty keep their answer; the shipped judgement matches the examples it was
trained on; bad examples are refused naming file, row and field."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qingdan.errors import DataError
from qingdan.queries import topic_judge
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore
from tests.catalog_tools import tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "catalog" / "topic_examples.csv"


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_shipped_judgement_matches_the_examples(resolver: Resolver) -> None:
    table = topic_judge.shipped()
    assert table is not None, "缺少话题判断权重：请运行 make topic-judge"
    on, off = tool("write_topic_judge").read_examples(EXAMPLES)
    on = topic_judge.catalog_texts(resolver.index_records) + on
    assert table["trained_on"] == topic_judge.fingerprint(on, off), "话题判断权重已过期：请运行 make topic-judge"


# written for this test, none of them in topic_examples.csv: each shares a word or two with some item
@pytest.mark.parametrize("question", ["村里的井水能直接喝吗", "村干部平时都用什么手机", "村里的戏台什么时候建的，有多少年历史",
                                      # a villager's own money and work (loans, wages) is no duty of the village or the town
                                      "在县城买房公积金能贷多少", "镇上鞋厂晚上加班，加班工资按几倍算"])
def test_a_short_village_question_about_everyday_life_is_unlisted(resolver: Resolver, question: str) -> None:
    assert resolver.resolve(question, as_of="2025-06-01")["verdict"] == "unlisted"


@pytest.mark.parametrize("question, item", [
    ("村里的集体鱼塘要承包出去，要不要开会", "MP-011"),
    ("低保公示几天", "MP-038"),
    ("上面搞人口普查，村委会要配合做哪些事", "AST-061"),
])
def test_a_short_question_about_a_duty_keeps_its_item(resolver: Resolver, question: str, item: str) -> None:
    a = resolver.resolve(question, as_of="2025-06-01")
    assert a["item"] is not None and a["item"]["id"] == item, (a["verdict"], a["item"])


def test_bad_examples_are_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "topic_examples.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label", "question", "provenance_status", "source"])
        w.writerow(["off", "村口的桂花几月开", "modeled", "测试"])
        w.writerow(["maybe", "村里修路谁出钱", "modeled", "测试"])
    with pytest.raises(DataError) as e:
        tool("write_topic_judge").read_examples(path)
    assert "topic_examples.csv 第3行 字段 label" in str(e.value)


def test_the_judgement_is_off_with_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_SEMANTIC", "0")
    assert topic_judge.on_topic_probability("村里的井水能直接喝吗") is None
