"""A plan's reporting schedule: rhythm, due day, 序时起算日, and each period's due date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QLabel, QSpinBox

from app.services.tracking.dto import ScheduleDTO
from app.services.tracking.policy import RHYTHM_LABEL
from app.ui.dialogs.form_layout import form_with_buttons


class ScheduleDialog(QDialog):
    def __init__(self, schedule: ScheduleDTO, parent=None):
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle("报送周期")
        self.rhythm = QComboBox()
        self.rhythm.setObjectName("scheduleRhythm")
        for key, text in RHYTHM_LABEL.items():
            self.rhythm.addItem(text, key)
        self.rhythm.setCurrentIndex(self.rhythm.findData(schedule.rhythm))
        self.day = QSpinBox()
        self.day.setObjectName("scheduleDay")
        self.day.setRange(1, 31)
        self.day.setValue(schedule.due_day)
        self.day.setSuffix(" 日")
        self.next_month = QCheckBox("在下一个月报送（如季度结束后次月5日前）")
        self.next_month.setChecked(schedule.due_next_month)
        d = schedule.start_date
        self.start = QDateEdit(QDate(d.year, d.month, d.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy年M月d日")
        periods = "、".join(f"{p.label}（{p.due.month}月{p.due.day}日）" for p in schedule.periods)
        listing = QLabel(f"现有报送期：{periods}。单个报送期的截止日可在督办页“报送期”旁修改。")
        listing.setWordWrap(True)
        form_with_buttons(self, [("报送周期", self.rhythm), ("报送日", self.day), ("", self.next_month),
                                 ("序时起算日", self.start), ("", listing)])

    def rule(self) -> tuple[str, int, bool, date]:
        return (self.rhythm.currentData(), self.day.value(), self.next_month.isChecked(),
                self.start.date().toPython())
