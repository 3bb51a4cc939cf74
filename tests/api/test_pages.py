"""The Chinese pages through the real ASGI app: every page, its data against the JSON API, bad
input shown on the page, user text escaped, nothing fetched from outside."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, unquote, urlparse

import pytest
from fastapi.testclient import TestClient

from qingdan.api import pages
from qingdan.api.app import create_app
from qingdan.api.settings import Settings
from qingdan.errors import StoreUnavailable

ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村
NANAO = "440523"
CERTIFICATE = "村里能不能给村民开无犯罪记录证明？"
TENDER = "村里要搞工程招标，流程怎么走？"
HOMESTEAD = "村里要开会讨论宅基地怎么分，这个归谁管？"


class Page(HTMLParser):
    """The few things these tests read from a page: elements with their attributes, and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.chunks))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        out = []
        for t, a in self.elements:
            if t != tag:
                continue
            if all((a.get(k.replace("_", "-")) == v) if v != "*" else (k.replace("_", "-") in a) for k, v in attrs.items()):
                out.append(a)
        return out

    def hrefs(self) -> list[str]:
        return [unquote(a["href"]) for t, a in self.elements if t == "a" and "href" in a]


@pytest.fixture(scope="module")
def app(memory_store):  # type: ignore[no-untyped-def]
    app = create_app(store=memory_store, settings=Settings())
    pages.register(app, app.state.get_store, app.state.get_resolver)
    return app


@pytest.fixture(scope="module")
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


def get_page(client: TestClient, url: str, status: int = 200, **params: str) -> Page:
    r = client.get(url, params=params or None)
    assert r.status_code == status, (url, params, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return Page(r.text)


PAGES = ["/", f"/?q={CERTIFICATE}&village={ZHONGTIAN}", f"/print?q={TENDER}", "/lists", "/lists/item/MP-020", "/village",
         f"/village/{ZHONGTIAN}", "/laws", "/laws/村民委员会组织法", "/laws/村民委员会组织法/2018-12-29/24", "/delegations"]


# ---- every page --------------------------------------------------------------------------
@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_chinese_self_contained_and_navigable(client, url):
    r = client.get(url)
    assert r.status_code == 200
    doc = Page(r.text)
    assert doc.find("html", lang="zh-CN")
    # every asset is served by the app itself: officials' networks are often closed
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
        for el in doc.find(tag, **{attr: "*"}):
            target = el[attr]
            assert not re.match(r"^(https?:)?//", target), f"{url} 引用了外部资源 {target}"
            if tag in ("script", "link"):
                assert client.get(target).status_code == 200, f"{url} 引用的 {target} 不存在"
    if not url.startswith("/print"):
        nav = [a for a in doc.find("a", href="*") if a["href"] in ("/", "/lists", "/village", "/laws", "/delegations")]
        assert {a["href"] for a in nav} == {"/", "/lists", "/village", "/laws", "/delegations"}
        assert len(doc.find("a", aria_current="page")) == 1
    assert "Traceback" not in r.text


def test_register_twice_changes_nothing_and_keeps_the_json_api(app, client):
    before = [getattr(r, "path", None) for r in app.router.routes]
    pages.register(app, app.state.get_store, app.state.get_resolver)
    assert [getattr(r, "path", None) for r in app.router.routes] == before
    # the pages stay out of the API documentation, and the JSON routes keep answering JSON
    assert "/lists" not in client.get("/openapi.json").json()["paths"]
    assert client.get("/chains").headers["content-type"].startswith("application/json")
    assert client.get("/villages", params={"q": "中田"}).json()


# ---- 问答 -----------------------------------------------------------------------------------
def test_home_offers_the_form_and_example_questions(client):
    doc = get_page(client, "/")
    assert doc.find("textarea", name="q")
    assert doc.find("input", name="village", type="hidden")
    assert doc.find("input", name="as_of", type="date")
    examples = [a["href"] for a in doc.find("a", href="*") if a.get("class") == "chip"]
    assert examples and all(parse_qs(urlparse(h).query).get("q") for h in examples)
    # a village given in the address is kept in the form
    doc = get_page(client, "/", village=ZHONGTIAN)
    assert doc.find("input", name="village", value=ZHONGTIAN)


def test_a_question_for_someone_else_is_not_framed_by_the_access_rule_on_the_page(client):
    # "how much is the subsidy" asks the policy's department: 未列入, but not work pushed onto the village
    doc = get_page(client, "/", q="耕地地力保护补贴今年每亩多少钱")
    assert [v["data-verdict"] for v in doc.find("h2", data_verdict="*")] == ["unlisted"]
    assert "主管部门查询" in doc.text and "按准入制度" not in doc.text and "请向镇（街道）确认主责部门" not in doc.text
    task = get_page(client, "/", q="村里要不要帮忙办理出国护照")
    assert "按准入制度" in task.text and "请向镇（街道）确认主责部门" in task.text


def test_answer_page_shows_what_the_api_answers(client):
    api = client.get("/resolve", params={"q": CERTIFICATE, "village": ZHONGTIAN}).json()
    doc = get_page(client, "/", q=CERTIFICATE, village=ZHONGTIAN)
    verdict = doc.find("h2", data_verdict="*")
    assert [v["data-verdict"] for v in verdict] == [api["verdict"]]
    assert api["verdict_zh"] in doc.text
    # responsible body as a type and as the concrete body for that village
    lead = api["responsible"]["body_type"]
    assert lead["body"]["name"] in doc.text and lead["name"] in doc.text
    # the reasons in order, each with its source
    steps = doc.find("li", **{"class": "*"})
    reason_items = [s for s in steps if s["class"].startswith("reason ")]
    assert len(reason_items) == len(api["reasons"])
    positions = [doc.text.index(html.unescape(r["text"])) for r in api["reasons"]]
    assert positions == sorted(positions)
    # every basis is there as a statute or document that opens on demand
    details = doc.find("details", **{"class": "citation"})
    assert len(details) >= len(api["bases"]) >= 1
    assert not any("open" in d for d in details)
    # the other candidate items open the item
    for m in api["matches"]:
        assert f"/lists/item/{m['id']}" in doc.hrefs()
    assert api["why_not"][0]["text"] in doc.text


def test_a_second_opinion_is_told_on_the_page_as_the_api_gives_it(client):
    """The verdict prior changed the first pick (queries/verdict_prior.py): the reader is told, in the words the API gives."""
    lane = "我们村屋与屋之间那条小巷子水泥路烂了好几年，一下雨就积水，这不是公路，就是村里自己的巷道，修它是村委会自己组织还是等镇政府来修？"
    api = client.get("/resolve", params={"q": lane}).json()
    assert api["second_opinion"]["first"]["item"] != api["item"]["id"], api["second_opinion"]
    doc = get_page(client, "/", q=lane)
    assert api["second_opinion"]["note"] in html.unescape(doc.text)


def test_a_story_that_asks_nothing_shows_its_other_readings_as_the_api_gives_them(client):
    """A grievance told without a question (queries/readings.py): the page says which reading it answered and lists
    the others, each with its body and basis, in the words the API gives."""
    story = "我们村支书不开会就把集体鱼塘承包给了他亲戚。"
    api = client.get("/resolve", params={"q": story}).json()
    assert api["readings"], api["intent"]
    page = client.get("/", params={"q": story}).text
    section = re.findall(r'<section class="block readings"[\s\S]*?</section>', page)
    assert len(section) == 1 and api["intent"]["zh"] in html.unescape(section[0])
    lines = re.findall(r'<li data-intent="(\w+)">([\s\S]*?)</li>', section[0])
    assert [i for i, _ in lines] == [r["intent"]["id"] for r in api["readings"]]
    for (_, text), r in zip(lines, api["readings"]):
        shown = html.unescape(re.sub(r"<[^>]+>", "", text))
        assert r["body"]["name"] in shown and r["basis"] in shown, (shown, r)


def test_an_intent_read_by_the_intent_prior_is_marked_on_the_page(client):
    """A story whose cue words ask another thing is read by the intent prior (queries/intent_prior.py): the API
    gives its likelihood, and the page, leading with the asked role, says the reading comes from experience."""
    story = "我们村的村主任这几年给他亲戚都报了低保，有的人家里开着小车也吃低保，真正困难的老人反而没评上。村干部在低保里优亲厚友，归谁来查、谁来处分？"
    api = client.get("/resolve", params={"q": story}).json()
    assert api["intent"]["id"] == "enforces" and api["intent"]["learnt"] > 0.5, api["intent"]
    doc = get_page(client, "/", q=story)
    assert f"您问的是：{api['intent']['zh']}（按已标注问题的经验读出）" in html.unescape(doc.text)
    short = client.get("/resolve", params={"q": "宅基地最后谁批"}).json()
    assert short["intent"]["learnt"] is None and "经验读出" not in html.unescape(get_page(client, "/", q="宅基地最后谁批").text)


def test_may_they_page_lists_what_the_cited_provisions_forbid(client):
    """组织法 2018 §32: the sentence forbidding a committee member's close relatives on the supervision
    committee is on the page, as the API gives it, under the asked part."""
    q = "村干部的老婆能当村务监督委员会成员吗"
    api = client.get("/resolve", params={"q": q, "as_of": "2025-06-01"}).json()
    limits = api["asked"]["limits"]
    assert limits and "近亲属不得担任村务监督机构成员" in limits[0]["text"]
    doc = get_page(client, "/", q=q, as_of="2025-06-01")
    shown = doc.find("ul", **{"class": "limits"})
    assert len(shown) == 1
    assert all(x["text"] in doc.text and x["label"] in doc.text for x in limits)


def test_a_body_that_plays_its_role_in_one_case_says_which(client):
    """土地管理法 2019 §14: the town hears a land dispute only when a person is a party; a dispute between
    two villages is the county's, and the page says why the town is not the one."""
    q = "我们村和邻村都说河边那片荒地是自己的，这种土地权属争议归哪一级政府处理？"
    api = client.get("/resolve", params={"q": q, "as_of": "2025-06-01"}).json()
    assert api["verdict"] == "county_department"
    town = next(r for r in api["roles"] if r["role"] == "handles" and r["body_type"] == "town_government")
    doc = get_page(client, "/", q=q, as_of="2025-06-01")
    assert len(doc.find("ul", **{"class": "roles"})) == 1
    assert town["applies_when_zh"] in doc.text
    assert "单位之间的土地权属争议由县级以上人民政府处理" in doc.text


def test_answer_has_its_own_shareable_address(client):
    doc = get_page(client, "/", q=CERTIFICATE, vname="中田村")
    share = next(a["href"] for a in doc.find("a", data_copy_link="*"))
    params = parse_qs(urlparse(share).query)
    assert params["q"] == [CERTIFICATE] and params["village"] == [ZHONGTIAN]  # the name became the code
    again = get_page(client, share)
    assert again.find("h2", data_verdict="not_for_village")
    printable = next(h for h in doc.hrefs() if h.startswith("/print?"))
    assert get_page(client, printable).find("strong", data_verdict="not_for_village")


def test_citation_text_is_on_the_page_behind_a_toggle(client, memory_store):
    doc = get_page(client, "/", q=HOMESTEAD, as_of="2025-06-01")
    article = memory_store.node("law/村民委员会组织法/2018-12-29/24").get("text")
    # on 2025-06-01 the 2018 text is in force: its 第二十四条 is shown, and links to its page
    assert re.sub(r"\s+", " ", article) in doc.text
    assert "/laws/村民委员会组织法/2018-12-29/24" in doc.hrefs()
    later = get_page(client, "/", q=HOMESTEAD, as_of="2026-06-01")
    assert "/laws/村民委员会组织法/2018-12-29/24" not in later.hrefs()


def test_micro_power_procedure_is_a_flowchart(client):
    api = client.get("/resolve", params={"q": TENDER, "village": ZHONGTIAN}).json()
    assert api["item"]["kind"] == "micro_power" and api["procedure"]
    doc = get_page(client, "/", q=TENDER, village=ZHONGTIAN)
    boxes = doc.find("li", **{"class": "flow-step"})
    assert len(boxes) == len(api["procedure"])
    for step in api["procedure"]:
        assert step["name"] in doc.text
        if step["actor"]:
            assert f"谁来做：{step['actor']}" in doc.text
        if step["posting_days"]:
            assert f"公示不少于 {step['posting_days']} 日" in doc.text
    for d in api["disclosure"]:
        assert d["name"] in doc.text
    for c in api["cautions"]:
        assert f"/lists/item/{c['id']}" in doc.hrefs()


def test_unlisted_question_says_so_and_offers_nearest_items(client):
    question = "今天天气怎么样"
    api = client.get("/resolve", params={"q": question}).json()
    assert api["verdict"] == "unlisted" and api["matches"]
    doc = get_page(client, "/", q=question)
    assert doc.find("h2", data_verdict="unlisted")
    assert "未列入清单" in doc.text and "准入" in doc.text
    assert "对应事项" not in doc.text  # no random item presented as the answer
    for m in api["matches"]:
        assert f"/lists/item/{m['id']}" in doc.hrefs()


# ---- bad input ---------------------------------------------------------------------------
BAD = [
    ("/", {"q": ""}, 422, "请先输入"),
    ("/", {"q": "   "}, 422, "请先输入"),
    ("/", {"q": "宅基地", "as_of": "2026-13-01"}, 422, "日期"),
    ("/", {"q": "宅基地", "as_of": "昨天"}, 422, "日期"),
    ("/", {"q": "宅基地", "village": "440513999999"}, 404, "440513999999"),
    ("/", {"q": "宅基地", "village": "不存在的村"}, 404, "不存在的村"),
    ("/", {"q": "宅" * 501}, 422, "太长"),
    ("/print", {}, 422, "请先输入"),
    ("/print", {"q": "宅基地", "as_of": "2026-02-30"}, 422, "日期"),
    ("/lists", {"kind": "bogus"}, 422, "bogus"),
    ("/lists/item/NOPE-1", {}, 404, "NOPE-1"),
    ("/lists/item/MP-020", {"as_of": "20260101"}, 422, "日期"),
    ("/village", {"q": "没有这个村"}, 404, "没有这个村"),
    ("/village/123", {}, 422, "12 位"),
    ("/village/440513999999", {}, 404, "440513999999"),
    ("/village/440513101210", {"as_of": "x"}, 422, "日期"),
    ("/laws", {"q": "没有这部法"}, 404, "没有这部法"),
    ("/laws/没有这部法", {}, 404, "没有这部法"),
    ("/laws/村民委员会组织法", {"version": "1999-01-01"}, 404, "1999-01-01"),
    ("/laws/村民委员会组织法/2018-12-29/abc", {}, 422, "条号"),
    ("/laws/村民委员会组织法/2018-12-29/999", {}, 404, "第999条"),
    ("/laws/村民委员会组织法/1999-01-01/24", {}, 404, "1999-01-01"),
    ("/delegations", {"district": "火星区"}, 404, "火星区"),
]


@pytest.mark.parametrize("url,params,status,needle", BAD, ids=[f"{u}{p}" for u, p, _, _ in BAD])
def test_bad_input_gets_a_clear_message_on_the_page(client, url, params, status, needle):
    r = client.get(url, params=params or None)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    doc = Page(r.text)
    alert = re.search(r'role="alert"><strong>无法完成：</strong>(.*?)</div>', r.text, re.S)
    assert alert, r.text[:400]
    assert needle in html.unescape(alert.group(1))
    assert "Traceback" not in r.text and "Internal Server Error" not in r.text
    assert doc.find("nav", aria_label="主导航") or url == "/print"


def test_the_form_keeps_what_was_typed_after_an_error(client):
    doc = get_page(client, "/", 422, q="宅基地", as_of="2026-13-01")
    assert doc.find("input", name="as_of", value="2026-13-01")
    assert "宅基地" in doc.text


def test_store_down_or_a_bug_still_gives_a_calm_chinese_page(memory_store, monkeypatch):
    from fastapi import FastAPI

    def down() -> None:
        raise StoreUnavailable("图存储暂时不可用：无法连接 Neo4j")

    bare = FastAPI()
    pages.register(bare, down, down)
    r = TestClient(bare).get("/lists")
    assert r.status_code == 503 and r.headers["content-type"].startswith("text/html")
    assert "无法连接 Neo4j" in r.text

    def boom(store):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    app = create_app(store=memory_store, settings=Settings())
    pages.register(app, app.state.get_store, app.state.get_resolver)
    monkeypatch.setattr(pages, "lists_data", boom)
    r = TestClient(app).get("/lists")
    assert r.status_code == 500 and "服务器内部错误" in r.text
    assert "secret internal detail" not in r.text and "Traceback" not in r.text


# ---- escaping ----------------------------------------------------------------------------
HOSTILE = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "</textarea><b>粗</b>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_is_escaped_everywhere(client, text):
    for url, params in (("/", {"q": text}), ("/", {"q": "宅基地", "village": text}), ("/print", {"q": text}),
                        ("/lists", {"q": text}), ("/village", {"q": text}), ("/laws", {"q": text}),
                        ("/delegations", {"district": text}), (f"/lists/item/{quote(text, safe='')}", {})):
        r = client.get(url, params=params)
        assert r.status_code < 500
        assert text not in r.text, (url, params)
        assert "<img src=x" not in r.text and "<script>alert" not in r.text and "<b>粗</b>" not in r.text
    # shown to the reader as the very characters typed, not as markup
    doc = get_page(client, "/", q=text)
    assert text in doc.text


# ---- 打印 -----------------------------------------------------------------------------------
def test_print_view_has_question_date_verdict_reasons_and_full_texts(client, memory_store):
    api = client.get("/resolve", params={"q": HOMESTEAD, "village": ZHONGTIAN, "as_of": "2025-06-01"}).json()
    doc = get_page(client, "/print", q=HOMESTEAD, village=ZHONGTIAN, as_of="2025-06-01")
    assert HOMESTEAD in doc.text and "2025-06-01" in doc.text
    assert doc.find("strong", data_verdict=api["verdict"])
    for r in api["reasons"]:
        assert r["text"] in doc.text
    for b in api["bases"]:
        if b["kind"] == "provision" and b["text"]:
            article = memory_store.node(f"law/{b['work']}/{b['version']}/{b['article']}").get("text")
            assert re.sub(r"\s+", " ", article) in doc.text
    assert not doc.find("nav", aria_label="主导航")  # one clean sheet
    assert doc.find("button", data_print="*")


# ---- 清单 -----------------------------------------------------------------------------------
def test_lists_show_every_list_with_declared_and_catalog_counts(client, memory_store):
    stats = client.get("/stats").json()
    doc = get_page(client, "/lists")
    for lst in memory_store.nodes("DutyList"):
        assert lst.get("name_zh") in doc.text
    rows = doc.find("tr", data_item="*")
    assert len(rows) == sum(v["all_versions"] for v in stats["lists"].values())  # every version's items
    table = re.search(r'<table class="counts">.*?</table>', client.get("/lists").text, re.S).group(0)
    for kind, counts in stats["lists"].items():
        row = re.search(rf'kind={kind}">.*?</tr>', table, re.S).group(0)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        assert cells[0].strip() == (str(counts["declared"]) if counts["declared"] is not None else "未公布")
        assert cells[1].strip().startswith(str(counts["catalog"]))
        m = counts["by_membership"]
        assert cells[2].strip() == f"{m['confirmed']} / {m['inferred']} / {m['modeled']}"
    for label in ("公开文件原文", "依法规推导", "建模示例", "证实列入", "推定列入", "建模条目"):
        assert label in doc.text  # the legend explains both provenances
    assert "官方原文" not in doc.text


def test_lists_name_the_document_part_an_item_rests_on(client):
    """A certificate on the national list shows the guidance and the attachment item it rests on,
    not a bare key; a provincial list is shown with its own document."""
    html = client.get("/lists", params={"q": "婚姻状况证明"}).text
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr data-item .*?<td class="nowrap">([A-Z0-9-]+)<br>.*?</tr>', html, re.S)}
    assert "《关于改进和规范基层群众性自治组织出具证明工作的指导意见》附件第8项" in rows["PRO-008"]
    assert "《湖北省不应由基层群众性自治组织出具证明事项清单（第一批）》清单第8项" in rows["PRO-HB-008"]


def test_lists_filter_by_kind_and_text(client):
    stats = client.get("/stats").json()
    doc = get_page(client, "/lists", kind="autonomy")
    rows = doc.find("tr", data_item="*")
    assert {r["data-kind"] for r in rows} == {"autonomy"}
    assert len(rows) == stats["lists"]["autonomy"]["all_versions"]
    doc = get_page(client, "/lists", q="宅基地")
    rows = doc.find("tr", data_item="*")
    assert rows and len(rows) < sum(v["catalog"] for v in stats["lists"].values())
    assert all("宅基地" in r["data-search"] for r in rows)
    assert doc.find("input", name="q", value="宅基地")


def test_item_page(client):
    api = client.get("/items/MP-020").json()
    doc = get_page(client, "/lists/item/MP-020")
    assert doc.find("h1") and api["name"] in doc.text
    assert len(doc.find("li", **{"class": "flow-step"})) == len(api["procedure"])
    assert len(doc.find("details", **{"class": "citation"})) == len(api["bases"])
    for d in api["disclosure"]:
        assert d["name"] in doc.text
    ask = next(h for h in doc.hrefs() if h.startswith("/?q="))
    assert parse_qs(urlparse(ask).query)["q"] == [api["name"]]
    # the national certificate: verbatim words of a named document, confirmed on the national list
    official_api = client.get("/items/PRO-005").json()["provenance"]
    assert official_api["status"] == "official_verbatim" and official_api["membership"] == "confirmed"
    assert official_api["document"]["title"] in official_api["status_zh"]
    official = get_page(client, "/lists/item/PRO-005")
    assert "公开文件原文" in official.text and official_api["document"]["title"] in official.text
    assert "证实列入" in official.text and "官方原文" not in official.text
    modeled = get_page(client, "/lists/item/NEG-001")
    assert "建模条目" in modeled.text


# ---- 村居 -----------------------------------------------------------------------------------
def test_village_page_has_its_place_graph_and_duty_tables(client):
    api = client.get(f"/villages/{ZHONGTIAN}/duties").json()
    doc = get_page(client, f"/village/{ZHONGTIAN}")
    assert api["place"]["town"]["name"] in doc.text and api["place"]["district"]["name"] in doc.text
    frames = doc.find("iframe", src=f"/viz/village/{ZHONGTIAN}")
    assert len(frames) == 1 and frames[0].get("title")
    graph = client.get(frames[0]["src"])
    assert graph.status_code == 200 and "vis" in graph.text and not re.search(r'<script[^>]+src="https?:', graph.text)
    text = client.get(f"/village/{ZHONGTIAN}").text
    for kind in ("autonomy", "assistance", "prohibited"):
        section = re.search(rf'<section class="card" id="kind-{kind}">.*?</section>', text, re.S).group(0)
        assert section.count("<tr>") - 1 == api["counts"][kind]  # minus the header row
    dated = get_page(client, f"/village/{ZHONGTIAN}", as_of="2025-06-01")
    assert dated.find("iframe", src=f"/viz/village/{ZHONGTIAN}?as_of=2025-06-01")


def test_village_index_finds_by_name_and_browses_by_district(client):
    doc = get_page(client, "/village", q="中田")
    assert f"/village/{ZHONGTIAN}" in doc.hrefs()
    doc = get_page(client, "/village")
    districts = [a for a in doc.find("details", **{"class": "district"})]
    assert len(districts) == client.get("/stats").json()["divisions"]["district"]
    assert sum(1 for h in doc.hrefs() if re.fullmatch(r"/village/\d{12}", h)) == client.get("/stats").json()["divisions"]["village"]


# ---- 法规 -----------------------------------------------------------------------------------
def test_laws_index_and_work_page(client, memory_store):
    doc = get_page(client, "/laws")
    assert "/laws/村民委员会组织法" in doc.hrefs()
    held = [w for w in memory_store.nodes("Work") if memory_store.neighbors(w.id, "VERSION_OF_WORK", "in")]
    assert len(doc.find("tr", data_item="*")) == len(held)  # a repealed law named only in a repeal clause is not listed
    versions = client.get("/laws/村民委员会组织法/versions").json()
    doc = get_page(client, "/laws/村民委员会组织法", version="2018-12-29")
    for v in versions:
        assert f"{v['version']} 文本" in doc.text
    articles = [h for h in doc.hrefs() if h.startswith("/laws/村民委员会组织法/2018-12-29/")]
    assert len(articles) >= len(memory_store.neighbors("law/村民委员会组织法/2018-12-29", "PROVISION_OF", "in")) // 10
    assert "/laws/村民委员会组织法/2018-12-29/24" in articles


def test_crosswalk_side_by_side_when_the_statutes_engine_is_there(client):
    pytest.importorskip("qingdan.queries.crosswalks")
    text = client.get("/laws/村民委员会组织法").text
    table = re.search(r'<table class="crosswalk">.*?</table>', text, re.S)
    assert table, "条文对照表缺失"
    rows = re.findall(r"<tr class=\"change-[a-z]+\">.*?</tr>", table.group(0), re.S)
    pair = next(r for r in rows if "/2018-12-29/24\"" in r)
    assert "/2025-10-28/28\"" in pair  # 2018 第二十四条 is 2025 第二十八条
    article = get_page(client, "/laws/村民委员会组织法/2018-12-29/30")
    assert "/laws/村民委员会组织法/2025-10-28/35" in article.hrefs()


def test_article_page_lists_every_duty_resting_on_it(client):
    api = client.get("/trace/provision", params={"work": "村民委员会组织法", "article": 24, "version": "2018-12-29"}).json()
    doc = get_page(client, "/laws/村民委员会组织法/2018-12-29/24")
    assert "宅基地" in doc.text
    duties = api["versions"][0]["duties"]
    assert duties
    for d in duties:
        if d["kind"] != "delegation_decision":
            assert f"/lists/item/{d['id']}" in doc.hrefs()
    assert "/laws/村民委员会组织法/2018-12-29/23" in doc.hrefs() and "/laws/村民委员会组织法/2018-12-29/25" in doc.hrefs()


# ---- 下放 -----------------------------------------------------------------------------------
def test_delegation_chains(client):
    api = client.get("/chains").json()
    doc = get_page(client, "/delegations")
    sections = doc.find("section", id="*")
    assert len([s for s in sections if s["id"].startswith("dec-")]) == len(api["decisions"])
    for d in api["decisions"]:
        assert d["from"]["name"] in doc.text
        for a in d["adoptions"]:
            assert a["district"]["name"] in doc.text
            for t in a["towns"]:
                assert t["name"] in doc.text
        for p in d["powers"]:
            assert f"/lists/item/{p['id']}" in doc.hrefs()
    only = client.get("/chains", params={"district": NANAO}).json()
    doc = get_page(client, "/delegations", district=NANAO)
    assert len([s for s in doc.find("section", id="*") if s["id"].startswith("dec-")]) == len(only["decisions"])
    assert doc.find("option", value=NANAO, selected="*")


def test_item_page_shows_the_text_in_force_that_day(client, memory_store):
    from datetime import date

    from qingdan.queries.items import describe_item

    # no text of 食品安全法 in force in 2014 is in the library (the 2009 text is not): the page says so
    early = get_page(client, "/lists/item/DEL-MKT-001", as_of="2014-06-01")
    assert "该日施行的文本未收录，以下按最近的版本（2015年）核对" in early.text and "按最近的版本核对" in early.text
    # a basis shown in another text than the one cited keeps the cited one as 原引用, as the API says
    bases = describe_item(memory_store, "DEL-MKT-001", as_of=date(2016, 6, 1))["bases"]
    page = get_page(client, "/lists/item/DEL-MKT-001", as_of="2016-06-01")
    for b in bases:
        assert f"{b['version'][:4]}年文本" in page.text
        if b.get("original"):
            assert "原引用" in page.text and b["original"]["label"] in page.text
