"""The strip across the top of the sample's window: what this is, and the way back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

BANNER_TEXT = "示例数据，不会保存到您的数据库"


class SampleBanner(QFrame):
    back_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setStyleSheet("QFrame#sampleBanner { background: #fff4c2; border-bottom: 1px solid #d9b300; }"
                           "QLabel#sampleBannerText { font-weight: bold; color: #6b4e00; }")
        self.text = QLabel(BANNER_TEXT)
        self.text.setObjectName("sampleBannerText")
        detail = QLabel("这里是虚构的示例县，可以随意修改试用；返回后示例连同修改一并丢弃。")
        detail.setStyleSheet("color: #6b4e00;")
        self.back_button = QPushButton("返回我的数据库")
        self.back_button.setObjectName("backToMyDatabase")
        self.back_button.clicked.connect(self.back_requested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.text)
        lay.addSpacing(12)
        lay.addWidget(detail, 1)
        lay.addWidget(self.back_button)
