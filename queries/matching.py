"""Free Chinese text → ranked list items.

jieba (with the catalog's own names and phrasings as its dictionary) gives words, character
bigrams catch what the tokenizer splits differently, rapidfuzz catches near-verbatim phrasings;
all three are weighted by how rare a term is across the catalog (idf), so "证明" counts less than
"无犯罪记录".
"""
from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import jieba
import opencc
from rapidfuzz import fuzz

from .lexicon import STOP_PHRASES, STOP_TOKENS, SYNONYMS

jieba.setLogLevel(logging.WARNING)
def _synonym_pattern() -> re.Pattern[str]:
    """One pass over the text, longest variant first; a variant that begins its own canonical
    form ("村委" → "村委会") is not replaced where the canonical form already stands."""
    parts = []
    for variant, canonical in sorted(SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        if variant == canonical:
            continue
        tail = canonical[len(variant):] if canonical.startswith(variant) else ""
        parts.append(re.escape(variant) + (f"(?!{re.escape(tail)})" if tail else ""))
    return re.compile("|".join(parts))


_SYN_RE = _synonym_pattern()
_TEXT_STOPS = sorted((p for p in STOP_PHRASES if len(p) >= 3 or p in {"请问", "一下", "如何", "这事"}), key=len, reverse=True)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
COVERAGE_WEIGHT = 0.6
MIN_PHRASE_MASS = 8.0
CONTEXT_GRAMS = frozenset({"镇政", "政府", "府让", "村委", "委会", "居委", "街道", "村民", "居民", "干部", "书记", "主任", "社区", "乡镇", "支书", "村长"})
# who is asked about, not what: in "镇里让村委会去执法" only 执法 says which item it is
CONTEXT_WORDS = ("政府", "村委会", "居委会", "街道", "村民", "居民", "干部", "书记", "主任", "支书", "村长", "社区", "乡镇", "镇里", "县里", "区里")
FIELD_WEIGHTS = {"name": 3.0, "keywords": 3.0, "category": 1.0, "description": 1.0}


_T2S = opencc.OpenCC("t2s")


# copy sites annotate characters with their pinyin ("鎮(zhèn)"): a text pasted from one carries it
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def simplified(text: str) -> str:
    """Traditional characters (a Taiwan, Hong Kong or old-style writer: 村務公開) as simplified ones,
    without the pinyin notes of a page the text was pasted from."""
    return _T2S.convert(_PINYIN_NOTE.sub("", text))


def normalize(text: str) -> str:
    """Simplified characters, full-width to half-width, lower case, variant wording to catalog
    wording, no punctuation."""
    t = unicodedata.normalize("NFKC", simplified(text)).lower()
    t = _SYN_RE.sub(lambda m: SYNONYMS[m.group(0)], t)
    return _PUNCT.sub(" ", t).strip()


def strip_scaffolding(text: str) -> str:
    for p in _TEXT_STOPS:
        text = text.replace(p, " ")
    return re.sub(r"\s+", " ", text).strip()


def bigrams(text: str) -> set[str]:
    s = text.replace(" ", "")
    grams = set()
    for chunk in text.split():
        grams |= {chunk[i:i + 2] for i in range(len(chunk) - 1)}
    return {g for g in grams if g and not all(ch in STOP_TOKENS for ch in g)} if s else set()


@dataclass
class Doc:
    id: str
    kind: str
    weights: dict[str, float] = field(default_factory=dict)  # term → best field weight
    phrases: list[str] = field(default_factory=list)  # name + keywords, normalized
    phrase_terms: list[frozenset[str]] = field(default_factory=list)  # the words of each of them


@dataclass(frozen=True)
class Match:
    id: str
    score: float


_BASE: jieba.Tokenizer | None = None
_BASE_LOCK = threading.Lock()


def fresh_tokenizer() -> jieba.Tokenizer:
    """A tokenizer with jieba's dictionary and nothing else: the dictionary is read once per process
    (~1 s) and copied for every index after that, so rebuilding the resolver for a new graph does not
    read it again; each index then adds its own items' words to its own copy."""
    global _BASE
    with _BASE_LOCK:
        if _BASE is None:
            base = jieba.Tokenizer()
            base.check_initialized()
            _BASE = base
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(_BASE.FREQ), _BASE.total, True
    return tok


class ItemIndex:
    """An inverted index over items; built once per loaded graph."""

    def __init__(self, records: list[dict[str, object]]) -> None:
        self.tokenizer = fresh_tokenizer()
        for r in records:
            for phrase in [r.get("name"), *(r.get("keywords") or [])]:  # type: ignore[misc]
                p = normalize(str(phrase or ""))
                for word in p.split():
                    if 2 <= len(word) <= 8:
                        self.tokenizer.add_word(word, freq=2000)
        for canonical in set(SYNONYMS.values()):
            self.tokenizer.add_word(canonical, freq=2000)
        self.docs: dict[str, Doc] = {}
        postings: dict[str, set[str]] = defaultdict(set)
        for r in records:
            doc = Doc(str(r["id"]), str(r.get("kind")))
            for fname, weight in FIELD_WEIGHTS.items():
                values = r.get(fname) or []
                for value in values if isinstance(values, list) else [values]:
                    text = normalize(str(value))
                    for term in self.terms(text):
                        doc.weights[term] = max(doc.weights.get(term, 0.0), weight)
                    if fname in ("name", "keywords"):
                        doc.phrases.append(text.replace(" ", ""))
                        doc.phrase_terms.append(frozenset(self.terms(text)))
            self.docs[doc.id] = doc
            for term in doc.weights:
                postings[term].add(doc.id)
        n = max(len(self.docs), 1)
        self.postings = postings
        self.idf = {t: math.log(1 + n / len(ids)) for t, ids in postings.items()}
        # computed once here rather than per question: ranking a question read them ~1,500 times
        self.weights = {t: self._weight_of(t) for t in self.idf}
        self.phrase_words: dict[str, list[tuple[list[str], float]]] = {}
        for doc in self.docs.values():
            kept = []
            for pt in doc.phrase_terms:
                words = [t for t in pt if not t.startswith("#")]
                mass = sum(self._weight(t) for t in words)
                if mass >= MIN_PHRASE_MASS:
                    kept.append((words, mass))
            self.phrase_words[doc.id] = kept

    def words(self, text: str) -> list[str]:
        return [w for w in self.tokenizer.lcut_for_search(text) if w.strip() and w not in STOP_TOKENS and not w.isspace()]

    def terms(self, text: str) -> set[str]:
        words = {w for w in self.words(text) if len(w) >= 2 or not w.isascii()}
        words = {w for w in words if not (len(w) == 1 and w in STOP_TOKENS)}
        return words | {"#" + g for g in bigrams(text)}

    def coverage(self, doc_id: str, terms: set[str]) -> float:
        """The largest share (by idf) of one name or phrasing of the item found in the question;
        phrasings of little weight (one common word) do not count."""
        best = 0.0
        weights = self.weights
        for words, mass in self.phrase_words[doc_id]:
            got = sum(weights.get(t, 0.0) for t in words if t in terms)
            best = max(best, got / mass)
        return best ** 2

    def _weight(self, term: str) -> float:
        return self.weights.get(term, 0.0)

    def _weight_of(self, term: str) -> float:
        """A word's weight in a phrasing: its rarity, less for the bodies every question names."""
        w = self.idf.get(term, 0.0)
        return w * 0.25 if any(b in term.lstrip("#") for b in CONTEXT_WORDS) or term.lstrip("#") in CONTEXT_GRAMS else w

    def search(self, text: str, limit: int = 10, allowed: set[str] | None = None) -> list[Match]:
        q = strip_scaffolding(normalize(text))
        terms = self.terms(q)
        if not terms:
            return []
        # words the catalog never uses dilute the score, but only half as much as known ones:
        # "三轮车" in a question about 扣押 should not sink it, "天气" alone still finds nothing
        unknown = 0.7 * math.log(1 + len(self.docs))
        q_mass = sum(self._weight(t) if t in self.idf else unknown for t in terms)
        scores: dict[str, float] = defaultdict(float)
        for t in terms:
            if t not in self.idf:
                continue
            idf = self._weight(t)
            for doc_id in self.postings[t]:
                if allowed is None or doc_id in allowed:
                    scores[doc_id] += idf * self.docs[doc_id].weights[t] / 3.0
        compact = q.replace(" ", "")
        # fuzzy comparison is the costly part: only the lexically plausible candidates get it
        shortlist = sorted(scores.items(), key=lambda kv: -kv[1])[:40]
        ranked: list[Match] = []
        tie: dict[str, float] = {}
        for doc_id, s in shortlist:
            lexical = s / q_mass
            fuzzy = 0.0
            if len(compact) >= 2:
                fuzzy = max((fuzz.partial_ratio(compact, p) for p in self.docs[doc_id].phrases if p), default=0.0) / 100.0
            score = 0.7 * lexical + 0.3 * fuzzy * min(1.0, lexical * 4)
            # a long story dilutes the share of its words any item covers; how much of one of the
            # item's own phrasings the question contains does not shrink with the story's length
            score = max(score, COVERAGE_WEIGHT * self.coverage(doc_id, terms))
            ranked.append(Match(doc_id, round(score, 4)))
            tie[doc_id] = lexical
        # ties (several items covered in full) go to the item that also shares more of the question's words
        ranked.sort(key=lambda m: (-m.score, -tie[m.id], m.id))
        return ranked[:limit]
