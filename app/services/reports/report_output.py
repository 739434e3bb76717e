"""The report through the GB/T 9704 engine: the render-ready model for a variant (or the
publication version), the format checker's findings on it, and the PDF / DOCX files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.services.documents.model import NoticeDocument
from app.services.reports import template as T
from app.services.reports.report_document import report_document


@dataclass
class ReportOutput:
    written: list[Path] = field(default_factory=list)
    pages: int = 0
    substitutions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # the format checker's, one sentence each


def report_model(reports, plan_id: int, variant: str, publication: bool = False) -> tuple[NoticeDocument, list[str]]:
    """reports: the ReportService. Returns the model and the notes on fields without a value."""
    cfg = reports.settings
    report = reports.report(plan_id)
    organs = T.organs_for(cfg.county_name)
    cc = cfg.report_gov_cc if variant == T.GOV else cfg.report_joint_cc
    return report_document(report, variant, organs, reports.figures.totals(report.id), superior=cfg.report_superior,
                           cc=cc, publication=publication)


def check_report(doc: NoticeDocument, layout=None) -> list[str]:
    from app.services.checks import check_layout, check_notice

    found = check_notice(doc) + (check_layout(layout) if layout is not None else [])
    return [f.text() for f in found]


def render_report(reports, doc_service, plan_id: int, variant: str, pdf: Path | None = None,
                  docx: Path | None = None, publication: bool = False, mode: str = "color",
                  overwrite: bool = False) -> ReportOutput:
    """Writes the files (all or none) and says what the checker found; a report never drafted is
    refused, so an empty page is never printed."""
    from app.services.errors import NotFoundError

    report = reports.report(plan_id)
    if not report.sections:
        raise NotFoundError(f"《{report.plan_title}》的{report.year}年度报告还没有起草：请先起草（报告页的“起草”）。")
    doc, notes = report_model(reports, plan_id, variant, publication)
    result = doc_service.render_model(doc, pdf, docx, mode, overwrite)
    return ReportOutput(result.written, result.pages, result.substitutions, result.warnings,
                        notes + check_report(doc, result.layout))
