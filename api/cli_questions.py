"""CLI commands for the questions (ask, trace, chain, boundary)."""
from __future__ import annotations
