"""An imported document (ImportResult) typeset as a standard 印发 notice: the cover notice with the
source's 文号, title, issuer(s), 主送 and date, the issued document on its own pages, and its
重点任务分工表. Whatever the source lacks is a visible placeholder or a stated default, listed
for the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.dates import format_cn_date
from app.services.documents.builder import (
    MARK_SUFFIX,
    node_paragraphs,
    recipients_line,
    split_mark,
    table_attachment,
    text_paragraphs,
)
from app.services.documents.model import Colophon, IssuedDocument, NoticeDocument, Signature
from app.services.dto import AssignmentDTO, NodeDTO
from app.services.errors import ValidationError
from app.services.importing import ImportResult
from app.services.importing.model import Item
from app.services.numbering import numbering_spec
from app.services.plan_tree import assign_labels
from app.services.text_quality import BLANK_DATE, BLANK_DOC_NUMBER, placeholder


@dataclass
class Converted:
    doc: NoticeDocument
    roots: list[NodeDTO]
    defaults: list[str] = field(default_factory=list)  # what was filled in, in Chinese


def import_tree(items: list[Item], continuous_levels: tuple[int, ...] = ()) -> list[NodeDTO]:
    """The importer's outline as plan nodes with labels computed the way the app prints them."""
    counter = iter(range(1, 1_000_000))

    def node(it: Item, parent: int | None, pos: int) -> NodeDTO:
        nid = next(counter)
        units = [AssignmentDTO(0, u.name, u.role, u.note) for u in it.markings.units]
        n = NodeDTO(id=nid, plan_id=0, parent_id=parent, position=pos, level=it.level, label="",
                    heading=it.heading, text=it.text, is_task=it.is_task, original_label=it.label,
                    deadline_text=it.markings.deadline_text, deadline=it.deadline,
                    responsible_person=it.markings.responsible, measures=it.measures, assignments=units)
        n.children = [node(c, nid, i) for i, c in enumerate(it.children)]
        return n

    roots = [node(it, None, i) for i, it in enumerate(items)]
    assign_labels(roots, numbering_spec(continuous_levels))
    return roots


def office_of(issuer: str) -> str:
    """印发机关 default: the issuer's office (县人民政府 → 县人民政府办公室; an office stays itself)."""
    if issuer.endswith(("办公室", "办公厅", "办")):
        return issuer
    if issuer.endswith("委") and issuer.startswith("中共"):
        return issuer + "办公室"
    if issuer.endswith(("人民政府", "委员会", "政府")):
        return issuer + ("办公厅" if "自治区" in issuer[:6] or issuer.endswith("省人民政府") else "办公室")
    return issuer


def convert_result(result: ImportResult) -> Converted:
    """The 印发 notice of an imported document. What the source does not say is never made up:
    a missing issuer, 文号 or date is printed as a visible placeholder ("【发文机关】",
    "〔　　　　〕号", "　　年　月　日") for the clerk to fill in, and listed; a document whose title
    cannot be found is refused."""
    n = result.notice
    if not result.title.strip():
        raise ValidationError("原文中找不到文件标题（通知中的《》、文件开头的标题或分工表的标题），无法排版。"
                              "请在原文开头写上标题后重试。")
    defaults: list[str] = []
    roots = import_tree(result.outline, result.continuous_levels)
    plan_title = result.title
    issuers = list(n.issuers) if n and n.issuers else []
    if not issuers:
        issuers = [placeholder("发文机关")]
        defaults.append(f"发文机关：原文未注明，印作“{issuers[0]}”，请改为实际机关")
    title = n.title if n and n.title else f"关于印发《{plan_title}》的通知"
    if not (n and n.title):
        defaults.append(f"标题：原文没有印发通知，按“{title}”编排")
    doc_number = n.doc_number if n and n.doc_number else BLANK_DOC_NUMBER
    if not (n and n.doc_number):
        defaults.append("发文字号：原文未注明，留出“〔　　〕号”待填")
    sign_text = format_cn_date(n.sign_date) if n and n.sign_date else BLANK_DATE
    if not (n and n.sign_date):
        defaults.append("成文日期：原文未注明，留空待填（不用今天的日期，以免与原文矛盾）")
    recipients = n.recipients if n and n.recipients else ""
    if not recipients:
        defaults.append("主送机关：原文未注明，不排主送")
    body = n.body if n and n.body else f"现将《{plan_title}》印发给你们，请结合实际，认真贯彻落实。"
    if not (n and n.body):
        defaults.append(f"正文：原文没有通知正文，用“{body}”")
    header = n.header_text if n and n.header_text and len(issuers) == 1 else ""  # the printed 版头, if any
    organs, suffix = split_mark([header] if header else [f"{i}{MARK_SUFFIX}" for i in issuers])
    printed_by = office_of(issuers[0]) if n and n.issuers else placeholder("印发机关")
    defaults.append(f"版记：印发机关用“{printed_by}”，印发日期用成文日期")
    doc = NoticeDocument(
        title=title, organs=organs, mark_suffix=suffix, doc_number=doc_number,
        recipients=recipients_line(recipients),
        paragraphs=text_paragraphs(body),
        signature=Signature(issuers, sign_text, sealed=True),
        note=(n.note if n else "") or "",
        colophon=Colophon("", printed_by, sign_text),
    )
    attachments = []
    if any(t for t in result.tasks):
        attachments.append(table_attachment("division", roots, "重点任务分工表"))
        attachments[0].table.title = f"{plan_title}重点任务分工表"  # the Excel sheet names the plan
    paras = text_paragraphs(result.preamble) + node_paragraphs(roots) + text_paragraphs(result.closing)
    doc.issued = IssuedDocument(plan_title, paras, attachments)
    return Converted(doc, roots, defaults)
