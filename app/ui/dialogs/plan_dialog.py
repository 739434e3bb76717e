"""A plan's properties: title, kind, year, issuer, preamble, closing, numbering. Used for
"新建空白工作要点" and "属性"."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit, QSpinBox

from app.services.dto import PlanDTO
from app.services.plans import PLAN_KINDS
from app.ui.dialogs.form_layout import form_with_buttons

NUMBERING = (("restart", "（一）每部分重新编号"), ("continuous", "（一）跨部分连续编号"),
             ("continuous:2,3", "（一）和 1. 都连续编号"))
NO_YEAR = 1989  # the year box's lowest value, shown as 未定年度: a plan (often an import) without one


class PlanDialog(QDialog):
    def __init__(self, plan: PlanDTO | None = None, county: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle("工作要点属性" if plan else "新建工作要点")
        self.resize(560, 460)
        year = plan.year if plan else date.today().year
        self.title = QLineEdit(plan.title if plan else f"{county}{year}年法治政府建设工作要点")
        self.title.setObjectName("planTitleEdit")
        self.kind = QComboBox()
        self.kind.addItems(list(PLAN_KINDS))
        if plan:
            self.kind.setCurrentText(plan.kind)
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("未定年度")
        self.year.setValue(year or NO_YEAR)
        self.issuer = QLineEdit(plan.issuer_text if plan else "")
        self.issuer.setPlaceholderText("如“示例县人民政府办公室”")
        self.numbering = QComboBox()
        for key, text in NUMBERING:
            self.numbering.addItem(text, key)
        if plan:
            if self.numbering.findData(plan.numbering) < 0:  # an imported spec such as "continuous:3"
                self.numbering.addItem(f"按原文编号（{plan.numbering}）", plan.numbering)
            self.numbering.setCurrentIndex(self.numbering.findData(plan.numbering))
        self.preamble = QPlainTextEdit(plan.preamble if plan else "")
        self.preamble.setPlaceholderText("指导思想、总体要求等开头段落（可选）")
        self.closing = QPlainTextEdit(plan.closing if plan else "")
        self.closing.setPlaceholderText("工作要求等结尾段落（可选）")
        form_with_buttons(self, (("标题", self.title), ("类型", self.kind), ("年度", self.year),
                                 ("发文机关", self.issuer), ("编号方式", self.numbering),
                                 ("开头段落", self.preamble), ("结尾段落", self.closing)))

    def values(self) -> dict:
        return {
            "title": self.title.text().strip(),
            "kind": self.kind.currentText(),
            "year": self.year.value() if self.year.value() != NO_YEAR else None,
            "issuer_text": self.issuer.text().strip(),
            "numbering": self.numbering.currentData(),
            "preamble": self.preamble.toPlainText().strip(),
            "closing": self.closing.toPlainText().strip(),
        }
