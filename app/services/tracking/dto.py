"""Plain data of the 督办台账 handed to the front-ends (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime


@dataclass(frozen=True)
class PeriodDTO:
    id: int
    plan_id: int
    seq: int
    key: str
    label: str
    start: date
    end: date
    due: date


@dataclass(frozen=True)
class ScheduleDTO:
    plan_id: int
    rhythm: str
    due_day: int
    due_next_month: bool
    start_date: date
    periods: tuple[PeriodDTO, ...]

    def period(self, period_id: int) -> PeriodDTO | None:
        return next((p for p in self.periods if p.id == period_id), None)

    def by_key(self, key: str) -> PeriodDTO | None:
        return next((p for p in self.periods if p.key == key), None)

    def open_period(self, today: date) -> PeriodDTO | None:
        """The period being collected: the first whose due date is today or later."""
        return next((p for p in self.periods if p.due >= today), None)

    def last_closed(self, today: date) -> PeriodDTO | None:
        closed = [p for p in self.periods if p.due < today]
        return closed[-1] if closed else None


@dataclass(frozen=True)
class EntryValues:
    """What a unit reports for one task in one period."""

    status: str
    percent: int | None = None
    text: str = ""
    problems: str = ""
    evidence: str = ""

    def changes_from(self, other: EntryValues | None) -> list[tuple[str, str, str]]:
        """(field label, old, new) for every field that differs."""
        out = []
        for f in fields(self):
            new = getattr(self, f.name)
            old = getattr(other, f.name) if other is not None else None
            if _norm(old) != _norm(new):
                out.append((FIELD_LABEL[f.name], _show(old), _show(new)))
        return out


FIELD_LABEL = {"status": "状态", "percent": "进度", "text": "进展情况", "problems": "存在问题", "evidence": "佐证材料"}


def _norm(value):
    return None if value is None or value == "" else value


def _show(value) -> str:
    if value is None or value == "":
        return "（空）"
    return f"{value}%" if isinstance(value, int) else str(value)


@dataclass(frozen=True)
class EntryDTO:
    id: int
    node_id: int
    unit_id: int
    period_id: int
    values: EntryValues
    reported_by: str = ""
    source: str = "录入"
    source_file: str = ""
    entered_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0  # what a save names as the version it was based on (services.versions)
    changed_by: str = ""

    @property
    def status(self) -> str:
        return self.values.status

    @property
    def percent(self) -> int | None:
        return self.values.percent


@dataclass(frozen=True)
class MilestoneDTO:
    node_id: int
    due: date
    target_percent: int
    text: str = ""


@dataclass(frozen=True)
class ExtensionDTO:
    id: int
    node_id: int
    unit_id: int | None
    reason: str
    requested_deadline: date
    requested_on: date
    decision: str
    decided_on: date | None = None
    approved_deadline: date | None = None
    decision_note: str = ""
    source_file: str = ""


@dataclass(frozen=True)
class ClosureDTO:
    id: int
    node_id: int
    closed_on: date
    evidence: str
    note: str = ""
    reopened_on: date | None = None
    reopen_reason: str = ""

    @property
    def active(self) -> bool:
        return self.reopened_on is None


@dataclass(frozen=True)
class FormReturnDTO:
    id: int
    plan_id: int
    period_id: int
    unit_id: int | None
    unit_name: str
    period_label: str
    file_name: str
    reported_by: str
    imported_at: datetime | None
    accepted: int
    rejected: int
    unchanged: int
