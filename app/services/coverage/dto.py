"""Plain data of the coverage check handed to the front-ends (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field

SUPERIOR, INDICATOR = "superior", "indicator"
CONFIRMED, REJECTED, DRAFTED = "confirmed", "rejected", "drafted"  # drafted: made from the target, to check
COVERED, NOT_APPLICABLE, UNCOVERED = "已对应", "不适用", "未对应"


@dataclass(frozen=True)
class Target:
    """A superior task or an indicator the county plan must answer."""

    kind: str  # superior | indicator
    id: int
    serial: int  # 1, 2, 3 … in document order
    label: str  # as printed: （四） or 3.
    path: str  # the chapters above it: “二、健全政府机构职能体系” / “一、… › 1.…”
    title: str
    text: str


@dataclass(frozen=True)
class CountyTask:
    node_id: int
    serial: int
    label: str
    part: str  # “二、依法全面履行政府职能”
    part_id: int | None
    title: str
    text: str


@dataclass(frozen=True)
class Note:
    kind: str
    target_id: int
    not_applicable: bool
    text: str


@dataclass
class CoverageRow:
    target: Target
    linked: list[CountyTask] = field(default_factory=list)  # confirmed and drafted links
    drafted: set[int] = field(default_factory=set)  # node ids made from this target, still to check
    suggestions: list[tuple[CountyTask, float]] = field(default_factory=list)
    note: Note | None = None

    @property
    def status(self) -> str:
        if self.note is not None and self.note.not_applicable:
            return NOT_APPLICABLE
        return COVERED if self.linked else UNCOVERED


@dataclass
class Coverage:
    plan_id: int
    plan_title: str
    kind: str  # superior | indicator
    source_id: int  # the superior plan's id or the indicator system's
    source_title: str
    rows: list[CoverageRow]
    tasks: list[CountyTask]

    @property
    def unlinked(self) -> list[CountyTask]:
        """County tasks no target links to (the reverse view)."""
        used = {t.node_id for r in self.rows for t in r.linked}
        return [t for t in self.tasks if t.node_id not in used]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.rows)

    @property
    def applicable(self) -> int:
        return len(self.rows) - self.count(NOT_APPLICABLE)

    @property
    def percent(self) -> float:
        """Covered targets among those that apply, 0–100 (100 when nothing applies)."""
        return round(100 * self.count(COVERED) / self.applicable, 1) if self.applicable else 100.0

    def summary(self) -> str:
        return (f"共 {len(self.rows)} 项：已对应 {self.count(COVERED)} 项，不适用 {self.count(NOT_APPLICABLE)} 项，"
                f"未对应 {self.count(UNCOVERED)} 项；覆盖率 {self.percent:g}%"
                f"（已对应 ÷ 适用项）。本县任务中有 {len(self.unlinked)} 项未对应上级任务。")


@dataclass(frozen=True)
class LinkState:
    """A link as it stood before a change (None state: there was none), for undo."""

    node_id: int
    kind: str
    target_id: int
    state: str | None
    score: float | None = None
