"""The GUI's door to the importer (app.services.importing): the same pipeline as `python -m app import`.

analyse() runs inside TaskRunner work; save() stores the clerk's decisions in one transaction."""

from __future__ import annotations

import importlib
from pathlib import Path

from app.context import AppContext
from app.services.dto import PlanDTO
from app.ui.runner import TaskControl

SUFFIXES = (".txt", ".docx", ".xlsx", ".doc", ".wps")


def available() -> bool:
    try:
        importing = importlib.import_module("app.services.importing")
    except ImportError:
        return False
    return all(hasattr(importing, name) for name in ("import_file", "match_printed_units", "store_import"))


def analyse(path: str, control: TaskControl):
    """Reads and analyses the file; reports progress to the control and honours its cancel."""
    from app.services.importing import import_file

    return import_file(Path(path), progress=lambda pct, step: control.progress(pct, 100, step),
                       is_cancelled=lambda: control.cancelled)


def unit_matches(ctx: AppContext, result) -> list:
    from app.services.importing import match_printed_units

    units = ctx.services.units
    return match_printed_units(result, units.records(), units.region_names)


def new_unit_choice() -> str:
    from app.services.importing import NEW_UNIT

    return NEW_UNIT


def skip_unit_choice() -> str:
    from app.services.importing import SKIP_UNIT

    return SKIP_UNIT


def save(ctx: AppContext, result, choices: dict, path: str):
    """Stores the analysed document as a new draft plan; returns (PlanDTO, the store report)."""
    from app.services.importing import store_import

    report = store_import(ctx.session_factory, result, region_names=ctx.services.units.region_names,
                          unit_choices=choices, source_file=str(Path(path).resolve()))
    plan: PlanDTO = ctx.services.plans.get_plan(report.plan_id)
    return plan, report
