"""“这个月村务公开栏要贴什么？” — a village's disclosure board for one month.

Everything comes from the graph: the disclosure items of the lists that cover the village (their
content, frequency, channel and minimum posting days), the procedure steps of the powers that
must publish them (posting periods), and the statute text in force that month (村民委员会组织法
2018 §30 / 2025 §35: 一般事项至少每季度公布一次；财务收支情况每月；重大事项随时).

Deadlines are never invented. Where a rule names a period (每月、每季度、每年) the deadline is the
end of that period — the project's reading of “at least once per period”, marked as such. Where
the data gives no period (决定作出后及时公布, 选举日20日前) the words are shown as they are and no
date is made up. A minimum posting period counts only when the provision it comes from is in
force that month (公布的期限不得少于十五日 holds from 2026-01-01, with the 2025 text).
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from qingdan.errors import BadRequest, NotFound

from . import items as iq
from .statutes import in_force
from .stores.base import GraphStore, Node
from .villages import Place, by_code

MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
FREQUENCIES = ("monthly", "quarterly", "annual", "event")
FREQUENCY_ZH = {"monthly": "每月", "quarterly": "每季度", "annual": "每年", "event": "随事项发生"}
# the words of a frequency cell that name a period, most frequent period first (集体财务往来较多的每月；其他每季度)
PERIOD_WORDS = (("monthly", "每月"), ("quarterly", "每季度"), ("annual", "每年"))
CHANNEL_WORDS = (("board", ("公开栏",)), ("online", ("微信", "平台", "信息化", "网站", "网络")),
                 ("meeting", ("会议", "大会", "现场", "查阅")))
CHANNEL_ZH = {"board": "公开栏", "online": "网上", "meeting": "会议/现场"}
READING = "reading"  # a date the project derived from a period rule
AS_STATED = "as_stated"  # the data's own words, no date
KEY_RE = re.compile(r"([^;；@#\s]+)@(\d{4}-\d{2}-\d{2})#([\d.]+)")


def parse_month(month: str) -> tuple[date, date]:
    m = MONTH_RE.fullmatch((month or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) <= 2100:
        raise BadRequest(f"月份格式应为 YYYY-MM：{month}")
    y, mo = int(m.group(1)), int(m.group(2))
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def quarter_end(day: date) -> date:
    q_month = ((day.month - 1) // 3 + 1) * 3
    return date(day.year, q_month, calendar.monthrange(day.year, q_month)[1])


def frequency_of(text: str) -> str:
    for freq, word in PERIOD_WORDS:
        if word in (text or ""):
            return freq
    return "event"


def channels_of(text: str) -> list[str]:
    return [code for code, words in CHANNEL_WORDS if any(w in (text or "") for w in words)] or ["board"]


def covers(lst: Node, place: Place) -> bool:
    """Whether a list's jurisdiction (a division code prefix or a place name) includes the village."""
    j = (lst.get("jurisdiction") or "").strip()
    if not j:
        return True
    if j.isdigit():
        return (place.village.get("code") or "").startswith(j)
    names = {n.get("name_zh") for n in (place.city, place.district, place.town, place.village) if n is not None}
    return j in names


def _label(store: GraphStore, p: Node) -> str:
    b = iq.describe_provision(store, p)
    if b["kind"] == "document":
        return f"《{b['title']}》"
    return f"《{b['work']}》（{(b['version'] or '')[:4]}年文本）{b['label']}"


def _provision(store: GraphStore, key: str) -> Node | None:
    m = KEY_RE.fullmatch(key.strip())
    if not m:
        return None
    return store.node("/".join(["law", m.group(1), m.group(2), *m.group(3).split(".")]))


def _current(store: GraphStore, p: Node, day: date) -> bool:
    """Whether a provision belongs to the version of its work in force on the day."""
    version = iq.one(store, p.id, "PROVISION_OF")
    work = iq.one(store, version.id, "VERSION_OF_WORK") if version else None
    if version is None or work is None:
        return False
    v = in_force(store, work.get("short_title"), day)
    return v is not None and v.id == version.id


class Board:
    """The facts of one village and one month, read once."""

    def __init__(self, store: GraphStore, place: Place, start: date, end: date) -> None:
        self.store, self.place, self.start, self.end = store, place, start, end
        self.q_end = quarter_end(start)
        self.y_end = date(start.year, 12, 31)
        self.rules: dict[str, Node] = {}  # the paragraph that states the frequency rule, per statute version

    def items(self) -> list[Node]:
        """Disclosure items of the list versions that cover the village, in force at the month's end
        (a version replaced during the month gives way to its successor, so no matter is listed twice)."""
        out = []
        for lst in self.store.nodes("DutyList", kind="disclosure"):
            if not covers(lst, self.place):
                continue
            versions = [v for _, v in self.store.neighbors(lst.id, "VERSION_OF_LIST", "in")
                        if self.store.neighbors(v.id, "IN_VERSION", "in")]
            for day in (self.end.isoformat(), self.start.isoformat()):
                current = [v for v in versions if (v.get("in_force_from") or "0000") <= day
                           and (not v.get("in_force_to") or day <= v.get("in_force_to"))]
                if current:
                    latest = max(current, key=lambda v: (v.get("in_force_from") or "", v.id))
                    out += [n for _, n in self.store.neighbors(latest.id, "IN_VERSION", "in")]
                    break
        return sorted(out, key=lambda n: (n.get("seq") or 0, n.id))

    def frequency_rule(self, bases: list[Node]) -> Node | None:
        """The paragraph of the cited disclosure article (in force this month) that says how often: 一般事项至少每季度…"""
        for p in bases:
            article_id = "/".join(p.id.split("/")[:4])
            if article_id in self.rules:
                return self.rules[article_id]
            for _, para in self.store.neighbors(article_id, "PART_OF", "in"):
                if "每季度" in (para.get("text") or ""):
                    self.rules[article_id] = para
                    return para
        return None

    def deadline(self, freq: str, stated: str) -> dict[str, Any]:
        if freq == "monthly":
            d, text = self.end, f"本月内（{self.end.isoformat()} 前）"
        elif freq == "quarterly":
            d, text = self.q_end, f"本季度内（{self.q_end.isoformat()} 前）"
        elif freq == "annual":
            d, text = self.y_end, f"本年度内（{self.y_end.isoformat()} 前）"
        else:
            return {"deadline": None, "deadline_text": stated or "随事项发生及时公布", "deadline_basis": AS_STATED}
        return {"deadline": d.isoformat(), "deadline_text": text, "deadline_basis": READING}

    def min_days(self, req: Node | None) -> dict[str, Any]:
        """The minimum posting period, and whether it binds this month (its provision in force) or is modeled."""
        if req is None or not req.get("min_posting_days"):
            return {"min_days": None, "min_days_note": "数据未规定最短公布期限"}
        days = int(req.get("min_posting_days"))
        keys = [m.group(0) for m in KEY_RE.finditer(req.get("source") or "")]
        provisions = [p for p in (_provision(self.store, k) for k in keys) if p is not None]
        # the source may cite several provisions; the period is the one whose text names it (不得少于十五日)
        from cn2an import an2cn

        naming = [p for p in provisions if re.search(rf"(?:{days}|{an2cn(days)})日", p.get("text") or "")]
        provisions = naming or provisions
        if not provisions:
            return {"min_days": days, "min_days_note": f"不少于 {days} 日：{iq.PROVENANCE_ZH.get(req.get('provenance_status'), '')}"
                                                        f"（来源：{req.get('source')}），非法定期限"}
        current = [p for p in provisions if _current(self.store, p, self.end)]
        if current:
            return {"min_days": days, "min_days_note": f"不少于 {days} 日：{_label(self.store, current[0])}（法定）"}
        p = provisions[0]
        version = iq.one(self.store, p.id, "PROVISION_OF")
        return {"min_days": None, "min_days_note": f"{_label(self.store, p)}规定公布期限不少于 {days} 日，"
                                                  f"自 {version.get('in_force_from') if version else '?'} 起施行；本月施行的文本未规定最短公布期限"}

    def steps(self, item: Node) -> list[dict[str, Any]]:
        """Posting periods in the procedures of the powers that must publish this item (四议两公开 …)."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for _, power in self.store.neighbors(item.id, "MUST_DISCLOSE", "in"):
            for step in iq.procedure_steps(self.store, power):
                if step["posting_days"]:
                    key = (step["name"], str(step["posting_days"]))
                    entry = out.setdefault(key, {"step": step["name"], "seq": step["seq"], "days": step["posting_days"],
                                                 "provenance": step["provenance"]["status_zh"],
                                                 "source": step["provenance"]["source"], "for": []})
                    entry["for"].append(power.id.split("/", 1)[1])
        return sorted(out.values(), key=lambda s: (s["seq"] or 0, s["step"]))

    def post(self, item: Node) -> dict[str, Any]:
        req = iq.one(self.store, item.id, "HAS_REQUIREMENT")
        stated = (req.get("frequency") if req else None) or ""
        freq = frequency_of(stated)
        bases = [p for _, p in self.store.neighbors(item.id, "RESTS_ON")]
        current = [p for p in bases if p.label == "Document" or _current(self.store, p, self.start)]
        rule = self.frequency_rule([p for p in current if p.label == "Provision"]) if freq in ("monthly", "quarterly") else None
        labels = [_label(self.store, p) for p in current]
        if rule is not None:
            labels.append(_label(self.store, rule))
        channel_text = (req.get("channel") if req else None) or "村务公开栏"
        out = {
            "matter": item.get("name_zh"), "item": item.id.split("/", 1)[1],
            "content": (req.get("content") if req else None) or item.get("description"),
            "basis": "；".join(dict.fromkeys(labels)), "frequency": freq, "frequency_zh": FREQUENCY_ZH[freq],
            "frequency_text": stated, "frequency_rule": rule.get("text") if rule is not None else None,
            "channel": channels_of(channel_text), "channel_text": channel_text,
            **self.deadline(freq, stated), **self.min_days(req),
            "steps": self.steps(item) if freq == "event" else [],
            "provenance": iq.provenance(req or item),
        }
        if freq == "monthly" and "每季度" in stated:
            out["condition"] = f"集体财务往来较多的每月公布；其他至少每季度一次（本季度 {self.q_end.isoformat()} 前）"
        return out


def board(store: GraphStore, code: str, month: str) -> dict[str, Any]:
    """Every matter the village must post in the month: regular ones with their deadline, event-driven ones with their periods."""
    start, end = parse_month(month)
    place = by_code(store, code)
    b = Board(store, place, start, end)
    items = b.items()
    if not items:
        raise NotFound(f"本库没有覆盖 {place.village.get('name_zh')}（{code}）在 {month} 施行的村务公开清单")
    posts = [b.post(n) for n in items]
    order = {f: i for i, f in enumerate(FREQUENCIES)}
    posts.sort(key=lambda p: (order[p["frequency"]], p["deadline"] or "9999", p["item"]))
    rules = {p.id: p for p in b.rules.values()}
    statute = None
    if rules:
        rule = next(iter(rules.values()))
        statute = {"citation": rule.get("citation"), "label": _label(store, rule), "text": rule.get("text")}
    return {
        "village": place.as_dict(),
        "period": {"month": f"{start.year:04d}-{start.month:02d}", "start": start.isoformat(), "end": end.isoformat(),
                   "quarter": (start.month - 1) // 3 + 1, "quarter_end": b.q_end.isoformat(), "year_end": b.y_end.isoformat()},
        "statute": statute,
        "posts": posts,
        "counts": {f: sum(p["frequency"] == f for p in posts) for f in FREQUENCIES},
        "explanation": [
            "法定：公开事项、公开频次（一般事项至少每季度、财务收支每月、重大事项随时）和最短公布期限以所引条文为准，"
            "条文按本月施行的法规版本选取。",
            "本项目的理解：法律只规定“每月/每季度/每年至少公布一次”而未规定具体日期，本表把截止日定为该月、该季度、该年的最后一天；"
            "如当地另有规定（如季度结束后若干日内），以当地规定为准。",
            "随事项发生的公开（如“四议两公开”的决策、征地补偿方案）没有固定日期，列出其公开时限和各步骤的公示期，不写入日历。",
        ],
        "notice": "清单事项系依据法规和公开资料整理，标注“建模示例”的内容并非官方文本；以官方发布为准。",
    }
