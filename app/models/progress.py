"""督办 progress: one entry per task × responsible unit × reporting period."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

PROGRESS_STATUSES = ("未启动", "推进中", "已完成", "长期推进", "申请延期", "中止")


class ProgressEntry(Base):
    """A unit's 进展反馈 on one task for one reporting period (typed in, or from a returned form)."""

    __tablename__ = "progress_entry"
    __table_args__ = (UniqueConstraint("node_id", "unit_id", "period_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"))
    # RESTRICT: a unit with reported progress is merged, never deleted (its history would go with it)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="推进中")
    percent: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")  # 存在问题 / 延期理由
    evidence: Mapped[str] = mapped_column(Text, default="")  # 佐证材料: references (文号, file names), one a line
    reported_by: Mapped[str] = mapped_column(String(60), default="")  # 填报人 or the clerk who typed it
    source: Mapped[str] = mapped_column(String(10), default="录入")  # 录入 | 报表 | 示例
    source_file: Mapped[str] = mapped_column(String(300), default="")
    entered_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(60), default="", server_default="")
