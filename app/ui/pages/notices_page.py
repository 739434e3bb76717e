"""公文 page: list of notices (every version), the editor form, a live PDF preview with the
checker's warnings, export (PDF / DOCX / XLSX), printing, "mark as issued" and revisions.

An issued version shows, exports and prints the files kept when it was issued (NoticeLifecycle,
document_output); only the current draft is edited and previewed live."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.dto import NoticeDTO
from app.services.errors import DomainError
from app.services.versions import ConflictError
from app.ui import document_output
from app.ui.conflicts import settle
from app.ui.dialogs import messages
from app.ui.error_reporting import reports_errors
from app.ui.pages.notice_actions import MODES, NoticeActions
from app.ui.pages.notice_lifecycle import NoticeLifecycle
from app.ui.widgets.notice_form import ATTACHMENT_KINDS, NoticeForm
from app.ui.widgets.pdf_preview import PdfPreview

SAVE_DELAY_MS = 600


def list_text(n: NoticeDTO) -> str:
    """A notice's two lines in the list: title, then 文号 · 第N版 status."""
    return f"{n.title or '（无标题）'}\n{n.doc_number or '未编号'} · 第{n.revision}版 {n.status}"


class NoticesPage(QWidget):
    status_message = Signal(str)
    preview_ready = Signal()
    notice_issued = Signal(object)  # the plan id of the notice just issued, or None

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.notices = ctx.services.notices
        self.notice: NoticeDTO | None = None
        self._generation = 0
        self._preview_stale = True
        self.actions = NoticeActions(self)
        self.lifecycle = NoticeLifecycle(self)

        self.list = QListWidget()
        self.list.setObjectName("noticeList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._selected)
        new = QPushButton("新建公文")
        new.setObjectName("newNotice")
        new.clicked.connect(self.new_notice)
        self.delete_button = delete = QPushButton("删除")
        delete.setObjectName("deleteNotice")
        delete.clicked.connect(self.delete_notice)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(delete)
        ll.addLayout(row)

        self.form = NoticeForm()
        self.form.edited.connect(self._schedule_save)
        self.form.take_number.connect(self.take_number)
        self.form.generate_title.connect(self.generate_title)
        self.form.default_body.connect(self.fill_default_body)
        self.banner = QLabel()
        self.banner.setObjectName("noticeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff4e5;border:1px solid #f0b45a;padding:6px;")
        self.banner.hide()
        form_scroll = QScrollArea()
        form_scroll.setObjectName("noticeFormScroll")
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # scrolls down only
        form_scroll.setWidget(self.form)
        self.form_scroll = form_scroll
        self.mode = QComboBox()
        self.mode.setObjectName("noticeMode")
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex(max(0, self.mode.findData(ctx.settings.print_mode)))
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("pdf", "导出 PDF", self.export_pdf), ("docx", "导出 Word", self.export_docx),
                                ("xlsx", "导出分工表 Excel", self.export_xlsx), ("print", "打印…", self.print_notice),
                                ("issue", "标记为已印发", self.mark_issued), ("revise", "新建修订版", self.new_revision)):
            b = QPushButton(text)
            b.setObjectName(f"notice_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(QLabel("印制："))
        bar.addWidget(self.mode)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.banner)
        ml.addWidget(form_scroll, 1)

        self.preview = PdfPreview()
        self.split = split = QSplitter()
        split.setObjectName("noticeSplit")
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 3)
        split.setCollapsible(1, False)
        left.setMinimumWidth(120)
        middle.setMinimumWidth(300)
        self._sized = False
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self.settings_changed()
        self.reload()
        self._just_built = True  # until control returns to the event loop (see activate)
        QTimer.singleShot(0, self._settled)

    # ---- list ----------------------------------------------------------------------------
    def _settled(self) -> None:
        self._just_built = False

    def activate(self) -> None:
        if self._just_built:  # shown in the same moment it was built: loaded just now, preview on its way
            self._just_built = False
            return
        self.settings_changed()
        self.reload(self.notice.id if self.notice else None)

    def settings_changed(self) -> None:
        self.save_now()  # the form is reloaded below: an edit waiting for its autosave goes in first
        groups = [u.name for u in self.ctx.services.units.list_units(category="集合") if u.active]
        groups = list(dict.fromkeys(["各乡镇人民政府", "县政府各部门", *groups]))
        self.form.set_choices(self.notices.list_issuers(), self.ctx.services.plans.list_plans(), groups)
        if self.notice is not None:
            self.form.load(self.notice)

    def reload(self, select_id: int | None = None) -> None:
        self.save_now()
        notices = self.notices.list_notices(include_old_revisions=True)
        issued_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self.list.blockSignals(True)
        self.list.clear()
        select_row = 0
        for row, n in enumerate(notices):
            item = QListWidgetItem(list_text(n))
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            if n.status == "已印发":
                item.setIcon(issued_icon)
            if not n.is_current:
                item.setForeground(QBrush(QColor("#666666")))
            self.list.addItem(item)
            if n.id == select_id:
                select_row = row
        if notices:
            self.list.setCurrentRow(select_row)
        self.list.blockSignals(False)
        self._selected(self.list.currentItem(), None)

    def _selected(self, item: QListWidgetItem | None, _previous) -> None:
        self.save_now()
        self._show(self.notices.get_notice(item.data(Qt.ItemDataRole.UserRole)) if item else None)

    def _show(self, notice: NoticeDTO | None) -> None:
        self.notice = notice
        self.form.load(notice)
        banner = self.lifecycle.banner_text(notice) if notice is not None else ""
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        states = self.lifecycle.button_states(notice)
        for key, b in self.buttons.items():
            b.setEnabled(states[key])
        self.delete_button.setEnabled(states["delete"])
        self._check_number()
        self.refresh_preview()

    # ---- saving --------------------------------------------------------------------------
    def _schedule_save(self) -> None:
        self._save_timer.start()
        self._check_number()

    def save_now(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save()

    def stop_autosave(self) -> None:
        self._save_timer.stop()

    def save(self) -> bool:
        n = self.notice
        if n is None or n.status == "已印发" or not n.is_current:
            return False
        fields = self.form.fields()
        try:
            attachments = self._attachments(fields["plan_id"])  # reads the plan, which may be gone
            save = partial(self.notices.update_notice, n.id, issuer_ids=self.form.issuer_ids() or None,
                           attachments=attachments, **fields)
            try:
                self.notice = save(expected_version=n.version or None)
            except ConflictError as conflict:  # a colleague saved this notice first
                return self._conflict(conflict, save)
        except DomainError as exc:
            self.form.set_number_status(exc.message, False)
            self.status_message.emit(f"未保存：{exc.message}")
            return False
        self._update_list_item()
        self.status_message.emit("公文已保存。")
        self.refresh_preview()
        return True

    def _conflict(self, conflict: ConflictError, save) -> bool:
        def keep(c: ConflictError) -> None:
            self.notice = save(expected_version=c.current)

        def reload() -> None:
            self.reload(None if conflict.deleted else conflict.entity_id)
            self.status_message.emit("已重新载入同事保存的公文，您的修改未保存。")

        if not settle(self, self.ctx.services, conflict, keep, reload):
            return False
        self._update_list_item()
        self.status_message.emit("公文已保存（保留了您的修改）。")
        self.refresh_preview()
        return True

    def _attachments(self, plan_id: int | None) -> list[dict]:
        titles = {"plan": "", "division": "重点任务分工表", "unit-list": "责任清单", "matrix": "单位任务汇总表"}
        titles["plan"] = self.ctx.services.plans.get_plan(plan_id).title if plan_id else dict(ATTACHMENT_KINDS)["plan"]
        return [{"kind": kind, "title": titles[kind]} for kind in self.form.attachment_kinds()]

    def _update_list_item(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.notice is not None:
            item.setText(list_text(self.notice))

    def _check_number(self) -> None:
        n = self.notice
        if n is None:
            self.form.set_number_status("", True)
            return
        if n.status == "已印发":
            self.form.set_number_status(f"已印发，文号 {n.doc_number}。", True)
            return
        f = self.form.fields()
        prefix, year, serial = f["doc_prefix"], f["doc_year"], f["doc_serial"]
        suggestion = self.notices.suggest_serial(prefix, year) if prefix else None
        if serial is None:
            self.form.set_number_status(f"尚未编号；建议取 {suggestion} 号。" if suggestion else "请填写代字。", True)
            return
        try:
            self.notices.check_doc_number(prefix, year, serial, n.lineage_id)
        except DomainError as exc:
            self.form.set_number_status(exc.message, False)
            return
        self.form.set_number_status("文号可用。", True)

    def take_number(self) -> None:
        f = self.form.fields()
        if f["doc_prefix"]:
            self.form.serial.setValue(self.notices.suggest_serial(f["doc_prefix"], f["doc_year"]))

    @reports_errors
    def generate_title(self) -> None:
        plan_id = self.form.plan.currentData()
        if plan_id is None:
            messages.inform(self, "生成标题", "请先在“工作要点”中选择要印发的工作要点。")
            return
        self.form.title.setText(f"关于印发《{self.ctx.services.plans.get_plan(plan_id).title}》的通知")

    @reports_errors
    def fill_default_body(self) -> None:
        plan_id = self.form.plan.currentData()
        name = f"《{self.ctx.services.plans.get_plan(plan_id).title}》" if plan_id else "《工作要点》"
        county = self.ctx.settings.county_name
        self.form.body.setPlainText(
            f"{name}已经{county}人民政府同意，现印发给你们，请结合工作实际，认真贯彻落实。\n"
            "各乡镇、各部门要对照任务分工，制定具体落实措施，按时报送工作推进情况。")

    # ---- create, delete, issue, revise (see NoticeLifecycle) ------------------------------
    def new_notice(self) -> None:
        self.lifecycle.new_notice()

    def delete_notice(self) -> None:
        self.lifecycle.delete_notice()

    def mark_issued(self) -> None:
        self.lifecycle.mark_issued()

    def new_revision(self) -> None:
        self.lifecycle.new_revision()

    def save_now_or_fail(self) -> bool:
        self._save_timer.stop()
        return self.notice is not None and (self.notice.status == "已印发" or self.save())

    # ---- preview, export, print (see NoticeActions) -----------------------------------
    def current_mode(self) -> str:
        return self.mode.currentData()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            self._sized = True  # shares the width once, as the screen allows: list ⅙, form and preview the rest
            width = self.split.width() or self.width()
            first = max(140, min(230, width // 6))
            self.split.setSizes([first, (width - first) * 11 // 20, (width - first) * 9 // 20])
        if self._preview_stale:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """Renders the preview in the background; only while the page is shown (else later)."""
        self._preview_stale = not self.isVisible()
        if self._preview_stale:
            return
        if self.notice is None:
            self.preview.show_message("尚无公文")
            self.preview.set_warnings([])
            return
        self._generation += 1
        generation, notice_id, mode = self._generation, self.notice.id, self.current_mode()
        self.preview.set_busy()
        self.ctx.runner.submit(lambda control: document_output.preview(self.ctx, notice_id, mode),
                               lambda result: self._preview_done(generation, result),
                               lambda exc: self._preview_failed(generation, exc),
                               title="正在生成预览…", lane="render", show_progress=False)

    def _preview_done(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # a newer preview is on its way
        self.preview.show_pdf(result.pdf)
        self.preview.set_warnings(result.warnings)
        self.preview_ready.emit()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            from app.ui.error_reporting import user_message

            self.preview.show_message(f"无法生成预览：{user_message(exc)}")

    def export_pdf(self) -> None:
        self.actions.export("pdf")

    def export_docx(self) -> None:
        self.actions.export("docx")

    def export_xlsx(self) -> None:
        self.actions.export("xlsx")

    def print_notice(self) -> None:
        self.actions.print_notice()
