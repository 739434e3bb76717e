"""首次使用: the county's name, the issuers to set up and where the unit list comes from.

Two steps in one dialog, opened with open() (never blocking). 完成 writes through the TaskRunner and
closes only when everything was saved; an answer that cannot be saved is said in red, in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.errors import DomainError
from app.services.first_start.county_template import (
    PLACEHOLDER_COUNTY,
    CountyTemplate,
    IssuerChoice,
    fill,
    load_template,
)
from app.services.first_start.first_start_service import FirstStartChoice, check_county, check_issuers
from app.ui.dialogs import messages
from app.ui.error_reporting import user_message
from app.ui.widgets.template_units_editor import TemplateUnitsEditor

SOURCES = (("template", "使用常设单位模板：县委、县政府部门，法院、检察院，群团组织，各乡镇（作为一组）"),
           ("xlsx", "从 Excel 导入本单位已有的单位名录（.xlsx，第一行写列名：单位名称、简称、类别、别名……）"),
           ("none", "暂不添加，以后在“责任单位”页逐个新增或导入"))
INTRO = ("这是一个新的数据库，里面还没有任何数据。请填写本县的名称，程序据此填好发文机关和常用单位，"
         "您可以先修改再保存。以后都可以在“设置”和“责任单位”页中修改。\n"
         "想先看看程序能做什么：“文件 → 打开示例”随时可以查看示例县的数据，示例不会存入您的数据库。")


class IssuerRow:
    """One issuer to set up: a tick, 全称, 发文机关标志 and 代字, filled from the county's name until
    the clerk types in a field."""

    def __init__(self, raw: IssuerChoice, grid: QGridLayout, row: int):
        self.raw = raw
        self.use = QCheckBox()
        self.use.setChecked(True)
        self.name, self.header, self.prefix = QLineEdit(), QLineEdit(), QLineEdit()
        self.edited: set[str] = set()
        for key, edit in (("name", self.name), ("header", self.header), ("prefix", self.prefix)):
            edit.textEdited.connect(lambda _t, k=key: self.edited.add(k))
        for col, w in enumerate((self.use, self.name, self.header, self.prefix)):
            grid.addWidget(w, row, col)

    def fill(self, county: str) -> None:
        for key, edit, raw in (("name", self.name, self.raw.name), ("header", self.header, self.raw.header_text),
                               ("prefix", self.prefix, self.raw.prefix)):
            edit.setPlaceholderText(fill(raw, PLACEHOLDER_COUNTY))
            if key not in self.edited:
                edit.setText(fill(raw, county) if county else "")

    def choice(self) -> IssuerChoice | None:
        if not self.use.isChecked():
            return None
        return IssuerChoice(self.name.text().strip(), self.header.text().strip(), self.prefix.text().strip())


class FirstStartDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.report = None
        self.setObjectName("firstStartDialog")
        self.setWindowTitle("首次使用：设置本县信息")
        try:
            self.template = load_template(ctx.resources)
            template_problem = ""
        except DomainError as exc:
            self.template, template_problem = CountyTemplate(), exc.message

        title = QLabel("欢迎使用法治工作台")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("firstStartStep")
        self.step_label.setStyleSheet("font-weight: bold;")

        self.stack = QStackedWidget()
        self.stack.addWidget(self._county_page())
        self.stack.addWidget(self._units_page(template_problem))

        self.error_label = QLabel()
        self.error_label.setObjectName("firstStartError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.later_button = QPushButton("以后再说")
        self.later_button.setToolTip("不再显示本窗口；本县名称、发文机关和单位可在“设置”“责任单位”页填写")
        self.back_button = QPushButton("上一步")
        self.next_button = QPushButton("下一步")
        self.finish_button = QPushButton("完成")
        for b, name, slot in ((self.later_button, "laterButton", self.reject), (self.back_button, "backButton",
                              self.back), (self.next_button, "nextButton", self.next_step),
                              (self.finish_button, "finishButton", self.finish)):
            b.setObjectName(name)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(b)

        lay = QVBoxLayout(self)
        for w in (title, intro, self.step_label):
            lay.addWidget(w)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.error_label)
        lay.addLayout(buttons)
        self.county.textChanged.connect(self._county_changed)
        self._county_changed("")
        self._show_step(0)
        self._fit_screen()

    # ---- pages -----------------------------------------------------------------------------
    def _county_page(self) -> QWidget:
        self.county = QLineEdit()
        self.county.setObjectName("firstStartCounty")
        self.county.setPlaceholderText(f"如：{PLACEHOLDER_COUNTY}（区、县级市同样填写全称）")
        form = QFormLayout()
        form.addRow("本县（区）名称", self.county)
        box = QGroupBox("要设立的发文机关（按县名自动填写，可以修改；勾选的第一个作为默认发文机关）")
        grid = QGridLayout(box)
        for col, text in enumerate(("设立", "全称", "发文机关标志", "代字")):
            grid.addWidget(QLabel(text), 0, col)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 4)
        grid.setColumnStretch(3, 1)
        self.issuer_rows = [IssuerRow(raw, grid, row) for row, raw in enumerate(self.template.issuers, start=1)]
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(form)
        lay.addWidget(box)
        hint = QLabel("发文机关标志是红头上的文字；代字用于发文字号，如“某政办发〔2026〕1号”中的“某政办发”。"
                      "其他发文机关可在“设置”页添加。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        lay.addWidget(hint)
        lay.addStretch(1)
        return page

    def _units_page(self, template_problem: str) -> QWidget:
        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[str, QRadioButton] = {}
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        for i, (key, text) in enumerate(SOURCES):
            radio = QRadioButton(text)
            radio.setObjectName(f"source_{key}")
            self.source_group.addButton(radio, i)
            self.source_buttons[key] = radio
            lay.addWidget(radio)
        self.source_detail = QStackedWidget()
        self.template_editor = TemplateUnitsEditor()
        self.template_editor.set_template(self.template.units, "")
        self.source_detail.addWidget(self.template_editor)
        self.source_detail.addWidget(self._xlsx_panel())
        self.source_detail.addWidget(QLabel("单位名录为空。编排工作要点时，名录中没有的单位可以随时新建。"))
        lay.addWidget(self.source_detail, 1)
        self.source_group.idToggled.connect(lambda i, on: on and self.source_detail.setCurrentIndex(i))
        if template_problem or not self.template.units:
            self.source_buttons["template"].setEnabled(False)
            self.source_buttons["template"].setToolTip(template_problem)
            self.source_buttons["none"].setChecked(True)
        else:
            self.source_buttons["template"].setChecked(True)
        return page

    def _xlsx_panel(self) -> QWidget:
        self.xlsx_path = QLineEdit()
        self.xlsx_path.setObjectName("firstStartXlsx")
        self.xlsx_path.setPlaceholderText("选择 Excel 文件")
        self.xlsx_path.editingFinished.connect(self._preview_xlsx)
        pick = QPushButton("选择…")
        pick.setObjectName("pickXlsx")
        pick.clicked.connect(self.pick_xlsx)
        self.xlsx_preview = QLabel()
        self.xlsx_preview.setObjectName("xlsxPreview")
        self.xlsx_preview.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.xlsx_path, 1)
        row.addWidget(pick)
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.addLayout(row)
        lay.addWidget(self.xlsx_preview)
        lay.addStretch(1)
        return panel

    # ---- answers ---------------------------------------------------------------------------
    def source(self) -> str:
        return next(key for key, radio in self.source_buttons.items() if radio.isChecked())

    def choice(self) -> FirstStartChoice:
        source = self.source()
        path = self.xlsx_path.text().strip()
        return FirstStartChoice(
            county_name=self.county.text(),
            issuers=tuple(c for r in self.issuer_rows if (c := r.choice()) is not None),
            unit_source=source,
            template_units=tuple(self.template_editor.chosen()) if source == "template" else (),
            xlsx_path=Path(path) if source == "xlsx" and path else None,
        )

    def _county_changed(self, text: str) -> None:
        county = "".join(text.split())
        for row in self.issuer_rows:
            row.fill(county)
        self.template_editor.set_county(county)

    def pick_xlsx(self) -> None:
        path = messages.open_file(self, "选择单位名录", messages.XLSX_FILTER)
        if path:
            self.xlsx_path.setText(path)
            self._preview_xlsx()

    def _preview_xlsx(self) -> None:
        from app.services.unit_io import read_unit_sheet  # openpyxl loads only when a file is chosen

        path = self.xlsx_path.text().strip()
        if not path:
            self.xlsx_preview.clear()
            return
        try:
            names = read_unit_sheet(Path(path)).names()
        except (DomainError, OSError) as exc:
            self.xlsx_preview.setText(user_message(exc))
            return
        shown = "、".join(names[:8]) + ("……" if len(names) > 8 else "")
        self.xlsx_preview.setText(f"表中有 {len(names)} 个单位：{shown}" if names else "表中没有单位名称。")

    # ---- steps -----------------------------------------------------------------------------
    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.step_label.setText(("第 1 步，共 2 步：本县名称与发文机关", "第 2 步，共 2 步：责任单位名录")[step])
        self.back_button.setEnabled(step > 0)
        self.next_button.setVisible(step == 0)
        self.finish_button.setVisible(step == 1)
        (self.next_button if step == 0 else self.finish_button).setDefault(True)

    def next_step(self) -> None:
        try:
            county = check_county(self.county.text())
            check_issuers(self.choice().issuers)
        except DomainError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.template_editor.set_county(county)
        self._show_step(1)

    def back(self) -> None:
        self.error_label.clear()
        self._show_step(0)

    def finish(self) -> None:
        choice = self.choice()
        self.finish_button.setEnabled(False)
        self.ctx.runner.submit(lambda control: self.ctx.services.first_start.apply(choice), self._saved,
                               self._failed, title="正在保存本县信息…", writes=True)

    def _saved(self, report) -> None:
        self.report = report
        self.finish_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.finish_button.setEnabled(True)
        self.error_label.setText(user_message(exc))

    def _fit_screen(self) -> None:
        self.resize(900, 620)
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(min(900, area.width() - 40), min(620, area.height() - 60))

    def keyPressEvent(self, event) -> None:
        # Enter in a table cell must not finish the dialog
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.template_editor.table.hasFocus():
            return
        super().keyPressEvent(event)
