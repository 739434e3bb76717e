"""What a clerk does in the plan editor, through the real widgets: Ctrl+click items in the outline,
search from the search box (Ctrl+F, type, Enter), 批量设置 through its dialog (Ctrl+B, fill, 确定),
find and replace through its dialog (Ctrl+H). Shared by the GUI tests and the acceptance suite:

    from tests.ui.clerk import Clerk
    clerk = Clerk(window, qtbot)
    hits = clerk.search("司法局")
    clerk.bulk_assign(hits[:3], add=["县审计局"], role="配合", deadline="2026年10月底前")
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.dto import NodeDTO


class Clerk:
    def __init__(self, window, qtbot):
        self.window = window
        self.qtbot = qtbot

    @property
    def editor(self):
        return self.window.plans_page.editor

    def go_to_plans(self) -> None:
        if self.window.stack.currentIndex() != 0:
            self.window.nav.setCurrentRow(0)
        self.window.activateWindow()  # back from a dialog: shortcuts and focus go to the active window
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=30_000)

    def shortcut(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier, widget=None) -> None:
        target = widget or self.editor.tree
        target.setFocus()
        self.qtbot.keyClick(target, key, modifiers)

    # ---- outline ---------------------------------------------------------------------------
    def click(self, node_id: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """A mouse click on the item's row (Ctrl: add to the selection; Shift: extend it)."""
        editor = self.editor
        index = editor.view_index(node_id)
        assert index.isValid(), "the item is not shown (filtered out?)"
        editor.tree.scrollTo(index)
        rect = editor.tree.visualRect(index)
        self.qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, modifiers, rect.center())

    def select(self, node_ids: list[int]) -> None:
        """Click the first item, Ctrl+click the others."""
        for i, node_id in enumerate(node_ids):
            self.click(node_id, Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier)

    # ---- search ----------------------------------------------------------------------------
    def search(self, text: str) -> list[NodeDTO]:
        """Ctrl+F, the words typed into the search box (setText: no key clicks for Chinese), Enter;
        returns the items found, in outline order."""
        self.go_to_plans()
        self.shortcut(Qt.Key.Key_F)
        box = self.editor.filter_bar.search
        assert box.hasFocus()
        box.setText(text)
        self.qtbot.keyClick(box, Qt.Key.Key_Return)
        return self.editor.found_nodes()

    # ---- 批量设置 ----------------------------------------------------------------------------
    def bulk_assign(self, nodes: list[NodeDTO] | list[int], add: list[str] = (), role: str = "牵头",
                    remove: list[str] = (), deadline: str | None = None):
        """Selects the items, opens 批量设置 with Ctrl+B, fills it and presses 确定."""
        ids = [n.id if isinstance(n, NodeDTO) else n for n in nodes]
        self.go_to_plans()
        self.select(ids)
        self.shortcut(Qt.Key.Key_B)
        dialog = self.editor.bulk_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.add_names.setText("、".join(add))
        dialog.add_role.setCurrentText(role)
        dialog.remove_names.setText("、".join(remove))
        if deadline is not None:
            dialog.set_deadline.setChecked(True)
            dialog.deadline.setText(deadline)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog

    # ---- 查找和替换 --------------------------------------------------------------------------
    def find_replace(self, find: str, replace: str, untick: list[int] = ()):
        """Ctrl+H, find, 查找, untick some rows, 替换勾选的位置; returns the dialog (still open)."""
        self.go_to_plans()
        self.shortcut(Qt.Key.Key_H)
        dialog = self.editor.find_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.find.setText(find)
        dialog.replacement.setText(replace)
        dialog.find_button.click()
        for row in untick:
            dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
        dialog.replace_button.click()
        QApplication.processEvents()
        return dialog

    # ---- import ----------------------------------------------------------------------------
    def import_file(self, path, keep_notice: bool | None = None, accept_suggestions: bool = False):
        """文件 → 从文件导入 (Ctrl+I), the file typed in, 下一步 to the last page, 保存为工作要点."""
        from PySide6.QtWidgets import QWizard

        self.go_to_plans()
        self.window.findChild(type(self.window.undo_action), "action_import").trigger()
        wizard = self.window.import_wizard
        wizard.file_page.path.setText(str(path))
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        next_button.click()  # analysis (synchronous runner in tests)
        next_button.click()  # preview
        if keep_notice is not None and wizard.preview_page.keep_notice.isChecked() != keep_notice:
            wizard.preview_page.keep_notice.click()
        next_button.click()  # units
        if accept_suggestions:
            wizard.units_page.accept_all.click()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        return wizard
