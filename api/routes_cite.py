"""GET /cite: 依据 text → citations checked against the law corpus (read-only, needs no graph store)."""
from __future__ import annotations

from typing import Any, Callable, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, RootModel

from qingdan.loaders.cite import cite as cite_text
from qingdan.queries.dates import parse_day

from .params import date_query


class CitationOut(BaseModel):
    work: str = Field(..., description="法规简称（去掉“中华人民共和国”），规范性文件为标题；只写了文号且目录中查不到时为文号")
    article: Optional[int] = Field(None, description="条")
    paragraph: Optional[int] = Field(None, description="款（只写了项时为 1）")
    item: Optional[int] = Field(None, description="项")
    version: Optional[str] = Field(None, description="版本：核对上时为法规库中的版本日期 YYYY-MM-DD；核对不上时为原文写的年份或日期；未写版本为空")
    resolved: bool = Field(..., description="是否在法规库（或清单声明的文件目录）中核对上")
    problem: Optional[str] = Field(None, description="核对不上的原因，或核对通过时的提示（如“仅见于某版”）")
    doc_no: Optional[str] = Field(None, description="规范性文件的文号，如 民发〔2020〕37号")
    in_force: Optional[dict[str, Any]] = Field(
        None, description="给出 as_of 时：该日施行的文本（version）、状态（status：in_force / missing 未收录 / not_yet 尚未施行 / "
                          "repealed 已废止）、说明（notice），以及所引条款在该文本中的对应条款（article、paragraph、item、label、"
                          "citation、相似度 score）；没有对应条款时 article 为空并有 note")


class CitationList(RootModel[list[CitationOut]]):
    """依据文字中识别出的全部引用，按出现顺序。"""


def register(app: FastAPI, get_store: Callable[..., Any]) -> None:
    """The corpus is read once per laws directory (cached_corpus); get_store is unused: no graph needed."""

    @app.get("/cite", response_model=CitationList, response_model_exclude_unset=True, tags=["法规溯源"], summary="解析并核对依据文字中的法规引用",
             description="输入清单中“依据”一栏的原文（如：《中华人民共和国村民委员会组织法》（2018年修正）第二十四条第一款第（五）项、"
                         "第二十六条；《关于……的指导意见》（民发〔2020〕37号）），识别法规名称、条、款、项、版本注记和文号，"
                         "逐条与法规库核对：法规不存在、条款项超出范围、版本年份不对应的，resolved 为 false 并说明原因。"
                         "未写版本时按法规库全部版本核对，并说明只见于哪个版本。")
    def cite(text: str = Query(..., min_length=1, max_length=2000,
                               description="依据文字（最多 2000 字），如：《村民委员会组织法》第二十四条第（五）项"),
             as_of: Optional[str] = date_query("日期 YYYY-MM-DD（可选）：按该日施行的文本核对，并给出对应条款")) -> list[dict[str, Any]]:
        day = parse_day(as_of) if as_of else None
        return [c.to_dict() | {"doc_no": c.doc_no} for c in cite_text(text, as_of=day)]
