"""催报, 督办通知 and 通报 as formal 公文: drafted into the notice register (文号 allocated there, the
通报's 序号 in its own 代字 being its 期数), re-drafted in place while still a draft, and rendered
through the GB/T 9704 engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Notice, TrackingDocument
from app.models.database import session_scope
from app.services.dto import IssuerDTO, NoticeDTO
from app.services.errors import NotFoundError, ValidationError
from app.services.notices import NoticeService
from app.services.tracking.bulletin import TABLE_TITLE, bulletin_text
from app.services.tracking.chase_texts import reminder_text, supervision_text
from app.services.tracking.stats import summarize

KINDS = {"催报": reminder_text, "督办": supervision_text, "通报": None}
KIND_LABEL = {"催报": "催报通知", "督办": "督办通知", "通报": "督查通报"}
DEFAULT_RECIPIENTS = "各乡镇人民政府，县直各部门："


def bulletin_prefix(issuer_prefix: str, configured: str) -> str:
    """The 通报 series' 代字: the one set in 设置, else the issuer's with 发 turned into 督 (示法办发 → 示法办督)."""
    if configured.strip():
        return configured.strip()
    return (issuer_prefix[:-1] if issuer_prefix.endswith("发") else issuer_prefix) + "督"


class TrackingNoticeService:
    def __init__(self, session_factory: sessionmaker[Session], notices: NoticeService, tracking,
                 clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self.notices = notices
        self.tracking = tracking
        self._clock = clock

    def issuer(self) -> IssuerDTO:
        """设置's 督办 issuer, else one whose name says 依法治, else the default issuer, else the first."""
        issuers = self.notices.list_issuers()
        if not issuers:
            raise NotFoundError("还没有发文机关，请先在“设置”中添加（如“中共××县委全面依法治县委员会办公室”）。")
        cfg = self.tracking.settings
        by_id = {i.id: i for i in issuers}
        if cfg.track_issuer_id in by_id:
            return by_id[cfg.track_issuer_id]
        office = next((i for i in issuers if "依法治" in i.name), None)
        if office is not None:
            return office
        if cfg.default_issuer_id in by_id:
            return by_id[cfg.default_issuer_id]
        return issuers[0]

    def draft(self, kind: str, plan_id: int, period_id: int | None = None, fresh: bool = False) -> NoticeDTO:
        """The kind's notice for the period, in the register: the existing draft is rewritten (its 文号
        kept), an issued one is returned untouched unless fresh=True asks for a new one."""
        if kind not in KINDS:
            raise ValidationError(f"未知的文种“{kind}”，可选：催报、督办、通报。")
        ledger = self.tracking.ledger(plan_id, period_id)
        existing = None if fresh else self.existing(kind, plan_id, ledger.period.id)
        if existing is not None and existing.status == "已印发":
            return existing
        issuer = self.issuer()
        signed = self._clock()
        office = issuer.name
        summary = summarize(ledger)
        if kind == "通报":
            text = bulletin_text(summary, office, signed, self._recipients(plan_id))
        else:
            text = KINDS[kind](summary, office, signed)
        prefix = bulletin_prefix(issuer.prefix, self.tracking.settings.track_bulletin_prefix) if kind == "通报" \
            else issuer.prefix
        fields = dict(plan_id=plan_id, title=text.title, recipients=text.recipients, body=text.body,
                      sign_date=signed, printed_by=issuer.name, print_date=signed)
        if existing is not None:
            return self.notices.update_notice(existing.id, attachments=text.attachments, **fields)
        notice = self.notices.create_notice([issuer.id], attachments=text.attachments, allocate_number=True,
                                            doc_prefix=prefix, doc_year=signed.year, **fields)
        with session_scope(self._sf) as s:
            s.add(TrackingDocument(plan_id=plan_id, period_id=ledger.period.id, kind=kind, notice_id=notice.id))
        return notice

    def documents(self, plan_id: int) -> list[tuple[str, NoticeDTO]]:
        """(kind, notice) drafted for the plan, newest first."""
        with session_scope(self._sf) as s:
            rows = s.execute(select(TrackingDocument.kind, TrackingDocument.notice_id)
                             .where(TrackingDocument.plan_id == plan_id, TrackingDocument.notice_id.is_not(None))
                             .order_by(TrackingDocument.id.desc())).all()
        out = []
        for kind, nid in rows:
            try:
                out.append((kind, self._current(nid)))
            except NotFoundError:
                continue
        return out

    def existing(self, kind: str, plan_id: int, period_id: int) -> NoticeDTO | None:
        with session_scope(self._sf) as s:
            nid = s.scalar(select(TrackingDocument.notice_id).where(
                TrackingDocument.plan_id == plan_id, TrackingDocument.period_id == period_id,
                TrackingDocument.kind == kind, TrackingDocument.notice_id.is_not(None))
                .order_by(TrackingDocument.id.desc()).limit(1))
        if nid is None:
            return None
        try:
            return self._current(nid)
        except NotFoundError:
            return None

    def _current(self, notice_id: int) -> NoticeDTO:
        """The current revision of the notice's lineage (a revised 通报 is the one to show)."""
        with session_scope(self._sf) as s:
            n = s.get(Notice, notice_id)
            if n is None:
                raise NotFoundError("该公文已被删除。")
            cur = s.scalar(select(Notice.id).where(Notice.lineage_id == (n.lineage_id or n.id), Notice.is_current))
        return self.notices.get_notice(cur or notice_id)

    def _recipients(self, plan_id: int) -> str:
        """主送 of the plan's own issuing notice (the units it went to), else a usual default."""
        with session_scope(self._sf) as s:
            text = s.scalar(select(Notice.recipients).where(Notice.plan_id == plan_id, Notice.is_current,
                                                            Notice.recipients != "")
                            .order_by(Notice.id).limit(1))
        return text or DEFAULT_RECIPIENTS

    def issue_number(self, notice: NoticeDTO) -> str:
        """“第N期” of a 通报 (its 序号 in the 通报 代字)."""
        return f"第{notice.doc_serial}期" if notice.doc_serial else ""


def table_xlsx(notice: NoticeDTO) -> bytes:
    """The 通报's table (附件2) as an Excel workbook, with the 灯 column coloured."""
    import io

    from openpyxl import load_workbook
    from openpyxl.styles import PatternFill

    from app.services.documents.xlsx import HEADER_ROW, table_workbook
    from app.services.tracking.attachments import build_attachment
    from app.services.tracking.policy import LIGHT_FILL

    data = next((a for a in notice.attachments if a.get("kind") == "tracking-table"), None)
    if data is None:
        raise NotFoundError(f"《{notice.title}》没有{TABLE_TITLE}。")
    table = build_attachment(data).table
    table.title = f"{TABLE_TITLE}（{notice.doc_number}）" if notice.doc_number else TABLE_TITLE
    wb = load_workbook(io.BytesIO(table_workbook(table)))
    ws = wb.active
    col = next(j for j, c in enumerate(table.columns, start=1) if c.title == "灯")
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        value = ws.cell(r, col).value
        if value in LIGHT_FILL:
            ws.cell(r, col).fill = PatternFill("solid", fgColor=LIGHT_FILL[value])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_files(doc_service, notice: NoticeDTO, pdf: Path | None = None, docx: Path | None = None,
                 xlsx: Path | None = None, mode: str = "color"):
    """PDF / DOCX through the GB/T 9704 engine, and the 通报's table as XLSX."""
    from app.services.documents.service import RenderResult, write_bytes

    result = RenderResult()
    if pdf is not None or docx is not None:
        result = doc_service.render_notice(notice.id, pdf, docx, mode)
    if xlsx is not None:
        result.written.append(write_bytes(xlsx, table_xlsx(notice)))
    return result

