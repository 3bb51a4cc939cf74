"""The SVG flowchart: one node per step, text that fits its 360-unit column, every text escaped."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from qingdan.queries.flowchart import flow
from qingdan.queries.stores.memory import MemoryStore
from qingdan.viz.flowchart import BOX_W, FONT, WIDTH, char_width, flowchart_svg, wrap

NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def store(bundled_graph: Any) -> MemoryStore:
    """A store of our own: tests/security's admin-import tests replace the shared memory_store's graph."""
    s = MemoryStore()
    s.replace_all(bundled_graph)
    return s


def test_one_node_per_step_and_what_each_says(store: MemoryStore) -> None:
    f = flow(store, "MP-001")
    root = ET.fromstring(flowchart_svg(f))
    assert root.get("viewBox").startswith(f"0 0 {WIDTH} ")
    nodes = root.findall("s:g", NS)
    assert len(nodes) == len(f["steps"])
    assert sum("decision" in (g.get("class") or "") for g in nodes) == f["decisions"] == 2
    text = "".join(root.itertext())
    for s in f["steps"]:
        assert s["name"] in text.replace("\n", "")
    assert "公示不少于 15 日" in text and "公示不少于 3 日" in text and "谁来做：" in text and "材料：" in text
    assert root.find("s:title", NS).text == "确定本村享受误工补贴的人员及补贴标准办理流程图"


def test_lines_are_wrapped_to_the_column() -> None:
    long = "村务联席会议商议并公示方案，" * 6
    lines = wrap(long, BOX_W - 20, FONT)
    assert len(lines) > 1 and "".join(lines) == long
    assert all(sum(char_width(c, FONT) for c in ln.rstrip("，")) <= BOX_W - 20 for ln in lines)
    assert not any(ln.startswith("，") for ln in lines)  # punctuation never starts a line


def test_text_from_the_data_is_escaped(store: MemoryStore) -> None:
    f = flow(store, "MP-001")
    f["steps"][0]["name"] = '<script>alert(1)</script>&"'
    svg = flowchart_svg(f)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)  # still well-formed XML
