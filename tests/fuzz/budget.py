"""How hard the fuzzers try: a small budget in the normal test run, a long one with QINGDAN_FUZZ=long.

The normal run must stay fast and repeatable, so it is derandomized (the same examples every
run, nothing written to disk); the long run (`make fuzz`) explores fresh examples each time and
keeps the failing ones in a database beside the other caches, so a failure found once is tried
first the next time.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

LONG = os.environ.get("QINGDAN_FUZZ", "").strip().lower() == "long"


def examples(fast: int, long: int) -> int:
    return long if LONG else fast


def fuzz_settings(fast: int, long: int, **extra: Any) -> settings:
    """Hypothesis settings for one property: its example count in each budget, no per-example deadline
    (the first call of a cold path may legitimately be slow; time limits are asserted where they matter)."""
    if LONG:
        cache = Path(os.environ.get("QINGDAN_CACHE") or Path.home() / ".cache" / "qingdan") / "hypothesis"
        base: dict[str, Any] = {"database": DirectoryBasedExampleDatabase(str(cache)), "derandomize": False}
    else:
        base = {"database": None, "derandomize": True}
    return settings(max_examples=examples(fast, long), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
                    **{**base, **extra})
