"""Importing existing 工作要点 / 实施方案 documents (.txt, .docx, .xlsx, .doc/.wps via LibreOffice).

Stages (each a small pure function, see docs/importing.md): readers → cleaning → cover and
outline → unit markings and the 分工表 → tasks. Only `store.store_import` touches the database."""

from app.services.importing.pipeline import ImportCancelled, import_document, import_file, import_text
from app.services.importing.result import ImportResult
from app.services.importing.service import ImportService
from app.services.importing.store import NEW_UNIT, SKIP_UNIT, StoreReport, store_import
from app.services.importing.unit_preview import PrintedUnitMatch, match_printed_units, unknown_unit_warnings

__all__ = ["NEW_UNIT", "SKIP_UNIT", "ImportCancelled", "ImportResult", "ImportService", "PrintedUnitMatch",
           "StoreReport",
           "import_document", "import_file", "import_text", "match_printed_units", "store_import",
           "unknown_unit_warnings"]
