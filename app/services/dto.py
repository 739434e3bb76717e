"""Plain data handed from services to the front-ends (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class UnitDTO:
    id: int
    name: str
    short_name: str = ""
    category: str = "其他"
    aliases: tuple[str, ...] = ()
    contact_person: str = ""
    phone: str = ""
    sort_order: int = 0
    active: bool = True
    usage: int = 0  # number of assignments


@dataclass(frozen=True)
class AssignmentDTO:
    unit_id: int
    unit_name: str
    role: str  # lead | support
    note: str = ""


@dataclass
class NodeDTO:
    id: int
    plan_id: int
    parent_id: int | None
    position: int
    level: int
    label: str  # computed, as printed: 一、 （一） 1． （1）
    heading: str
    text: str
    is_task: bool
    original_label: str = ""
    deadline_text: str = ""
    deadline: date | None = None
    responsible_person: str = ""
    measures: str = ""
    assignments: list[AssignmentDTO] = field(default_factory=list)
    children: list[NodeDTO] = field(default_factory=list)
    version: int = 0  # what a save names as the version it was based on (services.versions)
    changed_by: str = ""

    @property
    def lead_units(self) -> list[str]:
        return [a.unit_name for a in self.assignments if a.role == "lead"]

    @property
    def support_units(self) -> list[str]:
        return [a.unit_name for a in self.assignments if a.role == "support"]


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    kind: str
    year: int | None
    status: str
    task_count: int


@dataclass(frozen=True)
class PlanDTO:
    id: int
    title: str
    kind: str
    year: int | None
    period: str
    issuer_text: str
    preamble: str
    closing: str
    status: str
    numbering: str
    source_file: str
    superior_plan_id: int | None


@dataclass(frozen=True)
class IssuerDTO:
    id: int
    name: str
    header_text: str
    prefix: str


@dataclass(frozen=True)
class NoticeDTO:
    id: int
    plan_id: int | None
    issuers: tuple[IssuerDTO, ...]
    doc_prefix: str
    doc_year: int | None
    doc_serial: int | None
    title: str
    recipients: str
    body: str
    attachments: tuple[dict, ...]
    sign_date: date | None
    signature_mode: str
    note: str
    cc: str
    printed_by: str
    print_date: date | None
    status: str
    lineage_id: int | None
    revision: int
    is_current: bool
    copy_no: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限, e.g. 秘密★1年
    urgency: str = ""  # 紧急程度: 特急 / 加急
    signers: tuple[str, ...] = ()  # 签发人 of a 上行文
    seal_image: str = ""  # picture of the seal, for drafts only
    version: int = 0  # what a save names as the version it was based on (services.versions)
    changed_by: str = ""

    @property
    def doc_number(self) -> str:
        from app.services.numbering import format_doc_number

        if self.doc_serial is None or self.doc_year is None:
            return ""
        return format_doc_number(self.doc_prefix, self.doc_year, self.doc_serial)


@dataclass(frozen=True)
class IssuedFileDTO:
    format: str  # pdf | docx
    mode: str  # color | overlay | mono
    size: int
    sha256: str


@dataclass(frozen=True)
class IssuedDTO:
    """What an issued notice keeps (公文存档): when, how many pages, the files and their hashes."""

    notice_id: int
    issued_at: datetime
    pages: int
    notes: tuple[str, ...]
    files: tuple[IssuedFileDTO, ...]
    backfilled: bool = False

    def sha256(self, fmt: str = "pdf", mode: str = "color") -> str:
        return next((f.sha256 for f in self.files if (f.format, f.mode) == (fmt, mode)), "")
