"""法治政府建设年度报告: one report per plan (the tracked year), its sections as drafted and as edited,
the figures units return once a year, and the figure sheets taken in."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class AnnualReport(TimestampMixin, Base):
    """The year's report on a plan; both variants (县政府 / 县委+县政府) print from the same sections."""

    __tablename__ = "annual_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    part_order: Mapped[str] = mapped_column(String(120), default="")  # keys, comma-separated; "" = 设置
    duty_placement: Mapped[str] = mapped_column(String(10), default="")  # chapter | section; "" = 设置
    sign_date: Mapped[date | None] = mapped_column(Date)
    gov_doc_number: Mapped[str] = mapped_column(String(60), default="")
    joint_doc_number: Mapped[str] = mapped_column(String(60), default="")
    signers: Mapped[str] = mapped_column(String(200), default="")  # 签发人 of the joint 上行文, 、-separated
    submitted_on: Mapped[date | None] = mapped_column(Date)  # 报送 (the checklist's dates)
    published_on: Mapped[date | None] = mapped_column(Date)  # 向社会公开
    drafted_at: Mapped[datetime | None] = mapped_column(DateTime)


class ReportSection(Base):
    """One part of the report: the text the clerk works on and the text the last draft produced
    (when they differ, the clerk edited it and a re-draft asks before replacing it)."""

    __tablename__ = "report_section"
    __table_args__ = (UniqueConstraint("report_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("annual_report.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # opening | measures:<node id> | duty | shortcomings | …
    position: Mapped[int] = mapped_column(Integer, default=0)
    heading: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    drafted_text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class ReportFigure(Base):
    """One unit's yearly figure (学法次数, 行政复议案件数 …), typed in or from its returned sheet."""

    __tablename__ = "report_figure"
    __table_args__ = (UniqueConstraint("report_id", "unit_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("annual_report.id", ondelete="CASCADE"), index=True)
    # RESTRICT: a unit with figures on record is merged, never deleted
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(10), default="录入")  # 录入 | 报表
    source_file: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class FigureReturn(Base):
    """A returned 年度数据表 on record: which file, whose, and what was taken."""

    __tablename__ = "report_figure_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("annual_report.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    reported_by: Mapped[str] = mapped_column(String(60), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
