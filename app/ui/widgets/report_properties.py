"""The report's properties (文号 of each variant, 签发人, dates, part order, where the 第一责任人 part
sits) and what the format checker still finds in the chosen variant. Changes leave as
`update_requested(fields, label)`; the page runs them as undoable commands."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dates import format_cn_date, parse_cn_date
from app.services.reports import template as T
from app.services.reports.dto import ReportDTO
from app.ui.error_reporting import show_error

ORDERS = (("法定顺序：举措成效、不足、第一责任人、下一年度、其他", "measures,shortcomings,duty,next_year,other"),
          ("第一责任人在前", "duty,measures,shortcomings,next_year,other"),
          ("下一年度安排在不足之前", "measures,duty,next_year,shortcomings,other"))


class ReportProperties(QWidget):
    update_requested = Signal(dict, str)
    check_requested = Signal(str)  # variant
    default_requested = Signal()  # the order and placement become the county's default
    setting_requested = Signal(str, str)  # a county-wide value (主送 / 抄送 of the variants)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.gov_number = QLineEdit()
        self.gov_number.setObjectName("reportGovNumber")
        self.gov_number.setPlaceholderText("如 示政发〔2027〕3号")
        self.joint_number = QLineEdit()
        self.joint_number.setObjectName("reportJointNumber")
        self.joint_number.setPlaceholderText("如 示发〔2027〕2号")
        self.signers = QLineEdit()
        self.signers.setObjectName("reportSigners")
        self.signers.setPlaceholderText("联合报告（上行文）的签发人，多人用顿号分隔")
        self.sign_date = QLineEdit()
        self.sign_date.setObjectName("reportSignDate")
        self.submitted = QLineEdit()
        self.submitted.setObjectName("reportSubmitted")
        self.submitted.setPlaceholderText("报送后填写，如 2027年3月10日")
        self.published = QLineEdit()
        self.published.setObjectName("reportPublished")
        self.published.setPlaceholderText("在政府网站公开后填写")
        self.order = QComboBox()
        self.order.setObjectName("reportOrder")
        for text, keys in ORDERS:
            self.order.addItem(text, keys)
        self.placement = QComboBox()
        self.placement.setObjectName("reportPlacement")
        for key, text in T.PLACEMENTS.items():
            self.placement.addItem(text, key)
        for edit, (key, label) in ((self.gov_number, ("gov_doc_number", "修改县政府报告文号")),
                                   (self.joint_number, ("joint_doc_number", "修改联合报告文号")),
                                   (self.signers, ("signers", "修改签发人"))):
            edit.editingFinished.connect(lambda e=edit, k=key, t=label: self._text_changed(e, k, t))
        for edit, key, label in ((self.sign_date, "sign_date", "修改成文日期"),
                                 (self.submitted, "submitted_on", "登记报送日期"),
                                 (self.published, "published_on", "登记公开日期")):
            edit.editingFinished.connect(lambda e=edit, k=key, t=label: self._date_changed(e, k, t))
        self.order.activated.connect(lambda _i: self._emit({"part_order": self.order.currentData()}, "调整各部分顺序"))
        self.placement.activated.connect(
            lambda _i: self._emit({"duty_placement": self.placement.currentData()}, "调整第一责任人部分的位置"))
        self.superior = QLineEdit()
        self.superior.setObjectName("reportSuperior")
        self.superior.setPlaceholderText("联合报告的主送，如 中共××市委、××市人民政府（本县通用）")
        self.joint_cc = QLineEdit()
        self.joint_cc.setObjectName("reportJointCc")
        self.joint_cc.setPlaceholderText("联合报告的抄送，如 ××市委全面依法治市委员会办公室（本县通用）")
        for edit, key in ((self.superior, "report_superior"), (self.joint_cc, "report_joint_cc")):
            edit.editingFinished.connect(lambda e=edit, k=key: self.setting_requested.emit(k, e.text().strip()))
        form = QFormLayout()
        form.addRow("县政府报告文号：", self.gov_number)
        form.addRow("联合报告文号：", self.joint_number)
        form.addRow("签发人：", self.signers)
        form.addRow("联合报告主送：", self.superior)
        form.addRow("联合报告抄送：", self.joint_cc)
        form.addRow("成文日期：", self.sign_date)
        form.addRow("各部分顺序：", self.order)
        form.addRow("第一责任人部分：", self.placement)
        form.addRow("报送日期：", self.submitted)
        form.addRow("公开日期：", self.published)
        default = QPushButton("设为本县默认顺序")
        default.setObjectName("reportDefaultOrder")
        default.setToolTip("以后新建的年度报告按此顺序和位置起草")
        default.clicked.connect(self.default_requested.emit)
        form.addRow("", default)
        box = QGroupBox("报告属性")
        box.setLayout(form)
        self.variant = QComboBox()
        self.variant.setObjectName("reportCheckVariant")
        for key, text in T.VARIANTS.items():
            self.variant.addItem(text, key)
        self.variant.addItem("公开版（政府网站）", "public")
        check = QPushButton("检查格式")
        check.setObjectName("reportCheck")
        check.clicked.connect(lambda: self.check_requested.emit(self.variant.currentData()))
        self.findings = QListWidget()
        self.findings.setObjectName("reportFindings")
        row = QHBoxLayout()
        row.addWidget(QLabel("检查："))
        row.addWidget(self.variant, 1)
        row.addWidget(check)
        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addLayout(row)
        lay.addWidget(self.findings, 1)
        self._report: ReportDTO | None = None

    def set_county_values(self, superior: str, joint_cc: str) -> None:
        self.superior.setText(superior)
        self.joint_cc.setText(joint_cc)

    def set_report(self, report: ReportDTO | None) -> None:
        self._report = report
        r = report
        self.gov_number.setText(r.gov_doc_number if r else "")
        self.joint_number.setText(r.joint_doc_number if r else "")
        self.signers.setText("、".join(r.signers) if r else "")
        for edit, value in ((self.sign_date, r.sign_date if r else None), (self.submitted, r.submitted_on if r else None),
                            (self.published, r.published_on if r else None)):
            edit.setText(format_cn_date(value) if value else "")
        keys = ",".join(r.part_order) if r else ORDERS[0][1]
        found = self.order.findData(keys)
        if found < 0:
            self.order.addItem("、".join(T.PART_NAMES[k][:6] for k in r.part_order), keys)
            found = self.order.count() - 1
        self.order.setCurrentIndex(found)
        self.placement.setCurrentIndex(max(0, self.placement.findData(r.duty_placement if r else T.CHAPTER)))
        self.setEnabled(r is not None)

    def show_findings(self, lines: list[str]) -> None:
        self.findings.clear()
        self.findings.addItems(lines or ["未发现格式问题。"])

    def _emit(self, fields: dict, label: str) -> None:
        if self._report is not None:
            self.update_requested.emit(fields, label)

    def _text_changed(self, edit: QLineEdit, key: str, label: str) -> None:
        r = self._report
        if r is None:
            return
        now = edit.text().strip()
        old = "、".join(r.signers) if key == "signers" else getattr(r, key)
        if now != old:
            self._emit({key: now}, label)

    def _date_changed(self, edit: QLineEdit, key: str, label: str) -> None:
        r = self._report
        if r is None:
            return
        text = edit.text().strip()
        try:
            value: date | None = parse_cn_date(text) if text else None
        except Exception as exc:
            show_error(self, exc)
            edit.setText(format_cn_date(getattr(r, key)) if getattr(r, key) else "")
            return
        if value != getattr(r, key):
            self._emit({key: value}, label)
