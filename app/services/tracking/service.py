"""TrackingService: the 督办台账's front door for the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.models.database import session_scope
from app.services.errors import NotFoundError
from app.services.notices import NoticeService
from app.services.tracking.closures import ClosureService
from app.services.tracking.dto import PeriodDTO, ScheduleDTO
from app.services.tracking.entries import EntryService
from app.services.tracking.extensions import ExtensionService
from app.services.tracking.ledger import Ledger, load_ledger
from app.services.tracking.milestones import MilestoneService
from app.services.tracking.policy import LightPolicy
from app.services.tracking.returns import ReturnService
from app.services.tracking.schedule import ScheduleService
from app.services.tracking.tracking_notices import TrackingNoticeService


class TrackingService:
    def __init__(self, session_factory: sessionmaker[Session], settings, clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self.settings = settings  # the live Settings: thresholds changed in 设置 apply at once
        self.clock = clock
        self.schedules = ScheduleService(session_factory, settings, clock)
        self.entries = EntryService(session_factory)
        self.milestones = MilestoneService(session_factory)
        self.extensions = ExtensionService(session_factory, clock)
        self.closures = ClosureService(session_factory, clock)
        self.returns = ReturnService(session_factory)
        self.paperwork = TrackingNoticeService(session_factory, NoticeService(session_factory), self, clock)

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self._sf

    def policy(self) -> LightPolicy:
        return LightPolicy.from_settings(self.settings)

    def schedule(self, plan_id: int) -> ScheduleDTO:
        return self.schedules.schedule(plan_id)

    def default_period(self, schedule: ScheduleDTO) -> PeriodDTO:
        """The period being collected once half as many reports are in as for the last closed one;
        before that, the last closed period (the one still being chased)."""
        if not schedule.periods:
            raise NotFoundError("该工作要点还没有报送期。")
        today = self.clock()
        open_ = schedule.open_period(today)
        closed = schedule.last_closed(today)
        if open_ is not None and (closed is None or
                                  2 * self.returns.count_entries(open_.id) >= self.returns.count_entries(closed.id)):
            return open_
        return closed or schedule.periods[-1]

    def find_period(self, schedule: ScheduleDTO, text: str) -> PeriodDTO:
        """A period by key (2026-05, 2026-Q2), label (2026年5月) or number in the year (5)."""
        t = (text or "").strip()
        for p in schedule.periods:
            if t in (p.key, p.label, str(p.seq)) or t == p.label.removeprefix(f"{p.key[:4]}年"):
                return p
        if t.isdigit() and len(t) <= 2:
            for p in schedule.periods:
                if p.key.endswith(f"-{int(t):02d}"):
                    return p
        names = "、".join(p.label for p in schedule.periods)
        raise NotFoundError(f"找不到报送期“{text}”。本工作要点的报送期有：{names}。")

    def history(self, plan_id: int, period_id: int) -> list[Ledger]:
        """One ledger per period up to this one, each as it stood at its own due date."""
        schedule = self.schedule(plan_id)
        upto = schedule.period(period_id)
        today = self.clock()
        with session_scope(self._sf) as s:
            return [load_ledger(s, schedule, p, today, self.policy()) for p in schedule.periods if p.seq <= upto.seq]

    def export_ledger(self, plan_id: int, period_id: int | None, path: Path) -> Path:
        """The whole 台账 as one workbook (see ledger_workbook.py)."""
        from app.services.documents.service import write_bytes
        from app.services.tracking.ledger_workbook import ledger_workbook

        ledger = self.ledger(plan_id, period_id)
        data = ledger_workbook(ledger, self.policy(), self.history(plan_id, ledger.period.id))
        return write_bytes(path, data)

    def ledger(self, plan_id: int, period_id: int | None = None, today: date | None = None,
               unit_id: int | None = None) -> Ledger:
        """The 台账 at a period (the default one when None); unit_id keeps only that unit's rows."""
        schedule = self.schedule(plan_id)
        period = schedule.period(period_id) if period_id is not None else self.default_period(schedule)
        if period is None:
            raise NotFoundError("找不到该报送期，可能报送周期已被修改。")
        with session_scope(self._sf) as s:
            return load_ledger(s, schedule, period, today or self.clock(), self.policy(), unit_id)
