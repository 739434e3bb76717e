"""What the 对照 page's buttons and menu entries do: import the superior's document (as the plan's
上级文件) or an indicator system, decisions on the chosen item, a county task from an uncovered item,
the Excel and the 对照表 on the plan's notice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.ui.dialogs import messages
from app.ui.error_reporting import show_error
from app.ui.pages.plan_page_actions import PlanPageActions
from app.ui.undo.coverage_commands import (
    AttachTableCommand,
    DraftTaskCommand,
    ImportedSuperiorCommand,
    ImportedSystemCommand,
    SetLinkCommand,
    SetNoteCommand,
)

if TYPE_CHECKING:
    from app.ui.pages.coverage_page import CoveragePage

LINK_LABEL = {"confirmed": "确认对应", "rejected": "否决建议", None: "取消对应"}


class CoverageActions(PlanPageActions):
    TITLE = "对照"

    def __init__(self, page: CoveragePage):
        super().__init__(page)

    @property
    def service(self):
        return self.page.service

    # ---- sources ---------------------------------------------------------------------------------
    def import_superior(self) -> None:
        plan_id = self._plan()
        if plan_id is None:
            return
        path = messages.open_file(self.page, "选择上级文件（市、省或自治区的工作要点）", messages.IMPORT_FILTER)
        if not path:
            return
        svc = self.service
        self.runner.submit(lambda control: svc.import_superior(plan_id, Path(path)),
                           lambda done: self._superior_in(done, Path(path)), title="正在导入上级文件…", writes=True)

    def _superior_in(self, done, path: Path) -> None:
        self.page.undo_stack.push(ImportedSuperiorCommand(self.page.env, done, path))
        self.page.show_source(None)
        self.page.status_message.emit(f"已导入上级文件，{done.tasks} 项重点任务；按 Ctrl+Z 可撤销。")

    def import_indicators(self) -> None:
        path = messages.open_file(self.page, "选择指标体系（一级/二级/三级指标的 Excel 表，或分级编号的文本）",
                                  messages.IMPORT_FILTER)
        if not path:
            return
        svc = self.service
        self.runner.submit(lambda control: svc.indicators.import_file(Path(path)), self._system_in,
                           title="正在导入指标体系…", writes=True)

    def _system_in(self, result) -> None:
        system, warnings = result
        self.page.undo_stack.push(ImportedSystemCommand(self.page.env, system))
        self.page.show_source(system.id)
        note = f"；{warnings[0]}" if warnings else ""
        self.page.status_message.emit(f"已导入指标体系《{system.name}》：{system.describe()}{note}。按 Ctrl+Z 可撤销。")

    # ---- decisions on the chosen item --------------------------------------------------------------
    def set_link(self, node_id: int, state, score) -> None:
        row = self.page.current_row()
        if row is None:
            return
        self.page.run(SetLinkCommand(self.page.env, self.page.plan_id(), node_id, row.target.kind, row.target.id,
                                     state, score, f"{LINK_LABEL[state]}（{row.target.label}{row.target.title[:12]}）"))

    def pick_task(self) -> None:
        """The clerk names the county task that carries the item out (no suggestion, or a wrong one)."""
        row, cov = self.page.current_row(), self.page.coverage
        if row is None or cov is None:
            return
        linked = {t.node_id for t in row.linked}
        choices = [t for t in cov.tasks if t.node_id not in linked]
        if not choices:
            messages.inform(self.page, "指定本县任务", "本县工作要点中没有其他任务可选。")
            return
        picked = messages.ask_item(self.page, "指定本县任务", f"与“{row.target.label}{row.target.title}”对应的本县任务：",
                                   [f"第{t.serial}项　{t.label}{t.title}" for t in choices])
        if picked is not None:
            self.set_link(choices[picked].node_id, "confirmed", None)

    def set_note(self, not_applicable: bool, text: str) -> None:
        row = self.page.current_row()
        if row is None:
            return
        what = "标记不适用" if not_applicable else "保存情况说明"
        self.page.run(SetNoteCommand(self.page.env, self.page.plan_id(), row.target.kind, row.target.id,
                                     not_applicable, text, f"{what}（{row.target.label}{row.target.title[:12]}）"))

    def draft_task(self) -> None:
        row = self.page.current_row()
        if row is None or self.page.coverage is None:
            return
        cmd = DraftTaskCommand(self.page.env, self.page.plan_id(), row.target, self.page.coverage)
        if self.page.run(cmd):
            d = cmd.drafted
            self.page.status_message.emit(f"已新建本县任务“{d.heading.text[:20]}”（{d.text.describe()}），"
                                          "请到“工作要点”页核对文字、分配单位；核对后点“确认新建的任务”。")

    # ---- outputs -------------------------------------------------------------------------------
    def export_xlsx(self) -> None:
        cov = self.page.coverage
        if cov is None:
            messages.inform(self.page, "对照", "请先导入上级文件或指标体系。")
            return
        path = messages.save_file(self.page, "导出对照情况", f"{cov.plan_title}对照情况.xlsx", messages.XLSX_FILTER)
        if not path:
            return
        from app.services.coverage.export import coverage_workbook
        from app.services.documents.service import write_bytes

        self.runner.submit(lambda control: write_bytes(Path(path), coverage_workbook(cov), overwrite=True),
                           lambda p: self.page.status_message.emit(f"已导出 {Path(p).name}"),
                           title="正在导出对照情况…")

    def attach_table(self) -> None:
        cov = self.page.coverage
        if cov is None:
            messages.inform(self.page, "对照", "请先导入上级文件或指标体系。")
            return
        cmd = AttachTableCommand(self.page.env, cov, self.page.ctx.services.notices)
        try:
            if self.page.run(cmd):
                self.page.status_message.emit("对照表已附到印发通知（“公文”页可预览）。按 Ctrl+Z 可撤销。")
        except Exception as exc:  # run() reports; kept for a failure outside it
            show_error(self.page, exc)
