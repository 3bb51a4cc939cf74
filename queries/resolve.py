"""“这件事归谁管，依据是什么？” — the verdict, the body and the chain of reasons for a task.

A question has a topic (which item: ranked by the matcher) and an intent (what about it: who
approves, who pays …, queries/intent.py). The intent picks a role, the item's body for that role
gives the verdict for that role; the answer lists every role and leads with the asked one.
Negative behaviours are never the topic: a question that matches one is about the duty the
behaviour endangers, and the behaviour becomes a caution on it. Only items of lists that bind
the place (queries/scope.py) are candidates.
"""
from __future__ import annotations

import gc
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qingdan.errors import BadRequest, NotFound
from qingdan.ontology.terms import KIND_CLASS, KIND_ZH

from . import intent_prior
from . import items as iq
from . import limits
from . import reasons as rs
from . import roles as rq
from .dates import parse_as_of
from .asked import DECISION_ASPECT, PERSONAL_ASPECTS, AskedRoles
from .bodies import body_names, commissioner, named_in
from .explain import ExplainedView, Explaining, read_adoptions, scoped_view
from .intent import (Intent, about_misconduct, asking_sentence, asking_spans, asks_about_act, asks_about_cadre, asks_to_help,
                     bypassed_meeting, deprives, detect, masked, misconduct_in, personal_misconduct, points_back, validity_of_taking,
                     vote_asked)
from .local_laws import LocalLaws
from .matching import ItemIndex, Match, simplified
from .off_domain import ASKED_OF, elsewhere
from .ranking import UNLISTED_BELOW, VILLAGE_WORDS, Ranking
from .readings import Readings
from .reasons import VERDICT_ZH
from .scope import NOT_PLACES, PlaceNames, Scope, named_place, scope_for
from .second_opinion import Asking, SecondOpinion
from .stores.base import GraphStore, Node
from .villages import Place, VillageFinder, by_code, concrete_body

VERDICTS = ("village_autonomy", "village_assists", "town", "county_department", "not_for_village", "unlisted")
# a behaviour matched at this share of the duty's score is the one the question names (misconduct told in
# a story; asked about as "may they do this?")
NAMED_TOLD, NAMED_ASKED = 0.8, 0.5
NOTICE = "清单事项系依据法规和公开资料整理，标注“建模示例”的事项并非汕头官方清单原文；以官方发布为准。"


def short(node_id: str) -> str:
    return node_id.split("/", 1)[1]


@dataclass
class ItemMeta:
    node: Node
    category: Node | None
    version: Node | None
    lst: Node | None
    also_in: list[Node] = field(default_factory=list)
    jurisdictions: tuple[str, ...] = ()  # of the lists it is on
    law_jurisdictions: tuple[str, ...] = ()  # of the statutes and documents it rests on


class Resolver(Explaining, AskedRoles, Ranking, SecondOpinion, Readings):
    """Everything resolve needs, prepared once per loaded graph."""

    def __init__(self, store: GraphStore, explain: bool = True) -> None:
        """Built from one bulk read per label and relationship type (a few dozen round trips on Neo4j,
        whatever the number of items); answers then read their explanation subgraph in one more.
        explain=False reads every answer straight from the store (what the subgraph is checked against).

        The cyclic collector is off while building: the build makes ~10^5 long-lived containers and
        no cyclic garbage worth a pass, and its passes cost ~0.1–0.4 s of a ~1 s build. What was
        built then lives as long as the graph and is frozen out of later full passes, one of which,
        triggered by the caches the first questions fill, took ~100 ms of one answer (it scans every
        container alive and frees none of these). Refcounting still frees it all once the resolver
        is replaced."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(store, explain)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()

    def _build(self, store: GraphStore, explain: bool) -> None:
        self._store = store
        self._explain = explain
        self.version = store.version()
        # answers depend only on the graph and the date; the graph is fixed for this resolver
        # (the API rebuilds it when store.version() changes), so these caches are never stale
        self._in_force: dict[str, set[str]] = {}
        self._scoped: dict[tuple[str, str], set[str]] = {}
        self._detail: dict[tuple[str, str], dict[str, Any]] = {}
        self._places: dict[str, Place] = {}
        self._answers: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._views: OrderedDict[tuple[frozenset[str], str | None], ExplainedView] = OrderedDict()
        self.items: dict[str, ItemMeta] = {}
        self._list_of_version: dict[str, Node | None] = {}
        item_nodes = [n for cls in KIND_CLASS.values() for n in store.nodes(cls)]
        ids = [n.id for n in item_nodes]
        cats, vers, alsos = (store.neighbors_many(ids, t) for t in ("IN_CATEGORY", "IN_VERSION", "ALSO_IN_VERSION"))
        self.decisions: dict[str, Node] = {}
        self.list_decisions: dict[str, Node] = {}
        decision_nodes = store.nodes("DelegationDecision")
        decision_lists = store.neighbors_many([d.id for d in decision_nodes], "DECISION_LIST")
        version_ids = {v.id for table in (vers, alsos, decision_lists) for pairs in table.values() for _, v in pairs}
        lists_of: dict[str, Node | None] = {vid: pairs[0][1] for vid, pairs in
                                            store.neighbors_many(sorted(version_ids), "VERSION_OF_LIST").items()}
        records: list[dict[str, Any]] = []
        for n in item_nodes:
            cat = cats[n.id][0][1] if n.id in cats else None
            ver = vers[n.id][0][1] if n.id in vers else None
            lst = lists_of.get(ver.id) if ver else None
            also = [v for _, v in alsos.get(n.id, [])]
            # a version binds its own place (its list's, unless its row says otherwise)
            juris = tuple(dict.fromkeys(j for j in [(ver.get("jurisdiction") if ver else None) or (lst.get("jurisdiction") if lst else None),
                                                     *[v.get("jurisdiction") or (lists_of[v.id].get("jurisdiction") if lists_of.get(v.id) else None)
                                                       for v in also]] if j))
            self.items[n.id] = ItemMeta(n, cat, ver, lst, also, juris)
            self._list_of_version.update({v.id: lists_of.get(v.id) for v in [*also, *([ver] if ver else [])]})
            records.append({"id": n.id, "kind": n.get("kind"), "name": n.get("name_zh"),
                            "keywords": n.get("keywords") or [], "description": n.get("description"),
                            "situations": n.get("situations") or [],
                            "category": cat.get("name_zh") if cat else None})
        self.index_records = records  # what the index is built from (and keyed by in its cache)
        self.index = ItemIndex(records)
        # behaviours of a cadre as a person (graft, violence …), named by a story that tells of them
        self.personal_ids = {i for i, m in self.items.items() if m.node.get("aspect") in PERSONAL_ASPECTS}
        self.body_names = body_names(store)
        self.finder = VillageFinder(store)
        self.named_places = PlaceNames([(i.split('/')[-1], n) for i, n in store.names("City")],
                                       [(i.split('/')[-1], n) for i, n in store.names("District")])
        self.roles = rq.read_all(store, ids, {i: m.node.get("kind") for i, m in self.items.items()})
        self._lead: dict[str, Node | None] = dict.fromkeys(ids)
        for i, pairs in store.neighbors_many(ids, "LEAD_BODY").items():
            self._lead[i] = pairs[0][1]
        self._law_jurisdictions(ids)
        # which places have lists or regulations of their own in the library
        work_versions = store.nodes("WorkVersion")
        self.local_lists = [l for l in store.nodes("DutyList") if l.get("jurisdiction") not in (None, "CN")]
        self.local_list_places = {l.get("jurisdiction") for l in self.local_lists}
        self.local_law_places = {v.get("jurisdiction") for v in work_versions} - {None, "CN"}
        self.place_names = {n.get("jurisdiction"): n.get("jurisdiction_name") for n in work_versions + self.local_lists
                            if n.get("jurisdiction_name")}
        self.local_laws = LocalLaws(store)  # the place's own regulations, read when an answer needs them
        self._facts(ids)
        self.endangers: dict[str, list[str]] = {}
        self.endangered_by: dict[str, list[str]] = {}
        for neg, pairs in store.neighbors_many(ids, "ENDANGERS").items():
            self.endangers[neg] = [d.id for _, d in pairs]
            for _, d in pairs:
                self.endangered_by.setdefault(d.id, []).append(neg)
        for d in decision_nodes:
            for _, v in decision_lists.get(d.id, []):
                self.decisions[v.id] = d
                lst = lists_of.get(v.id)
                if lst is not None:
                    # a later (imported) version of the same list still rests on the decision
                    self.list_decisions.setdefault(lst.id, d)
        self._adoptions = read_adoptions(store)
        # what an answer without a listed item reads: the access rule's articles in every text held
        self._access_rule = [f"{v.id}/{art}" for v in work_versions for work, art in rs.ACCESS_RULE
                             if v.id.startswith(f"law/{work}/")]
        if explain:
            # read now, as part of the build: every off-topic answer reads it, and on Neo4j the first
            # explain query is the one that compiles the plan (up to ~1 s) — no question pays for that
            self.view([], None, unlisted=True)

    def _law_jurisdictions(self, ids: list[str]) -> None:
        """Where each item's bases bind: a duty a national law gives holds everywhere, even when
        the list that names it is Shantou's; one resting only on Guangdong texts holds in Guangdong."""
        bases = self.store.neighbors_many(ids, "RESTS_ON")
        provisions = sorted({p.id for pairs in bases.values() for _, p in pairs})
        versions = self.store.neighbors_many(provisions, "PROVISION_OF")
        docs = self.store.neighbors_many(provisions, "PROVISION_OF_DOCUMENT")
        for item_id, pairs in bases.items():
            found: list[str] = []
            for _, p in pairs:
                if p.label == "Document":
                    found.append(p.get("jurisdiction") or "CN")
                for _, owner in versions.get(p.id, []) + docs.get(p.id, []):
                    found.append(owner.get("jurisdiction") or "CN")
            meta = self.items[item_id]
            meta.law_jurisdictions = tuple(dict.fromkeys(found))

    def _facts(self, ids: list[str]) -> None:
        """Which items know a procedure, and which know how often or how long something is posted:
        a question asking "what steps" or "how often" should land on one of those."""
        procs = self.store.neighbors_many(ids, "HAS_PROCEDURE")
        self.has_procedure = set(procs)
        reqs = self.store.neighbors_many(ids, "HAS_REQUIREMENT")
        timed = {i for i, pairs in reqs.items() if any(r.get("frequency") or r.get("min_posting_days") for _, r in pairs)}
        discloses = self.store.neighbors_many(ids, "MUST_DISCLOSE")
        self.has_timing = timed | {i for i, pairs in discloses.items() if any(d.id in timed for _, d in pairs)}

    def binds_list(self, item: ItemMeta, scope: Scope) -> bool:
        return any(scope.binds(j) for j in item.jurisdictions)

    def applies(self, item: ItemMeta, scope: Scope) -> bool:
        """On a list binding the place, or a duty that a text binding the place imposes."""
        return self.binds_list(item, scope) or any(scope.binds(j) for j in item.law_jurisdictions)

    # ---- which items can answer -------------------------------------------------------------
    def in_force_items(self, day: date) -> set[str]:
        d = day.isoformat()
        cached = self._in_force.get(d)
        if cached is not None:
            return cached
        out = set()
        for nid, m in self.items.items():
            v = m.version
            if v is None:
                continue
            if (v.get("in_force_from") or "0000") <= d and (not v.get("in_force_to") or d <= v.get("in_force_to")):
                out.add(nid)
        if len(self._in_force) > 256:
            self._in_force.clear()
        self._in_force[d] = out
        return out

    def scoped_items(self, day: date, scope: Scope) -> set[str]:
        """Items in force that day on a list binding the place."""
        key = (day.isoformat(), scope.code)
        cached = self._scoped.get(key)
        if cached is None:
            cached = {i for i in self.in_force_items(day) if self.applies(self.items[i], scope)}
            if len(self._scoped) > 1024:
                self._scoped.clear()
            self._scoped[key] = cached
        return cached

    def place(self, text: str, village: str | None) -> Place | None:
        if village:
            v = village.strip()
            if v.isdigit():
                if v not in self._places:
                    self._places[v] = by_code(self.view([], f"division/{v}") if self._explain and v.isdigit() and len(v) == 12 else self.store, v)
                return self._places[v]
            found = self.finder.in_text(v)
            if found is None:
                raise NotFound(f"没有找到名为“{v}”的村（社区）")
            return found
        found = self.finder.in_text(text)
        if found is None or found.named_in(text):
            return found
        named = named_place(text, self.named_places)
        if named is not None and not str(found.village.get("code") or "").startswith(named[0]):
            return None  # "儋州市中和镇横山村委会": another place's village of the same name, not one loaded here
        return found

    def decision_of(self, item: ItemMeta) -> Node | None:
        if item.version is not None and item.version.id in self.decisions:
            return self.decisions[item.version.id]
        return self.list_decisions.get(item.lst.id) if item.lst is not None else None


    def adoptions(self, decision: Node) -> list[tuple[Node, Node | None, set[str]]]:
        return self._adoptions.get(decision.id, [])


    def adoption(self, decision: Node, place: Place, day: date) -> Node | None:
        for a, by, towns in self.adoptions(decision):
            if by is None or place.district is None or by.id != place.district.id:
                continue
            if a.get("issued") and a.get("issued") > day.isoformat():
                continue
            if "征求意见" in (a.get("doc_no") or ""):
                continue  # a draft for comment moves no power
            if not towns or (place.town is not None and place.town.id in towns):
                return a
        return None

    # ---- the verdict ---------------------------------------------------------------------

    def body(self, body_type: Node | None, place: Place | None) -> dict[str, Any] | None:
        if body_type is None:
            return None
        # the committee type follows the place: a 社区 has a residents' committee, a 村 a villagers'
        if place is not None and place.village.get("urban_rural") == "社区" and short(body_type.id) == "village_committee":
            body_type = self.store.node("bodytype/residents_committee") or body_type
        elif place is not None and place.village.get("urban_rural") == "村" and short(body_type.id) == "residents_committee":
            body_type = self.store.node("bodytype/village_committee") or body_type
        out = {"type": short(body_type.id), "name": body_type.get("name_zh"), "level": body_type.get("level")}
        if place is not None:
            out["body"] = concrete_body(self.store, body_type, place)
        return out


    def responsible(self, item: ItemMeta, verdict: str, decision: Node | None, place: Place | None) -> dict[str, Any]:
        s = self.store
        lead = iq.one(s, item.node.id, "LEAD_BODY")
        assisting = [n for _, n in s.neighbors(item.node.id, "ASSIST_BODY")]
        if verdict == "town":
            to = [n for _, n in s.neighbors(decision.id, "TO_BODY")] if decision else []
            want = "subdistrict_office" if place and place.town and place.town.get("urban_rural") == "街道" else "town_government"
            lead = next((n for n in to if short(n.id) == want), None) or s.node(f"bodytype/{want}") or lead
        elif verdict == "county_department" and decision is not None and (lead is None or lead.get("level") != "county"):
            lead = iq.one(s, decision.id, "FROM_BODY") or lead
        if verdict == "village_assists" and not any(n.get("level") == "village" for n in assisting):
            vc = s.node("bodytype/village_committee")
            assisting = [*assisting, vc] if vc else assisting
        leading = self.body(lead, place)

        def bodies(nodes: list[Node]) -> list[dict[str, Any] | None]:
            # the lead is not listed again as assisting or supervising its own matter
            out, seen = [], {leading["type"]} if leading else set()
            for n in nodes:
                b = self.body(n, place)
                if b is not None and b["type"] not in seen:
                    seen.add(b["type"])
                    out.append(b)
            return out

        return {
            "body_type": leading,
            "assisting": bodies(assisting),
            "supervising": bodies([n for _, n in s.neighbors(item.node.id, "SUPERVISE_BODY")]),
            "must_not": bodies([n for _, n in s.neighbors(item.node.id, "MUST_NOT_BODY")]),
        }

    # ---- the verdict ---------------------------------------------------------------------
    def verdict(self, item: ItemMeta, place: Place | None, day: date) -> tuple[str, Node | None, Node | None]:
        """The verdict of the item as listed (its lead body), delegation and adoption decided."""
        kind = item.node.get("kind")
        lead = self._lead.get(item.node.id)
        if kind == "autonomy":
            return "village_autonomy", None, None
        if kind in ("micro_power", "public_service", "disclosure"):
            # the village's own power or service, unless the list puts a government body in the lead
            return ("village_autonomy" if lead is not None and lead.get("level") == "village" else "village_assists"), None, None
        if kind == "assistance":
            return "village_assists", None, None
        if kind in ("prohibited", "negative"):
            return "not_for_village", None, None
        decision = self.decision_of(item)
        if decision is None or place is None:
            return "town", decision, None
        adoption = self.adoption(decision, place, day)
        return ("town" if adoption is not None else "county_department"), decision, adoption

    @scoped_view
    def resolve(self, text: str, village: str | None = None, as_of: str | date | None = None) -> dict[str, Any]:
        if not text or not text.strip():
            raise BadRequest("问题不能为空")
        if len(text) > 500:
            raise BadRequest("问题太长（最多 500 字）")
        day = parse_as_of(as_of)
        place = self.place(text, village)
        scope = scope_for(place.village.get("code") if place else None,
                          place.village.get("name_zh") if place else None, text, self.named_places)
        allowed = self.scoped_items(day, scope)
        plain = simplified(text)
        intent = intent_prior.reread(text, plain, detect(plain))
        # "派出所管不管村里的土地纠纷" is about the land dispute: the body it asks about is no topic word
        asked_body = named_in(self.body_names, plain, intent)
        ranked = self.rank(text.replace(asked_body[0], "，") if asked_body else text, day, limit=16, allowed=allowed)
        misconduct = misconduct_in(plain) or bypassed_meeting(plain)
        personal = personal_misconduct(plain)
        # a cadre's own wrongdoing (PERSONAL words) names a behaviour even when the story's other words outrank it
        conduct = self.index.search(text, limit=1, allowed=allowed & self.personal_ids) if personal else []
        duties, negatives = self.topic(ranked + [m for m in conduct if m.id not in {r.id for r in ranked}], allowed, misconduct,
                                       asks_about_act(intent, misconduct), bypassed_meeting(plain))
        for m in conduct:
            negatives[m.id] = max(negatives.get(m.id, 0.0), UNLISTED_BELOW)
        # a cadre's own wrongdoing named in the curated words (挪用, 受贿 …) and a question where to report it or who
        # deals with it is on topic however few of the story's other words any duty shares
        reported = bool(conduct) and intent.id in ("complaint", "enforces")
        # whom else the question is for (a doctor, an insurance scheme, a court …: off_domain.ASKED_OF), read once for every step
        asked_of = elsewhere(plain, asking_spans(masked(plain)))
        top = self.prefer(duties, intent, text, allowed) if duties and (self.on_topic(text, duties, asked_of) or reported) else None
        if top is not None:
            top = self.in_its_case(duties, top, plain)
        asking = Asking(text, plain, day, place, scope, intent, duties, negatives, misconduct, personal, asked_body, asked_of)
        answer = self.judged(asking, top, self.answer_for(asking, top))
        if readings := self.other_readings(asking, answer):
            answer["readings"] = readings
        return answer

    def answer_for(self, asking: Asking, top: Match | None) -> dict[str, Any]:
        """The whole answer when top is the item the question is about (None: 未列入)."""
        text, plain, day, place, scope = asking.text, asking.plain, asking.day, asking.place, asking.scope
        intent, duties, negatives, misconduct, personal = asking.intent, asking.duties, asking.negatives, asking.misconduct, asking.personal
        asked_body = asking.asked_body
        # a story of wrongdoing that asks nothing else
        story = intent.id in ("responsible", "complaint") and (intent.cue is None or intent.told) and not intent.taken
        # the behaviour the negative list names, when it matches about as well as the duty; asking "may they?"
        # about an act told as misconduct ("村里在路口设卡收费，合法吗") names the act, so half as well will do
        worst = max(negatives, key=lambda n: negatives[n]) if negatives and top is not None else None
        bar = NAMED_ASKED if intent.id == "may_do" else NAMED_TOLD
        named = worst if worst is not None and top is not None and negatives[worst] >= top.score * bar else None
        # a story of wrongdoing that asks "找谁/归谁管" asks where to take it, not who does the work as a rule
        if misconduct and top is not None and (named or story or intent.id == "responsible"):
            intent = about_misconduct(intent)
            bypass = (named is not None and self.items[named].node.get("aspect") == DECISION_ASPECT) or bypassed_meeting(plain)
            if story and bypass and self.village_decides(top.id):
                # a story of cadres deciding alone what a meeting decides asks who decides, by what procedure
                intent = Intent("decides", "decides", None)
        if top is not None and intent.id == "responsible" and intent.cue is None and not intent.taken and self.village_decides(top.id):
            # an item named without asking a role, whose matter a village meeting decides: who decides
            intent = Intent("decides", "decides", None)
        answer: dict[str, Any] = {
            "question": text, "as_of": day.isoformat(),
            "village": place.as_dict() if place else None,
            "notice": NOTICE, "intent": intent.as_dict(), "scope": self.scope_text(scope, place),
        }
        matches = [self.match_summary(m, place, day) for m in duties if top is None or m.id != top.id][:5]
        self.explain_answer(self.items[top.id] if top else None, negatives, place.village.id if place else None, UNLISTED_BELOW, personal)
        if top is None:
            belongs = asking.asked_of
            # a question for someone else (off_domain.ASKED_OF): say whom to ask, not "ask the town which
            # department", and caution no cadre, whose conduct it does not ask about
            answer.update(rs.unlisted(self.store, day, guangdong=scope.binds("44")) if belongs is None
                          else rs.elsewhere(self.store, day, ASKED_OF[belongs]))
            answer["cautions"] = self.cautions(None, day, negatives, scope, personal) if belongs is None else []
            answer["matches"] = matches
            answer["confidence"] = min(1.0, duties[0].score) if duties else 0.0
            return answer
        item = self.items[top.id]
        answer.update(self.item_answer(item, place, day, scope))
        answer["cautions"] = self.cautions(item, day, negatives, scope, personal)
        answer.update(self.asked(item, intent, place, day, answer, personal, asked_body[1] if asked_body else None,
                                 commissioner(self.body_names, plain) if intent.id == "funds" else None,
                                 about_cadre=asks_about_cadre(plain), scope=scope))
        # "什么时候发 / 多久到账" about a programme the village only assists with asks the government's
        # period, and leads with its body, unless the village's own part holds one (posts for N days)
        gov_timing = intent.id == "timing" and all(t.get("from_provision") for t in answer.get("timing") or [])
        # a question naming no village asks about the government's matter, unless it asks whether one may do something
        names_no_village = not VILLAGE_WORDS.search(plain) and intent.id not in ("may_do", "forbidden")
        if (names_no_village or intent.id in ("responsible", "procedure") or gov_timing) \
                and answer["verdict"] == "village_assists" and not answer.get("asked"):
            answer.update(self.government_matter(item, place, day, answer, lead_with=gov_timing, procedure=intent.id == "procedure"))
        sentence = asking_sentence(plain, intent.cue) if intent.id in ("may_do", "forbidden", "decides") else None
        if intent.id in ("may_do", "forbidden") and not answer.get("asked"):
            if answer["verdict"] == "village_assists" and not asks_to_help(sentence or plain):
                # may the village do this itself, in a matter it only assists with: no
                answer.update(self.not_its_own(item, answer, day))
            elif intent.id == "may_do" and answer["verdict"] == "village_autonomy" \
                    and (deprives(sentence or plain) or ((vote_asked(intent) or points_back(sentence)) and deprives(plain))):
                # "村里能这样摊派收钱吗", "开会表决就能不给外嫁女分吗": the village's own matter, but no meeting may take
                # what the law gives a villager; asking whether a vote makes the story's act lawful asks about that act
                answer.update(self.overruled(item, answer, day))
            elif intent.id == "may_do":
                # "may they do this?" about a duty: the matter's verdict, and what its own bases forbid
                answer["asked"] = self.decided_here(item, limits.may_do(answer), answer["verdict"], place, day, text)
        elif intent.id == "decides" and answer["verdict"] == "village_autonomy" and validity_of_taking(sentence):
            # "组上开会表决不给我分，算数不？" asks whether a decision that takes a villager's share stands, not who decides
            answer["intent"] = Intent("may_do", None, intent.cue).as_dict()
            answer.update(self.overruled(item, answer, day))
        answer.update({"matches": matches, "confidence": min(1.0, top.score)})
        return answer

    def town_by_law(self, item_id: str) -> rq.Role | None:
        """The town's part in a delegated power that a statute, not a delegation decision, gives it."""
        return next((r for r in self.roles.get(item_id, []) if r.role in ("enforces", "approves") and r.body.id.endswith("/town_government")
                     and r.basis and not r.basis.startswith("DOC:") and r.provenance_status != "modeled"), None)

    def village_decides(self, item_id: str) -> bool:
        """A body of the village (its meeting, its representatives) decides the matter."""
        return any(r.role == "decides" and r.level == "village" for r in self.roles.get(item_id, []))

    def scope_text(self, scope: Scope, place: Place | None) -> dict[str, Any]:
        """Which rules the answer rests on for this place, and what the library lacks there."""
        out = scope.as_dict()
        lists_here = [l for l in self.local_lists if scope.binds(l.get("jurisdiction"))]
        laws_here = sorted(j for j in self.local_law_places if scope.binds(j))
        where = self.where(scope, place)
        law_names = "、".join(self.place_names.get(j, j) for j in laws_here)
        out.update({"local_lists": sorted({l.get("jurisdiction") for l in lists_here}), "local_laws": laws_here,
                    "local_list_names": [l.get("name_zh") for l in lists_here],
                    "local_law_places": [{"code": j, "name": self.place_names.get(j, j)} for j in laws_here]})
        lead = f"未指定村（社区）：以下按{where}回答。" if scope.assumed else f"以下只用约束{where}的规定。"
        laws = f"及{law_names}的地方性法规" if laws_here else ""
        if any(l.get("kind") in ("autonomy", "assistance") for l in lists_here):
            out["text"] = lead + f"依据本地清单、全国性法律和文件{laws}。"
        else:
            others = "".join(f"、《{l.get('name_zh')}》" for l in lists_here)
            out["text"] = lead + f"本库未收录{where}的村级事务清单，以下依据全国性法律和文件{others}" \
                + (f"{laws}。" if laws_here else "；本库也未收录当地的地方性法规。")
        return out

    def where(self, scope: Scope, place: Place | None) -> str:
        if place is None:
            return scope.name
        return "".join(n.get("name_zh") for n in (place.city, place.district, place.town, place.village)
                       if n is not None and n.get("name_zh") not in NOT_PLACES)

    def item_answer(self, item: ItemMeta, place: Place | None, day: date, scope: Scope | None = None) -> dict[str, Any]:
        """Everything in an answer that follows from the item, the village, the date and the place."""
        with self.explaining([item.node.id], place.village.id if place else None):
            return self._item_answer(item, place, day, scope)

    def _item_answer(self, item: ItemMeta, place: Place | None, day: date, scope: Scope | None) -> dict[str, Any]:
        listed_here = scope is None or self.binds_list(item, scope)
        key = (item.node.id, place.village.id if place else "", day.isoformat(), "" if listed_here else scope.code)
        cached = self._answers.get(key)
        if cached is not None:
            return cached
        if not listed_here:
            out = self.law_answer(item, place, day, scope)
            self._answers[key] = out
            return out
        verdict, decision, adoption = self.verdict(item, place, day)
        detail = self.detail(item, day)
        out = {
            "verdict": verdict, "verdict_zh": VERDICT_ZH[verdict],
            "item": {k: detail[k] for k in ("id", "name", "kind", "kind_zh", "provenance", "list", "version", "category",
                                            "description")},
            "responsible": self.responsible(item, verdict, decision, place),
            "bases": detail["bases"],
            "reasons": rs.reasons(self.store, item.lst, item.version, item.category, detail, decision, adoption, place,
                                  day, [v for v in item.also_in if scope is None or scope.binds(
                                      (self._list_of_version.get(v.id) or v).get("jurisdiction"))]),
            "why_not": rs.why_not(self.store, item.node, detail, verdict, day),
            "disclosure": detail["disclosure"],
            "procedure": detail["procedure"],
        }
        out["item"]["jurisdictions"] = list(item.jurisdictions)
        if len(self._answers) > 20000:
            self._answers.clear()
        self._answers[key] = out
        return out

    def law_answer(self, item: ItemMeta, place: Place | None, day: date, scope: Scope) -> dict[str, Any]:
        """A place whose lists the library does not hold: the duty as national law gives it, with
        the provisions of the place's own regulations that bear on it (found by their words, marked
        so), never the framing of a list that does not bind there."""
        detail = self.detail(item, day)
        bases = [b for b in detail["bases"] if scope.binds(b.get("jurisdiction") or "CN")]
        local = self.local_laws.related(item.node, bases, scope, day, place.village.get("urban_rural") if place else None)
        kind = item.node.get("kind")
        # a county power some place delegated to towns stays the county's where no decision moved it, unless
        # the law itself gives the town the power (城乡规划法 §65: in village planning areas the town orders a stop)
        by_town = self.town_by_law(item.node.id) if kind == "delegated" else None
        by_law = (self.basis_label(by_town.basis_id, day) if by_town.basis_id else by_town.basis) if by_town is not None else None
        verdict = ("town" if by_town is not None else "county_department") if kind == "delegated" else self.verdict(item, place, day)[0]
        lst = item.lst.get("name_zh") if item.lst else "清单"
        where = self.where(scope, place)
        law_names = "、".join(dict.fromkeys(b["jurisdiction_name"] for b in local))
        steps = [{"kind": "scope", "text": f"本库未收录{where}的村级事务清单；以下只依据约束该地的全国性法律、文件"
                                           + (f"及{law_names}的地方性法规回答。" if local else "回答。"),
                  "source": "本库清单与法规的适用地域"}]
        steps += [{"kind": "provision", "text": rs.basis_text(b, day), "citation": b["citation"],
                   "source": f"法规库《{b['work']}》" if b["kind"] == "provision" else (b.get("url") or b.get("title"))}
                  for b in bases]
        steps += [{"kind": "local_provision", "text": rs.local_basis_text(b), "citation": b["citation"],
                   "source": f"法规库《{b['work']}》", "match": b["match"]} for b in local]
        if kind == "delegated":
            steps.append({"kind": "delegation", "text": "未收录该地把这项区（县）职权下放给镇（街道）的决定："
                          + (f"法律本身把这项职权给了镇人民政府（{by_law}）。" if by_law is not None else "按法律规定由区（县）主管部门行使。"),
                          "source": "本库放权决定（未收录该地的）"})
        responsible = self.responsible(item, verdict, None, place)
        if kind == "delegated":
            responsible["body_type"] = self.body(by_town.body if by_town is not None else self._lead.get(item.node.id), place)
        item_out = {k: detail[k] for k in ("id", "name", "kind", "kind_zh", "provenance", "description")}
        item_out.update({"list": None, "version": None, "category": None, "jurisdictions": list(item.jurisdictions),
                         "note": f"该职责的名称出自本库整理的《{lst}》，该清单不约束{scope.name}；这里只用其法律依据。"})
        return {"verdict": verdict, "verdict_zh": VERDICT_ZH[verdict], "item": item_out, "responsible": responsible,
                "bases": bases + local, "reasons": [{"step": i + 1, **x} for i, x in enumerate(steps)],
                "why_not": rs.why_not(self.store, item.node, detail, verdict, day, by_law),
                "disclosure": [], "procedure": detail["procedure"]}

    # ---- parts of the answer -------------------------------------------------------------
    def detail(self, item: ItemMeta, day: date) -> dict[str, Any]:
        key = (item.node.id, day.isoformat())
        if key not in self._detail:
            if len(self._detail) > 20000:
                self._detail.clear()
            with self.explaining([item.node.id], None, any_village=True):
                self._detail[key] = iq.describe_item(self.store, short(item.node.id), as_of=day)
        return self._detail[key]

    def match_summary(self, m: Match, place: Place | None, day: date) -> dict[str, Any]:
        item = self.items[m.id]
        verdict = self.verdict(item, place, day)[0]
        return {"id": short(m.id), "name": item.node.get("name_zh"), "kind": item.node.get("kind"),
                "kind_zh": KIND_ZH[item.node.get("kind")], "score": min(1.0, m.score), "verdict": verdict}

    def cautions(self, item: ItemMeta | None, day: date, matched: dict[str, float],
                 scope: Scope | None = None, personal: bool = False) -> list[dict[str, Any]]:
        """Behaviours that endanger the duty, those the question itself describes first. With a
        place, only behaviours that a rule binding it forbids; one named by another place's
        negative list but forbidden by a law binding here says so (listed_here false)."""
        allowed = self.scoped_items(day, scope) if scope is not None else None
        ids = self.caution_ids(item, matched, UNLISTED_BELOW, allowed, personal)
        strong = {n for n, s in matched.items() if s >= UNLISTED_BELOW}
        with self.explaining(ids, None, any_village=True):
            out = rs.cautions(self.store, [self.items[n].node for n in ids], day, strong)
        for c in out:
            c["listed_here"] = scope is None or self.binds_list(self.items[f"item/{c['id']}"], scope)
        return out

