"""Importing existing 工作要点 / 实施方案 documents (.txt, .docx, .xlsx, .doc/.wps via LibreOffice).

Stages (each a small pure function, see docs/importing.md): readers → cleaning → cover and
outline → unit markings and the 分工表 → tasks. Only `store.store_import` touches the database."""

from app.services.importing.pipeline import ImportCancelled, import_document, import_file, import_text
from app.services.importing.result import ImportResult

__all__ = ["ImportCancelled", "ImportResult", "import_document", "import_file", "import_text"]
