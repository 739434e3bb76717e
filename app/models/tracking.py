"""督办台账 around the progress entries: reporting schedule and periods, 序时目标, 延期申请, 销号,
returned forms and the notices sent about a period."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

RHYTHMS = ("monthly", "quarterly", "half-year", "year-end")
EXTENSION_DECISIONS = ("待审批", "同意", "不同意")
TRACKING_DOCUMENT_KINDS = ("催报", "督办", "通报")


class ReportingSchedule(Base):
    """How often a plan's units report, and from when 序时进度 is counted."""

    __tablename__ = "reporting_schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), unique=True)
    rhythm: Mapped[str] = mapped_column(String(12), default="monthly")
    due_day: Mapped[int] = mapped_column(Integer, default=25)
    due_next_month: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[date] = mapped_column(Date)  # 序时起算日: usually the plan's issue date


class ReportingPeriod(Base):
    """One reporting period (2026年5月, 2026年第二季度 …) with its due date, editable by the clerk."""

    __tablename__ = "reporting_period"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(12))  # 2026-05, 2026-Q2, 2026-H1, 2026-Y
    label: Mapped[str] = mapped_column(String(40))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date)


class Milestone(Base):
    """序时目标: by this date the task should be at this percentage."""

    __tablename__ = "task_milestone"
    __table_args__ = (UniqueConstraint("node_id", "due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"))
    due: Mapped[date] = mapped_column(Date)
    target_percent: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200), default="")


class ExtensionRequest(Base):
    """延期申请: asked before the deadline with a reason and a new date; decided by the office."""

    __tablename__ = "extension_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_deadline: Mapped[date] = mapped_column(Date)
    requested_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(10), default="待审批")
    decided_on: Mapped[date | None] = mapped_column(Date)
    approved_deadline: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str] = mapped_column(String(200), default="")
    source_file: Mapped[str] = mapped_column(String(300), default="")


class TaskClosure(Base):
    """销号: the task closed with its evidence; a reopening is kept on the same row."""

    __tablename__ = "task_closure"

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    closed_on: Mapped[date] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    reopened_on: Mapped[date | None] = mapped_column(Date)
    reopen_reason: Mapped[str] = mapped_column(String(200), default="")


class FormReturn(Base):
    """A returned 进展情况报表 taken into the 台账: which file, whose, when, and what was accepted."""

    __tablename__ = "form_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    reported_by: Mapped[str] = mapped_column(String(60), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)


class TrackingDocument(Base):
    """A 催报 / 督办通知 / 通报 drafted for a period; re-running updates the draft, keeping its 文号."""

    __tablename__ = "tracking_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int | None] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
