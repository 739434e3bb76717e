"""What the 年度报告 page's buttons and menu entries do: draft and re-draft (asking before an edited
part is replaced), export both variants and the publication version, the figures sheets out and
back, the format check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.reports import template as T
from app.ui.dialogs import messages
from app.ui.error_reporting import show_error
from app.ui.pages.plan_page_actions import PlanPageActions
from app.ui.undo.report_commands import (
    DraftCommand,
    ImportFiguresCommand,
    UpdateReportCommand,
    WriteFiguresCommand,
)

if TYPE_CHECKING:
    from app.ui.pages.report_page import ReportPage

PDF_FILTER, DOCX_FILTER = "PDF 文件 (*.pdf)", "Word 文档 (*.docx)"
WHAT = {"gov": "县政府报告", "joint": "联合报告", "public": "公开版"}


class ReportActions(PlanPageActions):
    TITLE = "年度报告"

    def __init__(self, page: ReportPage):
        super().__init__(page)
        self.dialog = None

    @property
    def reports(self):
        return self.page.reports

    # ---- drafting ----------------------------------------------------------------------------
    def draft(self) -> None:
        plan_id = self._plan()
        if plan_id is None:
            return
        try:
            redraft = self.reports.preview_draft(plan_id)
        except Exception as exc:
            show_error(self.page, exc)
            return
        if not redraft.conflicts:
            self._apply(plan_id, redraft, set())
            return
        from app.ui.dialogs.redraft_dialog import RedraftDialog

        self.dialog = RedraftDialog(redraft.conflicts, self.page)
        self.dialog.accepted.connect(lambda: self._apply(plan_id, redraft, self.dialog.replace()))
        self.dialog.open()

    def _apply(self, plan_id: int, redraft, replace: set[str]) -> None:
        again = bool(self.page.report and self.page.report.sections)
        label = "重新起草年度报告" if again else "起草年度报告"
        if self.page.run(DraftCommand(self.page.env, plan_id, redraft, replace, label)):
            kept = len(redraft.conflicts) - len(replace)
            self.page.status_message.emit(f"已{label.removesuffix('年度报告')}：{len(redraft.sections)} 个部分"
                                          + (f"，保留了您修改过的 {kept} 处" if kept else "") + "。按 Ctrl+Z 可撤销。")

    # ---- output ------------------------------------------------------------------------------
    def export_gov(self) -> None:
        self.export("gov")

    def export_joint(self) -> None:
        self.export("joint")

    def export_public(self) -> None:
        self.export("public")

    def export(self, what: str) -> None:
        plan_id = self._plan()
        if plan_id is None:
            return
        report = self.page.report
        if report is None or not report.sections:
            messages.inform(self.page, "年度报告", "报告还没有起草：请先点“起草”。")
            return
        name = f"{report.year}年度法治政府建设情况报告（{WHAT[what]}）"
        path = messages.save_file(self.page, f"导出{WHAT[what]}", f"{name}.pdf", f"{PDF_FILTER};;{DOCX_FILTER}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".docx"):
            target = target.with_suffix(".pdf")
        pdf, docx = (target, None) if target.suffix.lower() == ".pdf" else (None, target)
        variant = T.GOV if what == "gov" else (T.JOINT if what == "joint" else self.page.public_variant())
        from app.services.reports.report_output import render_report

        ctx = self.page.ctx
        self.runner.submit(lambda control: render_report(self.reports, ctx.document_service(), plan_id, variant, pdf,
                                                         docx, what == "public", overwrite=True),
                           self._exported, title=f"正在导出 {target.name}…", lane="render")

    def _exported(self, out) -> None:
        self.page.properties.show_findings(out.findings)
        hint = f"，格式检查发现 {len(out.findings)} 处待处理（见“报送”页）" if out.findings else ""
        self.page.status_message.emit(f"已导出 {out.written[0].name}，共 {out.pages} 页{hint}")

    def check(self, variant: str) -> None:
        plan_id = self.page.plan_id()
        if plan_id is None or self.page.report is None or not self.page.report.sections:
            self.page.properties.show_findings(["报告还没有起草。"])
            return
        from app.services.reports.report_output import check_report, report_model

        try:
            public = variant == "public"
            doc, notes = report_model(self.reports, plan_id, self.page.public_variant() if public else variant, public)
        except Exception as exc:
            show_error(self.page, exc)
            return
        self.page.properties.show_findings(notes + check_report(doc))

    # ---- the report's properties -----------------------------------------------------------------
    def update(self, fields: dict, label: str) -> None:
        plan_id = self.page.plan_id()
        if plan_id is not None:
            self.page.run(UpdateReportCommand(self.page.env, plan_id, fields, label))

    def save_default_order(self) -> None:
        r = self.page.report
        if r is None:
            return
        self.page.ctx.set_setting("report_part_order", list(r.part_order))
        self.page.ctx.set_setting("report_duty_placement", r.duty_placement)
        self.page.status_message.emit("已设为本县默认：以后新建的年度报告按此顺序起草。")

    def set_county_value(self, key: str, value: str) -> None:
        """主送 / 抄送 of the joint report: the county's, kept in 设置 (like the other settings, saved at once)."""
        if getattr(self.page.ctx.settings, key) == value:
            return
        try:
            self.page.ctx.set_setting(key, value)
        except Exception as exc:
            show_error(self.page, exc)
            return
        self.page.status_message.emit("已保存（本县通用，以后各年度报告都使用）。")

    # ---- figures -----------------------------------------------------------------------------------
    def write_figure(self, unit_id: int, field: str, value, note: str) -> None:
        from app.services.reports.figures import FigureValue, FigureWrite

        r = self.page.report
        if r is None:
            return
        fv = FigureValue(value, note, "录入") if value is not None or note else None
        self.page.run(WriteFiguresCommand(self.page.env, r.id, [FigureWrite(unit_id, field, fv)], f"录入“{field}”"))

    def export_sheets(self) -> None:
        plan_id = self._plan()
        if plan_id is None:
            return
        folder = messages.choose_folder(self.page, "选择保存年度数据表的文件夹")
        if not folder:
            return
        report = self.reports.report(plan_id)  # created here when it does not exist yet
        fs = self.reports.figures
        from app.services.reports.figure_sheet import export_sheets

        self.runner.submit(lambda control: export_sheets(report, fs.asked(report.id), fs.fields(),
                                                         fs.values(report.id), Path(folder),
                                                         progress=control.progress),
                           lambda paths: self._sheets_out(paths, folder), title="正在导出年度数据表…")

    def _sheets_out(self, paths: list[Path], folder: str) -> None:
        self.page.refresh()
        self.page.status_message.emit(f"已导出 {len(paths)} 份年度数据表到 {folder}")
        messages.inform(self.page, "导出完成", f"已为 {len(paths)} 个单位导出年度数据表，保存在：\n{folder}\n\n"
                        "请发给各单位填写，收回后用“导入回收数据表”读入。")

    def import_sheets(self) -> None:
        plan_id = self._plan()
        if plan_id is None:
            return
        files = messages.open_files(self.page, "选择单位发回的年度数据表", messages.XLSX_FILTER)
        if not files:
            return
        report_id = self.reports.report(plan_id).id
        fs = self.reports.figures
        from app.services.reports.figure_import import preview_sheet

        def work(control):
            previews, refused = [], []
            for i, f in enumerate(files):
                control.progress(i, len(files), Path(f).name)
                try:
                    previews.append(preview_sheet(fs, Path(f), report_id))
                except Exception as exc:  # each file stands alone
                    refused.append(exc)
            return previews, refused

        self.runner.submit(work, self._preview, title="正在检查回收的年度数据表…")

    def _preview(self, result) -> None:
        from app.ui.dialogs.return_preview_dialog import ReturnPreviewDialog

        previews, refused = result
        self.dialog = ReturnPreviewDialog(previews, refused, self.page)
        self.dialog.setWindowTitle("导入回收数据表：核对变化")
        self.dialog.accepted.connect(lambda: self._take(previews))
        self.dialog.open()

    def _take(self, previews) -> None:
        if not previews:
            return
        cmd = ImportFiguresCommand(self.page.env, previews, f"导入年度数据表（{len(previews)} 份）")
        if self.page.run(cmd):
            self.page.status_message.emit(f"已导入 {len(previews)} 份数据表，写入 {cmd.accepted} 项数据。按 Ctrl+Z 可撤销。")
