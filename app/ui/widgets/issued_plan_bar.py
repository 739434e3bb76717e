"""The bar over a plan that has an issued notice, and the warnings its edits give.

The issued notice keeps its own files, so editing the plan is allowed; the clerk is told once
per plan (the first edit in a session) that the issued notice is unaffected and that a revision
(新建修订版) is the way to reissue, and deleting an item asks first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.dto import NoticeDTO
from app.ui.dialogs import messages


class IssuedPlanBar(QWidget):
    show_notice = Signal(int)  # notice id

    def __init__(self, issued_versions: Callable[[int], list[NoticeDTO]], parent=None):
        super().__init__(parent)
        self.setObjectName("issuedPlanBar")
        self._issued_versions = issued_versions
        self.plan_id: int | None = None
        self.issued: list[NoticeDTO] = []
        self._told: set[int] = set()
        self.text = QLabel()
        self.text.setObjectName("issuedPlanText")
        self.text.setWordWrap(True)
        self.open_button = QPushButton("查看已印发公文")
        self.open_button.setObjectName("showIssuedNotice")
        self.open_button.clicked.connect(lambda: self.issued and self.show_notice.emit(self.issued[0].id))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.open_button)
        self.setStyleSheet("QWidget#issuedPlanBar { background:#eef6ee; border:1px solid #8fc18f; }")
        self.hide()

    def refresh(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.issued = self._issued_versions(plan_id) if plan_id is not None else []
        if self.issued:
            latest = self.issued[0]
            more = f"（共 {len(self.issued)} 个已印发版本）" if len(self.issued) > 1 else ""
            self.text.setText(f"已印发：{latest.doc_number} 第{latest.revision}版《{latest.title}》{more}。"
                              "在这里的修改不会改变已印发的公文；需要重新印发时，请在“公文”页点“新建修订版”。")
        self.setVisible(bool(self.issued))

    def summary(self) -> str:
        latest = self.issued[0]
        return f"本工作要点已随《{latest.title}》（{latest.doc_number}，第{latest.revision}版）印发。"

    # ---- warnings ------------------------------------------------------------------------
    def tell_once(self) -> None:
        """Before the first edit of an issued plan in this session: what an edit does and does not do."""
        if not self.issued or self.plan_id in self._told:
            return
        self._told.add(self.plan_id)
        messages.inform(self, "修改已印发的工作要点",
                        f"{self.summary()}\n\n修改只改变工作要点本身，已印发的公文保持印发时的内容，"
                        "打开、导出和打印的仍是印发时的文件。\n\n如需按修改后的内容重新印发，"
                        "请在“公文”页选中该公文，点“新建修订版”。")

    def delete_warning(self) -> str:
        """A sentence for the delete confirmation, empty when nothing was issued."""
        if not self.issued:
            return ""
        self._told.add(self.plan_id)  # the confirmation says it: no second message for this plan
        return f"{self.summary()}删除后，已印发的公文不受影响，但今后的修订版中将没有这一条。\n"
