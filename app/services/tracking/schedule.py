"""A plan's reporting schedule: rhythm, due dates and periods, created from the county's defaults."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Notice, Plan, ProgressEntry, ReportingPeriod, ReportingSchedule
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.tracking.dto import PeriodDTO, ScheduleDTO
from app.services.tracking.periods import RHYTHMS, make_periods


def period_dto(p: ReportingPeriod) -> PeriodDTO:
    return PeriodDTO(p.id, p.plan_id, p.seq, p.key, p.label, p.start, p.end, p.due)


class ScheduleService:
    def __init__(self, session_factory: sessionmaker[Session], settings, clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self._settings = settings
        self._clock = clock

    def schedule(self, plan_id: int) -> ScheduleDTO:
        """The plan's schedule, created from the defaults in 设置 the first time it is asked for."""
        with session_scope(self._sf) as s:
            sched = s.scalar(select(ReportingSchedule).where(ReportingSchedule.plan_id == plan_id))
            if sched is None:
                sched = self._create(s, plan_id)
            return _dto(s, sched)

    def _create(self, s: Session, plan_id: int) -> ReportingSchedule:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFoundError("找不到该工作要点，可能已被删除。")
        year = plan.year or self._clock().year
        issued = s.scalar(select(Notice.sign_date).where(
            Notice.plan_id == plan_id, Notice.is_current, Notice.sign_date.is_not(None))
            .order_by(Notice.id.desc()).limit(1))
        start = issued if issued is not None and issued.year == year else date(year, 1, 1)
        cfg = self._settings
        rhythm = cfg.track_rhythm if cfg.track_rhythm in RHYTHMS else "monthly"
        sched = ReportingSchedule(plan_id=plan_id, rhythm=rhythm, due_day=int(cfg.track_due_day),
                                  due_next_month=bool(cfg.track_due_next_month), start_date=start)
        s.add(sched)
        write_periods(s, plan_id, year, sched)
        audit.record(s, "schedule", plan_id, "create", f"{rhythm} {sched.due_day}")
        return sched

    def set_schedule(self, plan_id: int, rhythm: str, due_day: int, due_next_month: bool,
                     start_date: date | None = None) -> ScheduleDTO:
        """Changes the rhythm or due rule; periods that already hold progress entries must remain."""
        if rhythm not in RHYTHMS:
            raise ValidationError("报送周期只能是每月、每季度、每半年或年终一次。")
        self.schedule(plan_id)
        with session_scope(self._sf) as s:
            sched = s.scalar(select(ReportingSchedule).where(ReportingSchedule.plan_id == plan_id))
            plan = s.get(Plan, plan_id)
            sched.rhythm, sched.due_day, sched.due_next_month = rhythm, int(due_day), bool(due_next_month)
            if start_date is not None:
                sched.start_date = start_date
            write_periods(s, plan_id, plan.year or sched.start_date.year, sched)
            audit.record(s, "schedule", plan_id, "update", f"{rhythm} {due_day} next={due_next_month}")
            return _dto(s, sched)

    def set_due(self, period_id: int, due: date) -> PeriodDTO:
        """Moves one period's due date (a holiday, a meeting), never before the period starts."""
        with session_scope(self._sf) as s:
            period = s.get(ReportingPeriod, period_id)
            if period is None:
                raise NotFoundError("找不到该报送期，可能已被删除。")
            if due < period.start:
                raise ValidationError(f"{period.label}的报送截止日不能早于该期开始（{period.start:%Y-%m-%d}）。")
            old = period.due
            period.due = due
            audit.record(s, "period", period.id, "due", f"{period.label}: {old} → {due}")
            return period_dto(period)


def write_periods(s: Session, plan_id: int, year: int, sched: ReportingSchedule) -> None:
    """Brings the stored periods in line with the rule, keeping rows (and entries) whose key remains."""
    first = sched.start_date.month if sched.start_date.year == year else 1
    wanted = make_periods(year, sched.rhythm, sched.due_day, sched.due_next_month, first)
    keys = {p.key for p in wanted}
    existing = {p.key: p for p in s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id))}
    for key, period in existing.items():
        if key in keys:
            continue
        used = s.scalar(select(func.count()).select_from(ProgressEntry)
                        .where(ProgressEntry.period_id == period.id)) or 0
        if used:
            raise ValidationError(f"{period.label}已有 {used} 条进展记录，不能改成这种报送周期。"
                                  "请保留原周期，或先删除该期的进展记录。")
        s.delete(period)
    s.flush()
    for seq, spec in enumerate(wanted, start=1):
        row = existing.get(spec.key)
        if row is None:
            row = ReportingPeriod(plan_id=plan_id, key=spec.key)
            s.add(row)
        row.seq, row.label, row.start, row.end, row.due = seq, spec.label, spec.start, spec.end, spec.due
    s.flush()


def _dto(s: Session, sched: ReportingSchedule) -> ScheduleDTO:
    periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == sched.plan_id)
                        .order_by(ReportingPeriod.seq)).all()
    return ScheduleDTO(sched.plan_id, sched.rhythm, sched.due_day, sched.due_next_month, sched.start_date,
                       tuple(period_dto(p) for p in periods))
