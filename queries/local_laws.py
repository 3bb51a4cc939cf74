"""A place's own regulations beside national law: the provisions of the local regulations binding a
village that bear on a duty, found by their words.

For a village outside the bundled lists an answer rests on national law, but its province or city
may say more (浙江省实施《村民委员会组织法》办法 第二十九条 on 村务公开, 宁波市法治乡村建设促进条例 …).
No list files those provisions under the duty, so they are found from the graph: the articles of
the local regulations binding the place that speak of the committees (or belong to a regulation
about them) are compared, as character bigrams weighted by how rare they are among those articles,
with the duty's own words (name, phrasings, description) and with the national provisions it rests
on. An article must resemble both the duty's words and, together, pass a bar; the answer marks it
as found by content, to be checked — never as the duty's own basis.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from qingdan.statute_text import compared, names_committee

from .provisions import describe_provision
from .scope import Scope
from .stores.base import GraphStore, Node

# a regulation about the committees themselves: all its articles count, also "村应当实行村务公开制度"
ABOUT_COMMITTEES = re.compile(r"村民委员会|居民委员会|村务|村民自治|村民小组|社区")
HAN = re.compile(r"[^\u4e00-\u9fff]")
MIN_SCORE = 0.12  # the mean of both similarities (cosine of tf-idf bigram vectors); 0.15 missed 河北省村务公开条例 第七条 for 村务公开
MIN_OWN_WORDS = 0.08  # an article must resemble the duty's own words, not only its national basis
RELATIVE = 0.6  # and keep up with the best article found for the duty
LIMIT = 3
# a regulation about the other kind of committee does not bind this one: a 村 is not governed by a
# province's rules for residents' committees, nor a 社区 by its rules for villagers' committees
OTHER_KIND = {"村": re.compile(r"居民委员会"), "社区": re.compile(r"村民委员会")}
OWN_KIND = {"村": re.compile(r"村民"), "社区": re.compile(r"居民|社区")}
Vector = dict[str, float]


def grams(text: str) -> Counter[str]:
    t = HAN.sub("", text)
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


@dataclass(frozen=True)
class Candidate:
    provision: Node
    version: Node
    vector: Vector


class _Index:
    """The candidate articles binding one place on one day, with their idf weights."""

    def __init__(self, articles: list[tuple[Node, Node]]) -> None:
        counts = [grams(compared(p.get("text") or "")) for p, _ in articles]
        df = Counter(g for c in counts for g in c)
        n = len(counts)
        self.idf = {g: math.log((n + 1) / (k + 0.5)) for g, k in df.items()}
        self.default_idf = math.log(n + 1) if n else 0.0
        self.candidates = [Candidate(p, v, self.vector(c)) for (p, v), c in zip(articles, counts)]

    def vector(self, counts: Counter[str]) -> Vector:
        v = {g: (1 + math.log(k)) * self.idf.get(g, self.default_idf) for g, k in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {g: x / norm for g, x in v.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


class LocalLaws:
    """The local regulations held in the graph, read once per resolver (the graph is fixed for it)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._versions: list[Node] | None = None
        self._articles: dict[str, list[Node]] = {}
        self._indexes: dict[tuple[str, ...], _Index] = {}

    def versions(self) -> list[Node]:
        if self._versions is None:
            self._versions = [v for v in self.store.nodes("WorkVersion")
                              if (v.get("jurisdiction") or "CN") != "CN" and v.get("in_corpus")]
        return self._versions

    def binding(self, scope: Scope, day: date) -> list[Node]:
        """The local statute versions in force that day whose jurisdiction contains the place."""
        d = day.isoformat()
        return [v for v in self.versions() if scope.binds(v.get("jurisdiction"))
                and (v.get("in_force_from") or v.get("version_date") or "") <= d
                and (not v.get("in_force_to") or d <= v.get("in_force_to"))]

    def _articles_of(self, version: Node) -> list[Node]:
        if version.id not in self._articles:
            whole = ABOUT_COMMITTEES.search(version.get("title") or "") is not None
            self._articles[version.id] = sorted(
                (p for _, p in self.store.neighbors(version.id, "PROVISION_OF", "in")
                 if p.get("paragraph") is None and (whole or names_committee(p.get("text") or ""))),
                key=lambda p: p.get("article") or 0)
        return self._articles[version.id]

    def index(self, versions: list[Node]) -> _Index:
        key = tuple(v.id for v in versions)
        if key not in self._indexes:
            if len(self._indexes) > 64:
                self._indexes.clear()
            self._indexes[key] = _Index([(p, v) for v in versions for p in self._articles_of(v)])
        return self._indexes[key]

    def related(self, item: Node, bases: list[dict[str, Any]], scope: Scope, day: date,
                committee: str | None = None) -> list[dict[str, Any]]:
        """Up to three articles of the place's own regulations that bear on the duty, best first,
        each described like any basis, with how it was found. committee: 村 or 社区, the kind of
        committee the village has (regulations about the other kind are left out)."""
        versions = self.binding(scope, day)
        if committee in OTHER_KIND:
            versions = [v for v in versions if not (OTHER_KIND[committee].search(v.get("title") or "")
                                                    and not OWN_KIND[committee].search(v.get("title") or ""))]
        if not versions:
            return []
        idx = self.index(versions)
        own = " ".join([item.get("name_zh") or ""] * 2 + list(item.get("keywords") or []) + [item.get("description") or ""])
        national = " ".join(compared(b.get("text") or "") for b in bases if (b.get("jurisdiction") or "CN") == "CN")
        q_own = idx.vector(grams(own))
        q_law = idx.vector(grams(national)) if national else {}
        scored = []
        for c in idx.candidates:
            by_words = cosine(q_own, c.vector)
            by_law = cosine(q_law, c.vector) if q_law else 0.0
            score = (by_words + by_law) / 2
            if by_words >= MIN_OWN_WORDS and score >= MIN_SCORE:
                scored.append((score, by_words, by_law, c))
        scored.sort(key=lambda s: (-s[0], s[3].provision.id))
        out = []
        for score, by_words, by_law, c in scored[:LIMIT]:
            if score < RELATIVE * scored[0][0]:
                break
            b = describe_provision(self.store, c.provision)
            b.update(found_by="content", current=True, status="in_force",
                     match={"score": round(score, 3), "own_words": round(by_words, 3), "national_basis": round(by_law, 3)},
                     note=f"{b['jurisdiction_name']}地方性法规中相关的条款（按条文内容关联，供核对）")
            out.append(b)
        return out
