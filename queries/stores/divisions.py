"""The country's divisions beyond the loaded lists' places, held compactly and read as graph nodes.

620,573 villages, 41,352 towns and their bodies as networkx nodes (one Node, one props dict and
networkx's own dicts each) cost the embedded store ~3.5 GB and ~40 s to start, for reference data
of one fixed shape: NBS code, name, level, urban/rural kind; WITHIN the division its code extends;
a body whose type follows from level and kind. A DivisionTable keeps them per level as a sorted
array of codes, the names joined into one string with an array of offsets, and one byte each for
kind and body type, and makes the Node and Rel objects the GraphStore methods return only when
asked — the village, its town, district and committee through node() and neighbors() exactly as
loaders/pipeline.add_national used to add them to the property graph. A division's children are
the codes in its code range (an NBS code extends its parent's: checked when the table is built).

Only the embedded store reads a table in place; the Neo4j store writes its rows out as ordinary
nodes (rows(): the loader reads them one by one, PropertyGraph.expanded() gives the same as one
graph), so what Neo4j holds is unchanged.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .base import Node, Rel

LEVELS = ("province", "city", "district", "town", "village")
WIDTH = {"province": 2, "city": 4, "district": 6, "town": 9, "village": 12}
LEVEL_OF_WIDTH = {w: lv for lv, w in WIDTH.items()}
LABEL = {"province": "Province", "city": "City", "district": "District", "town": "Town", "village": "Village"}
LEVEL_OF_LABEL = {lb: lv for lv, lb in LABEL.items()}
KINDS = ("", "村", "社区", "镇", "街道", "乡")
BODY_TYPES = ("", "residents_committee", "village_committee", "subdistrict_office", "town_government",
              "county_government")
TABLE_RELS = ("BODY_OF", "BODY_TYPE", "WITHIN")


@dataclass(frozen=True)
class DivisionRow:
    """One division as the loader gives it, with its body (body_type "" when it has none)."""

    code: str
    name: str
    level: str
    kind: str = ""
    body_type: str = ""
    body_name: str = ""
    parent: str | None = None  # as the NBS table gives it; must be the code's own prefix


def _join(parts: Iterable[str]) -> tuple[str, array]:
    """One string and the offsets of its parts: a few bytes a name instead of a str object each."""
    at = array("L", [0])
    texts = []
    for p in parts:
        texts.append(p)
        at.append(at[-1] + len(p))
    return "".join(texts), at


class _Level:
    """The divisions of one level, sorted by code (one width per level: numeric order is id order)."""

    def __init__(self, rows: list[DivisionRow]) -> None:
        rows = sorted(rows, key=lambda r: r.code)
        self.codes = array("q", (int(r.code) for r in rows))
        self.kinds = bytes(KINDS.index(r.kind) for r in rows)
        self.btypes = bytes(BODY_TYPES.index(r.body_type) for r in rows)
        self.text, self.text_at = _join(r.name for r in rows)
        self.body_text, self.body_at = _join(r.body_name if r.body_type else "" for r in rows)

    def __len__(self) -> int:
        return len(self.codes)

    def find(self, code: int) -> int | None:
        i = bisect_left(self.codes, code)
        return i if i < len(self.codes) and self.codes[i] == code else None

    def name(self, i: int) -> str:
        return self.text[self.text_at[i]:self.text_at[i + 1]]

    def body_name(self, i: int) -> str:
        return self.body_text[self.body_at[i]:self.body_at[i + 1]]


class DivisionTable:
    """Divisions (and their bodies) by NBS code, with the one provenance all of them carry."""

    def __init__(self, rows: Iterable[DivisionRow], source: str, body_source: str) -> None:
        by_level: dict[str, list[DivisionRow]] = {lv: [] for lv in LEVELS}
        seen: set[str] = set()
        for r in rows:
            if r.level not in WIDTH or len(r.code) != WIDTH[r.level] or not r.code.isdigit():
                raise ValueError(f"区划代码 {r.code} 与层级 {r.level} 不符")
            depth = LEVELS.index(r.level)
            if depth and r.parent != r.code[:WIDTH[LEVELS[depth - 1]]]:
                raise ValueError(f"区划代码 {r.code} 的上级 {r.parent} 不是其代码前缀")
            if r.code in seen:
                raise ValueError(f"区划代码 {r.code} 重复")
            seen.add(r.code)
            by_level[r.level].append(r)
        self.prov = {"provenance_status": "official_verbatim", "source": source}
        self.body_prov = {"provenance_status": "statute_derived", "source": body_source}
        self.levels = {lv: _Level(by_level[lv]) for lv in LEVELS}

    # -- one node --------------------------------------------------------------------------------
    def _locate(self, node_id: str) -> tuple[str, str, _Level, int] | None:
        """(prefix 'division' | 'body', level, level table, index) of an id the table holds."""
        prefix, _, code = node_id.partition("/")
        if prefix not in ("division", "body") or not code.isdigit() or not code.isascii():
            return None
        level = LEVEL_OF_WIDTH.get(len(code))
        if level is None:
            return None
        lv = self.levels[level]
        i = lv.find(int(code))
        if i is None or (prefix == "body" and not lv.btypes[i]):
            return None
        return prefix, level, lv, i

    def __contains__(self, node_id: str) -> bool:
        return self._locate(node_id) is not None

    def _code(self, level: str, lv: _Level, i: int) -> str:
        return str(lv.codes[i]).zfill(WIDTH[level])

    def _division(self, level: str, lv: _Level, i: int) -> Node:
        code = self._code(level, lv, i)
        props: dict[str, Any] = {"code": code, "name_zh": lv.name(i), "level": level, **self.prov}
        if lv.kinds[i]:
            props["urban_rural"] = KINDS[lv.kinds[i]]
        return Node(f"division/{code}", LABEL[level], props)

    def _body(self, level: str, lv: _Level, i: int) -> Node:
        return Node(f"body/{self._code(level, lv, i)}", "Body", {"name_zh": lv.body_name(i), **self.body_prov})

    def node(self, node_id: str) -> Node | None:
        found = self._locate(node_id)
        if found is None:
            return None
        prefix, level, lv, i = found
        return self._division(level, lv, i) if prefix == "division" else self._body(level, lv, i)

    # -- many nodes ------------------------------------------------------------------------------
    def nodes(self, label: str) -> Iterator[Node]:
        """Every node of a label, in id order."""
        if label == "Body":
            # body/<code> of every width: string order across levels, as the stores sort ids
            keyed = sorted((self._code(lvn, lv, i), lvn, i) for lvn, lv in self.levels.items()
                           for i in range(len(lv)) if lv.btypes[i])
            for _, lvn, i in keyed:
                yield self._body(lvn, self.levels[lvn], i)
            return
        level = LEVEL_OF_LABEL.get(label)
        if level is None:
            return
        lv = self.levels[level]
        for i in range(len(lv)):
            yield self._division(level, lv, i)

    def names(self, label: str) -> Iterator[tuple[str, str]]:
        """(id, name_zh) of every division (or body) of a label in id order, without making nodes."""
        if label == "Body":
            yield from ((n.id, n.get("name_zh")) for n in self.nodes(label))
            return
        level = LEVEL_OF_LABEL.get(label)
        if level is None:
            return
        lv, width, text, at = self.levels[level], WIDTH[level], self.levels[level].text, self.levels[level].text_at
        for i, c in enumerate(lv.codes):
            yield f"division/{str(c).zfill(width)}", text[at[i]:at[i + 1]]

    # -- relationships ---------------------------------------------------------------------------
    def out(self, node_id: str) -> list[tuple[Rel, str]]:
        """Outgoing relationships of a table node, each with the id at its other end (which may be
        a node of the graph: a city's WITHIN leads to its province wherever that is held)."""
        found = self._locate(node_id)
        if found is None:
            return []
        prefix, level, lv, i = found
        code = self._code(level, lv, i)
        if prefix == "body":
            btype = f"bodytype/{BODY_TYPES[lv.btypes[i]]}"
            return [(Rel("BODY_OF", node_id, f"division/{code}", self.body_prov), f"division/{code}"),
                    (Rel("BODY_TYPE", node_id, btype, self.body_prov), btype)]
        depth = LEVELS.index(level)
        if depth == 0:
            return []
        parent = f"division/{code[:WIDTH[LEVELS[depth - 1]]]}"
        return [(Rel("WITHIN", node_id, parent, self.prov), parent)]

    def into(self, node_id: str, rel_type: str | None = None) -> list[tuple[Rel, Node]]:
        """Relationships from table nodes into a node (of the table or of the graph), one type or all."""
        out: list[tuple[Rel, Node]] = []
        if rel_type not in (None, *TABLE_RELS):
            return out
        prefix, _, code = node_id.partition("/")
        if prefix == "division" and code.isdigit() and code.isascii() and len(code) in LEVEL_OF_WIDTH:
            level = LEVEL_OF_WIDTH[len(code)]
            found = self._locate(node_id)
            if found is not None and found[2].btypes[found[3]] and rel_type in (None, "BODY_OF"):
                out.append((Rel("BODY_OF", f"body/{code}", node_id, self.body_prov), self._body(*found[1:])))
            depth = LEVELS.index(level)
            if depth + 1 < len(LEVELS) and rel_type in (None, "WITHIN"):
                child = LEVELS[depth + 1]
                lv, shift = self.levels[child], 10 ** (WIDTH[child] - len(code))
                lo = bisect_left(lv.codes, int(code) * shift)
                hi = bisect_left(lv.codes, (int(code) + 1) * shift)
                for i in range(lo, hi):
                    n = self._division(child, lv, i)
                    out.append((Rel("WITHIN", n.id, node_id, self.prov), n))
        elif prefix == "bodytype" and code in BODY_TYPES[1:] and rel_type in (None, "BODY_TYPE"):
            t = BODY_TYPES.index(code)
            for level, lv in self.levels.items():
                for i in range(len(lv)):
                    if lv.btypes[i] == t:
                        body = self._body(level, lv, i)
                        out.append((Rel("BODY_TYPE", body.id, node_id, self.body_prov), body))
        return out

    # -- counts and the whole --------------------------------------------------------------------
    def bodies(self) -> int:
        return sum(1 for lv in self.levels.values() for b in lv.btypes if b)

    def count_nodes(self) -> dict[str, int]:
        out = {LABEL[name]: len(lv) for name, lv in self.levels.items() if len(lv)}
        if (bodies := self.bodies()):
            out["Body"] = bodies
        return out

    def count_rels(self) -> dict[str, int]:
        within = sum(len(lv) for name, lv in self.levels.items() if name != "province")
        bodies = self.bodies()
        return {k: v for k, v in (("BODY_OF", bodies), ("BODY_TYPE", bodies), ("WITHIN", within)) if v}

    def rows(self) -> Iterator[tuple[Node, list[Rel]]]:
        """Every node with its outgoing relationships: the table written out as ordinary nodes.

        The same nodes and relationships as _division, _body and out() give, made straight from
        the level arrays: going through out(id) parsed each of the 1.3 M ids back into its level
        and index, which was most of a national Neo4j load's time in Python (~35 s)."""
        prov, body_prov = self.prov, self.body_prov
        for depth, (level, lv) in enumerate(self.levels.items()):
            width, label, text, at = WIDTH[level], LABEL[level], lv.text, lv.text_at
            parent_width = WIDTH[LEVELS[depth - 1]] if depth else 0
            for i, c in enumerate(lv.codes):
                code = str(c).zfill(width)
                did = f"division/{code}"
                props: dict[str, Any] = {"code": code, "name_zh": text[at[i]:at[i + 1]], "level": level, **prov}
                if lv.kinds[i]:
                    props["urban_rural"] = KINDS[lv.kinds[i]]
                within = [Rel("WITHIN", did, f"division/{code[:parent_width]}", prov)] if depth else []
                yield Node(did, label, props), within
                if lv.btypes[i]:
                    bid = f"body/{code}"
                    yield (Node(bid, "Body", {"name_zh": lv.body_name(i), **body_prov}),
                           [Rel("BODY_OF", bid, did, body_prov),
                            Rel("BODY_TYPE", bid, f"bodytype/{BODY_TYPES[lv.btypes[i]]}", body_prov)])

    def __len__(self) -> int:
        return sum(len(lv) for lv in self.levels.values())
