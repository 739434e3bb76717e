"""What the 督办 page's buttons and menu entries do: forms out, returns in, 催报 / 督办通知 / 通报,
the 台账 workbook, the schedule, and the per-task 延期 / 销号 / 序时目标 dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.dates import parse_cn_date
from app.ui.dialogs import messages
from app.ui.error_reporting import reports_errors, show_error
from app.ui.undo.tracking_commands import (
    CloseTaskCommand,
    DraftNoticeCommand,
    ExtensionDecisionCommand,
    ExtensionRequestCommand,
    ImportFormsCommand,
    MilestonesCommand,
    ReopenTaskCommand,
    ScheduleCommand,
    WriteEntriesCommand,
)

if TYPE_CHECKING:
    from app.ui.pages.tracking_page import TrackingPage


class TrackingActions:
    def __init__(self, page: TrackingPage):
        self.page = page
        self.dialog = None

    def toolbar(self):
        return (("forms", "导出报表", self.export_forms), ("import", "导入回收", self.import_returns),
                ("remind", "催报", self.remind), ("supervise", "督办", self.supervise),
                ("bulletin", "通报", self.bulletin), ("ledger", "导出台账", self.export_ledger))

    def remind(self) -> None:
        self.draft("催报")

    def supervise(self) -> None:
        self.draft("督办")

    def bulletin(self) -> None:
        self.draft("通报")

    @property
    def t(self):
        return self.page.tracking

    @property
    def runner(self):
        return self.page.ctx.runner

    # ---- forms out, returns in -------------------------------------------------------------------
    def export_forms(self) -> None:
        led = self.page.ledger
        if led is None:
            return
        folder = messages.choose_folder(self.page, f"选择保存{led.period.label}进展情况报表的文件夹")
        if not folder:
            return
        from app.services.tracking.form_export import export_forms  # openpyxl loads only when needed
        self.runner.submit(lambda control: export_forms(led, Path(folder), progress=control.progress),
                           lambda paths: self._exported(paths, folder), title="正在导出进展情况报表…")

    def _exported(self, paths: list[Path], folder: str) -> None:
        self.page.status_message.emit(f"已导出 {len(paths)} 份进展情况报表到 {folder}")
        messages.inform(self.page, "导出完成", f"已为 {len(paths)} 个单位导出{self.page.ledger.period.label}"
                        f"进展情况报表，保存在：\n{folder}\n\n请发给各单位填写，收回后用“导入回收报表”读入。")

    def import_returns(self) -> None:
        files = messages.open_files(self.page, "选择单位发回的进展情况报表", messages.XLSX_FILTER)
        if not files:
            return
        plan_id, period_id = self.page.plan_id(), self.page.period_id()
        from app.services.tracking.form_import import preview_form

        def work(control):
            previews, refused = [], []
            for i, f in enumerate(files):
                control.progress(i, len(files), Path(f).name)
                try:
                    previews.append(preview_form(self.t, Path(f), plan_id, period_id))
                except Exception as exc:  # each file stands alone: a refused one stops nothing else
                    refused.append(exc)
            return previews, refused

        self.runner.submit(work, self._show_preview, title="正在检查回收报表…")

    def _show_preview(self, result) -> None:
        from app.ui.dialogs.return_preview_dialog import ReturnPreviewDialog

        previews, refused = result
        self.dialog = ReturnPreviewDialog(previews, refused, self.page)
        self.dialog.accepted.connect(lambda: self._import(previews))
        self.dialog.open()

    def _import(self, previews) -> None:
        if not previews:
            return
        cmd = ImportFormsCommand(self.page.env, previews, f"导入回收报表（{len(previews)} 份）")
        if self.page.run(cmd):
            self.page.status_message.emit(f"已导入 {len(previews)} 份回收报表，写入 {cmd.accepted} 项进展。按 Ctrl+Z 可撤销。")

    def write_entries(self, writes: list, text: str) -> None:
        self.page.run(WriteEntriesCommand(self.page.env, writes, text))

    # ---- notices and exports --------------------------------------------------------------------
    def draft(self, kind: str) -> None:
        plan_id, period_id = self.page.plan_id(), self.page.period_id()
        if plan_id is None or period_id is None:
            return
        cmd = DraftNoticeCommand(self.page.env, kind, plan_id, period_id)
        if not self.page.run(cmd):
            return
        from app.services.tracking.tracking_notices import KIND_LABEL

        n = cmd.notice
        issue = f"（{self.t.paperwork.issue_number(n)}）" if kind == "通报" else ""
        frozen = "该期的已印发，未作改动" if n.status == "已印发" else "已生成草稿"
        if messages.confirm(self.page, KIND_LABEL[kind], f"{frozen}：{n.doc_number}{issue}\n《{n.title}》\n\n"
                            "现在到“公文”页预览、修改、打印或标记印发吗？", yes="去公文页"):
            self.page.open_notice.emit(n.id)

    @reports_errors
    def export_bulletin_table(self) -> None:
        n = self.t.paperwork.existing("通报", self.page.plan_id(), self.page.period_id())
        if n is None:
            messages.inform(self.page, "督查通报", "本期还没有督查通报，请先点“督查通报”生成。")
            return
        path = messages.save_file(self.page, "导出通报附表", f"{n.title}附表.xlsx", messages.XLSX_FILTER)
        if path:
            from app.services.documents.service import write_bytes
            from app.services.tracking.tracking_notices import table_xlsx

            write_bytes(Path(path), table_xlsx(n))
            self.page.status_message.emit(f"已导出 {path}")

    def export_ledger(self) -> None:
        led = self.page.ledger
        if led is None:
            return
        path = messages.save_file(self.page, "导出督办台账", f"{led.plan_title}督办台账（{led.period.label}）.xlsx",
                                  messages.XLSX_FILTER)
        if not path:
            return
        path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
        self.runner.submit(lambda control: self.t.export_ledger(led.plan_id, led.period.id, Path(path)),
                           lambda p: self.page.status_message.emit(f"已导出督办台账：{p}"), title="正在导出督办台账…")

    # ---- schedule --------------------------------------------------------------------------------
    def edit_schedule(self) -> None:
        from app.ui.dialogs.schedule_dialog import ScheduleDialog

        plan_id = self.page.plan_id()
        if plan_id is None:
            return
        self.dialog = ScheduleDialog(self.t.schedule(plan_id), self.page)
        self.dialog.accepted.connect(lambda: self._schedule(plan_id))
        self.dialog.open()

    def _schedule(self, plan_id: int) -> None:
        if self.page.run(ScheduleCommand(self.page.env, plan_id, rule=self.dialog.rule())):
            self.page.activate()

    def edit_due(self) -> None:
        led = self.page.ledger
        if led is None:
            return
        text = messages.ask_text(self.page, "修改报送截止日", f"{led.period.label}的报送截止日（如 2026-06-28）：",
                                 f"{led.period.due:%Y-%m-%d}")
        if not text:
            return
        try:
            due = parse_cn_date(text)
        except Exception as exc:
            show_error(self.page, exc)
            return
        if self.page.run(ScheduleCommand(self.page.env, led.plan_id, period_due=(led.period.id, due))):
            self.page.refresh()

    # ---- one task --------------------------------------------------------------------------------
    def task_action(self, action: str, row) -> None:
        if row is None:
            return
        from app.ui.dialogs.closure_dialog import ClosureDialog
        from app.ui.dialogs.extension_dialog import ExtensionDialog
        from app.ui.dialogs.milestone_dialog import MilestoneDialog

        t = row.task
        text = f"第{t.serial}项　{t.title}（{row.unit_name}）"
        if action == "extension":
            self.dialog = ExtensionDialog(text, t.effective_deadline, None, self.page)
            self.dialog.accepted.connect(lambda: self.page.run(ExtensionRequestCommand(
                self.page.env, t.node_id, row.unit_id, self.dialog.reason.toPlainText(), self.dialog.new_deadline())))
        elif action == "decide":
            self.dialog = ExtensionDialog(text, t.effective_deadline, t.extension, self.page)
            self.dialog.accepted.connect(lambda: self.page.run(ExtensionDecisionCommand(
                self.page.env, t.extension.id, self.dialog.approve.isChecked(), self.dialog.new_deadline(),
                self.dialog.note.text())))
        elif action in ("close", "reopen"):
            self.dialog = ClosureDialog(text, reopen=action == "reopen", parent=self.page)
            if action == "close":
                self.dialog.accepted.connect(lambda: self.page.run(CloseTaskCommand(
                    self.page.env, t.node_id, self.dialog.text.toPlainText(), self.dialog.note.text())))
            else:
                self.dialog.accepted.connect(lambda: self.page.run(ReopenTaskCommand(
                    self.page.env, t.node_id, self.dialog.text.toPlainText())))
        elif action == "milestones":
            self.dialog = MilestoneDialog(text, self.t.milestones.list(t.node_id), self.page)
            self.dialog.accepted.connect(lambda: self._milestones(t.node_id))
        else:
            return
        self.dialog.open()

    def _milestones(self, node_id: int) -> None:
        from app.ui.dialogs.milestone_dialog import parse_milestones

        try:
            items = parse_milestones(node_id, self.dialog.text.toPlainText())
        except Exception as exc:
            show_error(self.page, exc)
            return
        self.page.run(MilestonesCommand(self.page.env, node_id, items))
