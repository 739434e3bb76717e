"""Builds the render-ready model from stored data: a NoticeDTO, its plan and the plan's tree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.services.dates import format_cn_date
from app.services.documents.model import (
    HEADING_ROLE,
    Attachment,
    Colophon,
    IssuedDocument,
    NoticeDocument,
    Paragraph,
    Run,
    Signature,
    Table,
)
from app.services.documents.profile import PROFILE as P
from app.services.documents.tables import KIND_TITLE, TABLE_KINDS, build_table
from app.services.dto import NodeDTO, NoticeDTO, PlanDTO
from app.services.plan_tree import iter_nodes

MARK_SUFFIX = "文件"


def split_mark(header_texts: list[str]) -> tuple[list[str], str]:
    """发文机关标志 names and the common suffix: “示例县人民政府办公室文件” → (…办公室, 文件)."""
    if header_texts and all(h.endswith(MARK_SUFFIX) and len(h) > len(MARK_SUFFIX) for h in header_texts):
        return [h[: -len(MARK_SUFFIX)] for h in header_texts], MARK_SUFFIX
    return list(header_texts), ""


def text_paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph([Run(p.strip())]) for p in (text or "").split("\n") if p.strip()]


def node_paragraphs(roots: list[NodeDTO]) -> list[Paragraph]:
    """Headings per level: 一、 黑体 · （一） 楷体 · 1． and （1） 仿宋 (§7.3.3); a heading followed by
    text in the same paragraph ends with 。 and the text goes on in 仿宋."""
    out: list[Paragraph] = []
    for n in iter_nodes(roots):
        level = min(max(n.level, 1), 4)
        role = HEADING_ROLE[level]
        head = n.heading.strip()
        body = n.text.strip()
        if level == 1:
            out.append(Paragraph([Run(n.label + head, role)], level=1))
            if body:
                out.append(Paragraph([Run(body)]))
            continue
        runs = [Run(n.label + head + ("" if not body or head.endswith(("。", "：", "；")) else "。"), role)]
        if not head:
            runs = [Run(n.label, role)]
        if body:
            runs.append(Run(body))
        out.append(Paragraph(runs, level=level))
    return out


def plan_document(plan: PlanDTO, roots: list[NodeDTO], attachments: list[Attachment]) -> IssuedDocument:
    paras = text_paragraphs(plan.preamble) + node_paragraphs(roots) + text_paragraphs(plan.closing)
    return IssuedDocument(plan.title, paras, attachments)


def table_attachment(kind: str, roots: list[NodeDTO], title: str = "") -> Attachment:
    table: Table = build_table(kind, roots)
    if title:
        table.title = title
    return Attachment(title or KIND_TITLE[kind], table=table)


def notice_document(notice: NoticeDTO, plan: PlanDTO | None = None, roots: list[NodeDTO] | None = None,
                    seal_image: Path | None = None, today: date | None = None) -> NoticeDocument:
    organs, suffix = split_mark([i.header_text or i.name for i in notice.issuers])
    sign = notice.sign_date
    date_text = format_cn_date(sign) if sign else ""
    doc = NoticeDocument(
        title=notice.title, organs=organs or [""], mark_suffix=suffix, doc_number=notice.doc_number,
        copy_no=notice.copy_no.zfill(P.copy_no_digits) if notice.copy_no else "",
        secrecy=notice.secrecy, urgency=notice.urgency, signers=list(notice.signers),
        recipients=recipients_line(notice.recipients), paragraphs=text_paragraphs(notice.body),
        signature=Signature([i.name for i in notice.issuers], date_text, notice.signature_mode != "unsealed",
                            seal_image),
        note=notice.note.strip(),
    )
    plain: list[Attachment] = []
    issued_plan = False
    for a in notice.attachments:
        kind = a.get("kind", "text")
        if kind == "plan" and plan is not None and roots is not None:
            issued_plan = True
        elif kind in TABLE_KINDS and roots is not None:
            plain.append(table_attachment(kind, roots, a.get("title", "")))
        elif kind.startswith("tracking-"):  # charts and tables frozen into a 督办 notice
            from app.services.tracking.attachments import build_attachment

            plain.append(build_attachment(a))
        else:
            plain.append(Attachment(a.get("title", ""), paragraphs=text_paragraphs(a.get("body", ""))))
    if issued_plan:
        doc.issued = plan_document(plan, roots, plain)
    else:
        doc.attachments = plain
    printed_by = notice.printed_by or (notice.issuers[0].name if notice.issuers else "")
    print_date = notice.print_date or sign or today or date.today()
    if printed_by or notice.cc:
        doc.colophon = Colophon(_cc(notice.cc), printed_by, format_cn_date(print_date))
    return doc


def recipients_line(text: str) -> str:
    """主送 as printed: ending in a full-width colon."""
    text = (text or "").strip()
    if text and not text.endswith("："):
        text = text.rstrip(":：") + "："
    return text


def _cc(text: str) -> str:
    text = (text or "").strip()
    if text and not text.endswith("。"):
        text = text.rstrip("。.;；，,") + "。"
    return text
