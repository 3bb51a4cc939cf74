"""Every procedure drawn from its steps: actor, action, materials, posting period, decision points."""
from __future__ import annotations

from typing import Any

import pytest

from qingdan.errors import NotFound
from qingdan.queries.diff import version_items
from qingdan.queries.flowchart import booklet, flow, is_decision, procedures


def test_every_procedure_has_a_flowchart(any_store: Any) -> None:
    procs = procedures(any_store)
    assert len(procs) == len(any_store.nodes("Procedure")) >= 8
    for p in procs:
        assert p["items"], f"流程 {p['procedure']} 没有事项使用"
        f = flow(any_store, p["items"][0])
        assert f["procedure"] == p["procedure"] and len(f["steps"]) == p["steps"] > 0
        assert all(s["name"] and s["actors"] for s in f["steps"])
        assert [s["seq"] for s in f["steps"]] == sorted(s["seq"] for s in f["steps"])


def test_the_four_deliberations_two_disclosures(memory_store: Any) -> None:
    f = flow(memory_store, "MP-001")
    names = [s["name"] for s in f["steps"]]
    assert names[0] == "征求党员和群众意见" and "村民会议或村民代表会议决议" in names
    posting = {s["name"]: s["days"] for s in f["posting"]}
    assert posting["村务联席会议商议并公示方案"] == 15 and posting["决议公告"] == 3
    decisions = [s["name"] for s in f["steps"] if s["decision"]]
    assert decisions == ["党员大会审议", "村民会议或村民代表会议决议"]
    assert "会议记录" in f["steps"][4]["materials"]


@pytest.mark.parametrize(("name", "decision"), [("县级民政部门审批", True), ("决议公告", False), ("审批结果公开", False),
                                                ("核对是否属于村委会可证明事项", True), ("签订合同", False)])
def test_decision_points_are_read_from_step_names(name: str, decision: bool) -> None:
    assert is_decision(name) is decision


def test_the_booklet_has_every_micro_power_by_category(memory_store: Any) -> None:
    books = booklet(memory_store)
    assert [b["list"] for b in books] == ["ST-XWQL"]
    chapters = books[0]["chapters"]
    assert len(chapters) == 10 and chapters[0]["name"] == "重大事项决策"
    held = len(version_items(memory_store, memory_store.node("version/ST-XWQL-V1")))
    assert sum(len(c["powers"]) for c in chapters) == held >= 57
    assert sum(c["with_flow"] for c in chapters) == sum(1 for c in chapters for p in c["powers"] if p["flow"])


def test_an_item_without_a_procedure_says_so(memory_store: Any) -> None:
    with pytest.raises(NotFound, match="没有收录办理流程"):
        flow(memory_store, "AUT-001")
    with pytest.raises(NotFound):
        flow(memory_store, "NO-SUCH-ITEM")
