"""The report's outline as printed: chapters numbered 一、二、… in the report's part order, the plan's
parts as （一）（二）… inside 主要举措和成效, and the 第一责任人 part as a chapter or as that
chapter's first section. Shared by the report page and the document builder."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.numbering import print_label
from app.services.reports import template as T
from app.services.reports.dto import ReportDTO, SectionDTO


@dataclass(frozen=True)
class OutlineEntry:
    level: int  # 0 the opening (no heading), 1 a chapter, 2 a section of 主要举措和成效
    label: str  # 一、 / （一） / ""
    heading: str
    section: SectionDTO | None  # the text under the heading (None: a chapter made of sections)

    @property
    def title(self) -> str:
        return f"{self.label}{self.heading}" if self.level else "（开头）"


def report_outline(report: ReportDTO) -> list[OutlineEntry]:
    out: list[OutlineEntry] = []
    opening = report.section(T.OPENING)
    if opening is not None:
        out.append(OutlineEntry(0, "", "", opening))
    duty = report.section(T.DUTY)
    inside = report.duty_placement == T.SECTION
    chapter = 0
    for part in report.part_order:
        if part == T.DUTY and inside:
            continue
        if part == T.MEASURES:
            chapter += 1
            out.append(OutlineEntry(1, print_label(1, chapter), T.PART_NAMES[T.MEASURES], None))
            subs = ([duty] if inside and duty is not None else []) + [s for s in report.sections if T.is_measures(s.key)]
            for k, s in enumerate(subs, start=1):
                out.append(OutlineEntry(2, print_label(2, k), s.heading or T.PART_NAMES[T.DUTY], s))
            continue
        s = report.section(part)
        if s is None:
            continue
        chapter += 1
        out.append(OutlineEntry(1, print_label(1, chapter), s.heading or T.PART_NAMES[part], s))
    return out
