"""Import wizard: pick a file → progress → preview of the parsed outline with its warnings →
unknown units (create, map, ignore) → save as a new draft plan (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizard

from app.context import AppContext
from app.ui import import_bridge
from app.ui.dialogs.import_pages import AnalysePage, FilePage, PreviewPage
from app.ui.dialogs.import_units_page import UnitsPage


class ImportWizard(QWizard):
    plan_ready = Signal(object, str, str)  # store() → (PlanDTO, StoreReport), file path, title

    def __init__(self, ctx: AppContext, runner, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.setObjectName("importWizard")
        self.setWindowTitle("从文件导入工作要点")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self._fit_screen(parent)
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

    def _fit_screen(self, parent) -> None:
        """Large enough to read the outline (up to 1100 × 720), never larger than the screen
        (1366 × 768 laptops, or the same at 150 %: 911 × 512)."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 720
        if area is not None:
            width, height = min(width, area.width() - 40), min(height, area.height() - 50)
        self.resize(max(width, 600), max(height, 420))

    def analysed(self, result) -> None:
        self.result = result
        self.preview_page.show_result(result, import_bridge.notice_is_own(self.ctx, result))
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
        keep = self.preview_page.keep_notice.isChecked() if result.notice is not None else None

        def store():
            plan, self.report = import_bridge.save(self.ctx, result, choices, path, keep)
            return plan, self.report

        super().accept()
        self.plan_ready.emit(store, path, result.title)
