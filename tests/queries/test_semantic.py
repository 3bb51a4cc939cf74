"""Closeness in meaning: a story told in words no item uses still finds its item; the shipped
vectors cover the bundled catalog (so no start-up encodes ~600 texts); a damaged vector cache is
noticed, said so and rebuilt."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from qingdan.queries import semantic
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore


@pytest.fixture(scope="module")
def resolver(memory_store: MemoryStore) -> Resolver:
    return Resolver(memory_store)


def test_shipped_vectors_cover_the_bundled_catalog(resolver: Resolver) -> None:
    have = semantic.shipped()
    missing = [r["id"] for r in resolver.index_records
               if any(semantic._key(t) not in have for t in (semantic.passage_text(r), *semantic.extra_texts(r)))]
    assert not missing, f"{len(missing)} 个事项没有预先计算的语义向量（如 {missing[:3]}）：请运行 make vectors"
    assert all(r["situations"] for r in resolver.index_records), "每个内置事项都应有群众描述的情形（data/catalog/situations.csv）"


def test_a_story_in_other_words_finds_its_item(resolver: Resolver) -> None:
    # 义务教育法 第十三条：督促适龄儿童、少年入学的是乡镇政府和县级教育部门，村里协助（控辍保学）；
    # the question says none of 入学、辍学、义务教育
    a = resolver.resolve("村里有户人家孩子初中没读完就跟着出去打工了", as_of="2025-06-01")
    assert a["item"] is not None and a["item"]["id"] == "AST-006", (a["verdict"], a["item"])


def test_off_topic_text_stays_unlisted_though_some_item_is_always_nearest(resolver: Resolver) -> None:
    # every text has a nearest item in meaning; that alone must not make it a village duty
    for q in ("今天天气怎么样", "帮我推荐几部好看的电影", "手机充不进电是什么原因"):
        assert resolver.resolve(q)["verdict"] == "unlisted", q


RECORDS = [{"id": "item/X-1", "kind": "autonomy", "name": "测试用的事项甲", "keywords": ["甲"], "description": "只在测试里出现的文字"},
           {"id": "item/X-2", "kind": "autonomy", "name": "测试用的事项乙", "keywords": [], "description": None}]


def test_damaged_vector_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("QINGDAN_CACHE", str(tmp_path))
    first = semantic.SemanticIndex(RECORDS)
    path = semantic._vectors_path()
    assert path.exists()  # texts the shipped table lacks were encoded and kept
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short, as by a full disk
    with caplog.at_level(logging.WARNING):
        again = semantic.SemanticIndex(RECORDS)
    assert "语义向量缓存" in caplog.text
    assert np.allclose(first.matrix, again.matrix, atol=1e-3)
    assert semantic._read_vectors(path)  # whole again


def test_a_question_told_like_an_items_situation_is_nearest_that_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the two items' own words say nothing of building sites or sleep; only the situation does
    monkeypatch.setenv("QINGDAN_CACHE", str(tmp_path))
    plain = [dict(r, situations=[]) for r in RECORDS]
    told = [plain[0], dict(plain[1], situations=["隔壁工地半夜还在打桩，吵得一家人睡不着"])]
    question = "晚上工地施工太吵了没法睡觉找谁"
    before = semantic.SemanticIndex(plain).similarities(question)
    after = semantic.SemanticIndex(told).similarities(question)
    assert after[1] > before[1] and after[1] > after[0], (before, after)
    assert after[0] == pytest.approx(before[0])  # an item without situations keeps its closeness
