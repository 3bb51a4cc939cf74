"""pyvis pictures of a subgraph: an answer's chain, a village's duty map, a statute's reach.

Every page is standalone HTML with the vis-network script inlined: officials' networks are often
closed, so nothing is fetched from a CDN.
"""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

from pyvis.network import Network

from qingdan.ontology.terms import KIND_ZH
from qingdan.queries import chains as cq
from qingdan.queries import tracing as tq
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.base import GraphStore

COLORS = {
    "autonomy": "#2e7d32", "micro_power": "#66bb6a", "disclosure": "#9ccc65", "public_service": "#26a69a",
    "assistance": "#1e88e5", "prohibited": "#e53935", "negative": "#ad1457", "delegated": "#fb8c00",
    "body": "#6d4c41", "provision": "#5e35b1", "place": "#546e7a", "decision": "#f4511e", "question": "#212121",
}
LEGEND = {**{k: KIND_ZH[k] for k in KIND_ZH}, "body": "主体", "provision": "法条", "place": "区划", "decision": "放权决定"}


def _net() -> Network:
    net = Network(height="640px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.set_options('{"physics": {"stabilization": {"iterations": 150}}, "edges": {"font": {"size": 11, "align": "middle"}, "arrows": {"to": {"enabled": true}}}, "nodes": {"font": {"size": 14}}}')
    return net


def _node(net: Network, nid: str, label: str, group: str, title: str = "") -> None:
    if nid not in net.get_nodes():
        net.add_node(nid, label=label[:24], title=html.escape(title or label), color=COLORS.get(group, "#999"), shape="box"
                     if group in ("question", "decision") else "dot")


_EXTERNAL = (re.compile(r"<link[^>]*?href=\"(?:\.\./node_modules|https?://)[^>]*>", re.S),
             re.compile(r"<script[^>]*?src=\"(?:\.\./node_modules|https?://)[^\"]*\"[^>]*>\s*</script>", re.S))


def _offline(page: str) -> str:
    """Drop the template's CDN and node_modules references; the inlined script is all it needs."""
    for pattern in _EXTERNAL:
        page = pattern.sub("", page)
    return page


def _html(net: Network, heading: str) -> str:
    legend = "".join(f'<span style="display:inline-block;margin:2px 8px"><span style="display:inline-block;width:10px;height:10px;'
                     f'border-radius:5px;background:{COLORS[k]}"></span> {html.escape(v)}</span>' for k, v in LEGEND.items())
    page = _offline(net.generate_html(notebook=False))
    header = f'<h3 style="font-family:sans-serif">{html.escape(heading)}</h3><div style="font-family:sans-serif;font-size:12px">{legend}</div>'
    page = page.replace("<body>", f"<body>{header}", 1)
    return page.replace("<html>", '<html lang="zh-CN">', 1).replace("<head>", '<head><meta charset="utf-8"><title>'
                                                                         + html.escape(heading) + "</title>", 1)


def answer_graph(answer: dict[str, Any]) -> Network:
    net = _net()
    _node(net, "q", answer["question"], "question")
    item = answer.get("item")
    if item:
        _node(net, "item", item["name"], item["kind"], f"{item['kind_zh']}（{item['provenance']['status_zh']}）")
        net.add_edge("q", "item", label="匹配事项")
        resp = answer["responsible"]
        if resp.get("body_type"):
            b = resp["body_type"]
            name = (b.get("body") or {}).get("name") or b["name"]
            _node(net, "lead", name, "body")
            net.add_edge("item", "lead", label="责任主体")
        for i, b in enumerate(x for x in resp.get("assisting", []) if x):
            _node(net, f"assist{i}", (b.get("body") or {}).get("name") or b["name"], "body")
            net.add_edge("item", f"assist{i}", label="协助")
        for i, b in enumerate(x for x in resp.get("supervising", []) if x):
            _node(net, f"sup{i}", (b.get("body") or {}).get("name") or b["name"], "body")
            net.add_edge("item", f"sup{i}", label="监督")
        for i, c in enumerate(answer.get("cautions", [])):
            _node(net, f"neg{i}", c["name"], "negative", c.get("aspect") or "")
            net.add_edge(f"neg{i}", "item", label="负面行为")
    for b in answer.get("bases", []):
        nid = f"b:{b.get('citation')}"
        _node(net, nid, f"《{b.get('work')}》{b.get('label') or ''}", "provision", b.get("text") or b.get("summary") or "")
        net.add_edge("item" if item else "q", nid, label="依据")
    for r in answer.get("reasons", []):
        if r["kind"] in ("delegation", "adoption"):
            nid = f"r{r['step']}"
            _node(net, nid, r["text"], "decision", r["text"])
            net.add_edge(nid, "lead" if item else "q", label="放权" if r["kind"] == "delegation" else "承接")
    return net


def answer_html(resolver: Resolver, text: str, village: str | None = None, as_of: str | date | None = None) -> str:
    answer = resolver.resolve(text, village=village, as_of=as_of)
    return _html(answer_graph(answer), f"理由链：{text} — {answer['verdict_zh']}")


def village_html(resolver: Resolver, code: str, as_of: str | date | None = None) -> str:
    m = cq.village_map(resolver, code, as_of=as_of)
    net = _net()
    vname = m["place"]["village"]["short_name"]
    _node(net, "v", vname, "place", m["place"]["village"]["name"])
    if m["place"].get("town"):
        _node(net, "t", m["place"]["town"]["name"], "place")
        net.add_edge("v", "t", label="隶属")
    for kind, items in m["items"].items():
        hub = f"k:{kind}"
        _node(net, hub, f"{KIND_ZH[kind]}（{len(items)}）", kind)
        net.add_edge("v", hub, label="职责清单")
        for it in items[:40]:
            nid = f"i:{it['id']}"
            _node(net, nid, it["name"], kind, f"{it['name']}｜{(it.get('lead') or {}).get('name') or ''}")
            net.add_edge(hub, nid, label="")
    return _html(net, f"{m['place']['village']['name']} 职责图")


def statute_html(store: GraphStore, work: str, article: int | None = None) -> str:
    net = _net()
    if article is None:
        data = tq.trace_work(store, work)
        rows = [(v["version"], None, v["duties"]) for v in data["versions"]]
    else:
        data = tq.trace_provision(store, work, article)
        # the article in every text of the work, under the number it has there (none where it was removed)
        rows = [(v["version"], v["provision"]["label"], v["duties"]) for v in data["versions"] if v["provision"]]
    _node(net, "w", f"《{work}》", "provision")
    for version, label, duties in rows:
        vid = f"v:{version}:{label}"
        _node(net, vid, f"{version} {label or ''}".strip(), "provision")
        net.add_edge("w", vid, label="版本")
        for d in duties:
            nid = f"d:{d['id']}"
            _node(net, nid, d["name"], d["kind"] if d["kind"] in COLORS else "decision", d.get("kind_zh", ""))
            net.add_edge(nid, vid, label="依据")
    return _html(net, f"《{work}》" + (f"第{article}条" if article else "") + " 的影响范围")


def write(page: str, path: Path) -> Path:
    path.write_text(page, "utf-8")
    return path
