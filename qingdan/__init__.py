"""qingdan — 清单图谱: village-governance duties, their legal bases and who is responsible."""

__version__ = "0.1.0"
