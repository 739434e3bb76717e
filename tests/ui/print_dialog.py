"""Driving the system print dialog the way a clerk does: choose the PDF printer, type a file
name, set the page range and copies, and press its own 打印 button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QSpinBox


def open_print_dialog() -> QPrintDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
    assert len(dialogs) == 1, f"expected one open print dialog, found {len(dialogs)}"
    return dialogs[0]


def print_to_pdf(dialog: QPrintDialog, path: Path, copies: int | None = None) -> None:
    printers = dialog.findChild(QComboBox, "printers")
    pdf_row = next(i for i in range(printers.count()) if "PDF" in printers.itemText(i))
    printers.setCurrentIndex(pdf_row)
    dialog.findChild(QLineEdit, "filename").setText(str(path))
    if copies is not None:
        dialog.findChild(QSpinBox, "copies").setValue(copies)
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()
