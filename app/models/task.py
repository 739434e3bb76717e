from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from app.models.plan import Plan
    from app.models.unit import Unit

ROLES = ("lead", "support")


class PlanNode(TimestampMixin, Base):
    """One 部分 / 条 / 项 of a plan. Labels are computed from the tree, never stored as truth."""

    __tablename__ = "plan_node"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer, default=1)
    heading: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    is_task: Mapped[bool] = mapped_column(Boolean, default=False)
    original_label: Mapped[str] = mapped_column(String(20), default="")
    deadline_text: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    responsible_person: Mapped[str] = mapped_column(String(100), default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    # Optimistic concurrency (services.versions): bumped by edits of its fields and units, not by moves.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(60), default="", server_default="")

    plan: Mapped["Plan"] = relationship(back_populates="nodes")
    assignments: Mapped[list["Assignment"]] = relationship(
        back_populates="node", cascade="all, delete-orphan", order_by="Assignment.position"
    )


class Assignment(Base):
    """A unit's role on a task: 牵头 (lead) or 参加/配合 (support)."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("node_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(10), default="lead")
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(100), default="")

    node: Mapped[PlanNode] = relationship(back_populates="assignments")
    unit: Mapped["Unit"] = relationship()
