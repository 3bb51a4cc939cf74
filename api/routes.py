"""Question routes (resolve, boundary, tracing, chains) are registered here."""
from __future__ import annotations

from typing import Any, Callable

from fastapi import FastAPI


def register(app: FastAPI, get_store: Callable[..., Any]) -> None:
    return None
