"""A procedure drawn as an SVG flowchart that reads on a phone and prints on A4.

One column, top to bottom, 360 units wide: scaled to the screen it stays legible at 390 px (no
sideways scrolling), and a page holds it at its natural width. SVG text does not wrap by itself,
so lines are broken here from each character's width (East Asian wide characters one em, others
about half). Written with the standard library's ElementTree, which escapes every text: the flow
is a single chain of steps, so no layout engine is needed (graphviz would need a system binary,
ELK or dagre a JavaScript runtime).
"""
from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from typing import Any

WIDTH = 360
MARGIN = 12
BOX_W = WIDTH - 2 * MARGIN
PAD = 10
FONT = 14
TITLE_FONT = 15
LINE = 20
GAP = 34  # between boxes: room for an arrow and its label
FONTS = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%")
COLOURS = {"box": "#eef4fb", "box_line": "#4a78a8", "decision": "#fff3e0", "decision_line": "#c77700",
           "text": "#1f2933", "muted": "#52606d", "posting": "#b42318", "arrow": "#52606d", "pill": "#e3f2e8",
           "pill_line": "#2f7d4f"}


def char_width(ch: str, size: float) -> float:
    return size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.56


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines no wider than width (closing punctuation stays on the line it closes)."""
    lines: list[str] = []
    line, used = "", 0.0
    for ch in text:
        w = char_width(ch, size)
        if line and used + w > width and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines or [""]


class _Canvas:
    def __init__(self, title: str, desc: str) -> None:
        self.root = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "role": "img",
                                       "aria-labelledby": "t d", "class": "flowchart-svg",
                                       "font-family": FONTS, "font-size": str(FONT)})
        ET.SubElement(self.root, "title", {"id": "t"}).text = title
        ET.SubElement(self.root, "desc", {"id": "d"}).text = desc
        defs = ET.SubElement(self.root, "defs")
        marker = ET.SubElement(defs, "marker", {"id": "arrow", "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
                                                "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse"})
        ET.SubElement(marker, "path", {"d": "M0,0 L10,5 L0,10 z", "fill": COLOURS["arrow"]})
        self.y = MARGIN

    def text(self, lines: list[str], x: float, y: float, size: int = FONT, weight: str = "normal",
             fill: str = COLOURS["text"], anchor: str = "start", cls: str = "") -> float:
        for i, ln in enumerate(lines):
            attrs = {"x": f"{x:.0f}", "y": f"{y + i * LINE:.0f}", "font-size": str(size), "fill": fill,
                     "text-anchor": anchor}
            if weight != "normal":
                attrs["font-weight"] = weight
            if cls:
                attrs["class"] = cls
            ET.SubElement(self.root, "text", attrs).text = ln
        return y + len(lines) * LINE

    def pill(self, label: str, cls: str) -> None:
        lines = wrap(label, BOX_W - 2 * PAD - 20, FONT)
        h = len(lines) * LINE + 12
        ET.SubElement(self.root, "rect", {"x": str(MARGIN + 20), "y": str(self.y), "width": str(BOX_W - 40), "height": str(h),
                                          "rx": str(h / 2 if h < 40 else 14), "fill": COLOURS["pill"],
                                          "stroke": COLOURS["pill_line"], "class": cls})
        self.text(lines, WIDTH / 2, self.y + 6 + FONT, weight="bold", anchor="middle", cls=cls)
        self.y += h

    def arrow(self, label: str | None = None) -> None:
        x = WIDTH / 2
        ET.SubElement(self.root, "line", {"x1": str(x), "y1": str(self.y + 2), "x2": str(x), "y2": str(self.y + GAP - 3),
                                          "stroke": COLOURS["arrow"], "stroke-width": "1.6", "marker-end": "url(#arrow)"})
        if label:
            self.text([label], x + 8, self.y + GAP / 2 + 5, size=12, fill=COLOURS["muted"])
        self.y += GAP

    def step(self, s: dict[str, Any], index: int) -> None:
        inner = BOX_W - 2 * PAD
        decision = bool(s.get("decision"))
        title = wrap(f"{s.get('seq') or index}. {s['name']}", inner - (20 if decision else 0), TITLE_FONT)
        body: list[tuple[list[str], str]] = []
        if s.get("actors"):
            body.append((wrap("谁来做：" + "、".join(s["actors"]), inner, FONT), COLOURS["text"]))
        if s.get("materials"):
            body.append((wrap("材料：" + "、".join(s["materials"]), inner, FONT), COLOURS["muted"]))
        if s.get("posting_days"):
            body.append((wrap(f"公示不少于 {s['posting_days']} 日", inner, FONT), COLOURS["posting"]))
        if decision:
            body.append((wrap("决策点：未通过的，不进入下一步", inner, FONT), COLOURS["decision_line"]))
        if (s.get("provenance") or {}).get("status") == "modeled":
            body.append((["（建模示例，非官方流程）"], COLOURS["muted"]))
        lines = len(title) + sum(len(b) for b, _ in body)
        h = lines * LINE + 2 * PAD + 4
        group = ET.SubElement(self.root, "g", {"class": "flow-node decision" if decision else "flow-node"})
        if decision:  # a box with pointed ends: the flowchart shape for a decision, without a wasteful diamond
            tip = 12
            x0, x1, y0, y1 = MARGIN, MARGIN + BOX_W, self.y, self.y + h
            pts = f"{x0 + tip},{y0} {x1 - tip},{y0} {x1},{(y0 + y1) / 2} {x1 - tip},{y1} {x0 + tip},{y1} {x0},{(y0 + y1) / 2}"
            ET.SubElement(group, "polygon", {"points": pts, "fill": COLOURS["decision"], "stroke": COLOURS["decision_line"],
                                             "stroke-width": "1.5"})
        else:
            attrs = {"x": str(MARGIN), "y": str(self.y), "width": str(BOX_W), "height": f"{h:.0f}", "rx": "8",
                     "fill": COLOURS["box"], "stroke": COLOURS["box_line"], "stroke-width": "1.3"}
            if (s.get("provenance") or {}).get("status") == "modeled":
                attrs["stroke-dasharray"] = "5 3"
            ET.SubElement(group, "rect", attrs)
        x = MARGIN + PAD + (8 if decision else 0)
        y = self.y + PAD + TITLE_FONT
        saved, self.root = self.root, group
        y = self.text(title, x, y, size=TITLE_FONT, weight="bold")
        for b, colour in body:
            y = self.text(b, x, y, fill=colour)
        self.root = saved
        self.y += h

    def legend(self, note: str) -> None:
        self.y += 14
        self.y = self.text(wrap(note, BOX_W, 12), MARGIN, self.y, size=12, fill=COLOURS["muted"]) - LINE + 8

    def svg(self) -> str:
        height = self.y + MARGIN
        self.root.set("viewBox", f"0 0 {WIDTH} {height:.0f}")
        self.root.set("width", str(WIDTH))
        self.root.set("height", f"{height:.0f}")
        ET.indent(self.root, space="")
        return ET.tostring(self.root, encoding="unicode")


def flowchart_svg(flow: dict[str, Any]) -> str:
    """The SVG text of a queries.flowchart.flow() result."""
    c = _Canvas(f"{flow['name']}办理流程图", f"共 {len(flow['steps'])} 步；{flow['note']}")
    c.pill(f"开始：{flow['name']}", "flow-start")
    for i, step in enumerate(flow["steps"], start=1):
        c.arrow("通过" if i > 1 and flow["steps"][i - 2].get("decision") else None)
        c.step(step, i)
    c.arrow("通过" if flow["steps"] and flow["steps"][-1].get("decision") else None)
    c.pill("结束", "flow-end")
    c.legend(f"图例：圆角框为办理步骤（虚线框为建模示例），尖角框为决策点；红字为公示期。{flow['note']}。"
             f"事项 {flow['item']}，流程 {flow['procedure']}。")
    return c.svg()
