"""The ten-second dashboard: the period's totals as big numbers, then completion and lights by part
and by lead unit as bar charts (the same charts the 通报 carries). Clicking a number or a bar shows
the tasks behind it in the 台账."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.tracking.charts import part_chart, unit_chart
from app.services.tracking.policy import GREEN, LIGHT_BAR, RED, YELLOW
from app.services.tracking.stats import Summary
from app.ui.widgets.chart_widget import ChartWidget


class Tile(QPushButton):
    """A big number with its caption; flat, clickable."""

    def __init__(self, caption: str, colour: str = "333333", parent=None):
        super().__init__(parent)
        self.caption = caption
        self.setFlat(True)
        self.setMinimumHeight(64)
        self.setStyleSheet(f"QPushButton {{ border:1px solid #d0d0d0; border-radius:6px; background:#fafafa;"
                           f" color:#{colour}; text-align:center; padding:4px 10px; }}"
                           "QPushButton:hover { background:#eef4fb; }")

    def set_value(self, value: str, sub: str = "") -> None:
        self.setText(f"{value}\n{self.caption}{('  ' + sub) if sub else ''}")
        font = self.font()
        font.setPointSize(12)
        self.setFont(font)


class DashboardView(QWidget):
    filter_requested = Signal(dict)  # LedgerFilterModel.set_filters keywords

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("dashboardHeading")
        self.heading.setWordWrap(True)
        self.tiles = {
            "tasks": Tile("重点任务"), "done": Tile("已完成", LIGHT_BAR[GREEN]), "red": Tile("红灯", LIGHT_BAR[RED]),
            "yellow": Tile("黄灯", "B07A00"), "overdue": Tile("逾期未完成", LIGHT_BAR[RED]),
            "missing": Tile("未报送单位", "B07A00"),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, i)
        filters = {"tasks": {"rows": "primary"}, "done": {"rows": "primary", "which": "done"},
                   "red": {"rows": "primary", "light": RED}, "yellow": {"rows": "primary", "light": YELLOW},
                   "overdue": {"rows": "primary", "which": "overdue"}, "missing": {"rows": "lead", "which": "missing"}}
        for key, tile in self.tiles.items():
            tile.setObjectName(f"tile_{key}")
            tile.clicked.connect(lambda _=False, f=filters[key]: self.filter_requested.emit(f))
        self.part_chart = ChartWidget()
        self.part_chart.setObjectName("partChart")
        self.unit_chart = ChartWidget()
        self.unit_chart.setObjectName("unitChart")
        self.part_chart.bar_clicked.connect(self._bar)
        self.unit_chart.bar_clicked.connect(self._bar)
        charts = QWidget()
        cl = QHBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        for chart in (self.part_chart, self.unit_chart):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            bl = QVBoxLayout(box)
            bl.addWidget(chart)
            bl.addStretch(1)
            cl.addWidget(box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(grid)
        lay.addWidget(scroll, 1)

    def set_summary(self, s: Summary | None) -> None:
        if s is None:
            self.heading.setText("")
            self.part_chart.set_chart(None)
            self.unit_chart.set_chart(None)
            return
        led = s.ledger
        self.heading.setText(f"<b>{led.plan_title}</b>　{led.period.label}（报送截止 {led.period.due:%Y-%m-%d}，"
                             f"统计至 {led.as_of:%Y-%m-%d}）　单击数字或条形可在台账中查看对应任务")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.tiles["tasks"].set_value(str(s.tasks))
        self.tiles["done"].set_value(f"{s.done}", f"{s.done_pct}%")
        self.tiles["red"].set_value(str(s.by_light[RED]))
        self.tiles["yellow"].set_value(str(s.by_light[YELLOW]))
        self.tiles["overdue"].set_value(str(s.overdue))
        self.tiles["missing"].set_value(f"{len(s.missing)}", f"应报 {s.expected_units}")
        self.part_chart.set_chart(part_chart(s))
        self.unit_chart.set_chart(unit_chart(s))

    def _bar(self, key: str) -> None:
        kind, _sep, value = key.partition(":")
        ident = None if value in ("", "None") else int(value)
        if kind == "unit":
            self.filter_requested.emit({"unit_id": ident, "rows": "lead"})
        else:
            self.filter_requested.emit({"part_id": ident, "rows": "primary"})
