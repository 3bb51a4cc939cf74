"""One settings object, read from the environment (secrets never come from anywhere else)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    store: str = field(default_factory=lambda: os.environ.get("QINGDAN_STORE", "memory"))
    host: str = field(default_factory=lambda: os.environ.get("QINGDAN_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("QINGDAN_PORT", "8000")))
    admin_token: str | None = field(default_factory=lambda: os.environ.get("QINGDAN_ADMIN_TOKEN") or None)
    cors_origins: tuple[str, ...] = field(default_factory=lambda: tuple(
        o.strip() for o in os.environ.get("QINGDAN_CORS_ORIGINS", "").split(",") if o.strip()))
    national: bool = field(default_factory=lambda: os.environ.get("QINGDAN_NATIONAL", "") in ("1", "true", "yes"))
    # villages of these provinces / cities / counties (NBS code prefixes) besides Shantou's
    places: tuple[str, ...] = field(default_factory=lambda: tuple(
        p.strip() for p in os.environ.get("QINGDAN_PLACES", "").split(",") if p.strip()))
