"""The words of an answer: the chain of reasons, why not the other side, the access rule.

Kept apart from the resolver so that choosing the item, the role and the verdict (resolve.py) and
saying them in Chinese (here) can change separately.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from cn2an import an2cn

from qingdan.statute_text import HEAD_RE

from . import items as iq
from .statutes import in_force, standing
from .stores.base import GraphStore, Node
from .villages import Place

VERDICT_ZH = {
    "village_autonomy": "村（居）民自治事项：由村（居）民委员会依法自行办理",
    "village_assists": "协助政府事项：政府部门负责，村（居）委会协助",
    "town": "镇（街道）事项：由镇政府或街道办事处负责",
    "county_department": "区（县）职能部门事项：未下放到该镇街，由区县部门负责",
    "not_for_village": "不应由村（居）委会承担（应取消和禁入事项）",
    "unlisted": "未列入清单：按准入制度，未经批准不得交由村（居）委会承担",
}
# a question for someone else (a doctor, a court, the department that sets a figure): 未列入 all the same, but the access
# rule (未列入的不得交给村里) speaks of work pushed onto the village, which such a question does not ask about
ELSEWHERE_ZH = "未列入清单：所问不是一件村级事务由谁办理"
ELSEWHERE_REASON = "问的不是某项工作该由村（居）委会还是镇（街道）、部门承担，清单的准入规则与此无关；该向谁问，见“为什么不是村”。"
ACCESS_RULE = [("村民委员会组织法", 5), ("村民委员会组织法", 37), ("村民委员会组织法", 6), ("村民委员会组织法", 43)]


def organic(store: GraphStore, day: date, a2018: int, a2025: int) -> str:
    """The organic-law article as numbered in the text in force that day."""
    v = in_force(store, "村民委员会组织法", day) if store.node("work/村民委员会组织法") else None
    if v is not None and v.get("version_date") >= "2025-10-28":
        return f"村民委员会组织法（2025年修正）第{an2cn(a2025)}条"
    return f"村民委员会组织法（2018年修正）第{an2cn(a2018)}条"


def entrusted(store: GraphStore, day: date) -> str:
    """What the text in force says of work a government department entrusts to the committee: the 2018 text
    only that the department pays (§37); the 2025 text also that the entrusted work must rest on law (§43.2)."""
    article = organic(store, day, 37, 43)
    if "2025" in article:
        return f"委托村委会协助的事项应当符合法律、法规规定，所需经费由委托部门承担（{article}第二款）"
    return f"委托村委会开展工作需要经费的，由委托部门承担（{article}第一款）"


def where(b: dict[str, Any]) -> str:
    """〔适用地域：全国〕, 〔适用地域：浙江省〕: every basis says where it binds."""
    name = b.get("jurisdiction_name") or ("全国" if (b.get("jurisdiction") or "CN") == "CN" else b.get("jurisdiction"))
    return f"〔适用地域：{name}〕"


def basis_text(b: dict[str, Any], day: date) -> str:
    if b["kind"] == "document":
        text = f"依据{b.get('issuer') or ''}《{b['title']}》" + (f"（{b['label']}）" if b["label"] else "") + where(b)
        if b.get("text_status") == "partial":
            text += "（公开文本不全，仅见部分原文）"
    else:
        text = f"依据《{b['work']}》（{b['version']}版）{b['label']}" + where(b)
        o = b.get("original")
        if o:
            text += f"（原引用：《{o['work']}》（{o['version']}版）{o['label']}，按新旧条文对照对应）"
        if b.get("notice"):
            text += f"（{b['notice']}）"
        elif b.get("note"):
            text += f"（注意：{b['note']}）"
        elif not b.get("current", True):
            text += f"（注意：该版本在 {day.isoformat()} 不是现行文本，现行版本为 {b.get('in_force_version') or '尚未施行'}）"
    if b.get("summary"):
        text += f"：{b['summary']}"
    return text


def local_basis_text(b: dict[str, Any], limit: int = 120) -> str:
    """A provision of the place's own regulations found by its words: said as such, with its text."""
    text = HEAD_RE.sub("", (b.get("text") or "").replace("\n", " ")).strip()
    work = b["work"].replace("《", "〈").replace("》", "〉")
    return (f"{b['note']}：《{work}》（{b['version']}版）{b['label']}{where(b)}："
            + (text[:limit] + "…" if len(text) > limit else text))


def reasons(store: GraphStore, lst: Node | None, ver: Node | None, cat: Node | None, detail: dict[str, Any],
            decision: Node | None, adoption: Node | None, place: Place | None, day: date,
            also_in: list[Node]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    prov = detail["provenance"]
    ver_txt = f"（{ver.get('doc_no') or ver.get('issuer') or ''}，{ver.get('in_force_from')}起施行）" if ver else ""
    steps.append({"kind": "list_item",
                  "text": f"列入《{lst.get('name_zh') if lst else '清单'}》{ver_txt}：{detail['name']}（{detail['kind_zh']}，编号 {detail['id']}）"
                          + (f"；{prov['membership_zh']}" if prov.get("membership_zh") else ""),
                  "source": prov["source"], "provenance": prov})
    for v in also_in:
        also_list = iq.one(store, v.id, "VERSION_OF_LIST")
        steps.append({"kind": "list_item",
                      "text": f"推定也列入《{also_list.get('name_zh') if also_list else v.id}》"
                              f"（该清单原文未公开，本项依据上位文件推定列入，非官方原文）",
                      "source": v.get("source"), "provenance": {"status": "inferred", "source": v.get("source")}})
    if cat is not None:
        steps.append({"kind": "category", "text": f"所属类别：{cat.get('name_zh')}",
                      "source": cat.get("source"), "provenance": iq.provenance(cat)})
    for b in detail["bases"]:
        steps.append({"kind": "provision", "text": basis_text(b, day), "citation": b["citation"],
                      "source": f"法规库《{b['work']}》" if b["kind"] == "provision" else (b.get("url") or b.get("title"))})
    if not detail["bases"] and detail.get("no_basis_reason"):
        steps.append({"kind": "provision", "text": f"未找到法律条文依据：{detail['no_basis_reason']}", "source": prov["source"]})
    if decision is not None:
        steps.append({"kind": "delegation",
                      "text": f"{decision.get('issuer')}{('《' + decision.get('doc_no') + '》') if decision.get('doc_no') else ''}"
                              f"（{decision.get('issued') or '日期未公开'}）将{decision.get('field')}的区（县）级行政职权调整由镇（街道）实施",
                      "source": decision.get("source"), "provenance": iq.provenance(decision)})
        for _, basis in store.neighbors(decision.id, "DECISION_BASIS"):
            b = iq.describe_provision(store, basis)
            steps.append({"kind": "provision", "text": f"放权的法律依据：《{b['work']}》{b['label']}{where(b)}" + (f"：{b['summary']}" if b.get("summary") else ""),
                          "citation": b["citation"], "source": f"法规库《{b['work']}》"})
        if place is not None:
            dname = place.district.get("name_zh") if place.district else "该区县"
            town = place.town.get("name_zh") if place.town else "该镇街"
            if adoption is not None:
                steps.append({"kind": "adoption",
                              "text": f"{dname}已承接该决定（{adoption.get('doc_no') or '文号未公开'}，{adoption.get('issued') or ''}，"
                                      f"承接 {adoption.get('adopted_count') or '若干'} 项），适用于{town}",
                              "source": adoption.get("source"), "provenance": iq.provenance(adoption)})
            else:
                steps.append({"kind": "adoption",
                              "text": f"未查到{dname}承接该决定、适用于{town}的公开记录，职权仍由区（县）部门行使",
                              "source": "本库放权承接记录（adoptions）"})
    return [{"step": i + 1, **s} for i, s in enumerate(steps)]


def why_not(store: GraphStore, item: Node, detail: dict[str, Any], verdict: str, day: date,
            town_by_law: str | None = None) -> list[dict[str, str]]:
    """town_by_law: the provision by which the law itself, not a delegation, gives a delegated power to the town."""
    lead = detail["lead"]["name"] if detail.get("lead") else "有关部门"
    out: list[dict[str, str]] = []
    if verdict == "village_autonomy":
        out.append({"side": "town", "text": f"这是村民自治范围内的事项，乡镇政府给予指导、支持和帮助，但不得干预（{organic(store, day, 5, 6)}）。"})
    elif verdict == "village_assists":
        out.append({"side": "village", "text": f"主责在{lead}，村（居）委会只是协助；{entrusted(store, day)}，不能把主责转给村里。"})
    elif verdict in ("town", "county_department"):
        out.append({"side": "village", "text": "这是政府的职权（许可、审批、处罚、检查、强制、纠正等），村（居）委会不是行政机关，不能行使；村里可以发现、劝阻、报告和协助。"})
        if verdict == "town" and item.get("kind") == "delegated" and town_by_law:
            out.append({"side": "county", "text": f"法律本身把这项职权给了镇人民政府（{town_by_law}），不依赖放权决定。"})
        elif verdict == "town" and item.get("kind") == "delegated":
            out.append({"side": "county", "text": "该职权已依放权决定调整由镇（街道）以自己的名义实施（行政处罚法 2021 年第二十四条 / 行政许可法第二十四条）。"})
        elif verdict == "county_department" and item.get("kind") == "delegated":
            out.append({"side": "town", "text": "该镇街所在区县未承接这项下放职权（或承接记录未公开），镇街不能以自己的名义行使。"})
    elif verdict == "not_for_village":
        out.append({"side": "village", "text": f"该事项列入应取消和禁入事项，不应交由村（居）委会办理；应由{lead}依职责办理。村里可以拒绝，并向镇（街道）反映。"})
    return out


def cautions(store: GraphStore, negatives: list[Node], day: date, matched: set[str]) -> list[dict[str, Any]]:
    out = []
    for n in negatives:
        bases = iq.item_bases(store, n, day)
        out.append({"id": n.id.split("/", 1)[1], "name": n.get("name_zh"), "aspect": n.get("aspect"),
                    "matched": n.id in matched,
                    "bases": [(f"《{b['work']}》{b['label']}" if b["kind"] == "provision" else b["title"]) + where(b) for b in bases],
                    "provenance": iq.provenance(n)})
    return out


def elsewhere(store: GraphStore, day: date, asked_of: str) -> dict[str, Any]:
    """未列入 for a question meant for someone else; asked_of says whom to ask (off_domain.ASKED_OF's text)."""
    return {**unlisted(store, day), "verdict_zh": ELSEWHERE_ZH, "bases": [],
            "reasons": [{"step": 1, "kind": "asked_elsewhere", "text": ELSEWHERE_REASON, "source": "本库的回答范围"}],
            "why_not": [{"side": "village", "text": asked_of}]}


def unlisted(store: GraphStore, day: date, guangdong: bool = True) -> dict[str, Any]:
    """guangdong: the place is bound by the Guangdong directory, whose access note is cited; elsewhere
    only the organic law is."""
    source = "广东省村（居）民委员会工作职责事项指导目录（准入说明）；村民委员会组织法" if guangdong else "村民委员会组织法〔适用地域：全国〕"
    reasons_: list[dict[str, Any]] = [{"step": 1, "kind": "access_rule",
                                       "text": "该事项未列入村级工作职责事项清单。按准入制度，未列入清单的事项，有关部门不得擅自交由村（居）委会承担；确需委托的，应有法律法规依据并经批准，做到“费随事转、权随责走”。",
                                       "source": source}]
    bases = []
    for work, art in ACCESS_RULE:
        if store.node(f"work/{work}") is None:
            continue
        st = standing(store, work, day)
        v = st.checked  # before 2018 the text then in force is not in the library: say so, check the nearest
        node = store.node(f"law/{work}/{v.get('version_date')}/{art}") if v else None
        if node is None:
            continue
        b = iq.describe_provision(store, node)
        if b["version"] == v.get("version_date") and any(k in (b.get("text") or "") for k in ("干预", "经费", "委托")):  # type: ignore[union-attr]
            notice = st.notice()
            bases.append({**b, "current": st.status == "in_force", "status": st.status, "notice": notice,
                          "checked_against": "in_force" if st.status == "in_force" else "nearest"})
            reasons_.append({"step": len(reasons_) + 1, "kind": "provision",
                             "text": f"依据《{b['work']}》（{b['version']}版）{b['label']}{where(b)}" + (f"（{notice}）" if notice else ""),
                             "citation": b["citation"], "source": f"法规库《{b['work']}》"})
    return {"verdict": "unlisted", "verdict_zh": VERDICT_ZH["unlisted"], "item": None,
            "responsible": {"body_type": None, "assisting": [], "supervising": [], "must_not": []},
            "bases": bases, "reasons": reasons_,
            "why_not": [{"side": "village", "text": "没有清单依据，不能默认由村（居）委会承担；请向镇（街道）确认主责部门。"}],
            "cautions": [], "disclosure": [], "procedure": [], "roles": [], "asked": None, "timing": []}
