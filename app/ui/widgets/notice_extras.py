"""The rarely used 版头 elements of a notice: 份号, 密级, 紧急程度, 签发人 (上行文) and a draft seal picture.

Kept in a collapsible box so the everyday form stays short."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services.dto import NoticeDTO
from app.ui.dialogs import messages

SECRECY_LEVELS = ("", "秘密", "机密", "绝密")
URGENCIES = ("", "特急", "加急")


class NoticeExtras(QGroupBox):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__("版头其他要素（份号、密级等）", parent)
        self.setToolTip("份号、密级和保密期限、紧急程度、签发人（上行文），以及草稿用的印章示意图片")
        self.setObjectName("noticeExtras")
        self.setCheckable(True)
        self.setChecked(False)
        self.copy_no = QLineEdit()
        self.copy_no.setObjectName("copyNo")
        self.copy_no.setPlaceholderText("如 000001")
        self.copy_no.setMaxLength(6)
        self.secrecy = QComboBox()
        self.secrecy.setObjectName("secrecy")
        self.secrecy.addItems(["（无）", *SECRECY_LEVELS[1:]])
        self.period = QLineEdit()
        self.period.setObjectName("secrecyPeriod")
        self.period.setPlaceholderText("保密期限，如 1年")
        self.urgency = QComboBox()
        self.urgency.setObjectName("urgency")
        self.urgency.addItems(["（无）", *URGENCIES[1:]])
        self.signers = QLineEdit()
        self.signers.setObjectName("signers")
        self.signers.setPlaceholderText("上行文填写，多人用“、”分隔")
        self.seal = QLineEdit()
        self.seal.setObjectName("sealImage")
        self.seal.setPlaceholderText("PNG 图片，仅供草稿示意，页面上会注明")
        pick = QPushButton("选择…")
        pick.clicked.connect(self._pick_seal)

        body = QWidget()
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        row = QHBoxLayout()  # one short row each: the form stays usable in a narrow column
        row.addWidget(self.secrecy)
        row.addWidget(self.period, 1)
        form.addRow("份号", self.copy_no)
        form.addRow("密级", row)
        form.addRow("紧急程度", self.urgency)
        form.addRow("签发人", self.signers)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.seal, 1)
        seal_row.addWidget(pick)
        form.addRow("印章图片", seal_row)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 0, 4, 0)
        outer.addWidget(body)
        self._body = body
        body.setVisible(False)
        self.toggled.connect(body.setVisible)
        for w in (self.copy_no, self.period, self.signers, self.seal):
            w.textChanged.connect(self.edited)
        for c in (self.secrecy, self.urgency):
            c.currentIndexChanged.connect(self.edited)

    def _pick_seal(self) -> None:
        path = messages.open_file(self, "选择印章图片（草稿示意）", "图片 (*.png *.jpg *.jpeg)")
        if path:
            self.seal.setText(path)

    def load(self, n: NoticeDTO) -> None:
        self.copy_no.setText(n.copy_no)
        level, _, period = n.secrecy.partition("★")
        self.secrecy.setCurrentIndex(max(0, SECRECY_LEVELS.index(level) if level in SECRECY_LEVELS else 0))
        self.period.setText(period)
        self.urgency.setCurrentIndex(URGENCIES.index(n.urgency) if n.urgency in URGENCIES else 0)
        self.signers.setText("、".join(n.signers))
        self.seal.setText(n.seal_image)
        used = bool(n.copy_no or n.secrecy or n.urgency or n.signers or n.seal_image)
        self.setChecked(used)

    def fields(self) -> dict:
        level = SECRECY_LEVELS[self.secrecy.currentIndex()]
        period = self.period.text().strip()
        return {
            "copy_no": self.copy_no.text().strip(),
            "secrecy": f"{level}★{period}" if level and period else level,
            "urgency": URGENCIES[self.urgency.currentIndex()],
            "signers": self.signers.text().strip(),
            "seal_image": self.seal.text().strip(),
        }
