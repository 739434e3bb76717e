"""The GUI's door to the document engine (app.services.documents) and the format checker.

Kept in one place so the pages only deal with three plain results: a preview, an export, the
warnings. Runs inside TaskRunner work functions (no Qt here)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from app.context import AppContext


@dataclass
class Preview:
    pdf: bytes
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Exported:
    path: Path
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def _engine():
    try:
        return importlib.import_module("app.services.documents")
    except ImportError:
        return None


def available() -> bool:
    engine = _engine()
    return engine is not None and hasattr(engine, "render_notice")


def preview(ctx: AppContext, notice_id: int, mode: str) -> Preview:
    raise NotImplementedError


def export(ctx: AppContext, notice_id: int, kind: str, path: Path, mode: str) -> Exported:
    raise NotImplementedError
