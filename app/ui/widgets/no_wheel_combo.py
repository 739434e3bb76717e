"""A combo box the mouse wheel changes only once the clerk has clicked or tabbed into it.

Qt's default lets the wheel change whatever combo box lies under the pointer while a list is being
scrolled, which silently changed import decisions. Unfocused, the wheel scrolls the list instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox


class NoWheelComboBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel must not focus it

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()  # goes on to the scrolling list or page
            return
        super().wheelEvent(event)
