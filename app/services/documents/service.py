"""Front door of the document engine: model → layout → PDF / DOCX / XLSX, with the fonts
resolved once per process and every substitution and warning returned to the caller."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from app.services.documents.compose import layout_notice
from app.services.documents.fontbook import FontBook
from app.services.documents.fonts import FontChoice, office_font_names, resolve_fonts
from app.services.documents.model import PRINT_MODES, NoticeDocument, Table
from app.services.documents.pages import Layout
from app.services.documents.pdf import render_pdf
from app.services.documents.table_layout import table_pages
from app.services.errors import ValidationError
from app.services.output_files import write_files


@dataclass
class RenderResult:
    written: list[Path] = field(default_factory=list)
    pages: int = 0
    substitutions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    layout: Layout | None = None  # what was typeset, for the format checker


@functools.lru_cache(maxsize=8)
def _cached_choice(resources: str | None, configured: str) -> FontChoice:
    return resolve_fonts(Path(resources) if resources else None, json.loads(configured) or None)


def font_choice(resources: Path | None = None, configured: dict[str, str] | None = None) -> FontChoice:
    return _cached_choice(str(resources) if resources else None, json.dumps(configured or {}, sort_keys=True))


def check_mode(mode: str) -> str:
    if mode not in PRINT_MODES:
        raise ValidationError(f"未知的印制方式“{mode}”，可选：color（彩色）、overlay（套红）、mono（黑白）。")
    return mode


def layout_document(doc: NoticeDocument, choice: FontChoice | None = None) -> tuple[Layout, FontBook]:
    book = FontBook(choice or font_choice())
    layout = layout_notice(book, doc)
    layout.substitutions = book.report()
    return layout, book


def layout_table(table: Table, choice: FontChoice | None = None) -> tuple[Layout, FontBook]:
    book = FontBook(choice or font_choice())
    from app.services.documents.compose import number_pages

    pages = table_pages(book, table, "", table.title)
    for page in pages:  # on its own, a table is printed on landscape paper
        page.sheet_landscape = True
    number_pages(book, pages)
    layout = Layout(pages)
    layout.substitutions = book.report()
    return layout, book


def notice_pdf(doc: NoticeDocument, mode: str = "color", choice: FontChoice | None = None,
               compress: bool = True) -> tuple[bytes, Layout]:
    layout, _book = layout_document(doc, choice)
    return render_pdf(layout, check_mode(mode), **pdf_info(doc), compress=compress), layout


def table_pdf(table: Table, mode: str = "color", choice: FontChoice | None = None) -> tuple[bytes, Layout]:
    layout, _book = layout_table(table, choice)
    return render_pdf(layout, check_mode(mode), title=table.title, subject=table.title), layout


def notice_files(doc: NoticeDocument, mode: str = "color", choice: FontChoice | None = None,
                 pdf: bool = True, docx: bool = True) -> tuple[bytes | None, bytes | None, Layout]:
    """The notice as PDF and/or DOCX from one layout (the DOCX takes its header heights from it)."""
    layout, book = layout_document(doc, choice)
    check_mode(mode)
    pdf_bytes = render_pdf(layout, mode, **pdf_info(doc)) if pdf else None
    docx_bytes = None
    if docx:
        from app.services.documents.docx import notice_docx  # python-docx: loaded only for a .docx

        docx_bytes = notice_docx(doc, layout, book, mode, office_font_names(book.choice))
    return pdf_bytes, docx_bytes, layout


def notice_bundle(doc: NoticeDocument, choice: FontChoice | None = None) -> tuple[dict[tuple[str, str], bytes], Layout]:
    """Every file an issued notice keeps: PDF and DOCX in each print mode, from one layout."""
    from app.services.documents.docx import notice_docx

    layout, book = layout_document(doc, choice)
    files: dict[tuple[str, str], bytes] = {}
    for mode in PRINT_MODES:
        files["pdf", mode] = render_pdf(layout, mode, **pdf_info(doc))
        files["docx", mode] = notice_docx(doc, layout, book, mode, office_font_names(book.choice))
    return files, layout


def pdf_info(doc: NoticeDocument) -> dict[str, str]:
    """Document information: the title, the issuer as author, the issued document as subject."""
    organs = doc.signature.organs if doc.signature else doc.organs
    return {"title": doc.title, "author": "、".join(o for o in organs if o),
            "subject": doc.issued.title if doc.issued else doc.title}


def table_docx(table: Table, mode: str = "color", choice: FontChoice | None = None) -> bytes:
    """The table as .docx; mode is checked like the others but changes nothing (no red parts)."""
    from app.services.documents.docx_table import table_document

    check_mode(mode)
    book = FontBook(choice or font_choice())
    return table_document(book, table, office_font_names(book.choice))


def table_xlsx(table: Table, choice: FontChoice | None = None) -> bytes:
    from app.services.documents.xlsx import table_workbook

    return table_workbook(table, office_font_names(choice or font_choice()))


def write_bytes(path: Path, data: bytes, overwrite: bool = False) -> Path:
    """Writes one output file whole or not at all (see app/services/output_files.py)."""
    return write_files([(Path(path), data)], overwrite)[0]
