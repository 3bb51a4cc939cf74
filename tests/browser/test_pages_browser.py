"""The pages as a township official uses them, in a real Chromium."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

QUESTION = "村里能不能给村民开无犯罪记录证明？"
ZHONGTIAN = "440513101210"  # 潮阳区河溪镇中田村


def _no_horizontal_overflow(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("window.innerWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"页面横向溢出：{scroll}px > {width}px（{page.url}）"


def test_ask_a_question_and_read_a_citation(visit):
    page = visit.go("/")
    page.get_by_label("要问的事情").fill(QUESTION)
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#answer")
    # the answer has its own address carrying the question
    assert parse_qs(urlparse(page.url).query)["q"] == [QUESTION]
    verdict = page.locator("#verdict-title")
    assert verdict.get_attribute("data-verdict") == "not_for_village"
    assert "不应" in verdict.inner_text()
    # follow the reason's link to its basis: the citation opens and shows what the basis says
    citation = page.locator("details.citation").first
    assert citation.get_attribute("open") is None
    page.locator("a[data-open-details]").first.click()
    assert citation.get_attribute("open") is not None
    body = citation.locator(".cite-body")
    assert body.is_visible() and body.inner_text().strip()
    assert "证明" in citation.locator("summary").inner_text()
    visit.shot("ask-answer")


def test_pick_a_village_by_typing_part_of_its_name(visit):
    page = visit.go("/")
    page.get_by_label("要问的事情").fill(QUESTION)
    picker = page.locator("[data-picker-input]")
    picker.press_sequentially("中田", delay=60)
    option = page.locator("[role=option]", has_text="河溪镇")
    option.first.wait_for()
    visit.shot("picker-open", full_page=False)
    assert page.locator("[role=option]").count() >= 1
    option.first.click()
    assert page.locator("[data-picker-code]").input_value() == ZHONGTIAN
    assert "中田村" in picker.input_value()
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#answer")
    assert parse_qs(urlparse(page.url).query)["village"] == [ZHONGTIAN]
    card = page.locator("#answer")
    assert "河溪镇" in card.locator(".facts").inner_text()
    # the concrete body for that village, not only its type
    assert "潮阳区公安" in card.locator(".lead-body").inner_text()
    visit.shot("ask-with-village")


def test_open_a_statute_article_and_reach_a_duty(visit):
    page = visit.go("/laws")
    page.get_by_role("link", name="村民委员会组织法", exact=True).first.click()
    page.get_by_role("link", name="2018-12-29 文本").click()
    page.locator("ol.articles").get_by_role("link", name="第二十四条", exact=True).click()
    assert "宅基地" in page.locator("blockquote.law-text").inner_text()
    duties = page.locator("ul.duties > li > a")
    assert duties.count() >= 1
    name = duties.first.inner_text()
    visit.shot("law-article")
    duties.first.click()
    assert page.locator("h1").inner_text() == name
    # the duty's own page leads back to the statute it rests on
    assert page.locator("details.citation", has_text="村民委员会组织法").count() >= 1


def test_village_page_shows_its_duty_graph(visit):
    page = visit.go(f"/village/{ZHONGTIAN}")
    assert "中田" in page.locator("h1").inner_text()
    assert "河溪镇" in page.locator(".facts").inner_text()
    frame = page.frame_locator("iframe.viz")
    canvas = frame.locator("canvas")
    canvas.first.wait_for(state="visible", timeout=30000)
    box = canvas.first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200
    assert page.locator("#kind-autonomy tbody tr").count() > 0
    assert page.locator("#kind-prohibited tbody tr").count() > 0
    page.wait_for_timeout(1500)  # let the physics settle before the picture
    visit.shot("village")


def test_print_view_has_question_verdict_reasons_and_full_texts(visit):
    page = visit.go(f"/print?q=村里要开会讨论宅基地怎么分&village={ZHONGTIAN}&as_of=2025-06-01")
    assert "宅基地" in page.locator("h1").inner_text()
    facts = page.locator(".sheet-facts").inner_text()
    assert "2025-06-01" in facts and "中田" in facts
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "village_autonomy"
    assert page.locator(".sheet-reasons li").count() >= 2
    texts = page.locator(".sheet-cite blockquote.law-text")
    assert texts.count() >= 1
    # on 2025-06-01 the 2018 text is in force, and its full article is printed
    assert any("第二十四条" in t for t in texts.all_inner_texts())
    visit.shot("print")
    page.emulate_media(media="print")
    assert not page.locator(".print-tools").is_visible()
    visit.shot("print-media")


def test_narrow_phone_viewport_stays_usable(phone):
    page = phone.go("/?" + "q=村里要搞工程招标，流程怎么走？&village=" + ZHONGTIAN)
    card = page.locator("#answer")
    card.wait_for()
    _no_horizontal_overflow(page)
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert card.evaluate("el => el.scrollWidth <= el.clientWidth")
    # the nav stays reachable and the flowchart boxes fit the screen
    assert page.get_by_role("navigation", name="主导航").get_by_role("link", name="清单", exact=True).is_visible()
    for b in page.locator(".flow-box").all():
        bb = b.bounding_box()
        assert bb is not None and bb["x"] + bb["width"] <= 390
    phone.shot("phone-answer")
    for path in ("/", "/lists", f"/village/{ZHONGTIAN}", "/delegations", "/laws/村民委员会组织法/2018-12-29/24",
                 "/print?q=" + "宅基地"):
        phone.go(path)
        _no_horizontal_overflow(page)
    phone.go("/delegations")
    phone.shot("phone-delegations")


def test_bad_input_is_explained_on_the_page(visit):
    page = visit.go("/?q=宅基地&as_of=2026-13-01")
    alert = page.get_by_role("alert")
    assert "日期" in alert.inner_text()
    # the form keeps what the user typed, so it can be fixed in place
    assert page.get_by_label("要问的事情").input_value() == "宅基地"
    page = visit.go("/?q=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.locator("img[src='x']").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator(".question-text").inner_text()


def test_lists_filter_and_delegation_chain(visit):
    page = visit.go("/lists")
    total = page.locator("tr[data-item]:visible").count()
    page.get_by_label("关键词").fill("宅基地")
    visible = page.locator("tr[data-item]:visible")
    assert 0 < visible.count() < total
    assert all("宅基地" in t or "宅基地" in (r or "") for t, r in
               zip(visible.all_inner_texts(), [visible.nth(i).get_attribute("data-search") for i in range(visible.count())]))
    page.get_by_role("button", name="筛选").click()
    assert "q=" in page.url and re.search(r"共显示 \d+ 项", page.locator("[data-filter-count]").inner_text())
    visit.shot("lists-filtered", full_page=False)
    page = visit.go("/delegations")
    first = page.locator("section.decision").first
    assert first.locator(".chain-box").count() == 3
    visit.shot("delegations")
