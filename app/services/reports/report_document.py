"""The report as a 公文 for the GB/T 9704 engine: the 县政府 variant (主送 县委、县人大常委会), the
joint 县委+县政府 variant (上行文 to the 上级 党委、政府, with 签发人), and the publication version
(no 版头, 文号 or 版记: the text the website prints). Figures are placed where the clerk put a field."""

from __future__ import annotations

from app.services.dates import format_cn_date
from app.services.documents.model import Colophon, NoticeDocument, Paragraph, Run, Signature
from app.services.reports import template as T
from app.services.reports.dto import ReportDTO
from app.services.reports.figure_fields import FigureTotals, place_fields
from app.services.reports.report_outline import report_outline
from app.services.text_quality import BLANK_DATE, BLANK_DOC_NUMBER

CLOSING = "特此报告。"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def report_paragraphs(report: ReportDTO, figures: FigureTotals) -> tuple[list[Paragraph], list[str]]:
    paragraphs: list[Paragraph] = []
    notes: list[str] = []

    def body(text: str) -> None:
        filled, found = place_fields(text, figures)
        notes.extend(n for n in found if n not in notes)
        paragraphs.extend(Paragraph([Run(line)]) for line in _lines(filled))

    for entry in report_outline(report):
        if entry.level == 1:
            paragraphs.append(Paragraph([Run(entry.title, "hei")], level=1))
        elif entry.level == 2:
            paragraphs.append(Paragraph([Run(entry.title, "kai")], level=2))
        if entry.section is not None:
            body(entry.section.text)
    paragraphs.append(Paragraph([Run(CLOSING)]))
    return paragraphs, notes


def report_document(report: ReportDTO, variant: str, organs: T.Organs, figures: FigureTotals, *,
                    superior: str = "", cc: str = "", publication: bool = False) -> tuple[NoticeDocument, list[str]]:
    """(the document, notes on fields without a value)."""
    if variant not in T.VARIANTS:
        from app.services.errors import ValidationError

        raise ValidationError(f"未知的报告类型“{variant}”，可选：gov（县政府报县委、县人大）、joint（县委县政府联合报上级）。")
    paragraphs, notes = report_paragraphs(report, figures)
    signing = T.signing_organs(variant, organs)
    date_text = format_cn_date(report.sign_date) if report.sign_date else BLANK_DATE
    doc = NoticeDocument(
        title=T.title_for(variant, organs, report.year), organs=list(signing), mark_suffix="文件",
        recipients=T.recipients_for(variant, organs, superior), paragraphs=paragraphs,
        signature=Signature(list(signing), date_text, sealed=not publication))
    if publication:
        doc.plain = True
        return doc, notes
    doc.doc_number = (report.gov_doc_number if variant == T.GOV else report.joint_doc_number) or BLANK_DOC_NUMBER
    if variant == T.JOINT:
        doc.signers = list(report.signers) or ["【签发人】"]
    office = f"{organs.gov}办公室" if variant == T.GOV else f"{organs.party_short}办公室"
    cc_text = cc.strip()
    if cc_text and not cc_text.endswith("。"):
        cc_text = cc_text.rstrip("。.;；，,") + "。"
    doc.colophon = Colophon(cc_text, office, date_text)
    return doc, notes
