"""工作要点 page: choose a plan, manage plans (new, clone, import, rename, delete), edit its outline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.dto import PlanDTO
from app.ui.dialogs import messages
from app.ui.dialogs.plan_dialog import PlanDialog
from app.ui.pages.plan_editor import PlanEditor
from app.ui.pages.plan_exports import PlanExports
from app.ui.undo.plan_commands import (
    CreatePlanCommand,
    DeletePlanCommand,
    ImportPlanCommand,
    UpdatePlanCommand,
)
from app.ui.undo.undo_controller import UndoController
from app.ui.widgets.issued_plan_bar import IssuedPlanBar


class PlansPage(QWidget):
    status_message = Signal(str)
    import_requested = Signal()
    plan_changed = Signal(object)  # plan id or None
    show_notice = Signal(int)  # "查看已印发公文": the notice id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plans = ctx.services.plans
        self.undo = UndoController(ctx.services, self, self)
        self.undo.note.connect(self.status_message)
        self.editor = PlanEditor(ctx.services, self.undo)
        self.editor.status_message.connect(self.status_message)
        self.exports = PlanExports(self)
        self.dialog: PlanDialog | None = None
        self.issued_bar = IssuedPlanBar(ctx.issuing.issued_versions)
        self.issued_bar.show_notice.connect(self.show_notice)
        self.undo.before_run = self._before_edit
        self.editor.delete_warning = self.issued_bar.delete_warning

        self.combo = QComboBox()
        self.combo.setObjectName("planCombo")
        self.combo.setMinimumContentsLength(16)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        new_button = QToolButton()
        new_button.setObjectName("newPlanButton")
        new_button.setText("新建")
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(new_button)
        menu.addAction("空白工作要点…", self.new_blank)
        menu.addAction("从上年工作要点复制…", self.new_from_previous)
        menu.addAction("从文件导入…", lambda: self.import_requested.emit())
        new_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("工作要点："))
        bar.addWidget(self.combo, 1)
        bar.addWidget(new_button)
        export_button = QToolButton()
        export_button.setObjectName("exportPlanButton")
        export_button.setText("导出")
        export_button.setToolTip("审阅稿（Word）、重点任务分工表、责任清单、单位任务汇总表（Excel / PDF / Word）")
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_button.setMenu(self.exports.menu)
        bar.addWidget(export_button)
        for text, name, slot in (("属性…", "propertiesButton", self.edit_properties),
                                 ("重命名…", "renameButton", self.rename),
                                 ("复制到下一年", "duplicateButton", self.duplicate_next_year),
                                 ("删除", "deletePlanButton", self.delete_plan)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.issued_bar)
        lay.addWidget(self.editor, 1)
        self.show_plan(ctx.settings.last_plan_id)

    @property
    def undo_stack(self):
        """This page's own undo history (the main window makes it active while the page is shown)."""
        return self.undo.stack

    # ---- PlanView ------------------------------------------------------------------------
    def show_plan(self, plan_id: int | None, node_id: int | None = None) -> None:
        summaries = self.plans.list_plans()
        ids = [p.id for p in summaries]
        if plan_id not in ids:
            plan_id = self.current_plan_id() if self.current_plan_id() in ids else (ids[0] if ids else None)
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for p in summaries:
                self.combo.addItem(f"{p.title}（{p.status}，{p.task_count} 项任务）", p.id)
            self.combo.setCurrentIndex(ids.index(plan_id) if plan_id is not None else -1)
        finally:
            self.combo.blockSignals(False)
        self._open(plan_id, node_id)

    def current_plan_id(self) -> int | None:
        return self.editor.plan.id if self.editor.plan is not None else None

    def _combo_changed(self, row: int) -> None:
        self.editor.commit_pending()
        self._open(self.combo.itemData(row) if row >= 0 else None, None)

    def _open(self, plan_id: int | None, node_id: int | None) -> None:
        self.editor.open_plan(plan_id, node_id)
        self.exports.set_enabled(plan_id is not None)
        self.issued_bar.refresh(plan_id)
        if plan_id != self.ctx.settings.last_plan_id:
            self.ctx.set_setting("last_plan_id", plan_id)
        self.plan_changed.emit(plan_id)

    def _before_edit(self, command) -> None:
        # creating a plan edits no issued one; deleting one has its own confirmation
        if not isinstance(command, (CreatePlanCommand, DeletePlanCommand)):
            self.issued_bar.tell_once()

    # ---- plan actions --------------------------------------------------------------------
    def create_with(self, make: Callable[[], PlanDTO], text: str) -> int | None:
        """Runs a plan-creating function as an undoable command; returns the new plan's id."""
        cmd = CreatePlanCommand(self.undo.env, make, text)
        if self.undo.run(cmd):
            self.status_message.emit(f"{text}：已完成。")
            return cmd.plan_id
        return None

    def import_with(self, store, title: str) -> int | None:
        """Stores an analysed file as an undoable step (undo takes back its plan, notice and units)."""
        cmd = ImportPlanCommand(self.undo.env, store, f"导入《{title[:20]}》")
        return cmd.plan_id if self.undo.run(cmd) else None

    def new_blank(self) -> None:
        self.dialog = PlanDialog(county=self.ctx.settings.county_name, parent=self)
        self.dialog.accepted.connect(self._create_blank)
        self.dialog.open()

    def _create_blank(self) -> None:
        values = self.dialog.values()
        self.create_with(lambda: self.plans.create_plan(**values), "新建工作要点")

    def new_from_previous(self) -> None:
        summaries = self.plans.list_plans()
        if not summaries:
            messages.inform(self, "从上年复制", "还没有可复制的工作要点。")
            return
        pick = messages.ask_item(self, "从上年工作要点复制", "选择作为底稿的工作要点：",
                                 [f"{p.title}（{p.year or '未定年度'}）" for p in summaries])
        if pick is None:
            return
        src = summaries[pick]
        year = messages.ask_int(self, "从上年工作要点复制", "新工作要点的年度：",
                                (src.year or 2025) + 1, 1990, 2100)
        if year is not None and self.create_with(lambda: self.plans.clone_plan(src.id, year), "从上年复制工作要点"):
            self.editor.offer_year_replace(src.year, year)

    def duplicate_next_year(self) -> None:
        plan = self.editor.plan
        if plan is not None and self.create_with(lambda: self.plans.clone_plan(plan.id), "复制到下一年"):
            self.editor.offer_year_replace(plan.year, self.editor.plan.year)

    def rename(self) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        title = messages.ask_text(self, "重命名工作要点", "标题：", plan.title)
        if title and title != plan.title:
            self.undo.run(UpdatePlanCommand(self.undo.env, plan.id, {"title": plan.title}, {"title": title},
                                            "重命名工作要点"))

    def edit_properties(self) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        self.dialog = PlanDialog(plan, parent=self)
        self.dialog.accepted.connect(lambda: self._save_properties(plan))
        self.dialog.open()

    def _save_properties(self, plan: PlanDTO) -> None:
        new = self.dialog.values()
        old = {k: getattr(plan, k) for k in new}
        changed = {k: v for k, v in new.items() if old[k] != v}
        if changed:
            self.undo.run(UpdatePlanCommand(self.undo.env, plan.id, {k: old[k] for k in changed}, changed,
                                            "修改工作要点属性"))

    def delete_plan(self) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        issued = f"{self.issued_bar.summary()}已印发的公文不受影响。\n" if self.issued_bar.issued else ""
        if not messages.confirm(self, "删除工作要点",
                                f"确定删除《{plan.title}》及其全部条目和分工吗？\n{issued}删除后可用“撤销”(Ctrl+Z)恢复。"):
            return
        if self.undo.run(DeletePlanCommand(self.undo.env, plan.id)):
            self.status_message.emit(f"已删除《{plan.title}》，按 Ctrl+Z 可撤销。")
