"""The calendar of the year's dates: reporting due dates, deadlines, 序时目标 and the annual-report
dates, marked on a month calendar with the month's list beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.tracking.calendar import CalendarEvent

KIND_COLOUR = {"报送截止": "#cfe2f3", "完成时限": "#f4c7c3", "序时目标": "#fce8b2", "年度报告": "#d9ead3"}


class DueCalendar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.events: list[CalendarEvent] = []
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dueCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(lambda y, m: self._list_month(y, m))
        self.calendar.selectionChanged.connect(self._day_selected)
        self.list = QListWidget()
        self.list.setObjectName("dueList")
        self.list.setWordWrap(True)
        legend = QLabel("　".join(f'<span style="color:{c};font-size:14pt">■</span>{k}' for k, c in KIND_COLOUR.items()))
        legend.setTextFormat(Qt.TextFormat.RichText)
        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(legend)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(left, 2)
        lay.addWidget(self.list, 3)

    def set_events(self, events: list[CalendarEvent], focus: date | None = None) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every marked day
        self.events = list(events)
        by_day: dict[date, list[CalendarEvent]] = {}
        for e in events:
            by_day.setdefault(e.day, []).append(e)
        for day, evs in by_day.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(KIND_COLOUR[evs[0].kind])))
            fmt.setToolTip("\n".join(f"{e.kind}：{e.text}" for e in evs))
            fmt.setFontWeight(700)
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        if focus is not None:
            self.calendar.setSelectedDate(QDate(focus.year, focus.month, focus.day))
        page = self.calendar.selectedDate()
        self._list_month(page.year(), page.month())

    def _list_month(self, year: int, month: int) -> None:
        self.list.clear()
        for e in self.events:
            if (e.day.year, e.day.month) == (year, month):
                item = QListWidgetItem(f"{e.day.month}月{e.day.day}日　[{e.kind}]　{e.text}")
                item.setBackground(QBrush(QColor(KIND_COLOUR[e.kind])))
                item.setData(Qt.ItemDataRole.UserRole, e.day.isoformat())
                self.list.addItem(item)
        if not self.list.count():
            self.list.addItem("本月没有需要关注的日期。")

    def _day_selected(self) -> None:
        day = self.calendar.selectedDate().toPython()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == day.isoformat():
                self.list.setCurrentItem(item)
                return
