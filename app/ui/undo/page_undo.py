"""The window's 撤销 / 重做: each page keeps its own history and only the page shown can be undone.

The menu names the step (“撤销 合并单位…”), a label in the status bar says what Ctrl+Z would undo
on this page, and after an undo or redo the status bar says what was done. A page without a
history (公文 page drafts save as they go; 设置) leaves both actions disabled."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QLabel


class PageUndo(QObject):
    done = Signal(str)  # “已撤销：…” / “已重做：…”, for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.undo_action = QAction("撤销", parent)
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("重做", parent)
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        self.label = QLabel()
        self.label.setObjectName("undoLabel")
        for signal in (self.group.undoTextChanged, self.group.redoTextChanged, self.group.canUndoChanged,
                       self.group.canRedoChanged, self.group.activeStackChanged):
            signal.connect(lambda *_a: self.update())
        self.update()

    def add(self, stack: QUndoStack) -> None:
        if stack not in self.group.stacks():
            self.group.addStack(stack)

    def show_page(self, page) -> None:
        """Makes the page's own history the one 撤销 and 重做 act on (none for a page without)."""
        stack = getattr(page, "undo_stack", None)
        if stack is not None:
            self.add(stack)
        self.group.setActiveStack(stack)
        self.update()

    def update(self) -> None:
        undo, redo = self.group.undoText(), self.group.redoText()
        self.undo_action.setText(f"撤销 {undo}" if undo else "撤销")
        self.undo_action.setEnabled(self.group.canUndo())
        self.redo_action.setText(f"重做 {redo}" if redo else "重做")
        self.redo_action.setEnabled(self.group.canRedo())
        self.label.setText(f"可撤销：{undo}" if self.group.canUndo() else "")
        self.label.setToolTip("Ctrl+Z 撤销本页的这一步" if self.group.canUndo() else "")

    def undo(self) -> None:
        if self.group.canUndo():
            text = self.group.undoText()
            self.group.undo()
            stack = self.group.activeStack()
            undone = stack.command(stack.index()) if stack is not None else None
            note = getattr(undone, "note", "")  # e.g. what an undone import had to keep
            self.done.emit(f"已撤销：{text}" + (f"。{note}" if note else ""))

    def redo(self) -> None:
        if self.group.canRedo():
            text = self.group.redoText()
            self.group.redo()
            self.done.emit(f"已重做：{text}")
