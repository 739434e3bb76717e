"""The main window: navigation (工作要点 / 责任单位 / 公文 / 督办 / 年度报告 / 对照 / 设置), menus, status bar.

It remembers its geometry and the last plan (in the database's Settings), keeps the list of
recently imported files, and owns the one TaskRunner of the GUI."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.context import AppContext
from app.ui.change_follower import ChangeFollower
from app.ui.dialogs import messages
from app.ui.pages.coverage_menu import MENU as COVERAGE_MENU
from app.ui.pages.plans_page import PlansPage
from app.ui.pages.report_menu import MENU as REPORT_MENU
from app.ui.pages.tracking_menu import MENU as TRACK_MENU
from app.ui.runner import TaskRunner
from app.ui.undo.page_undo import PageUndo

if TYPE_CHECKING:
    from app.ui.pages.coverage_page import CoveragePage
    from app.ui.pages.notices_page import NoticesPage
    from app.ui.pages.report_page import ReportPage
    from app.ui.pages.settings_page import SettingsPage
    from app.ui.pages.tracking_page import TrackingPage
    from app.ui.pages.units_page import UnitsPage

log = logging.getLogger(__name__)

PAGES = ("工作要点", "责任单位", "公文", "督办", "年度报告", "对照", "设置")
TRACKING, REPORT, COVERAGE, SETTINGS = (PAGES.index(p) for p in ("督办", "年度报告", "对照", "设置"))
_PAGE_CLASSES = (("app.ui.pages.units_page", "UnitsPage"), ("app.ui.pages.notices_page", "NoticesPage"),
                 ("app.ui.pages.tracking_page", "TrackingPage"), ("app.ui.pages.report_page", "ReportPage"),
                 ("app.ui.pages.coverage_page", "CoveragePage"), ("app.ui.pages.settings_page", "SettingsPage"))
MAX_RECENT = 8


class MainWindow(QMainWindow):
    closed = Signal()  # after the window saved its state; the sample's window goes back on it

    def __init__(self, ctx: AppContext, runner=None):
        super().__init__()
        self.ctx = ctx
        self.runner = runner or ctx.runner or TaskRunner(self)
        ctx.runner = self.runner
        self.setWindowTitle(f"{APP_NAME} — 示例数据（不会保存）" if ctx.is_sample else APP_NAME)
        self.setObjectName("mainWindow")
        self.import_wizard = None
        self.sample_switch = None  # 文件 → 打开示例, made on first use
        self.first_start = None

        self.plans_page = PlansPage(ctx)
        # the other pages are built when first shown: a quicker start (DESIGN: ≤ 1.5 s)
        self._pages: list[QWidget | None] = [self.plans_page, *([None] * (len(PAGES) - 1))]

        self.nav = QListWidget()
        self.nav.setObjectName("navList")
        self.nav.setFixedWidth(112)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setStyleSheet("QListWidget#navList { font-size: 11pt; } "
                               "QListWidget#navList::item { padding: 10px 6px; }")
        icons = (QStyle.StandardPixmap.SP_FileDialogDetailedView, QStyle.StandardPixmap.SP_DirHomeIcon,
                 QStyle.StandardPixmap.SP_FileIcon, QStyle.StandardPixmap.SP_FileDialogContentsView,
                 QStyle.StandardPixmap.SP_FileDialogListView, QStyle.StandardPixmap.SP_FileDialogToParent,
                 QStyle.StandardPixmap.SP_FileDialogInfoView)
        for name, icon in zip(PAGES, icons, strict=True):
            self.nav.addItem(QListWidgetItem(self.style().standardIcon(icon), name))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plans_page)
        for _ in PAGES[1:]:
            self.stack.addWidget(QWidget())  # placeholder until the page is first shown
        self.nav.currentRowChanged.connect(self.show_page)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        if ctx.is_sample:
            self._add_sample_banner()

        self.plans_page.status_message.connect(self.show_status)
        self.plans_page.import_requested.connect(lambda: self.open_import())
        self.plans_page.show_notice.connect(self.open_notice)

        self.page_undo = PageUndo(self)
        self.page_undo.done.connect(self.show_status)
        self.undo_action, self.redo_action = self.page_undo.undo_action, self.page_undo.redo_action
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.page_undo.label)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(QLabel(f"数据库：{ctx.paths.display_name}"))
        if isinstance(self.runner, TaskRunner):
            self.runner.busy_changed.connect(lambda busy: self.busy_label.setText("正在处理…" if busy else ""))
        messages.remember_folders(lambda: self.ctx.settings.last_folder,
                                  lambda folder: self.ctx.set_setting("last_folder", folder))
        self._build_menus()
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        self.show_status("就绪")
        self.changes = ChangeFollower(self)  # other clerks' changes, without a restart

    # ---- menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if name:
            act.setObjectName(name)
        act.triggered.connect(slot)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addAction(self._action("新建工作要点(&N)…", self.plans_page.new_blank, QKeySequence.StandardKey.New))
        file_menu.addAction(self._action("从文件导入(&I)…", lambda: self.open_import(), "Ctrl+I", "action_import"))
        self.recent_menu = file_menu.addMenu("最近导入的文件(&R)")
        self._fill_recent_menu()
        file_menu.addSeparator()
        if self.ctx.is_sample:
            file_menu.addAction(self._action("返回我的数据库(&B)", self.close, name="action_sample"))
        else:
            file_menu.addAction(self._action("打开示例(&D)", self.open_sample, name="action_sample"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("导出公文 PDF(&E)…", lambda: self._on_notices("export_pdf"), "Ctrl+E"))
        file_menu.addAction(self._action("打印公文(&P)…", lambda: self._on_notices("print_notice"),
                                         QKeySequence.StandardKey.Print))
        file_menu.addSeparator()
        file_menu.addAction(self._action("退出(&X)", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for name in ("find", "find_replace", "show_all", "bulk_edit", None, "add_sibling", "add_child", "delete",
                     None, "move_up", "move_down", "outdent", "indent"):
            if name is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(self.plans_page.editor.actions_by_name[name])

        plan_menu = bar.addMenu("工作要点(&P)")
        pp = self.plans_page
        for text, slot in (("新建空白工作要点…", pp.new_blank), ("从上年工作要点复制…", pp.new_from_previous),
                           ("从文件导入…", lambda: self.open_import()), (None, None),
                           ("属性…", pp.edit_properties), ("重命名…", pp.rename),
                           ("复制到下一年", pp.duplicate_next_year), ("删除…", pp.delete_plan)):
            if text is None:
                plan_menu.addSeparator()
            else:
                plan_menu.addAction(self._action(text, slot))
        plan_menu.addSeparator()
        plan_menu.addMenu(pp.exports.menu)

        track_menu = bar.addMenu("督办(&T)")
        for entry in TRACK_MENU:
            if entry is None:
                track_menu.addSeparator()
            else:
                track_menu.addAction(self._action(entry[0], lambda _=False, m=entry[1]: self._on_tracking(m),
                                                  name=f"action_track_{entry[1]}"))
        for title, entries, row, prefix in (("年度报告(&R)", REPORT_MENU, REPORT, "report"),
                                            ("对照(&C)", COVERAGE_MENU, COVERAGE, "coverage")):
            menu = bar.addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._action(entry[0], lambda _=False, m=entry[1], r=row: self._on_page(r, m),
                                                name=f"action_{prefix}_{entry[1]}"))

        view_menu = bar.addMenu("视图(&V)")
        for i, name in enumerate(PAGES):
            view_menu.addAction(self._action(name, lambda _=False, i=i: self.nav.setCurrentRow(i), f"Ctrl+{i + 1}"))

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self._action("使用说明", self._help, QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action(f"关于{APP_NAME}(&A)", self.about, name="action_about"))

    def _on_notices(self, method: str) -> None:
        self.nav.setCurrentRow(2)
        getattr(self.notices_page, method)()

    def _on_tracking(self, method: str) -> None:
        self._on_page(TRACKING, method)

    def _on_page(self, row: int, method: str) -> None:
        self.nav.setCurrentRow(row)
        getattr(self.page(row).actions, method)()

    # ---- pages ---------------------------------------------------------------------------
    def page(self, row: int) -> QWidget:
        """The page in row, built on first use."""
        page = self._pages[row]
        if page is None:
            module, name = _PAGE_CLASSES[row - 1]  # only this page's module loads (each takes a moment)
            page = getattr(importlib.import_module(module), name)(self.ctx)
            page.status_message.connect(self.show_status)
            if getattr(page, "undo_stack", None) is not None:
                self.page_undo.add(page.undo_stack)
            if row == 1:
                page.registry_changed.connect(self._registry_changed)
                page.task_requested.connect(self.open_task)
            elif row == 2:
                page.notice_issued.connect(self._notice_issued)
            elif row == TRACKING:
                page.open_notice.connect(self.open_notice)
            elif row == SETTINGS:
                page.settings_changed.connect(self._settings_changed)
            placeholder = self.stack.widget(row)
            current = self.stack.currentIndex()
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._pages[row] = page
        return page

    @property
    def pages(self) -> list[QWidget]:
        return [self.page(i) for i in range(len(PAGES))]

    @property
    def units_page(self) -> UnitsPage:
        return self.page(1)

    @property
    def notices_page(self) -> NoticesPage:
        return self.page(2)

    @property
    def tracking_page(self) -> TrackingPage:
        return self.page(TRACKING)

    @property
    def report_page(self) -> ReportPage:
        return self.page(REPORT)

    @property
    def coverage_page(self) -> CoveragePage:
        return self.page(COVERAGE)

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(SETTINGS)

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        if self.stack.currentIndex() == 0 and row != 0:
            self.plans_page.editor.commit_pending()
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        self.page_undo.show_page(page)  # Ctrl+Z undoes only what this page did
        self.plans_page.editor.set_active(row == 0)
        if hasattr(page, "activate"):
            page.activate()
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _registry_changed(self) -> None:
        self.plans_page.editor.refresh_units()
        self.plans_page.show_plan(self.plans_page.current_plan_id())

    def open_task(self, plan_id: int, node_id: int) -> None:
        """A task chosen on another page (a unit's task list): shown in the plan editor."""
        self.nav.setCurrentRow(0)
        self.plans_page.show_plan(plan_id, node_id)
        self.plans_page.editor.tree.setFocus()
    def _notice_issued(self, _plan_id) -> None:
        # the plan shows 已印发 and its problems panel checks deadlines against the issue date
        self.plans_page.show_plan(self.plans_page.current_plan_id())

    def open_notice(self, notice_id: int) -> None:
        """A notice opened on the 公文 page (from the plan's issued bar, or drafted on the 督办 page)."""
        self.nav.setCurrentRow(2)
        self.notices_page.reload(notice_id)

    def _settings_changed(self) -> None:
        if self._pages[2] is not None:
            self.notices_page.settings_changed()
        if self._pages[TRACKING] is not None:
            self.tracking_page.settings_changed()
        if self._pages[REPORT] is not None:
            self.report_page.settings_changed()

    # ---- import --------------------------------------------------------------------------
    def open_import(self, path: str | None = None) -> None:
        from app.ui.dialogs.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self.runner, self)
        self.import_wizard.plan_ready.connect(self._save_import)
        if path:
            self.import_wizard.set_path(path)
        self.import_wizard.open()

    def _save_import(self, store, path: str, title: str) -> None:
        self.nav.setCurrentRow(0)
        if self.plans_page.import_with(store, title) is None:
            return
        self.remember_file(path)
        self._registry_changed()
        report = self.import_wizard.report if self.import_wizard is not None else None
        if report is not None and report.notice_id:
            # an imported notice that was issued is archived now, before the plan is edited
            notice_id = report.notice_id
            self.runner.submit(lambda control: self.ctx.issuing.record(notice_id), title="正在存档导入的通知…",
                               writes=True, show_progress=False)
        if report is not None:
            created = f"，新建单位 {len(report.created)} 个" if report.created else ""
            notice = "，封面通知已存入“公文”" if report.notice_id else ""
            self.show_status(f"已导入《{title}》：{report.tasks} 项重点任务{created}{notice}。按 Ctrl+Z 可撤销。")

    def remember_file(self, path: str) -> None:
        files = [path, *(f for f in self.ctx.settings.recent_files if f != path)][:MAX_RECENT]
        self.ctx.set_setting("recent_files", files)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.ctx.settings.recent_files
        for i, path in enumerate(files, start=1):
            self.recent_menu.addAction(self._action(f"&{i} {path}", lambda _=False, p=path: self.open_import(p)))
        self.recent_menu.setEnabled(bool(files))

    # ---- window state --------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        raw = self.ctx.settings.window_geometry
        if raw and self.restoreGeometry(QByteArray.fromBase64(raw.encode("ascii"))):
            return
        self.resize(1280, 800)
        screen = self.screen()
        if screen is not None:  # many office laptops are 1366×768: never start taller than the screen
            area = screen.availableGeometry()
            if area.width() < 1280 or area.height() < 800:
                self.resize(min(1280, area.width()), min(800, area.height()))
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_pending_edits(self) -> None:
        self.plans_page.editor.commit_pending()
        if self._pages[2] is not None:
            self.notices_page.save_now()  # an edit still waiting for its autosave timer

    def save_state(self) -> None:
        self.save_pending_edits()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.set_setting("window_geometry", geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.changes.stop()
        try:
            self.save_state()
        except Exception:  # closing must never fail
            log.exception("could not save window state")
        if hasattr(self.runner, "cancel_all"):
            self.runner.cancel_all()  # previews and exports still running are not wanted any more
        self.runner.wait_idle(10_000)
        super().closeEvent(event)
        self.closed.emit()

    # ---- first start and the sample ------------------------------------------------------
    def start_first_run(self) -> None:
        """Once shown: the first-start dialog on an empty database, or the offer to remove an old
        untouched sample (app/ui/first_start_flow.py)."""
        from app.ui.first_start_flow import FirstStartFlow

        self.first_start = FirstStartFlow(self)
        self.first_start.start()

    def open_sample(self) -> None:
        from app.ui.sample_switch import SampleSwitch

        if self.sample_switch is None:
            self.sample_switch = SampleSwitch(self)
        self.sample_switch.open_sample()

    def _add_sample_banner(self) -> None:
        from app.ui.widgets.sample_banner import SampleBanner

        body = self.takeCentralWidget()
        wrapper = QWidget()
        lay = QVBoxLayout(wrapper)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.sample_banner = SampleBanner(wrapper)
        self.sample_banner.back_requested.connect(self.close)
        lay.addWidget(self.sample_banner)
        lay.addWidget(body, 1)
        self.setCentralWidget(wrapper)

    def settings_reloaded(self) -> None:
        """After the first start or the sample's removal wrote settings and data behind the pages."""
        ctx = self.ctx
        ctx.settings = ctx.services.settings.load()
        ctx.services.units.region_names = (ctx.settings.county_name,) if ctx.settings.county_name else ()
        self.plans_page.editor.panel.assignments.refresh_registry()
        self.plans_page.show_plan(ctx.settings.last_plan_id)
        self._settings_changed()
        for page in (self._pages[1], self._pages[TRACKING], self._pages[REPORT], self._pages[COVERAGE]):  # built only
            if page is not None:
                page.activate()

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"<h3>{APP_NAME}</h3><p>版本 {__version__}</p>"
                          "<p>县级法治政府建设工作要点编制、任务分工与公文印发。</p>"
                          f"<p>数据文件：{self.ctx.paths.db_path}</p>")

    def _help(self) -> None:
        QMessageBox.information(
            self, "使用说明",
            "工作要点：左侧大纲可拖动调整顺序，Alt+方向键移动或升降级，Ctrl+Enter 新增条目，"
            "双击条目直接修改标题；右侧填写责任单位、完成时限和责任人。所有修改立即保存，Ctrl+Z 撤销、Ctrl+Y 重做。\n\n"
            "责任单位：维护单位名录、别名和排序；正在使用的单位不能删除，可合并到其他单位。\n\n"
            "公文：起草印发通知，右侧实时预览，可导出 PDF/Word/Excel 或直接打印（支持套红纸）。\n\n"
            "年度报告：按督办台账起草法治政府建设年度报告，逐部分修改（重新起草不会覆盖您的修改，除非您选择替换），"
            "收集各单位年度数据表，导出县政府报告、联合报告和公开版。\n\n"
            "对照：导入上级文件或指标体系，逐项确认本县对应任务，标记不适用，查看覆盖率，导出对照表。\n\n"
            "督办：按报送期导出各单位进展情况报表，导入发回的报表（先核对变化再写入），在台账中按数字键 1～6 "
            "快速登记纸质报表的状态，查看亮灯原因；生成催报、督办通知和督查通报，导出整个台账。\n\n"
            "示例：“文件 → 打开示例”查看虚构的示例县，示例数据不会存入您的数据库。")

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F5:
            self.plans_page.show_plan(self.plans_page.current_plan_id())
            return
        super().keyPressEvent(event)
