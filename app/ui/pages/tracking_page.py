"""督办 page: the year of a plan after its notice — the 台账 grid with keyboard entry, one unit's view,
the ten-second dashboard and the calendar; forms out, returns in, 催报, 督办通知 and 通报.
Every change is an undoable command on the page's own undo stack (the window's 编辑 menu follows it)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.context import AppContext
from app.services.tracking.calendar import calendar_events
from app.services.tracking.stats import summarize
from app.ui.error_reporting import show_error
from app.ui.pages.command_page import CommandPageMixin
from app.ui.pages.tracking_actions import TrackingActions
from app.ui.undo.tracking_commands import TrackingEnv
from app.ui.widgets.dashboard_view import DashboardView
from app.ui.widgets.due_calendar import DueCalendar
from app.ui.widgets.ledger_view import LedgerView
from app.ui.widgets.plan_combo import PlanCombo
from app.ui.widgets.unit_view import UnitView

log = logging.getLogger(__name__)
TABS = ("台账", "单位", "概览", "日历")
TIPS = {"forms": "为每个单位导出本期进展情况报表（.xlsx）", "import": "导入单位发回的报表，先核对变化再写入",
        "remind": "生成催报通知（未报送的单位）", "supervise": "生成督办通知（红灯、黄灯任务）",
        "bulletin": "生成本期督查通报（含统计图和推进情况表）", "ledger": "把整个台账导出为一个 Excel 工作簿"}


class TrackingPage(CommandPageMixin, QWidget):
    status_message = Signal(str)
    open_notice = Signal(int)  # a drafted 催报 / 督办通知 / 通报, to be shown on the 公文 page

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tracking = ctx.services.tracking
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.env = TrackingEnv(self.tracking, self, self._report_failure)
        self.ledger = None
        self.summary = None
        self._stale: set[str] = set(TABS)
        self.actions = TrackingActions(self)

        self.plan = PlanCombo("trackPlan", 12)
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self.period = QComboBox()
        self.period.setObjectName("trackPeriod")
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.due = QLabel()
        self.due.setObjectName("trackDue")
        top = QHBoxLayout()
        top.addWidget(QLabel("工作要点："))
        top.addWidget(self.plan, 3)
        top.addWidget(QLabel("报送期："))
        top.addWidget(self.period, 1)
        top.addWidget(self.due, 2)
        self.buttons: dict[str, QPushButton] = {}
        corner = QWidget()
        cl = QHBoxLayout(corner)
        cl.setContentsMargins(0, 0, 0, 2)
        cl.setSpacing(4)
        for key, text, slot in self.actions.toolbar():
            b = QPushButton(text)
            b.setObjectName(f"track_{key}")
            b.setToolTip(TIPS.get(key, ""))
            b.clicked.connect(slot)
            self.buttons[key] = b
            cl.addWidget(b)

        self.ledger_view = LedgerView()
        self.ledger_view.write_requested.connect(self.actions.write_entries)
        self.ledger_view.action_requested.connect(self.actions.task_action)
        self.unit_view = UnitView(self.tracking)
        self.dashboard = DashboardView()
        self.dashboard.filter_requested.connect(self.show_in_ledger)
        self.calendar = DueCalendar()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("trackTabs")
        for widget, name in zip((self.ledger_view, self.unit_view, self.dashboard, self.calendar), TABS, strict=True):
            self.tabs.addTab(widget, name)
        self.tabs.setCornerWidget(corner)  # the actions sit beside the tabs: the page fits 1024 px
        self.tabs.currentChanged.connect(lambda _i: self._fill_tab())
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        self._reload_plans()

    # ---- plans and periods --------------------------------------------------------------------
    def activate(self) -> None:
        self._reload_plans()

    def _reload_plans(self) -> None:
        kept = self.plan.reload(self.ctx.services.plans.list_plans(), self.ctx.settings.last_plan_id)
        self._plan_changed(keep_period=kept)

    def plan_id(self) -> int | None:
        return self.plan.plan_id()

    def period_id(self) -> int | None:
        return self.period.currentData()

    def _plan_changed(self, keep_period: bool = False) -> None:
        plan_id = self.plan_id()
        keep = self.period.currentData() if keep_period else None
        self.period.blockSignals(True)
        self.period.clear()
        if plan_id is not None:
            try:
                schedule = self.tracking.schedule(plan_id)
                for p in schedule.periods:
                    self.period.addItem(p.label, p.id)
                default = keep if keep is not None else self.tracking.default_period(schedule).id
                self.period.setCurrentIndex(max(0, self.period.findData(default)))
            except Exception as exc:
                show_error(self, exc)
        self.period.blockSignals(False)
        self.refresh()

    def select_period(self, period_id: int) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(period_id)))

    # ---- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reloads the 台账 for the plan and period and redraws the grid and the open tab."""
        plan_id, period_id = self.plan_id(), self.period_id()
        self.ledger = self.summary = None
        if plan_id is not None and period_id is not None:
            try:
                self.ledger = self.tracking.ledger(plan_id, period_id)
                self.summary = summarize(self.ledger)
            except Exception as exc:
                show_error(self, exc)
        led = self.ledger
        self.due.setText(f"截止 {led.period.due:%Y-%m-%d}，统计至 {led.as_of:%Y-%m-%d}" if led else "")
        for b in self.buttons.values():
            b.setEnabled(led is not None)
        self._stale = set(TABS)
        self._fill_tab()

    def _fill_tab(self) -> None:
        """Fills the tab in front; the others wait until they are shown (a refresh stays quick)."""
        tab = self.tabs.currentWidget()
        name = TABS[self.tabs.currentIndex()]
        if name not in self._stale:
            return
        self._stale.discard(name)
        if tab is self.ledger_view:
            self.ledger_view.set_ledger(self.ledger)
        elif tab is self.unit_view:
            self.unit_view.set_ledger(self.ledger)
        elif tab is self.dashboard:
            self.dashboard.set_summary(self.summary)
        elif tab is self.calendar and self.ledger is not None:
            self.calendar.set_events(self._calendar_events(), self.ledger.as_of)

    def _calendar_events(self) -> list:
        """The year's dates, with the annual report's checklist (数据表 → 初稿 → 签发 → 报送 → 公开)."""
        events = calendar_events(self.ledger, self.ctx.settings.track_annual_dates)
        try:
            from app.services.reports.report_calendar import calendar_with_report

            checklist = self.ctx.services.reports.checklist(self.ledger.plan_id)
        except Exception:  # the calendar still shows the 督办 dates when the report cannot be read
            log.warning("report checklist not shown", exc_info=True)
            return events
        year = self.ledger.plan_year or self.ledger.period.due.year
        return calendar_with_report(events, checklist, year) if checklist else events

    def show_in_ledger(self, filters: dict) -> None:
        """The tasks behind a dashboard number or bar, in the 台账 tab."""
        self.tabs.setCurrentWidget(self.ledger_view)
        self._fill_tab()
        self.ledger_view.apply_filters(filters)

    def settings_changed(self) -> None:
        self.refresh()  # light thresholds or the annual dates may have changed
