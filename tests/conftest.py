"""Shared fixtures. Qt runs offscreen in every test (DESIGN.md §7)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from app.context import AppContext, open_context
from app.paths import resolve_paths

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture
def ctx(tmp_path) -> AppContext:
    """A fresh database with the demo data loaded."""
    c = open_context(resolve_paths(tmp_path / "fazhi.sqlite3"), load_demo=True)
    yield c
    c.close()


@pytest.fixture
def empty_ctx(tmp_path) -> AppContext:
    """A fresh, migrated, empty database."""
    c = open_context(resolve_paths(tmp_path / "empty.sqlite3"), load_demo=False)
    yield c
    c.close()


@pytest.fixture
def services(ctx):
    return ctx.services
