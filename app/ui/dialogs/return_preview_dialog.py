"""Preview of returned forms before they enter the 台账: refused files with every problem, then each
task of the readable files with what would change; the clerk ticks the rows to take."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.services.tracking.form_import import FormPreview, FormRefused
from app.ui.item_models.return_preview_model import ReturnPreviewModel


class ReturnPreviewDialog(QDialog):
    def __init__(self, previews: list[FormPreview], refused: list[FormRefused | Exception], parent=None):
        super().__init__(parent)
        self.setObjectName("returnPreviewDialog")
        self.setWindowTitle("导入回收报表：核对变化")
        self.resize(980, 600)
        self.previews = previews
        lay = QVBoxLayout(self)
        if refused:
            box = QPlainTextEdit()
            box.setObjectName("refusedFiles")
            box.setReadOnly(True)
            box.setMaximumHeight(140)
            lines = []
            for err in refused:
                problems = getattr(err, "problems", None)
                if problems:
                    lines.append(f"× {err.file_name}（未导入）：")
                    lines += [f"    {p}" for p in problems]
                else:
                    lines.append(f"× {getattr(err, 'message', str(err))}")
            box.setPlainText("\n".join(lines))
            box.setStyleSheet("background:#fdecea;")
            lay.addWidget(QLabel(f"以下 {len(refused)} 个文件有问题，没有导入任何内容（请退回填报单位修改）："))
            lay.addWidget(box)
        self.summary = QLabel("\n".join(p.summary() for p in previews) or "没有可以导入的文件。")
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.model = ReturnPreviewModel(self)
        self.model.set_previews(previews)
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        head = self.table.horizontalHeader()
        for col, w in ((0, 44), (1, 120), (2, 44), (3, 200), (4, 60)):
            self.table.setColumnWidth(col, w)
        head.setSectionResizeMode(ReturnPreviewModel.WHAT, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, take in (("全部采用", True), ("全部不采用", False)):
            b = QPushButton(text)
            b.setObjectName("takeAll" if take else "takeNone")
            b.clicked.connect(lambda _=False, t=take: self._set_all(t))
            row.addWidget(b)
        row.addStretch(1)
        self.count = QLabel()
        row.addWidget(self.count)
        lay.addLayout(row)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("导入所选", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("importSelected")
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.model.dataChanged.connect(lambda *_: self._update())
        self._update()

    def _set_all(self, take: bool) -> None:
        self.model.set_all(take)
        self._update()

    def _update(self) -> None:
        n = self.model.taken()
        self.count.setText(f"将写入 {n} 项")
        # a file with nothing new is still recorded as received, so OK stays available for it
        self.ok.setEnabled(bool(self.previews))
