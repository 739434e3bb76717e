"""The plan chooser at the top of the 督办, 年度报告 and 对照 pages: every plan by title, the one the
clerk had chosen kept across reloads, else the plan last opened in 工作要点."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from app.services.dto import PlanSummary


class PlanCombo(QComboBox):
    def __init__(self, name: str, min_chars: int, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)

    def plan_id(self) -> int | None:
        return self.currentData()

    def reload(self, plans: Iterable[PlanSummary], fallback_id: int | None) -> bool:
        """Refills the list without emitting changes; True when the chosen plan is still the same."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for p in plans:
            self.addItem(p.title, p.id)
        self.setCurrentIndex(max(0, self.findData(current if current is not None else fallback_id)))
        self.blockSignals(False)
        return current == self.currentData()
