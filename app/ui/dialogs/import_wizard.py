"""Import wizard: pick a file → progress → preview of the parsed outline with its warnings →
unknown units (create, map, ignore) → save as a new draft plan (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizard

from app.context import AppContext
from app.ui import import_bridge
from app.ui.dialogs.import_pages import AnalysePage, FilePage, PreviewPage, UnitsPage


class ImportWizard(QWizard):
    plan_ready = Signal(object, str, str)  # make() → PlanDTO, file path, title

    def __init__(self, ctx: AppContext, runner, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.setObjectName("importWizard")
        self.setWindowTitle("从文件导入工作要点")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(880, 640)
        self.file_page = FilePage(ctx.settings.recent_files)
        self.analyse_page = AnalysePage(self)
        self.preview_page = PreviewPage()
        self.units_page = UnitsPage()
        for page in (self.file_page, self.analyse_page, self.preview_page, self.units_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "保存为工作要点")
        self.result = None
        self.report = None
        self.rejected.connect(self._cancel_running)

    def path(self) -> str:
        return self.file_page.path.text().strip()

    def set_path(self, path: str) -> None:
        self.file_page.path.setText(path)

    def analysed(self, result) -> None:
        self.result = result
        self.preview_page.show_result(result)
        self.units_page.show_matches(import_bridge.unit_matches(self.ctx, result),
                                     self.ctx.services.units.list_units())

    def _cancel_running(self) -> None:
        if self.analyse_page.handle is not None:
            self.analyse_page.handle.cancel()

    def accept(self) -> None:
        if self.result is None:
            return
        self.preview_page.apply_to(self.result)
        result, choices, path = self.result, self.units_page.choices(), self.path()

        def make():
            plan, self.report = import_bridge.save(self.ctx, result, choices, path)
            return plan

        super().accept()
        self.plan_ready.emit(make, path, result.title)
