"""Paints a Chart (bars split by light) the way the 通报's picture shows it; a click on a bar asks the
page to filter the 台账 to the tasks behind it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.tracking.charts import Chart
from app.services.tracking.policy import LIGHT_BAR, LIGHT_NAME, LIGHTS

ROW, GAP, TITLE, LEGEND = 20, 5, 28, 26


class ChartWidget(QWidget):
    bar_clicked = Signal(str)  # the bar's key: part:<id> or unit:<id>

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._bars: list[tuple[QRectF, str, str]] = []  # hit area, key, tooltip

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        n = len(self.chart.bars) if self.chart else 0
        return QSize(420, TITLE + n * (ROW + GAP) + LEGEND + 6)

    def paintEvent(self, _event) -> None:
        self._bars = []
        if self.chart is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        head = QFont(self.font())
        head.setBold(True)
        p.setFont(head)
        p.drawText(QRectF(0, 0, w, TITLE), Qt.AlignmentFlag.AlignCenter, self.chart.title)
        p.setFont(self.font())
        fm = QFontMetrics(self.font())
        note_w = fm.horizontalAdvance("完成 99/99") + 8
        label_w = int(w * 0.30)
        x0, x1 = label_w + 8, w - note_w - 4
        scale = (x1 - x0) / max(1, self.chart.longest)
        y = TITLE
        for bar in self.chart.bars:
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 4)
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(0, y, label_w, ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            x = float(x0)
            for colour, n in bar.segments:
                if not n:
                    continue
                rect = QRectF(x, y, n * scale, ROW)
                p.fillRect(rect, QColor("#" + LIGHT_BAR[colour]))
                if rect.width() > fm.horizontalAdvance(str(n)) + 4:
                    p.setPen(Qt.GlobalColor.white)
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
                x += rect.width()
            p.setPen(QColor(70, 70, 70))
            p.drawText(QRectF(x1 + 6, y, note_w, ROW), Qt.AlignmentFlag.AlignVCenter, bar.note or str(bar.total))
            tip = f"{bar.label}：" + "，".join(f"{LIGHT_NAME[c]}{n}" for c, n in bar.segments if n)
            self._bars.append((QRectF(0, y, w, ROW), bar.key, tip))
            y += ROW + GAP
        lx = max(4.0, w / 2 - 2 * 70)
        for colour in LIGHTS:
            p.fillRect(QRectF(lx, y + 6, 14, 12), QColor("#" + LIGHT_BAR[colour]))
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(lx + 18, y + 2, 50, 20), Qt.AlignmentFlag.AlignVCenter, LIGHT_NAME[colour])
            lx += 70
        p.end()

    def _hit(self, pos) -> tuple[str, str] | None:
        for rect, key, tip in self._bars:
            if rect.contains(pos):
                return key, tip
        return None

    def mouseMoveEvent(self, event) -> None:
        hit = self._hit(event.position())
        self.setToolTip(hit[1] if hit else "")
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:
        hit = self._hit(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(hit[0])

    def click_bar(self, index: int) -> None:
        """What a click on the index-th bar does (for keyboard users and tests)."""
        if self.chart is not None and 0 <= index < len(self.chart.bars):
            self.bar_clicked.emit(self.chart.bars[index].key)
