"""The editor form of one notice (公文): issuers, 文号, title, 主送, body, attachments, signature,
dates, 附注, 抄送, 印发机关. It only shows and collects values; the page saves them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import IssuerDTO, NoticeDTO, PlanSummary
from app.ui.widgets.notice_extras import NoticeExtras

# kinds the document engine knows: the plan itself, and its three summary tables
ATTACHMENT_KINDS = (("plan", "工作要点全文"), ("division", "重点任务分工表"), ("unit-list", "责任清单（按单位）"),
                    ("matrix", "单位任务汇总表"))
SIGNATURE_MODES = (("sealed", "加盖印章"), ("unsealed", "不加盖印章"))


def _qdate(d: date | None) -> QDate:
    return QDate(d) if d else QDate.currentDate()


def _left(button: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class NoticeForm(QWidget):
    edited = Signal()
    take_number = Signal()
    generate_title = Signal()
    default_body = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noticeForm")
        self._loading = False
        self.notice: NoticeDTO | None = None

        self.issuers = QListWidget()
        self.issuers.setObjectName("issuerChoices")
        self.issuers.setMaximumHeight(64)
        self.issuers.itemChanged.connect(self._changed)
        self.prefix = QLineEdit()
        self.prefix.setObjectName("docPrefix")
        self.prefix.setMinimumWidth(60)
        self.prefix.setMaximumWidth(110)
        self.year = QSpinBox()
        self.year.setObjectName("docYear")
        self.year.setRange(1990, 2100)
        self.serial = QSpinBox()
        self.serial.setObjectName("docSerial")
        self.serial.setRange(0, 99999)
        self.serial.setSpecialValueText("未编号")
        self.take = QPushButton("取号")
        self.take.setObjectName("takeNumber")
        self.take.clicked.connect(self.take_number)
        self.number_status = QLabel()
        self.number_status.setObjectName("numberStatus")
        self.number_status.setWordWrap(True)
        num_row = QHBoxLayout()
        num_row.setSpacing(2)
        num_row.addWidget(self.prefix, 1)
        num_row.addWidget(QLabel("〔"))
        num_row.addWidget(self.year)
        num_row.addWidget(QLabel("〕"))
        num_row.addWidget(self.serial)
        num_row.addWidget(QLabel("号"))
        num_row.addStretch(1)
        # 取号 heads the line under the number, so a narrow form never pushes it out of sight
        status_row = QHBoxLayout()
        status_row.addWidget(self.take)
        status_row.addWidget(self.number_status, 1)

        self.plan = QComboBox()
        self.plan.setObjectName("noticePlan")
        self.plan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan.setMinimumContentsLength(8)
        self.title = QLineEdit()
        self.title.setObjectName("noticeTitle")
        gen = QPushButton("按工作要点生成标题")
        gen.clicked.connect(self.generate_title)

        self.recipients = QLineEdit()
        self.recipients.setObjectName("noticeRecipients")
        self.groups_button = QToolButton()
        self.groups_button.setText("单位组")
        self.groups_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.groups_menu = QMenu(self.groups_button)
        self.groups_button.setMenu(self.groups_menu)
        rec_row = QHBoxLayout()
        rec_row.addWidget(self.recipients, 1)
        rec_row.addWidget(self.groups_button)

        self.body = QPlainTextEdit()
        self.body.setObjectName("noticeBody")
        self.body.setMinimumHeight(130)
        body_default = QPushButton("填入默认正文")
        body_default.clicked.connect(self.default_body)
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachmentChoices")
        self.attachments.setMaximumHeight(84)
        for kind, label in ATTACHMENT_KINDS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.attachments.addItem(item)
        self.attachments.itemChanged.connect(self._changed)
        self.signature = QComboBox()
        self.signature.setObjectName("signatureMode")
        for key, label in SIGNATURE_MODES:
            self.signature.addItem(label, key)
        self.sign_date = QDateEdit()
        self.sign_date.setObjectName("signDate")
        self.note = QLineEdit()
        self.note.setObjectName("noticeNote")
        self.note.setPlaceholderText("如“（此件公开发布）”")
        self.cc = QLineEdit()
        self.cc.setObjectName("noticeCc")
        self.printed_by = QLineEdit()
        self.printed_by.setObjectName("printedBy")
        self.print_date = QDateEdit()
        self.print_date.setObjectName("printDate")
        for d in (self.sign_date, self.print_date):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy年M月d日")

        # One field per row, buttons under their field: at 1024×700 or 150 % the column is narrow, and
        # the form scrolls vertically only (see NoticesPage), so nothing may be wider than it.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("发文机关", self.issuers)
        form.addRow("发文字号", num_row)
        form.addRow("", status_row)
        form.addRow("工作要点", self.plan)
        form.addRow("标题", self.title)
        form.addRow("", _left(gen))
        form.addRow("主送机关", rec_row)
        form.addRow("正文", self.body)
        form.addRow("", _left(body_default))
        form.addRow("附件", self.attachments)
        form.addRow("署名", self.signature)
        form.addRow("成文日期", self.sign_date)
        form.addRow("附注", self.note)
        form.addRow("抄送", self.cc)
        form.addRow("印发机关", self.printed_by)
        form.addRow("印发日期", self.print_date)
        self.extras = NoticeExtras()
        self.extras.edited.connect(self._changed)
        self.extras.toggled.connect(self._changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(form)
        lay.addWidget(self.extras)
        lay.addStretch(1)

        for w in (self.prefix, self.title, self.recipients, self.note, self.cc, self.printed_by):
            w.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        for w in (self.year, self.serial):
            w.valueChanged.connect(self._changed)
        for w in (self.plan, self.signature):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.sign_date, self.print_date):
            w.dateChanged.connect(self._changed)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    # ---- loading -------------------------------------------------------------------------
    def set_choices(self, issuers: list[IssuerDTO], plans: list[PlanSummary], groups: list[str]) -> None:
        self._loading = True
        try:
            self.issuers.clear()
            for i in issuers:
                item = QListWidgetItem(f"{i.name}（{i.prefix or '无代字'}）")
                item.setData(Qt.ItemDataRole.UserRole, i.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.issuers.addItem(item)
            self.plan.clear()
            self.plan.addItem("（不关联工作要点）", None)
            for p in plans:
                self.plan.addItem(p.title, p.id)
            self.groups_menu.clear()
            for g in groups:
                self.groups_menu.addAction(g, lambda g=g: self.add_recipient(g))
        finally:
            self._loading = False

    def load(self, n: NoticeDTO | None) -> None:
        self._loading = True
        try:
            self.notice = n
            if n is None:
                self.setEnabled(False)
                return
            chosen = [i.id for i in n.issuers]
            for row in range(self.issuers.count()):
                item = self.issuers.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.prefix.setText(n.doc_prefix)
            self.year.setValue(n.doc_year or (n.sign_date or date.today()).year)
            self.serial.setValue(n.doc_serial or 0)
            self.plan.setCurrentIndex(max(0, self.plan.findData(n.plan_id)))
            self.title.setText(n.title)
            self.recipients.setText(n.recipients)
            self.body.setPlainText(n.body)
            kinds = {a.get("kind") for a in n.attachments}
            for row in range(self.attachments.count()):
                item = self.attachments.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in kinds
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.signature.setCurrentIndex(max(0, self.signature.findData(n.signature_mode)))
            self.sign_date.setDate(_qdate(n.sign_date))
            self.note.setText(n.note)
            self.cc.setText(n.cc)
            self.printed_by.setText(n.printed_by)
            self.print_date.setDate(_qdate(n.print_date or n.sign_date))
            self.extras.load(n)
            for edit in (self.title, self.recipients, self.note, self.cc, self.printed_by):
                edit.setCursorPosition(0)  # a long line shows its beginning
            self.setEnabled(n.status != "已印发")
        finally:
            self._loading = False

    def add_recipient(self, name: str) -> None:
        text = self.recipients.text().strip().rstrip("：:")
        parts = [p for p in text.replace(",", "，").split("，") if p.strip()]
        if name not in parts:
            parts.append(name)
        self.recipients.setText("，".join(parts) + "：")

    # ---- values --------------------------------------------------------------------------
    def issuer_ids(self) -> list[int]:
        return [self.issuers.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.issuers.count())
                if self.issuers.item(r).checkState() == Qt.CheckState.Checked]

    def attachment_kinds(self) -> list[str]:
        return [self.attachments.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.attachments.count())
                if self.attachments.item(r).checkState() == Qt.CheckState.Checked]

    def fields(self) -> dict:
        return {
            "doc_prefix": self.prefix.text().strip(),
            "doc_year": self.year.value(),
            "doc_serial": self.serial.value() or None,
            "plan_id": self.plan.currentData(),
            "title": self.title.text().strip(),
            "recipients": self.recipients.text().strip(),
            "body": self.body.toPlainText().strip(),
            "signature_mode": self.signature.currentData(),
            "sign_date": _pydate(self.sign_date.date()),
            "note": self.note.text().strip(),
            "cc": self.cc.text().strip(),
            "printed_by": self.printed_by.text().strip(),
            "print_date": _pydate(self.print_date.date()),
            **(self.extras.fields() if self.extras.isChecked() else dict.fromkeys(
                ("copy_no", "secrecy", "urgency", "signers", "seal_image"), "")),
        }

    def set_number_status(self, text: str, ok: bool) -> None:
        self.number_status.setText(text)
        self.number_status.setStyleSheet("color: #1a7f37;" if ok else "color: #c62828;")
