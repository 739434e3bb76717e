"""The GUI's door to the importer: the same ImportService as `python -m app import`.

analyse() runs inside TaskRunner work; save() stores the clerk's decisions in one transaction."""

from __future__ import annotations

from pathlib import Path

from app.context import AppContext
from app.services.dto import PlanDTO
from app.services.importing import NEW_UNIT, SKIP_UNIT, ImportResult, PrintedUnitMatch, StoreReport
from app.ui.runner import TaskControl

SUFFIXES = (".txt", ".docx", ".xlsx", ".doc", ".wps")
__all__ = ["NEW_UNIT", "SKIP_UNIT", "SUFFIXES", "analyse", "notice_is_own", "save", "unit_matches"]


def analyse(ctx: AppContext, path: str, control: TaskControl) -> ImportResult:
    """Reads and analyses the file; reports progress to the control and honours its cancel."""
    return ctx.services.imports.analyse(path, progress=lambda pct, step: control.progress(pct, 100, step),
                                        is_cancelled=lambda: control.cancelled)


def unit_matches(ctx: AppContext, result: ImportResult) -> list[PrintedUnitMatch]:
    return ctx.services.imports.match_units(result)


def notice_is_own(ctx: AppContext, result: ImportResult) -> bool:
    return ctx.services.imports.notice_is_own(result)


def save(ctx: AppContext, result: ImportResult, choices: dict, path: str,
         keep_notice: bool | None = None) -> tuple[PlanDTO, StoreReport]:
    """Stores the analysed document as a new draft plan; returns (PlanDTO, the store report)."""
    report = ctx.services.imports.store(result, unit_choices=choices, source_file=str(Path(path).resolve()),
                                        keep_notice=keep_notice)
    return ctx.services.plans.get_plan(report.plan_id), report
