"""The shape every small edit dialog shares: labelled rows above OK / Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None] | None = None) -> QDialogButtonBox:
    """OK (dialog.accept, or on_ok when OK must check something first) and Cancel (dialog.reject)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def form_with_buttons(dialog: QDialog, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Lays the dialog out as a form of (label, field) rows with OK / Cancel below."""
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    lay = QVBoxLayout(dialog)
    lay.addLayout(form)
    lay.addWidget(ok_cancel(dialog))
