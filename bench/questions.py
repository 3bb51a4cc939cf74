"""The questions every bench asks: each kind of verdict, some with a village (12-digit code)."""
from __future__ import annotations

QUESTIONS: list[tuple[str, str | None]] = [
    ("村里能不能给村民开无犯罪记录证明？", "440513101210"),
    ("村里要开会讨论宅基地怎么分，这个归谁管？", None),
    ("有人在村口乱搭乱建，村里管还是镇里管", "440523100201"),
    ("征兵的时候村里要做什么", None),
    ("低保申请村委会要做什么", "440513101210"),
    ("村民吵架了谁来调解", None),
    ("今天天气怎么样", None),
    ("老人要开健在证明，村里能开吗", None),
    ("村里的账要多久公布一次", None),
    ("村干部私自把集体的地租出去行不行", None),
    ("路边摆摊占道经营归谁管", "440507001001"),
    ("居民养狗要村里开证明吗", None),
    ("村委会换届选举谁主持", None),
    ("村里修路要不要村民会议同意", None),
    ("河溪镇中田村的集体土地发包方案要谁同意", None),
    ("村里的公章谁管，能随便盖吗", None),
]
