"""What was issued: the render-ready model and the exact files of an issued notice (公文存档).

Written once, when the notice is marked 已印发, and never changed: opening, exporting and printing
an issued notice read these bytes, whatever later happens to its plan, the units, the fonts or
the settings."""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class IssuedRecord(Base):
    __tablename__ = "issued_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="RESTRICT"), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    model_json: Mapped[str] = mapped_column(Text)  # the NoticeDocument, see documents/model_codec.py
    pages: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list: checker findings, font substitutions
    # True for a notice issued before files were kept: stored when first opened afterwards.
    backfilled: Mapped[bool] = mapped_column(Boolean, default=False)

    files: Mapped[list["IssuedFile"]] = relationship(cascade="all, delete-orphan", order_by="IssuedFile.id")


class IssuedFile(Base):
    __tablename__ = "issued_file"
    __table_args__ = (UniqueConstraint("record_id", "format", "mode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("issued_record.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(8))  # pdf | docx
    mode: Mapped[str] = mapped_column(String(10))  # color | overlay | mono
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
