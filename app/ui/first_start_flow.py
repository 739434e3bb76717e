"""What the clerk's window does once it is shown: the first-start dialog on an empty database of
their own, or, on an old database that still holds the untouched 示例县 sample, the offer (once) to
remove it. A database the clerk has worked in is left as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.services.first_start.untouched_sample import holds_untouched_sample, remove_sample
from app.ui.dialogs import messages

if TYPE_CHECKING:
    from app.ui.dialogs.first_start_dialog import FirstStartDialog
    from app.ui.main_window import MainWindow

OFFER_TEXT = ("这个数据库里只有早先版本在首次启动时放入的示例数据（虚构的“示例县”的单位、工作要点和通知），"
              "您还没有修改过它们。\n\n现在删除示例数据，开始填写本县的信息吗？删除前会先备份数据库。"
              "选择“保留”以后不再询问。")


class FirstStartFlow(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.dialog: FirstStartDialog | None = None
        self.offer: QMessageBox | None = None

    def start(self) -> None:
        ctx = self.ctx
        if ctx.is_sample or ctx.settings.sample_database:
            return
        if ctx.services.first_start.needed(ctx.settings):
            self.open_dialog()
        elif not (ctx.settings.sample_offer_made or ctx.settings.first_start_done) and \
                holds_untouched_sample(ctx.session_factory, ctx.resources):
            self.offer_removal()

    # ---- the dialog --------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from app.ui.dialogs.first_start_dialog import FirstStartDialog

        self.dialog = FirstStartDialog(self.ctx, self.window)
        self.dialog.accepted.connect(self._answered)
        self.dialog.rejected.connect(self._put_aside)
        self.dialog.open()

    def _answered(self) -> None:
        report = self.dialog.report if self.dialog is not None else None
        self.window.settings_reloaded()
        if report is None:
            return
        self.window.show_status(report.summary())
        if report.units is not None and report.units.problems:  # rows of the clerk's sheet left out
            messages.inform(self.window, "首次设置完成", report.message())

    def _put_aside(self) -> None:
        self.ctx.services.first_start.put_aside()
        self.ctx.settings.first_start_done = True
        self.window.show_status("可以随时在“设置”页填写本县名称和发文机关，在“责任单位”页添加单位。")

    # ---- an old database with the untouched sample -------------------------------------------
    def offer_removal(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "删除示例数据？", OFFER_TEXT,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("sampleRemovalOffer")
        box.button(QMessageBox.StandardButton.Yes).setText("删除示例数据")
        box.button(QMessageBox.StandardButton.No).setText("保留")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _result: self._offer_answered(box.clickedButton() is yes))
        self.offer = box
        box.open()

    def _offer_answered(self, remove: bool) -> None:
        if not remove:
            self.ctx.set_setting("sample_offer_made", True)
            return
        ctx = self.ctx
        ctx.runner.submit(lambda control: remove_sample(ctx.session_factory, ctx.resources, ctx.paths.db_path,
                                                        ctx.paths.backup_dir),
                          self._removed, title="正在删除示例数据…", writes=True)

    def _removed(self, backup) -> None:
        self.window.settings_reloaded()
        self.window.show_status(f"示例数据已删除（删除前的备份：{backup.name}）。")
        self.start()  # the database is empty now: the first-start dialog
