"""What a question asks is read from the sentences that ask: a long story's narrative words
("后来的几个月里", "每月发800元", "没什么好公布的") are not its question."""
from __future__ import annotations

import pytest

from qingdan.queries.intent import detect

STORY = ("我叫张三，家住某镇某村。2019年村里开始修路，后来的几个月里我家先后十几次去村委会问，"
         "村干部说没什么好说的，每月照样开会，可路一直没修好，")


@pytest.mark.parametrize("question, intent", [
    # the question at the end decides, whatever the story counted before it
    (STORY + "这条路到底归谁管？", "responsible"),
    (STORY + "修路的钱该谁出？", "funds"),
    (STORY + "这种情况可以去哪里投诉？", "complaint"),
    (STORY + "村里公布修路账目要多久公布一次？", "timing"),
    # a story that asks nothing is a grievance, not a question of how long
    (STORY + "希望有关部门管一管。", "complaint"),
    # a letter that asks nothing is a petition: it asks whoever can put things right
    (STORY + "后来又过了几个月，还是没人来修。", "complaint"),
])
def test_the_asking_sentence_decides_the_intent(question: str, intent: str) -> None:
    assert detect(question).id == intent


def test_a_short_question_without_a_question_word_keeps_its_cue() -> None:
    # a title-like query ("…流程图") has no question mark and still asks for the procedure
    assert detect("农村宅基地审批程序流程图").id == "procedure"
