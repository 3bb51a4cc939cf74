"""What a header cell means, what kind of list a name announces, and how cell text is tidied."""
from __future__ import annotations

import re

import cn2an

from qingdan.ontology.terms import KIND_CLASS, KIND_ZH

FULLWIDTH = str.maketrans("０１２３４５６７８９．（）", "0123456789.()")
COUNT_RE = re.compile(r"\s*[（(]\s*(?:共\s*)?[0-9０-９]+\s*(?:项|个|条)\s*[）)]\s*$")


# field → (label used in the template and in problems, the names officials give the column)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "seq": ("序号", ("序号", "编号", "序", "项次", "事项编号", "事项序号", "顺序号")),
    "category": ("类别", ("类别", "分类", "类型", "事项类别", "事项分类", "类别名称", "权力类型", "职权类型", "职权类别",
                        "权力类别", "方面", "所属方面", "所属类别", "大类")),
    "name": ("事项名称", ("事项名称", "事项", "名称", "职权名称", "权力名称", "权力事项", "权力事项名称", "职权事项",
                         "工作事项", "职责事项", "事项名", "证明事项", "证明名称", "证明事项名称", "行为表现", "负面行为",
                         "负面行为表现", "服务事项", "服务项目", "公开事项", "公开项目", "职权事项名称", "子项名称")),
    "description": ("事项说明", ("事项说明", "事项内容", "具体内容", "内容", "说明", "工作内容", "事项描述", "职责内容",
                               "主要内容", "具体事项", "工作要求", "公开内容", "服务内容", "事项简述")),
    "bases": ("法律依据", ("法律依据", "依据", "设定依据", "实施依据", "法律法规依据", "法律法规政策依据", "政策依据",
                          "法规依据", "法定依据", "设立依据", "依据文件", "法律政策依据", "政策法规依据", "设定和实施依据")),
    "lead": ("责任主体", ("责任主体", "责任单位", "实施主体", "业务指导部门", "主管部门", "牵头单位", "牵头部门", "责任部门",
                         "原实施主体", "原实施部门", "原行使部门", "行使主体", "指导部门", "业务主管部门", "主办单位", "承办单位")),
    "assist": ("协助主体", ("协助主体", "配合单位", "协助单位", "配合部门", "协办单位", "协助部门", "配合主体")),
    "supervise": ("监督主体", ("监督主体", "监督单位", "监督部门")),
    "must_not": ("不得承担主体", ("不得承担主体", "不得承担单位")),  # written by `qingdan export --format xlsx`
    "keywords": ("关键词", ("关键词", "俗称", "常见说法", "群众说法")),
    "remark": ("备注", ("备注", "附注")),
}
SINGLE = {"seq", "category", "name"}  # a second column with the same meaning is ignored, not joined
SYNONYMS: dict[str, str] = {s: f for f, (_, names) in COLUMNS.items() for s in names}


def norm_label(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("*＊:：")


def field_of(label: str, loose: bool = True) -> str | None:
    """Which field a header cell names; loose also accepts 法律依据（条款） or 事项名称（子项）."""
    n = norm_label(label)
    if not n:
        return None
    if n in SYNONYMS:
        return SYNONYMS[n]
    bare = re.sub(r"[（(][^（）()]*[）)]", "", n)
    if bare in SYNONYMS:
        return SYNONYMS[bare]
    if not loose or len(bare) > 12 or re.search(r"[。，,、；;：:！？“”]", bare):
        return None  # a title or a sentence mentions 事项 too; a header cell is a short name
    hits = [s for s in SYNONYMS if len(s) >= 2 and (bare.startswith(s) or bare.endswith(s))]
    return SYNONYMS[max(hits, key=len)] if hits else None


# ── kinds ────────────────────────────────────────────────────────────────────────────────────────

KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("群众自治", "autonomy"), ("自治工作", "autonomy"), ("协助政府", "assistance"), ("协助工作", "assistance"),
    ("应取消", "prohibited"), ("禁入", "prohibited"), ("不应由", "prohibited"), ("小微权力", "micro_power"),
    ("负面", "negative"), ("公共服务", "public_service"), ("服务目录", "public_service"), ("村务公开", "disclosure"),
    ("公开清单", "disclosure"), ("公开目录", "disclosure"), ("下放", "delegated"), ("放权", "delegated"),
    ("镇街实施", "delegated"), ("行政职权", "delegated"),
)
KIND_CODE = {"autonomy": "AUT", "assistance": "AST", "prohibited": "PRO", "micro_power": "MP",
             "public_service": "PS", "disclosure": "DIS", "negative": "NEG", "delegated": "DEL"}


def parse_kind(value: str) -> str | None:
    """A kind given by a person: the English id, its Chinese name, or a telling word in it."""
    v = value.strip()
    if v in KIND_CLASS:
        return v
    for k, zh in KIND_ZH.items():
        if v == zh:
            return k
    return kind_from_text(v)


def kind_from_text(*texts: str) -> str | None:
    for text in texts:
        for word, kind in KIND_WORDS:
            if word in (text or ""):
                return kind
    return None



def clean_category(text: str) -> str:
    t = re.sub(r"\s+", "", text)
    t = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十0-9]+[类部分章][：:、]?)", "", t)
    return COUNT_RE.sub("", t).strip("：: ")


def clean_text(text: str) -> str:
    """A cell as one line: breaks between Chinese characters vanish, elsewhere become a space."""
    t = text.replace("\u3000", " ").strip()
    t = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", t)
    t = re.sub(r"\s*\n\s*", " ", t)
    return re.sub(r"[ \t]{2,}", " ", t)



def seq_number(text: str) -> int | None:
    t = text.translate(FULLWIDTH).strip().rstrip(".、").strip("()")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"[零〇一二三四五六七八九十百]+", t):
        try:
            return int(cn2an.cn2an(t, "smart"))
        except ValueError:
            return None
    return None

