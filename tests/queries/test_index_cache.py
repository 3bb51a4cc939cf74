"""The resolver's start-up shortcuts must not change a single answer: jieba's dictionary read in
pieces cuts every text as jieba itself does, and an index read back from the cache ranks every
question as a freshly built one; a damaged cache is noticed, said so and rebuilt."""
from __future__ import annotations

import csv
import logging
from pathlib import Path

import jieba
import pytest

from qingdan.queries import matching, tokenizer
from qingdan.queries.matching import ItemIndex
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

DEV = Path(__file__).resolve().parents[2] / "bench" / "eval" / "dev.csv"
ODD = ["", " ", "  \r\n 村 ", "abc 123 无犯罪记录证明 x-y.z%", "村务公开栏多久更新一次？", "宅基地審批歸誰管",
       "ＡＢＣ１２３村委会", "😀 村民代表会议"]


def dev_questions() -> list[str]:
    with DEV.open(encoding="utf-8") as f:
        return [row["question"] for row in csv.DictReader(f)]


@pytest.fixture(scope="module")
def jieba_own() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.check_initialized()
    return tok


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QINGDAN_CACHE", str(tmp_path))
    return tmp_path


def test_pieces_cut_as_jieba_does(jieba_own: jieba.Tokenizer) -> None:
    lazy = tokenizer.LazyTokenizer()
    for word in ("无犯罪记录证明", "村民代表会议", "一事一议", "宅"):
        lazy.add_word(word, freq=2000)
        jieba_own.add_word(word, freq=2000)
    for text in [*dev_questions(), *ODD]:
        assert lazy.lcut_for_search(text) == jieba_own.lcut_for_search(text), text
        assert lazy.lcut(text) == jieba_own.lcut(text), text
    assert lazy.total == jieba_own.total
    assert all(jieba_own.FREQ[k] == v for k, v in lazy.FREQ.items())


def test_damaged_dictionary_pieces_are_rebuilt(cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(tokenizer, "_PIECES", None)
    tokenizer.pieces()
    path = tokenizer.pieces_path()
    assert path.exists()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short, as by a full disk
    monkeypatch.setattr(tokenizer, "_PIECES", None)
    with caplog.at_level(logging.WARNING):
        again = tokenizer.pieces()
    assert "分词词典缓存" in caplog.text and "已损坏" in caplog.text
    assert tokenizer.LazyTokenizer(again).lcut("村民代表会议讨论宅基地") == \
        tokenizer.LazyTokenizer().lcut("村民代表会议讨论宅基地")


@pytest.fixture(scope="module")
def records(memory_store: MemoryStore) -> list[dict[str, object]]:
    return Resolver(memory_store).index_records


def state_of(index: ItemIndex) -> tuple[object, ...]:
    added, docs, postings, idf, weights, phrase_words = index._state()
    return added, docs, {t: set(ids) for t, ids in postings.items()}, idf, weights, phrase_words


def test_cached_index_ranks_as_a_fresh_one(records: list[dict[str, object]], cache_dir: Path) -> None:
    fresh = ItemIndex(records, cache=False)
    first = ItemIndex(records)  # builds and writes the cache
    cached = ItemIndex(records)  # reads it back
    assert not first.cached and cached.cached
    assert state_of(cached) == state_of(fresh)
    for q in [*dev_questions(), *ODD[1:]]:
        assert cached.search(q, limit=16) == fresh.search(q, limit=16), q


def test_other_records_do_not_meet_the_cache(records: list[dict[str, object]], cache_dir: Path) -> None:
    ItemIndex(records)
    changed = [dict(r) for r in records]
    changed[0]["keywords"] = [*(changed[0].get("keywords") or []), "一个新说法"]  # type: ignore[list-item]
    other = ItemIndex(changed)
    assert not other.cached
    assert state_of(other) == state_of(ItemIndex(changed, cache=False))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_damaged_index_cache_is_rebuilt(records: list[dict[str, object]], cache_dir: Path, damage: str,
                                        caplog: pytest.LogCaptureFixture) -> None:
    ItemIndex(records)
    [path] = list((cache_dir / "index").glob("items-*.marshal"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "flip":
        path.write_bytes(data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:])
    else:
        path.write_bytes(b"not an index")
    with caplog.at_level(logging.WARNING):
        again = ItemIndex(records)
    assert not again.cached
    assert "检索索引缓存" in caplog.text and "已损坏" in caplog.text and "重新建立" in caplog.text
    assert state_of(again) == state_of(ItemIndex(records, cache=False))
    assert ItemIndex(records).cached  # the rebuilt file was written back whole


def test_cache_can_be_turned_off(records: list[dict[str, object]], cache_dir: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_INDEX_CACHE", "0")
    assert not ItemIndex(records).cached
    assert not (cache_dir / "index").exists()


def test_resolver_answers_the_same_from_a_cached_index(memory_store: MemoryStore, cache_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_INDEX_CACHE", "0")
    fresh = Resolver(memory_store)
    monkeypatch.setenv("QINGDAN_INDEX_CACHE", "1")
    Resolver(memory_store)
    cached = Resolver(memory_store)
    assert cached.index.cached and not fresh.index.cached
    for q in dev_questions()[:60]:
        assert cached.resolve(q) == fresh.resolve(q), q
