"""The vocabulary as Python names, read from qingdan.ttl so nothing else defines a term.

Code refers to ontology terms only through `QD.<name>`; `QD` refuses names the ontology does
not declare, which keeps the Turtle file and the code from drifting apart.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF

ONTOLOGY_NS = "https://w3id.org/qingdan/ontology#"
ID_NS = Namespace("https://w3id.org/qingdan/id/")

# item kind (catalog value) → ontology class local name
KIND_CLASS: dict[str, str] = {
    "autonomy": "AutonomyItem",
    "assistance": "AssistanceItem",
    "prohibited": "ProhibitedItem",
    "micro_power": "MicroPower",
    "public_service": "PublicService",
    "disclosure": "DisclosureItem",
    "negative": "NegativeBehaviour",
    "delegated": "DelegatedPower",
}
KIND_ZH: dict[str, str] = {
    "autonomy": "群众自治工作职责事项",
    "assistance": "协助政府工作职责事项",
    "prohibited": "应取消和禁入事项",
    "micro_power": "小微权力",
    "public_service": "公共服务",
    "disclosure": "村务公开",
    "negative": "负面行为",
    "delegated": "镇街下放职权",
}
PROVENANCE_STATUSES = ("official_verbatim", "statute_derived", "modeled")
# whether an item belongs to the list it is filed under: seen in a public source, inferred
# (e.g. a national list that a local list must contain), or modeled by this project
MEMBERSHIP_STATUSES = ("confirmed", "inferred", "modeled")
# the part a body plays in an item; the asked role picks the body an answer leads with
ROLE_ZH: dict[str, str] = {
    "decides": "决定",
    "approves": "审批",
    "drafts": "组织/编制",
    "handles": "承办/负责",
    "assists": "协助",
    "supervises": "监督",
    "funds": "经费保障",
    "corrects": "受理投诉/责令改正",
    "enforces": "执法/处罚",
}
# when a body plays its role only in some cases of an item (土地管理法 §14: a dispute between units
# goes to the county government; one involving a person to the town or the county): the role row
# names the case, and a question that tells which case it is gets the bodies for that case.
# 城乡规划法 §41.1 has the county's planning department issue the permit for 乡镇企业、公共设施、公益事业,
# while a villager's house is approved by the town (土地管理法 §62.4), its permit left to the province (§41.2)
ROLE_CONDITIONS: dict[str, str] = {
    "involving_persons": "争议一方或双方是个人（农户、村民）时",
    "between_units": "争议双方都是单位（村、村民小组、集体经济组织、企业等）时",
    "villager_housing": "村民建自己的住宅时",
    "public_works": "建乡镇企业、乡村公共设施或公益事业时",
    # 组织法 (2018) §28.3: a villager group's own land and property are managed as its group meeting decides
    "group_property": "财产属于村民小组（组上的地、组里的山林鱼塘）时",
    "village_property": "财产属于全村集体时",
    # 民法典 §261.2, §262: where a collective economic organisation (广东的经济社、经济联社，股份合作社) holds the
    # collective's property, its members decide by its procedure, not the villagers' meeting
    "economic_org": "问题说的是经济社、经济联社、股份合作社等集体经济组织的财产和分配时",
}
# NBS code prefix of a province, city or county, or CN for the whole country
JURISDICTION_RE = r"^(CN|[0-9]{2}|[0-9]{4}|[0-9]{6})$"


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = Graph()
    text = resources.files("qingdan.ontology").joinpath("qingdan.ttl").read_text("utf-8")
    g.parse(data=text, format="turtle")
    return g


@lru_cache(maxsize=1)
def declared_terms() -> dict[str, URIRef]:
    g = ontology_graph()
    out: dict[str, URIRef] = {}
    for s in set(g.subjects(RDF.type, None)):
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS):
            out[str(s)[len(ONTOLOGY_NS):]] = s
    return out


def declared_classes() -> set[str]:
    g = ontology_graph()
    return {str(s)[len(ONTOLOGY_NS):] for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(ONTOLOGY_NS)}


def object_properties() -> set[str]:
    g = ontology_graph()
    return {str(s)[len(ONTOLOGY_NS):] for s in g.subjects(RDF.type, OWL.ObjectProperty) if str(s).startswith(ONTOLOGY_NS)}


class _Vocabulary:
    """Attribute access to declared terms; an undeclared name is a programming error."""

    def __getattr__(self, name: str) -> URIRef:
        terms = declared_terms()
        if name not in terms:
            raise AttributeError(f"term qd:{name} is not declared in ontology/qingdan.ttl")
        return terms[name]

    def __getitem__(self, name: str) -> URIRef:
        return self.__getattr__(name)


QD = _Vocabulary()


def rel_type(prop: str) -> str:
    """Property-graph relationship type for an object property: leadBody → LEAD_BODY."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", prop).upper()


def role_rel_type(role: str) -> str:
    """Property-graph relationship type of a role edge: approves → ROLE_APPROVES."""
    return "ROLE_" + role.upper()


ROLE_REL_TYPES: tuple[str, ...] = tuple(role_rel_type(r) for r in ROLE_ZH)


def label_of(cls: str) -> str:
    """Property-graph label for an ontology class (items keep their specific class)."""
    return cls
