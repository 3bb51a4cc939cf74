"""How an answer is judged against a question's labels, and the labelled questions themselves.

Shared by the accuracy report (bench/accuracy.py) and the labellers' agreement (bench/agreement.py):
the second labeller's answer is scored by the very rule the product's is.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qingdan.queries.readings import led

EVAL = Path(__file__).resolve().parent / "eval"
AS_OF = "2025-06-01"  # labels cite the 2018 text of 村民委员会组织法, in force that day
# the label set's body names → catalog body types
BODY_ALIASES = {"villager_representatives": "villagers_representative_meeting", "village_party_branch": "village_party_org",
                "county_housing": "county_housing_construction", "county_ecology": "county_ecology_environment"}
ROLE_INTENTS = {"approves", "decides", "drafts", "funds", "complaint", "enforces"}


@dataclass
class Question:
    qid: str
    split: str
    text: str
    source: str
    cls: str
    intent: str
    verdicts: set[str]
    bodies: set[str]
    cites: list[str]


# heldout2 was collected on 2026-12-01 because heldout had been scored against many versions of the code
# and, once, a change was reverted on its figure: its texts were never seen, but it no longer judges
# untouched. heldout2 is scored here and nowhere else (see bench/eval/README.md).
# written_dev and written_check are not public questions: helpers wrote them on 2026-12-02 from the statutes
# in people's voice (long stories, past complaints, several questions), without seeing any other split.
# written_dev was looked at and tuned on; written_check was only scored (see bench/eval/README.md).
# written_dev3 was written on 2026-12-03 the same way (two helpers, statutes only, half of its "may they?" questions
# about acts the law forbids outright): scored once untouched (45/80), then looked at and tuned on.
# written_dev4 (same day, two more helpers, statutes only): cadre-misconduct stories that end by asking something other
# than where to complain, role questions told as grievances, and off-topic questions in village words; scored once
# untouched, then looked at and tuned on.
# dev2 are public questions found on 2026-12-02, after the pages the search corpus holds had mostly been used:
# scored once untouched (15/32), then looked at and tuned on like dev (see bench/eval/README.md).
# news_dev (2026-12-03, two helpers) follows heldout2's recipe: one page each from the search corpus not used before
# (news, boards, Q&A, explainers), most questions written from what the page reports: scored once untouched, then tuned on.
# news_dev2: two more helpers, the same way, the same day, after the first changes news_dev led to (scored untouched at cc566f7);
# news_dev3 likewise, scored untouched at 9e7cf6a after the changes news_dev2 led to.
# news_dev4 (2026-12-04, two helpers, same recipe), scored untouched at d6b9d8a before anything was changed for it;
# news_dev5 (two more helpers, gathered alongside), scored untouched after the changes news_dev4 led to.
# news_dev6 (2026-12-04, a new session, two helpers, same recipe), scored untouched at 6706848 before anything was changed for it;
# news_dev7 (two more helpers, gathered while news_dev6 was tuned on), scored untouched at a76bd50.
# news_dev8 (2026-12-04, the next session, two helpers, same recipe), scored untouched at 1e4a030.
# news_dev9 (two more helpers, gathered while news_dev8 was tuned on), scored untouched at 7d78aac.
# news_dev10 (2026-12-04, the session that added the verdict prior, two helpers, same recipe), scored untouched at 1fbb2d4
# (prior, items only) and with the prior's second reading, the one change it was to decide.
# news_dev11 (same session, two helpers, 30 questions each), scored untouched at b388247, after everything this session changed.
# news_dev12 (2026-12-04, the next session, two helpers, 30 questions each, one dropped as too like a scored-only text),
# scored untouched at 9ffcb6f before anything was changed for it.
# news_dev14 (same session, four helpers, 30 questions each), scored untouched at ae66718, after the intent prior and
# the jurisdiction fixes.
# news_dev15 (same session, four more helpers), scored untouched at 69cf6e2, after the role and cue changes news_dev14 led to.
# news_dev13 (same session, two helpers, gathered early and kept aside), scored untouched at 3b3b019, after everything this
# session changed, with and without the intent prior: the check fixed beforehand for keeping it.
# news_dev16 (2026-12-05, six helpers, 25 each, three dropped as too like a scored-only text) is the first set made of the
# askers' own words (verbatim=yes on six rows in seven), as most of heldout is: scored untouched at d940c77, 79/147, where
# the helper-written sets had scored 69–87%; then looked at and tuned on.
# news_dev17 (same day, four helpers, the same recipe, five dropped as too like a scored-only text) was kept aside and scored
# untouched after every change of the session (7ecf890): 42/95 with the priors as shipped, 44/95 with priors trained
# without news_dev16. The check fixed beforehand kept news_dev16 in the priors' training only if it did no worse there; it
# did worse (and, each split read by priors trained on the others, it cost the other splits about as much), so neither
# verbatim set is trained on (NOT_TRAINED): both are development splits to look at and tune on.
# news_dev18 (2026-12-05, the next session, four helpers, 30 each in the askers' own words, eleven dropped as too like a
# scored-only text) was gathered at the session's start and kept aside, unread, to be scored untouched after the session's
# changes; it is not trained on either.
# news_dev19 (2026-12-05, the session after, four helpers, 30 asked each, 112 found as the corpus ran dry, thirteen dropped as
# too like an existing text) was gathered early in the session and kept aside, unread, to be scored untouched after the
# session's changes; not trained on.
SPLITS = {"dev": "开发集", "heldout": "留出集（从未逐条查看；已被多次打分）", "heldout2": "新留出集（2026-12-01 收集，只打分）",
          "dev2": "补充开发集（2026-12-02 收集的公开原话；首次打分后用于调试）",
          "written_dev": "助手撰写·调试用（2026-12-02，非公开原话）", "written_check": "助手撰写·只打分（2026-12-02，非公开原话）",
          "written_dev3": "助手撰写·调试用第二组（2026-12-03，非公开原话；首次打分后用于调试）",
          "written_dev4": "助手撰写·调试用第三组（2026-12-03，非公开原话；首次打分后用于调试）",
          "news_dev": "按公开网页写成的调试集（2026-12-03，仿新留出集做法；首次打分后用于调试）",
          "news_dev2": "按公开网页写成的调试集第二组（2026-12-03，同样做法；首次打分后用于调试）",
          "news_dev3": "按公开网页写成的调试集第三组（2026-12-03，同样做法；首次打分后用于调试）",
          "news_dev4": "按公开网页写成的调试集第四组（2026-12-04，同样做法；首次打分后用于调试）",
          "news_dev5": "按公开网页写成的调试集第五组（2026-12-04，同样做法；首次打分后用于调试）",
          "news_dev6": "按公开网页写成的调试集第六组（2026-12-04 新一轮，同样做法；首次打分后用于调试）",
          "news_dev7": "按公开网页写成的调试集第七组（2026-12-04 新一轮，同样做法；首次打分后用于调试）",
          "news_dev8": "按公开网页写成的调试集第八组（2026-12-04 又一轮，同样做法；首次打分后用于调试）",
          "news_dev9": "按公开网页写成的调试集第九组（2026-12-04 同一轮，同样做法；首次打分后用于调试）",
          "news_dev10": "按公开网页写成的调试集第十组（2026-12-04 加入结论先验的一轮，同样做法；首次打分后用于调试和训练）",
          "news_dev11": "按公开网页写成的调试集第十一组（2026-12-04 同一轮末，同样做法；首次打分后用于调试和训练）",
          "news_dev12": "按公开网页写成的调试集第十二组（2026-12-04 又一轮，同样做法；首次打分后用于调试和训练）",
          "news_dev14": "按公开网页写成的调试集第十四组（2026-12-04 同一轮，四名助手，同样做法；首次打分后用于调试和训练）",
          "news_dev15": "按公开网页写成的调试集第十五组（2026-12-04 同一轮，又四名助手，同样做法；首次打分后用于调试和训练）",
          "news_dev13": "按公开网页写成的调试集第十三组（2026-12-04 同一轮先收、留到最后原样检验；之后用于调试和训练）",
          "news_dev16": "照录网民原话的调试集（2026-12-05，六名助手；首次打分后用于调试，不用于训练先验）",
          "news_dev17": "照录网民原话的调试集第二组（2026-12-05，四名助手；最后原样检验，之后用于调试，不用于训练先验）",
          "news_dev18": "照录网民原话的调试集第三组（2026-12-05 下一次会话，四名助手；留到最后原样检验，不用于训练先验）",
          "news_dev19": "照录网民原话的调试集第四组（2026-12-05 再下一次会话，四名助手；留到最后原样检验，不用于训练先验）"}


# the splits that are only ever scored: never looked at, never tuned on, never trained on
SCORED_ONLY = ("heldout", "heldout2", "written_check")


# development splits the priors are not trained on (see news_dev17 above)
NOT_TRAINED = ("news_dev16", "news_dev17", "news_dev18", "news_dev19")


def development_splits() -> list[str]:
    """The splits that may be looked at and tuned on."""
    return [s for s in SPLITS if s not in SCORED_ONLY]


def training_splits() -> list[str]:
    """The development splits the priors learn from (queries/verdict_prior.py, queries/intent_prior.py)."""
    return [s for s in development_splits() if s not in NOT_TRAINED]


def source_kinds() -> dict[str, str]:
    """source id → the kind of public source (message board, Q&A site, provincial list …)."""
    path = EVAL / "sources.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {r["source_id"]: r.get("kind") or "?" for r in csv.DictReader(f)}


def load(split: str) -> list[Question]:
    path = EVAL / f"{split}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [labelled(r["qid"], split, r["question"], r["source_id"], r["class"], r) for r in csv.DictReader(f)]


def listed(value: str | None) -> list[str]:
    """A label field's ";"-separated values ("none" is no value)."""
    return [v.strip() for v in (value or "").split(";") if v.strip() and v.strip() != "none"]


def labelled(qid: str, split: str, text: str, source: str, cls: str, labels: dict[str, str]) -> Question:
    """A question with the labels of one row (the first labeller's file or the second's)."""
    return Question(qid, split, text, source, cls, labels["intent"], set(listed(labels["accepted_verdicts"])),
                    {BODY_ALIASES.get(b, b) for b in listed(labels.get("role_bodies"))}, listed(labels.get("must_cite")))


def share(ok: int, n: int) -> str:
    return f"{ok}/{n} = {100 * ok / n:.1f}%" if n else "—"


def body_matches(wanted: set[str], body_type: str | None, level: str | None) -> bool:
    if not wanted:
        return True
    if body_type in wanted:
        return True
    if "county_department" in wanted and level == "county":
        return True
    return bool({"town_government", "subdistrict_office"} & wanted) and body_type in ("town_government", "subdistrict_office")


def led_body(answer: dict[str, Any]) -> tuple[str | None, str | None]:
    """The type and level of the body an answer leads with, as the product picks it (queries/readings.led)."""
    body = led(answer)[0] or {}
    return body.get("type"), body.get("level")


def cited(answer: dict[str, Any]) -> set[str]:
    """WORK#ARTICLE and DOC keys an answer shows, in its bases, role bases and cautions."""
    out: set[str] = set()
    for b in answer.get("bases") or []:
        if b.get("kind") == "provision" and b.get("article"):
            out.add(f"{b['work']}#{b['article']}")
        elif b.get("citation"):
            out.add(str(b["citation"]).split("#")[0].replace("doc/", "DOC:"))
    for r in answer.get("roles") or []:
        if r.get("basis") and "@" in r["basis"]:
            work, rest = r["basis"].split("@", 1)
            out.add(f"{work}#{rest.split('#')[1].split('.')[0]}")
    for c in answer.get("cautions") or []:
        for text in c.get("bases") or []:
            out.add(text)
    return out


def cites_hit(q: Question, answer: dict[str, Any]) -> bool:
    if not q.cites:
        return True
    got = cited(answer)
    flat = " ".join(got)
    for c in q.cites:
        if c in got or (c.startswith("DOC:") and c in flat):
            return True
        work, _, art = c.partition("#")
        if art and any(g.startswith(f"《{work}》第") for g in got):
            return True
    return False


def right(q: Question, answer: dict[str, Any]) -> bool:
    if answer.get("verdict") not in q.verdicts:
        return False
    if q.intent in ROLE_INTENTS and q.bodies and answer.get("verdict") != "unlisted":
        return body_matches(q.bodies, *led_body(answer))
    return True


def right_among_readings(q: Question, answer: dict[str, Any]) -> bool:
    """Right by the answer it leads with, or by one of the other lines it shows (queries/readings.py): a second
    question the letter asks, or another reading of a letter that asks nothing. What a writer finds on the page."""
    return right(q, answer) or any(right(q, {"verdict": r["verdict"], "responsible": {"body_type": r.get("body")}})
                                   for r in answer.get("readings") or [])
