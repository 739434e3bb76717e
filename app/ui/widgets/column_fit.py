"""Column widths that follow the view's width, so no column vanishes on a small screen.

Each column gets its share of the viewport, never less than its minimum; the `fill` column takes
what is left. When even the minimums do not fit, the view scrolls sideways instead of squeezing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView


class ColumnFitter(QObject):
    def __init__(self, view: QAbstractItemView, shares: list[float], minimums: list[int], fill: int):
        super().__init__(view)
        self.view = view
        self.shares = shares
        self.minimums = minimums
        self.fill = fill
        header = self.header
        header.setStretchLastSection(False)
        for i in range(len(shares)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    @property
    def header(self) -> QHeaderView:
        return self.view.header() if hasattr(self.view, "header") else self.view.horizontalHeader()

    def widths(self, total: int) -> list[int]:
        font = self.view.fontMetrics().averageCharWidth() / 7  # minimums are for a 7-pixel character
        mins = [round(m * max(1.0, font)) for m in self.minimums]
        if sum(mins) >= total:
            return mins
        out = [max(m, int(s * total)) for s, m in zip(self.shares, mins, strict=True)]
        out[self.fill] = max(mins[self.fill], total - (sum(out) - out[self.fill]))
        return out

    def fit(self) -> None:
        header = self.header
        for i, w in enumerate(self.widths(self.view.viewport().width())):
            header.resizeSection(i, w)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
