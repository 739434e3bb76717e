"""Add or edit one unit: name, short name, category, aliases (one a line), contact, order, state."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QPlainTextEdit, QSpinBox

from app.services.dto import UnitDTO
from app.services.units import UNIT_CATEGORIES
from app.ui.dialogs.form_layout import form_with_buttons


class UnitDialog(QDialog):
    def __init__(self, unit: UnitDTO | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.setWindowTitle(f"编辑单位：{unit.name}" if unit else "新增单位")
        self.resize(460, 420)
        self.unit = unit
        self.name = QLineEdit(unit.name if unit else "")
        self.name.setObjectName("unitNameEdit")
        self.short_name = QLineEdit(unit.short_name if unit else "")
        self.category = QComboBox()
        self.category.addItems(list(UNIT_CATEGORIES))
        self.category.setCurrentText(unit.category if unit else "县政府部门")
        self.aliases = QPlainTextEdit("\n".join(unit.aliases) if unit else "")
        self.aliases.setObjectName("aliasesEdit")
        self.aliases.setPlaceholderText("每行一个，如“示例县司法局”“县法制办”")
        self.contact = QLineEdit(unit.contact_person if unit else "")
        self.phone = QLineEdit(unit.phone if unit else "")
        self.sort_order = QSpinBox()
        self.sort_order.setRange(0, 99999)
        self.sort_order.setValue(unit.sort_order if unit else 0)
        self.sort_order.setSpecialValueText("排在最后")
        self.active = QCheckBox("在用（停用的单位不再出现在选择列表中）")
        self.active.setChecked(unit.active if unit else True)
        form_with_buttons(self, (("单位名称", self.name), ("简称", self.short_name), ("类别", self.category),
                                 ("别名", self.aliases), ("联系人", self.contact), ("联系电话", self.phone),
                                 ("排序", self.sort_order), ("", self.active)))

    def values(self) -> dict:
        values = {
            "name": self.name.text().strip(),
            "short_name": self.short_name.text().strip(),
            "category": self.category.currentText(),
            "aliases": [a.strip() for a in self.aliases.toPlainText().splitlines() if a.strip()],
            "contact_person": self.contact.text().strip(),
            "phone": self.phone.text().strip(),
            "active": self.active.isChecked(),
        }
        if self.sort_order.value() or self.unit is not None:
            values["sort_order"] = self.sort_order.value()
        return values
