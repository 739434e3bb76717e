"""The plan alone as a Word 审阅稿 for a leader to review before any notice exists: title, a
“（审阅稿）” line, preamble, the outline with each task's units, deadline and 责任人, and the
closing — no red header, no 文号, no signature. Built from the same paragraphs as the issued plan
and written with the DOCX builder the notices use (styles, grid, odd/even page numbers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.services.dates import format_cn_date
from app.services.documents.builder import node_paragraphs, text_paragraphs
from app.services.documents.docx_base import DocxBuilder, portrait_sect
from app.services.documents.docx_package import DocxMeta
from app.services.documents.docx_xml import br_run, para, run, spacer
from app.services.documents.fontbook import FontBook
from app.services.documents.fonts import FontChoice, office_font_names
from app.services.documents.model import Paragraph, Run
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.typeset import balance_title, shape
from app.services.dto import NodeDTO, PlanDTO
from app.services.plan_tree import iter_nodes

LEVEL_STYLE = {0: "GWBody", 1: "GWH1", 2: "GWH2", 3: "GWH3", 4: "GWH4"}  # as the notice's DOCX writer


def duty_line(node: NodeDTO) -> str:
    """“牵头单位：县司法局；配合单位：县公安局、县财政局；完成时限：2026年6月底前；责任人：张明”."""
    parts = []
    if node.lead_units:
        parts.append("牵头单位：" + "、".join(node.lead_units))
    if node.support_units:
        parts.append("配合单位：" + "、".join(node.support_units))
    if node.deadline_text:
        parts.append("完成时限：" + node.deadline_text)
    if node.responsible_person:
        parts.append("责任人：" + node.responsible_person)
    return "；".join(parts)


def review_paragraphs(plan: PlanDTO, roots: list[NodeDTO]) -> list[Paragraph]:
    """Preamble, outline (each task followed by its duties in 楷体, in brackets), closing."""
    out = text_paragraphs(plan.preamble)
    for n in iter_nodes(roots):
        out += node_paragraphs([replace(n, children=[])])
        duties = duty_line(n)
        if duties:
            out.append(Paragraph([Run(f"（{duties}）", "kai")]))
    return out + text_paragraphs(plan.closing)


def review_docx(plan: PlanDTO, roots: list[NodeDTO], choice: FontChoice, today: date | None = None) -> bytes:
    book = FontBook(choice)
    b = DocxBuilder(office_font_names(choice), DocxMeta(title=plan.title, author=plan.issuer_text or "",
                                                       subject=f"{plan.title}（审阅稿）"))
    pitch = P.line_pitch_twips
    lines = [ln.text for ln in balance_title(shape(book, [Run(plan.title, "xbs")], P.title_size_pt),
                                              mm(P.area_w_mm))]
    runs = br_run("xbs", P.title_size_pt).join(run(t, "xbs", P.title_size_pt) for t in lines)
    b.add(para(runs or run(plan.title, "xbs", P.title_size_pt), "GWTitle", line=pitch))
    b.add(para(run(f"（审阅稿　{format_cn_date(today or date.today())}）", "kai"), "GWPlain", line=pitch,
               jc="center"))
    b.add(spacer(pitch))
    for p in review_paragraphs(plan, roots):
        b.add(para("".join(run(r.text, r.role) for r in p.runs), LEVEL_STYLE.get(p.level, "GWBody")))
    return b.save(portrait_sect(b.footers()))
