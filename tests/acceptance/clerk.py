"""The clerk's hands: shortcuts, menu items, buttons, and the answers a clerk gives to dialogs by
clicking the dialogs' own buttons. No Qt dialog is replaced; modal message boxes and file
dialogs are answered from a timer running inside their own event loop.

The plan editor's own moves (search, Ctrl+click selection, 批量设置) are those of tests/ui/clerk.py,
reached through `outline`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
    QWizard,
)

from app.ui.main_window import MainWindow
from tests.ui.clerk import Clerk as OutlineClerk
from tests.ui.print_dialog import open_print_dialog, print_to_pdf

TIMEOUT_MS = 60_000



def type_chinese(box: QLineEdit, text: str) -> None:
    """Chinese as the clerk types it: the input method commits it to the focused box."""
    box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)

@dataclass
class Answer:
    """One dialog the clerk expects: its title or text contains `expect`; `button` is clicked."""

    expect: str
    button: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
    file: str = ""  # for a file dialog: the name typed into it
    seen: list[str] = field(default_factory=list)


class Clerk:
    def __init__(self, window: MainWindow, qtbot):
        self.window = window
        self.qtbot = qtbot
        self.outline = OutlineClerk(window, qtbot)  # search, selection and 批量设置 in the plan editor
        self.expected: list[Answer] = []
        self.unexpected: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    # ---- dialogs -------------------------------------------------------------------------
    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, (QMessageBox, QFileDialog, QInputDialog)):
            return  # our own dialogs open non-blocking; progress dialogs close themselves
        said = f"{box.windowTitle()}\n{box.text() if isinstance(box, QMessageBox) else ''}"
        answer = next((a for a in self.expected if not a.seen and a.expect in said), None)
        if answer is None:
            self.unexpected.append(said)
            box.reject()
            return
        answer.seen.append(said)
        if isinstance(box, QFileDialog):
            box.findChild(QLineEdit, "fileNameEdit").setText(answer.file)
            box.findChild(QDialogButtonBox).button(
                QDialogButtonBox.StandardButton.Save if box.acceptMode() == QFileDialog.AcceptMode.AcceptSave
                else QDialogButtonBox.StandardButton.Open).click()
        else:
            box.button(answer.button).click()

    def expect(self, text: str, button=QMessageBox.StandardButton.Ok, file: str | Path = "") -> Answer:
        answer = Answer(text, button, str(file))
        self.expected.append(answer)
        return answer

    def answered(self, answer: Answer) -> str:
        self.qtbot.waitUntil(lambda: bool(answer.seen), timeout=TIMEOUT_MS)
        self.expected.remove(answer)
        return answer.seen[0]

    # ---- hands ---------------------------------------------------------------------------
    def press(self, keys: str) -> None:
        """A shortcut typed on the window, e.g. "Ctrl+P"."""
        self.window.activateWindow()  # back from a dialog: shortcuts go to the active window
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=30_000)
        QTest.keySequence(self.window, keys)
        self.idle()

    def menu(self, *path: str) -> None:
        """A menu item by its visible text (without &), e.g. menu("文件", "打印公文")."""
        actions = self.window.menuBar().actions()
        act: QAction | None = None
        for name in path:
            act = next(a for a in actions if a.text().replace("&", "").startswith(name))
            if act.menu() is not None:
                actions = act.menu().actions()
        act.trigger()
        self.idle()

    def click(self, where: QWidget, text: str) -> None:
        button = next(b for b in where.findChildren(QPushButton) if b.text() == text and b.isVisible())
        assert button.isEnabled(), f"button “{text}” is disabled"
        button.click()
        self.idle()

    def idle(self) -> None:
        """Waits until background work (render, print, issue) is done and its results shown."""
        runner = self.window.runner
        self.qtbot.waitUntil(lambda: runner.active_count == 0, timeout=TIMEOUT_MS)
        QApplication.processEvents()

    def page(self, shortcut: str) -> QWidget:
        self.press(shortcut)
        return self.window.stack.currentWidget()

    # ---- steps ---------------------------------------------------------------------------
    def add_issuer(self, name: str, header: str, prefix: str) -> None:
        settings = self.page("Ctrl+7")
        for box, text in ((settings.issuer_name, name), (settings.issuer_header, header),
                          (settings.issuer_prefix, prefix)):
            box.clear()
            type_chinese(box, text)
        self.click(settings, "添加发文机关")
        combo = settings.default_issuer
        combo.setCurrentIndex(combo.findText(name))

    def import_file(self, path: Path) -> None:
        self.press("Ctrl+I")
        wizard = self.window.import_wizard
        assert wizard.isVisible()
        wizard.file_page.path.setText(str(path))
        wizard.button(QWizard.WizardButton.NextButton).click()
        self.qtbot.waitUntil(wizard.analyse_page.isComplete, timeout=TIMEOUT_MS)
        wizard.button(QWizard.WizardButton.NextButton).click()  # the outline as read
        wizard.button(QWizard.WizardButton.NextButton).click()  # the units: suggestions as offered
        wizard.button(QWizard.WizardButton.FinishButton).click()
        self.idle()

    def find_task(self, words: str):
        """The task found by typing words into the outline's search box (Ctrl+F, Enter), selected."""
        hits = [n for n in self.outline.search(words) if n.is_task]
        assert hits, f"no task found for “{words}”"
        self.window.plans_page.editor.select_node(hits[0].id)
        self.idle()
        return hits[0]

    def search(self, words: str):
        return self.outline.search(words)

    def bulk_assign(self, nodes, **what) -> None:
        """Ctrl+click the tasks, Ctrl+B, fill 批量设置 and press 确定."""
        self.outline.bulk_assign(nodes, **what)
        self.idle()

    def add_unit(self, name: str, role: str = "lead") -> None:
        """Types a unit into the selected task's 责任单位 box, as 牵头 (lead) or 配合 (support), and
        presses Enter."""
        picker = self.window.plans_page.editor.panel.assignments
        picker.role_box.setCurrentIndex(picker.role_box.findData(role))
        picker.name_input.clear()
        type_chinese(picker.name_input, name)
        QTest.keyClick(picker.name_input, Qt.Key.Key_Return)
        self.idle()

    def rename_task(self, node_id: int, heading: str) -> None:
        """F2 on the task in the outline, the new heading typed into the inline editor (Chinese comes
        from the input method as committed text), Enter."""
        editor = self.window.plans_page.editor
        editor.select_node(node_id)
        editor.tree.setFocus()
        QTest.keyClick(editor.tree, Qt.Key.Key_F2)
        box = QApplication.focusWidget()
        assert isinstance(box, QLineEdit) and editor.tree.isAncestorOf(box), "F2 opened no inline editor"
        box.selectAll()
        type_chinese(box, heading)
        QTest.keyClick(box, Qt.Key.Key_Return)
        self.idle()

    def open_list_row(self, widget, row: int) -> None:
        """A click on one row of a list (the 公文 page's notices)."""
        rect = widget.visualItemRect(widget.item(row))
        QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.idle()

    def print_to_pdf(self, path: Path, pages: str = "", copies: int = 1):
        """Ctrl+P → the print preview (range, copies) → 打印… → the system dialog → 打印到文件(PDF)."""
        self.press("Ctrl+P")
        preview = self.window.notices_page.actions.print_flow.preview
        self.qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=TIMEOUT_MS)
        preview.range.setText(pages)
        preview.copies.setValue(copies)
        preview.print_button.click()
        print_to_pdf(open_print_dialog(), path)
        self.idle()
        return preview

    def export(self, button: str, path: Path, *also: str) -> None:
        """导出 PDF / 导出 Word: the save dialog answered by typing the name and clicking 保存;
        `also` names further messages expected on the way (e.g. the fonts told once)."""
        answers = [self.expect("导出公文", file=path), *(self.expect(t) for t in also)]
        self.click(self.window.notices_page, button)
        for a in answers:
            self.answered(a)
        self.idle()
