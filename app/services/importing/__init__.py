"""Importing existing 工作要点 / 实施方案 documents (.txt, .docx, .xlsx, .doc/.wps via LibreOffice).

Stages (each a small pure function, see docs/importing.md): readers → cleaning → cover and
outline → unit markings and the 分工表 → tasks. Only `store.store_import` touches the database.

The names below load their module on first use: reading a document (convert) never loads the
database layer that storing one needs."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_HOME = {
    "ImportCancelled": "pipeline", "import_document": "pipeline", "import_file": "pipeline", "import_text": "pipeline",
    "ImportResult": "result", "ImportService": "service",
    "NEW_UNIT": "store", "SKIP_UNIT": "store", "StoreReport": "store", "store_import": "store",
    "PrintedUnitMatch": "unit_preview", "match_printed_units": "unit_preview", "unknown_unit_warnings": "unit_preview",
}
__all__ = ["NEW_UNIT", "SKIP_UNIT", "ImportCancelled", "ImportResult", "ImportService", "PrintedUnitMatch",
           "StoreReport", "import_document", "import_file", "import_text", "match_printed_units", "store_import",
           "unknown_unit_warnings"]

if TYPE_CHECKING:
    from app.services.importing.pipeline import ImportCancelled, import_document, import_file, import_text
    from app.services.importing.result import ImportResult
    from app.services.importing.service import ImportService
    from app.services.importing.store import NEW_UNIT, SKIP_UNIT, StoreReport, store_import
    from app.services.importing.unit_preview import (
        PrintedUnitMatch,
        match_printed_units,
        unknown_unit_warnings,
    )


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
