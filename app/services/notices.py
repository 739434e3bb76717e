"""Notices (公文) and their 发文字号: allocation without duplicates, drafts, issue and revisions."""

from __future__ import annotations

import json
import re
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import DocNumberCounter, Issuer, Notice, NoticeIssuer
from app.models.database import session_scope
from app.services import audit, versions
from app.services.dto import IssuerDTO, NoticeDTO
from app.services.errors import DuplicateError, FrozenError, NotFoundError, ValidationError
from app.services.numbering import format_doc_number

_NOTICE_FIELDS = ("plan_id", "title", "recipients", "body", "sign_date", "signature_mode", "note", "cc",
                  "printed_by", "print_date", "doc_prefix", "doc_year", "doc_serial", "copy_no", "secrecy",
                  "urgency", "signers", "seal_image")
SIGNATURE_MODES = ("sealed", "unsealed")


def issuer_dto(i: Issuer) -> IssuerDTO:
    return IssuerDTO(i.id, i.name, i.header_text, i.prefix)


def notice_dto(n: Notice) -> NoticeDTO:
    return NoticeDTO(
        id=n.id, plan_id=n.plan_id, issuers=tuple(issuer_dto(ni.issuer) for ni in n.issuers),
        doc_prefix=n.doc_prefix, doc_year=n.doc_year, doc_serial=n.doc_serial, title=n.title,
        recipients=n.recipients, body=n.body, attachments=tuple(json.loads(n.attachments or "[]")),
        sign_date=n.sign_date, signature_mode=n.signature_mode, note=n.note, cc=n.cc,
        printed_by=n.printed_by, print_date=n.print_date, status=n.status, lineage_id=n.lineage_id,
        revision=n.revision, is_current=n.is_current, copy_no=n.copy_no, secrecy=n.secrecy,
        urgency=n.urgency, signers=split_signers(n.signers), seal_image=n.seal_image,
        version=n.version or 0, changed_by=n.changed_by or "",
    )


def split_signers(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[、，,;；\s]+", text or "") if p)


class NoticeService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    # ---- issuers -------------------------------------------------------------------------
    def list_issuers(self) -> list[IssuerDTO]:
        with session_scope(self._sf) as s:
            return [issuer_dto(i) for i in s.scalars(select(Issuer).order_by(Issuer.id))]

    def add_issuer(self, name: str, header_text: str = "", prefix: str = "") -> IssuerDTO:
        name, header_text, prefix = clean_issuer(name, header_text, prefix)
        with session_scope(self._sf) as s:
            if s.scalar(select(Issuer).where(Issuer.name == name)) is not None:
                raise DuplicateError(f"发文机关“{name}”已存在。")
            issuer = Issuer(name=name, header_text=header_text, prefix=prefix)
            s.add(issuer)
            s.flush()
            return issuer_dto(issuer)

    def update_issuer(self, issuer_id: int, name: str, header_text: str = "", prefix: str = "") -> IssuerDTO:
        """Renames an issuer or changes its 发文机关标志 / 代字. Refused while an issued notice shows it:
        its red header would change on the next print."""
        name, header_text, prefix = clean_issuer(name, header_text, prefix)
        with session_scope(self._sf) as s:
            issuer = self._issuer(s, issuer_id)
            if s.scalar(select(Issuer).where(Issuer.name == name, Issuer.id != issuer_id)) is not None:
                raise DuplicateError(f"发文机关“{name}”已存在。")
            if (name, header_text) != (issuer.name, issuer.header_text):
                issued = s.scalar(select(Notice.title).join(NoticeIssuer).where(
                    NoticeIssuer.issuer_id == issuer_id, Notice.status == "已印发").limit(1))
                if issued is not None:
                    raise FrozenError(f"已印发的公文《{issued}》使用这个发文机关，修改名称或发文机关标志会改变它的版头。"
                                      "如机关更名，请添加一个新的发文机关。")
            issuer.name, issuer.header_text, issuer.prefix = name, header_text, prefix
            audit.record(s, "issuer", issuer.id, "update", name)
            s.flush()
            return issuer_dto(issuer)

    # ---- 发文字号 ------------------------------------------------------------------------
    def suggest_serial(self, prefix: str, year: int) -> int:
        """The next free 序号 (shown to the clerk; not reserved)."""
        with session_scope(self._sf) as s:
            return _highest_serial(s, prefix, year) + 1

    def allocate_serial(self, prefix: str, year: int) -> int:
        """Reserves the next 序号 for 代字 and year; concurrent callers never get the same one."""
        prefix = _check_prefix(prefix)
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            serial = _highest_serial(s, prefix, year, lock=True) + 1
            _bump_counter(s, prefix, year, serial)
            audit.record(s, "doc_number", None, "allocate", format_doc_number(prefix, year, serial))
            return serial

    def check_doc_number(self, prefix: str, year: int, serial: int, lineage_id: int | None = None) -> None:
        """Raises DuplicateError when another notice already holds this 文号."""
        with session_scope(self._sf) as s:
            _ensure_number_free(s, prefix, year, serial, lineage_id)

    # ---- notices -------------------------------------------------------------------------
    def list_notices(self, include_old_revisions: bool = False) -> list[NoticeDTO]:
        """Newest first; with old revisions, each lineage's versions together, newest version first."""
        with session_scope(self._sf) as s:
            lineage = func.coalesce(Notice.lineage_id, Notice.id)
            q = (select(Notice).order_by(lineage.desc(), Notice.revision.desc())
                 .options(selectinload(Notice.issuers).selectinload(NoticeIssuer.issuer)))
            if not include_old_revisions:
                q = q.where(Notice.is_current)
            return [notice_dto(n) for n in s.scalars(q)]

    def plan_issue_date(self, plan_id: int) -> date | None:
        """成文日期 of the newest issued notice of the plan, else of its newest current draft; None
        when the plan has no notice."""
        with session_scope(self._sf) as s:
            issued_first = case((Notice.status == "已印发", 0), else_=1)
            return s.scalar(select(Notice.sign_date).where(
                Notice.plan_id == plan_id, Notice.sign_date.is_not(None),
                or_(Notice.is_current, Notice.status == "已印发"))
                .order_by(issued_first, Notice.id.desc()).limit(1))

    def get_notice(self, notice_id: int) -> NoticeDTO:
        with session_scope(self._sf) as s:
            return notice_dto(self._notice(s, notice_id))

    def create_notice(self, issuer_ids: list[int], attachments: list[dict] | None = None,
                      allocate_number: bool = False, **fields) -> NoticeDTO:
        """A new draft. allocate_number=True takes the next 序号 for the lead issuer's 代字."""
        unknown = set(fields) - set(_NOTICE_FIELDS)
        if unknown:
            raise ValueError(f"unknown notice fields: {sorted(unknown)}")
        _check_fields(fields)
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            issuers = [self._issuer(s, i) for i in issuer_ids]
            if not issuers:
                raise ValidationError("请至少选择一个发文机关。")
            notice = Notice(**fields)
            notice.attachments = json.dumps(attachments or [], ensure_ascii=False)
            if not notice.doc_prefix:
                notice.doc_prefix = issuers[0].prefix
            if allocate_number:
                notice.doc_year = notice.doc_year or (notice.sign_date or date.today()).year
                notice.doc_serial = _highest_serial(s, notice.doc_prefix, notice.doc_year, lock=True) + 1
            if notice.doc_serial is not None:
                _locked_counter(s, notice.doc_prefix, notice.doc_year)
                _ensure_number_free(s, notice.doc_prefix, notice.doc_year, notice.doc_serial, None)
                _bump_counter(s, notice.doc_prefix, notice.doc_year, notice.doc_serial)
            notice.issuers = [NoticeIssuer(issuer_id=i.id, position=p) for p, i in enumerate(issuers)]
            s.add(notice)
            _flush_numbered(s, notice)
            notice.lineage_id = notice.id
            audit.record(s, "notice", notice.id, "create", notice.title[:80])
            s.flush()
            s.refresh(notice)
            return notice_dto(notice)

    def update_notice(self, notice_id: int, issuer_ids: list[int] | None = None,
                      attachments: list[dict] | None = None, expected_version: int | None = None,
                      **fields) -> NoticeDTO:
        """expected_version: the version the clerk's screen showed; a newer one raises
        versions.ConflictError (who changed what, when) and nothing is saved. None skips the check."""
        unknown = set(fields) - set(_NOTICE_FIELDS)
        if unknown:
            raise ValueError(f"unknown notice fields: {sorted(unknown)}")
        _check_fields(fields)
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            notice = versions.lock(s, Notice, notice_id)
            if notice is None and expected_version is not None:
                versions.check(s, "notice", notice_id, None, expected_version, "这份公文")
            notice = notice or self._notice(s, notice_id)
            versions.check(s, "notice", notice.id, notice.version, expected_version,
                           f"公文《{notice.title[:20] or '未命名公文'}》")
            if notice.status == "已印发":
                raise FrozenError("该公文已印发，不能直接修改。请“新建修订版”后再编辑。")
            prefix = fields.get("doc_prefix", notice.doc_prefix)
            year = fields.get("doc_year", notice.doc_year)
            serial = fields.get("doc_serial", notice.doc_serial)
            if serial is not None:  # checked before any change so autoflush cannot hit the index first
                if year is not None:
                    _locked_counter(s, prefix, year)
                _ensure_number_free(s, prefix, year, serial, notice.lineage_id)
                _bump_counter(s, prefix, year, serial)
            for k, v in fields.items():
                setattr(notice, k, v)
            if attachments is not None:
                notice.attachments = json.dumps(attachments, ensure_ascii=False)
            if issuer_ids is not None:
                issuers = [self._issuer(s, i) for i in issuer_ids]
                if not issuers:
                    raise ValidationError("请至少选择一个发文机关。")
                notice.issuers.clear()  # old rows go before new ones meet the (notice, issuer) unique key
                s.flush()
                notice.issuers = [NoticeIssuer(issuer_id=i.id, position=p) for p, i in enumerate(issuers)]
            _flush_numbered(s, notice)
            changed = sorted(fields) + (["issuers"] if issuer_ids is not None else []) + (
                ["attachments"] if attachments is not None else [])
            audit.record(s, "notice", notice.id, "update", ",".join(changed), version=versions.bump(s, notice))
            s.flush()
            s.refresh(notice)
            return notice_dto(notice)

    def new_revision(self, notice_id: int) -> NoticeDTO:
        """A draft copy of an issued notice; it becomes the current revision and keeps the 文号."""
        with session_scope(self._sf, immediate=True, row_locks=True) as s:
            old = versions.lock(s, Notice, notice_id) or self._notice(s, notice_id)
            if not old.is_current:
                raise ValidationError("只能在最新版本上新建修订版。")
            old.is_current = False
            s.flush()
            copy = Notice(**{f: getattr(old, f) for f in _NOTICE_FIELDS})
            copy.attachments = old.attachments
            copy.lineage_id = old.lineage_id or old.id
            copy.revision = old.revision + 1
            copy.status = "草稿"
            copy.issuers = [NoticeIssuer(issuer_id=ni.issuer_id, position=ni.position) for ni in old.issuers]
            s.add(copy)
            s.flush()
            audit.record(s, "notice", copy.id, "revise", f"revision {copy.revision} of {old.id}")
            s.refresh(copy)
            return notice_dto(copy)

    def delete_notice(self, notice_id: int) -> None:
        """Deletes a draft; deleting a draft revision makes the version before it current again."""
        with session_scope(self._sf, immediate=True) as s:
            notice = self._notice(s, notice_id)
            if notice.status == "已印发":
                raise FrozenError("已印发的公文不能删除。")
            previous = None
            if notice.revision > 1 and notice.is_current:
                previous = s.scalar(select(Notice).where(
                    Notice.lineage_id == notice.lineage_id, Notice.id != notice.id)
                    .order_by(Notice.revision.desc()).limit(1))
            audit.record(s, "notice", notice.id, "delete", notice.title[:80])
            s.delete(notice)
            s.flush()  # the draft leaves the 文号 index before the version it revised takes it back
            if previous is not None:
                previous.is_current = True

    @staticmethod
    def _notice(s: Session, notice_id: int) -> Notice:
        notice = s.get(Notice, notice_id)
        if notice is None:
            raise NotFoundError("找不到该公文，可能已被删除。")
        return notice

    @staticmethod
    def _issuer(s: Session, issuer_id: int) -> Issuer:
        issuer = s.get(Issuer, issuer_id)
        if issuer is None:
            raise NotFoundError("找不到所选的发文机关。")
        return issuer


def clean_issuer(name: str, header_text: str = "", prefix: str = "") -> tuple[str, str, str]:
    """An issuer's fields as stored: trimmed, 发文机关标志 defaulting to “全称文件”, 代字 without brackets."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("发文机关名称不能为空。")
    if len(name) > 120:
        raise ValidationError("发文机关名称过长（最多 120 个字）。")
    prefix = (prefix or "").strip()
    if prefix:
        _check_prefix(prefix)
    if len(prefix) > 20:
        raise ValidationError("发文机关代字过长（最多 20 个字）。")
    return name, (header_text or "").strip()[:120] or f"{name}文件", prefix
def check_issuable(notice: Notice) -> None:
    """Raises why a notice cannot be issued yet (a complete Chinese sentence), or returns."""
    if notice.status == "已印发":
        raise FrozenError("该公文已经印发。")
    if not notice.is_current:
        raise ValidationError("这是旧版本，只能印发最新版本。")
    if notice.doc_serial is None or notice.doc_year is None:
        raise ValidationError("印发前请先填写发文字号。")
    if notice.sign_date is None:
        raise ValidationError("印发前请先填写成文日期。")
    if not notice.title.strip():
        raise ValidationError("印发前请先填写标题。")


def _check_prefix(prefix: str) -> str:
    prefix = (prefix or "").strip()
    if not prefix:
        raise ValidationError("发文机关代字不能为空。")
    if any(c in prefix for c in "〔〕[]【】()（）"):
        raise ValidationError("代字中不能含有括号，年份括号由程序自动加上。")
    return prefix


URGENCIES = ("", "特急", "加急", "特提", "平急")
_SECRECY = re.compile(r"^(?:(?:秘密|机密|绝密)(?:★\s*\S{1,12})?)?$")


def _check_fields(fields: dict) -> None:
    if "signers" in fields and not isinstance(fields["signers"], str):
        fields["signers"] = "、".join(fields["signers"])
    copy_no = (fields.get("copy_no") or "").strip()
    if copy_no and (not copy_no.isdigit() or len(copy_no) > 6):
        raise ValidationError("份号应为不超过 6 位的阿拉伯数字，如“000001”。")
    if not _SECRECY.match((fields.get("secrecy") or "").strip()):
        raise ValidationError("密级应为“秘密”“机密”或“绝密”，可加保密期限，如“秘密★1年”。")
    if (fields.get("urgency") or "").strip() not in URGENCIES:
        raise ValidationError("紧急程度应为“特急”或“加急”（电报可用“特提”“平急”）。")
    if fields.get("signature_mode", "sealed") not in SIGNATURE_MODES:
        raise ValidationError("署名方式只能是“加盖印章”或“不加盖印章”。")
    serial = fields.get("doc_serial")
    if serial is not None and (not isinstance(serial, int) or serial <= 0):
        raise ValidationError("发文字号的序号须为正整数，不编虚位，不加“第”字。")
    if fields.get("doc_prefix"):
        _check_prefix(fields["doc_prefix"])


def _highest_serial(s: Session, prefix: str, year: int, lock: bool = False) -> int:
    """lock=True: the counter row is locked first (on a server, until commit), so two clerks taking
    a number for the same 代字 and year queue on that one row and never get the same 序号."""
    if lock:
        counter = _locked_counter(s, prefix, year).last_serial
    else:
        counter = s.scalar(select(DocNumberCounter.last_serial).where(
            DocNumberCounter.prefix == prefix, DocNumberCounter.year == year)) or 0
    used = s.scalar(select(func.max(Notice.doc_serial)).where(
        Notice.doc_prefix == prefix, Notice.doc_year == year)) or 0
    return max(used, counter)


def _locked_counter(s: Session, prefix: str, year: int) -> DocNumberCounter:
    """The counter row of 代字 and year, created when missing, and locked (SELECT … FOR UPDATE)."""
    dialect = s.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    s.execute(insert(DocNumberCounter).values(prefix=prefix, year=year, last_serial=0)
              .on_conflict_do_nothing(index_elements=["prefix", "year"]))
    return s.scalar(select(DocNumberCounter).where(DocNumberCounter.prefix == prefix, DocNumberCounter.year == year)
                    .with_for_update().execution_options(populate_existing=True))


def _bump_counter(s: Session, prefix: str, year: int, serial: int) -> None:
    counter = s.scalar(select(DocNumberCounter).where(
        DocNumberCounter.prefix == prefix, DocNumberCounter.year == year))
    if counter is None:
        s.add(DocNumberCounter(prefix=prefix, year=year, last_serial=serial))
    elif serial > counter.last_serial:
        counter.last_serial = serial
    s.flush()


def _ensure_number_free(s: Session, prefix: str, year: int | None, serial: int, lineage_id: int | None) -> None:
    if year is None:
        raise ValidationError("请填写发文字号的年份。")
    q = select(Notice).where(Notice.doc_prefix == prefix, Notice.doc_year == year,
                             Notice.doc_serial == serial, Notice.is_current)
    for other in s.scalars(q):
        if lineage_id is None or (other.lineage_id or other.id) != lineage_id:
            raise DuplicateError(
                f"发文字号“{format_doc_number(prefix, year, serial)}”已被《{other.title or '未命名公文'}》使用，"
                f"建议改用 {format_doc_number(prefix, year, _highest_serial(s, prefix, year) + 1)}。"
            )


def _flush_numbered(s: Session, notice: Notice) -> None:
    try:
        s.flush()
    except IntegrityError as exc:  # the unique index is the last guard against a race
        raise DuplicateError(
            f"发文字号“{format_doc_number(notice.doc_prefix, notice.doc_year or 0, notice.doc_serial or 0)}”"
            "已被占用，请换一个序号。"
        ) from exc
