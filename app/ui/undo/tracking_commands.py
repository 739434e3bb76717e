"""Undoable 督办 edits: entries typed or imported, 延期, 销号, 序时目标, the schedule and the notices
drafted. Same rule as ServiceCommand: the first run happens before the push, so a refused edit never
enters the stack; a later failure is reported and clears it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from app.services.tracking.dto import MilestoneDTO
from app.services.tracking.entries import EntryWrite
from app.ui.undo.page_command import PageCommand


class TrackingView(Protocol):
    def refresh(self) -> None:
        """Reload the 台账 and everything drawn from it."""


@dataclass
class TrackingEnv:
    tracking: Any  # TrackingService
    view: TrackingView
    report_failure: Callable[[BaseException], None]


class TrackingCommand(PageCommand):
    @property
    def t(self):
        return self.env.tracking


class WriteEntriesCommand(TrackingCommand):
    """Typed-in reports (one row, or several at once); values None clears a period's report."""

    def __init__(self, env: TrackingEnv, writes: list[EntryWrite], text: str = "登记进展"):
        super().__init__(env, text)
        self.writes = writes
        self.previous: list = []

    def do(self) -> None:
        self.previous = list(zip([w.key for w in self.writes], self.t.entries.write(self.writes), strict=True))
        # redo after undo writes again over the clerk's own step, not over a version once seen
        self.writes = [replace(w, expected_version=None) for w in self.writes]

    def overwrite(self) -> None:
        """Keep mine: the reports are written over a colleague's newer ones."""
        self.writes = [replace(w, expected_version=None) for w in self.writes]
        self.apply()

    def revert(self) -> None:
        self.t.entries.restore(self.previous)


class ImportFormsCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, previews: list, text: str = "导入回收报表"):
        super().__init__(env, text)
        self.previews = previews
        self.outcomes: list = []

    def do(self) -> None:
        from app.services.tracking.form_import import apply_form

        self.outcomes = []
        for p in self.previews:
            self.outcomes.append(apply_form(self.t, p))

    def revert(self) -> None:
        from app.services.tracking.form_import import undo_import

        for outcome in reversed(self.outcomes):
            undo_import(self.t, outcome)

    @property
    def accepted(self) -> int:
        return sum(o.accepted for o in self.outcomes)


class ExtensionRequestCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, node_id: int, unit_id: int | None, reason: str, new_deadline: date):
        super().__init__(env, "登记延期申请")
        self.args = (node_id, unit_id, reason, new_deadline)
        self.extension_id: int | None = None

    def do(self) -> None:
        self.extension_id = self.t.extensions.request(*self.args).id

    def revert(self) -> None:
        self.t.extensions.withdraw(self.extension_id)


class ExtensionDecisionCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, extension_id: int, approve: bool, deadline: date | None, note: str):
        super().__init__(env, "审批延期申请")
        self.args = (extension_id, approve, deadline, note)

    def do(self) -> None:
        self.t.extensions.decide(*self.args)

    def revert(self) -> None:
        self.t.extensions.undecide(self.args[0])


class CloseTaskCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, node_id: int, evidence: str, note: str = ""):
        super().__init__(env, "销号")
        self.args = (node_id, evidence, note)
        self.closure_id: int | None = None

    def do(self) -> None:
        self.closure_id = self.t.closures.close(*self.args).id

    def revert(self) -> None:
        self.t.closures.remove(self.closure_id)


class ReopenTaskCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, node_id: int, reason: str):
        super().__init__(env, "恢复督办")
        self.args = (node_id, reason)
        self.closure_id: int | None = None

    def do(self) -> None:
        self.closure_id = self.t.closures.reopen(*self.args).id

    def revert(self) -> None:
        self.t.closures.undo_reopen(self.closure_id)


class MilestonesCommand(TrackingCommand):
    def __init__(self, env: TrackingEnv, node_id: int, milestones: list[MilestoneDTO]):
        super().__init__(env, "设置序时目标")
        self.node_id = node_id
        self.new = milestones
        self.old: list[MilestoneDTO] = []

    def do(self) -> None:
        self.old = self.t.milestones.set(self.node_id, self.new)

    def revert(self) -> None:
        self.t.milestones.set(self.node_id, self.old)


class ScheduleCommand(TrackingCommand):
    """Rhythm and due rule of a plan, or one period's due date."""

    def __init__(self, env: TrackingEnv, plan_id: int, rule: tuple | None = None,
                 period_due: tuple[int, date] | None = None):
        super().__init__(env, "修改报送周期" if rule else "修改报送截止日")
        self.plan_id, self.rule, self.period_due = plan_id, rule, period_due
        self.old_rule: tuple | None = None
        self.old_due: date | None = None

    def do(self) -> None:
        s = self.t.schedule(self.plan_id)
        if self.rule is not None:
            self.old_rule = (s.rhythm, s.due_day, s.due_next_month, s.start_date)
            self.t.schedules.set_schedule(self.plan_id, *self.rule)
        else:
            period_id, due = self.period_due
            self.old_due = s.period(period_id).due
            self.t.schedules.set_due(period_id, due)

    def revert(self) -> None:
        if self.rule is not None:
            self.t.schedules.set_schedule(self.plan_id, *self.old_rule)
        else:
            self.t.schedules.set_due(self.period_due[0], self.old_due)


class DraftNoticeCommand(TrackingCommand):
    """A 催报 / 督办通知 / 通报 drafted into the register; undo deletes it or puts the old draft back."""

    FIELDS = ("title", "recipients", "body", "sign_date", "printed_by", "print_date")

    def __init__(self, env: TrackingEnv, kind: str, plan_id: int, period_id: int, fresh: bool = False):
        super().__init__(env, f"生成{kind}")
        self.args = (kind, plan_id, period_id, fresh)
        self.notice = None
        self.before = None

    def do(self) -> None:
        paper = self.t.paperwork
        existing = None if self.args[3] else paper.existing(self.args[0], self.args[1], self.args[2])
        self.before = existing if existing is not None and existing.status != "已印发" else None
        self.notice = paper.draft(*self.args)

    def revert(self) -> None:
        notices = self.t.paperwork.notices
        if self.before is None:
            if self.notice.status != "已印发":
                notices.delete_notice(self.notice.id)
            return
        notices.update_notice(self.before.id, attachments=list(self.before.attachments),
                              **{f: getattr(self.before, f) for f in self.FIELDS})
