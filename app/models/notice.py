from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin

NOTICE_STATUSES = ("草稿", "已印发")


class Issuer(Base):
    """发文机关: its name, its red 发文机关标志 and its 代字."""

    __tablename__ = "issuer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    header_text: Mapped[str] = mapped_column(String(120), default="")
    prefix: Mapped[str] = mapped_column(String(40), default="")


class NoticeIssuer(Base):
    """Ordered issuers of a notice; several mean 联合行文, the first leads."""

    __tablename__ = "notice_issuer"
    __table_args__ = (UniqueConstraint("notice_id", "issuer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuer.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    issuer: Mapped[Issuer] = relationship()


class Notice(TimestampMixin, Base):
    """公文 / 通知. An issued notice is frozen; edits make a new revision of the same lineage."""

    __tablename__ = "notice"
    __table_args__ = (
        # Only the current revision holds its 文号; older revisions keep it for the record.
        Index(
            "uq_notice_doc_number_current",
            "doc_prefix",
            "doc_year",
            "doc_serial",
            unique=True,
            sqlite_where=text("is_current = 1 AND doc_serial IS NOT NULL"),
            postgresql_where=text("is_current AND doc_serial IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"), index=True)
    doc_prefix: Mapped[str] = mapped_column(String(40), default="")
    doc_year: Mapped[int | None] = mapped_column(Integer)
    doc_serial: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"title", "kind", ...}
    sign_date: Mapped[date | None] = mapped_column(Date)
    signature_mode: Mapped[str] = mapped_column(String(10), default="sealed")  # sealed | unsealed
    note: Mapped[str] = mapped_column(String(200), default="")
    cc: Mapped[str] = mapped_column(Text, default="")
    printed_by: Mapped[str] = mapped_column(String(120), default="")
    print_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="草稿")
    # Optional 版头 elements (GB/T 9704-2012 §7.2.1–7.2.3, §7.2.6) and a draft-only seal picture.
    copy_no: Mapped[str] = mapped_column(String(12), default="", server_default="")
    secrecy: Mapped[str] = mapped_column(String(40), default="", server_default="")
    urgency: Mapped[str] = mapped_column(String(10), default="", server_default="")
    signers: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 签发人, 、-separated
    seal_image: Mapped[str] = mapped_column(String(500), default="", server_default="")
    lineage_id: Mapped[int | None] = mapped_column(Integer, index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    # Optimistic concurrency (services.versions): every save bumps it; a save based on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(60), default="", server_default="")

    issuers: Mapped[list[NoticeIssuer]] = relationship(
        cascade="all, delete-orphan", order_by=NoticeIssuer.position
    )


class DocNumberCounter(Base):
    """Last 序号 handed out per 代字 and year, so a number is never given twice."""

    __tablename__ = "doc_number_counter"
    __table_args__ = (UniqueConstraint("prefix", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)
