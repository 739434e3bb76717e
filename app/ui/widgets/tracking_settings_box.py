"""设置's 督办 group: the county's default reporting rhythm, the light thresholds, who signs the 督办
notices, the 通报's 代字 and the annual-report dates on the calendar."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from app.services.tracking.calendar import DEFAULT_ANNUAL_DATES
from app.services.tracking.policy import RED, RHYTHM_LABEL, YELLOW

_DATE_LINE = re.compile(r"^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s+(.+)$")


def annual_text(dates: list[dict]) -> str:
    return "\n".join(f"{d['month']}-{d['day']} {d['text']}" for d in dates)


def parse_annual(text: str) -> list[dict] | None:
    """Lines “3-31 说明”; None when a line cannot be read."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _DATE_LINE.match(line)
        if m is None or not (1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31):
            return None
        out.append({"month": int(m[1]), "day": int(m[2]), "text": m[3].strip()})
    return out


class TrackingSettingsBox(QGroupBox):
    def __init__(self, settings, set_value: Callable[[str, object], None], parent=None):
        super().__init__("督办（全县默认，新开始督办的工作要点按此生成报送期）", parent)
        self.setObjectName("trackingSettings")
        self._set = set_value
        s = settings
        self.rhythm = QComboBox()
        self.rhythm.setObjectName("settingRhythm")
        for key, text in RHYTHM_LABEL.items():
            self.rhythm.addItem(text, key)
        self.rhythm.setCurrentIndex(max(0, self.rhythm.findData(s.track_rhythm)))
        self.rhythm.currentIndexChanged.connect(lambda _i: self._set("track_rhythm", self.rhythm.currentData()))
        self.due_day = self._spin("settingDueDay", 1, 31, s.track_due_day, " 日", "track_due_day")
        self.next_month = QCheckBox("在下一个月报送")
        self.next_month.setChecked(s.track_due_next_month)
        self.next_month.toggled.connect(lambda on: self._set("track_due_next_month", on))
        self.warn = self._spin("settingWarnDays", 0, 90, s.track_warn_days, " 天", "track_warn_days")
        self.lag_yellow = self._spin("settingLagYellow", 1, 100, s.track_lag_yellow, " 个百分点", "track_lag_yellow")
        self.lag_red = self._spin("settingLagRed", 1, 100, s.track_lag_red, " 个百分点", "track_lag_red")
        self.unreported = QComboBox()
        self.unreported.setObjectName("settingUnreported")
        for c in (YELLOW, RED):
            self.unreported.addItem(f"{c}灯", c)
        self.unreported.setCurrentIndex(max(0, self.unreported.findData(s.track_unreported_light)))
        self.unreported.currentIndexChanged.connect(
            lambda _i: self._set("track_unreported_light", self.unreported.currentData()))
        self.issuer = QComboBox()
        self.issuer.setObjectName("settingTrackIssuer")
        self.issuer.currentIndexChanged.connect(lambda _i: self._set("track_issuer_id", self.issuer.currentData()))
        self.prefix = QLineEdit(s.track_bulletin_prefix)
        self.prefix.setObjectName("settingBulletinPrefix")
        self.prefix.setPlaceholderText("留空：发文机关代字的“发”改为“督”，如“示法办督”")
        self.prefix.editingFinished.connect(lambda: self._set("track_bulletin_prefix", self.prefix.text().strip()))
        self.annual = QPlainTextEdit(annual_text(s.track_annual_dates or list(DEFAULT_ANNUAL_DATES)))
        self.annual.setObjectName("settingAnnualDates")
        self.annual.setMaximumHeight(110)
        self.annual_note = QLabel("每行“月-日 说明”，显示在督办日历上；清空恢复内置日期。")
        self.annual_note.setWordWrap(True)
        save = QLabel('<a href="#">保存年度报告日期</a>')
        save.linkActivated.connect(lambda _l: self.save_annual())
        f = QFormLayout(self)
        f.addRow("报送周期", self.rhythm)
        f.addRow("报送日", self.due_day)
        f.addRow("", self.next_month)
        f.addRow("临近完成时限亮黄灯", self.warn)
        f.addRow("落后序时亮黄灯", self.lag_yellow)
        f.addRow("落后序时超过此数亮红灯", self.lag_red)
        f.addRow("过截止日未报送", self.unreported)
        f.addRow("督办文件发文机关", self.issuer)
        f.addRow("督查通报代字", self.prefix)
        f.addRow("年度报告日期", self.annual)
        f.addRow(save, self.annual_note)

    def _spin(self, name: str, lo: int, hi: int, value: int, suffix: str, key: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(lo, hi)
        box.setValue(int(value))
        box.setSuffix(suffix)
        box.valueChanged.connect(lambda v: self._set(key, v))
        return box

    def set_issuers(self, issuers, current: int | None) -> None:
        self.issuer.blockSignals(True)
        self.issuer.clear()
        self.issuer.addItem("自动（名称含“依法治”的机关，否则默认发文机关）", None)
        for i in issuers:
            self.issuer.addItem(i.name, i.id)
        self.issuer.setCurrentIndex(max(0, self.issuer.findData(current)))
        self.issuer.blockSignals(False)

    def save_annual(self) -> bool:
        text = self.annual.toPlainText()
        dates = parse_annual(text)
        if dates is None:
            self.annual_note.setText("有一行看不懂：请写成“3-31 说明”的形式，每行一个日期。")
            self.annual_note.setStyleSheet("color:#c0392b;")
            return False
        self.annual_note.setStyleSheet("")
        self.annual_note.setText("已保存。每行“月-日 说明”，清空恢复内置日期。")
        self._set("track_annual_dates", dates)
        return True
