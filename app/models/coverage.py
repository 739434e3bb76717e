"""Coverage against the superior's document and indicator systems: the links the clerk confirmed
(or rejected) between a county task and a superior task or an indicator, 不适用 marks and
情况说明, and the indicator systems the clerk imported (三级: 一级 → 二级 → 三级)."""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

# exactly one target: a superior task or an indicator (portable SQL, no dialect function)
ONE_TARGET = ("(superior_node_id IS NULL AND indicator_id IS NOT NULL) OR "
              "(superior_node_id IS NOT NULL AND indicator_id IS NULL)")


class IndicatorSystem(Base):
    """示范创建指标体系, a province's 考核细则 …: as the clerk's file gives it, nothing added."""

    __tablename__ = "indicator_system"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    source_file: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_system.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer, default=1)  # 1 一级, 2 二级, 3 三级
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(20), default="")  # as printed: 一、 1. （一）
    text: Mapped[str] = mapped_column(Text, default="")
    score_text: Mapped[str] = mapped_column(String(40), default="")  # 分值 when the file gives one


class CoverageLink(Base):
    """A county task carries out a superior task or an indicator (confirmed), or the clerk said it
    does not (rejected: never suggested again)."""

    __tablename__ = "coverage_link"
    __table_args__ = (
        CheckConstraint(ONE_TARGET, name="one_target"),
        Index("uq_coverage_link_superior", "node_id", "superior_node_id", unique=True,
              sqlite_where=text("superior_node_id IS NOT NULL"),
              postgresql_where=text("superior_node_id IS NOT NULL")),
        Index("uq_coverage_link_indicator", "node_id", "indicator_id", unique=True,
              sqlite_where=text("indicator_id IS NOT NULL"), postgresql_where=text("indicator_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    superior_node_id: Mapped[int | None] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"),
                                                         index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(10), default="confirmed")
    score: Mapped[float | None] = mapped_column(Float)
    decided_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class CoverageNote(Base):
    """Per superior task or indicator of a plan: 不适用 with its reason, or the 情况说明."""

    __tablename__ = "coverage_note"
    __table_args__ = (
        CheckConstraint(ONE_TARGET, name="one_target"),
        Index("uq_coverage_note_superior", "plan_id", "superior_node_id", unique=True,
              sqlite_where=text("superior_node_id IS NOT NULL"),
              postgresql_where=text("superior_node_id IS NOT NULL")),
        Index("uq_coverage_note_indicator", "plan_id", "indicator_id", unique=True,
              sqlite_where=text("indicator_id IS NOT NULL"), postgresql_where=text("indicator_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    superior_node_id: Mapped[int | None] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")  # 不适用的理由, or the 情况说明
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
