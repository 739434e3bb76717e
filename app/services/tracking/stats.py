"""Counts for the dashboard and the 通报, all read from one Ledger (so they agree with the grid)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from app.services.tracking.ledger import Ledger, LedgerRow
from app.services.tracking.policy import CLOSED, GREEN, GREY, LIGHTS, RED, STATUSES, YELLOW

EARLY_DAYS = 30  # finished at least a month before its deadline: praised in the 通报
NOT_REPORTED = "未报送"


@dataclass
class Tally:
    name: str
    key: str  # what the grid filters on when the bar is clicked: part:<id> or unit:<id>
    total: int = 0
    done: int = 0
    lights: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIGHTS, 0))

    @property
    def done_pct(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def add(self, row: LedgerRow) -> None:
        self.total += 1
        self.done += is_done(row)
        self.lights[row.light.color] += 1


@dataclass
class MissingReport:
    unit_id: int
    unit_name: str
    rows: list[LedgerRow]

    @property
    def serials(self) -> str:
        return "、".join(str(r.task.serial) for r in self.rows)


@dataclass
class Summary:
    ledger: Ledger
    tasks: int
    done: int
    overdue: int
    by_status: dict[str, int]
    by_light: dict[str, int]
    parts: list[Tally]
    units: list[Tally]
    missing: list[MissingReport]
    lagging: list[LedgerRow]
    praised: list[LedgerRow]
    expected_units: int
    reported_units: int

    @property
    def done_pct(self) -> int:
        return pct(self.done, self.tasks)


def pct(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def is_done(row: LedgerRow) -> bool:
    return row.status_text in ("已完成", CLOSED)


def owes_report(row: LedgerRow) -> bool:
    """A 牵头单位 row that still has to answer this period (not done, not stopped, not closed)."""
    return (row.role == "lead" and row.entry is None and row.task.closure is None
            and row.status_text not in ("已完成", "中止"))


def is_overdue(row: LedgerRow, ledger: Ledger) -> bool:
    d = row.task.effective_deadline
    return d is not None and d < ledger.as_of and not is_done(row) and row.status_text not in ("中止", "长期推进")


def summarize(ledger: Ledger) -> Summary:
    task_rows = ledger.task_rows()
    by_status = dict.fromkeys((*STATUSES, CLOSED, NOT_REPORTED), 0)
    by_light = dict.fromkeys(LIGHTS, 0)
    parts: dict[int | None, Tally] = {}
    for r in task_rows:
        by_status[r.status_text or NOT_REPORTED] += 1
        by_light[r.light.color] += 1
        parts.setdefault(r.task.part_id, Tally(r.task.part_name or "（不分部分）", f"part:{r.task.part_id}")).add(r)
    units: dict[int, Tally] = {}
    missing: dict[int, MissingReport] = {}
    owing: set[int] = set()  # units asked for a report this period (they owe one, or sent one)
    for r in ledger.rows:
        if r.role != "lead":
            continue
        units.setdefault(r.unit_id, Tally(r.unit_name, f"unit:{r.unit_id}")).add(r)
        if owes_report(r):
            missing.setdefault(r.unit_id, MissingReport(r.unit_id, r.unit_name, [])).rows.append(r)
            owing.add(r.unit_id)
        elif r.entry is not None:
            owing.add(r.unit_id)
    lagging = sorted((r for r in task_rows if r.light.color in (RED, YELLOW)),
                     key=lambda r: (r.light.color != RED, r.task.serial))
    praised = [r for r in task_rows if is_done(r) and _early(r, ledger)]
    unit_list = sorted(units.values(), key=lambda t: (-t.lights[RED], -t.lights[YELLOW], -t.total, t.name))
    return Summary(ledger, len(task_rows), sum(is_done(r) for r in task_rows),
                   sum(is_overdue(r, ledger) for r in task_rows), by_status, by_light, list(parts.values()),
                   unit_list, sorted(missing.values(), key=lambda m: m.unit_name), lagging, praised,
                   len(owing), len(owing) - len(missing))


def _early(row: LedgerRow, ledger: Ledger) -> bool:
    deadline = row.task.deadline
    if deadline is None or row.done_seq is None:
        return False
    period = next((p for p in ledger.schedule.periods if p.seq == row.done_seq), None)
    return period is not None and period.end <= deadline - timedelta(days=EARLY_DAYS)


def light_counts_text(counts: dict[str, int]) -> str:
    return "，".join(f"{c}灯{counts[c]}项" for c in (RED, YELLOW, GREEN, GREY) if counts.get(c))
