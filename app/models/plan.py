from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from app.models.task import PlanNode

PLAN_KINDS = ("年度工作要点", "实施方案", "任务分工方案", "其他")
PLAN_STATUSES = ("草稿", "已印发", "已归档")


class Plan(TimestampMixin, Base):
    """工作要点 / 实施方案 / 任务分工方案."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="年度工作要点")
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(40), default="")  # e.g. "2021—2025年"
    issuer_text: Mapped[str] = mapped_column(String(200), default="")
    preamble: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="草稿")
    source_file: Mapped[str] = mapped_column(String(500), default="")
    # "restart": (一) starts again in every part; "continuous": (一) runs on across parts.
    # SQLite ignores the length and its table keeps the old one (0006 does not rebuild it)
    numbering: Mapped[str] = mapped_column(String(40).with_variant(String(12), "sqlite"), default="restart")
    superior_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))

    nodes: Mapped[list["PlanNode"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )
