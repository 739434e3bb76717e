"""责任单位 → 按常设单位模板添加: the county template, filled with the county's name and edited
before saving; units the registry already has (by name or alias) are left as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from app.services.errors import DomainError
from app.services.first_start.county_template import TemplateUnit, load_template
from app.services.first_start.first_start_service import check_template_units
from app.ui.dialogs import messages
from app.ui.dialogs.form_layout import ok_cancel
from app.ui.widgets.template_units_editor import TemplateUnitsEditor


class TemplateUnitsDialog(QDialog):
    def __init__(self, resources, county: str, parent=None):
        super().__init__(parent)
        self.setObjectName("templateUnitsDialog")
        self.setWindowTitle("按常设单位模板添加")
        self.rows: list[TemplateUnit] = []
        template = load_template(resources)  # a missing file: DomainError, shown by the caller
        hint = QLabel(f"按“{county or '本县'}”填好了县（区）通常设置的单位。取消勾选不需要的，单元格可直接修改；"
                      "名录中已有的单位（名称或别名相同）不会重复添加。")
        hint.setWordWrap(True)
        self.editor = TemplateUnitsEditor()
        self.editor.set_template(template.units, county)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.editor, 1)
        lay.addWidget(ok_cancel(self, self._check))
        self.resize(860, 560)
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(min(860, area.width() - 40), min(560, area.height() - 60))

    def _check(self) -> None:
        try:
            self.rows = check_template_units(self.editor.chosen())
        except DomainError as exc:  # the clerk's edits stay in the table to be corrected
            messages.warn(self, "无法添加", exc.message)
            return
        self.accept()
