"""The plan editor's edits of many items: 批量设置 on the selection, and 查找和替换 across the plan
(also offered after 复制到下一年 for the old year left in the text). Each is one undo step.

A mixin of PlanEditor (which provides plan, model, undo, the selection and select_node)."""

from __future__ import annotations

from app.services.errors import DomainError
from app.services.plan_bulk import BulkChange
from app.services.plan_replace import Hit, find_hits
from app.ui.dialogs import messages
from app.ui.dialogs.bulk_edit_dialog import BulkEditDialog
from app.ui.dialogs.find_replace_dialog import FindReplaceDialog
from app.ui.error_reporting import show_error
from app.ui.undo.bulk_commands import BulkEditCommand, ReplaceCommand

# where a year left over from last year's plan hides (the title and deadlines move on by themselves)
YEAR_FIELDS = ("preamble", "heading", "text", "closing")


class PlanTools:
    bulk_dialog: BulkEditDialog | None = None
    find_dialog: FindReplaceDialog | None = None

    # ---- 批量设置 ----------------------------------------------------------------------------
    def open_bulk_edit(self) -> BulkEditDialog | None:
        nodes = self.selected_nodes()
        if self.plan is None or not nodes:
            messages.inform(self, "批量设置", "请先在大纲中选择条目（按住 Ctrl 或 Shift 单击可多选）。")
            return None
        ids = [n.id for n in nodes]
        self.bulk_dialog = BulkEditDialog(self.services.units, len(nodes), sum(n.is_task for n in nodes),
                                          self.plan.year, self)
        self.bulk_dialog.accepted.connect(lambda: self.bulk_edit(ids, self.bulk_dialog.change))
        self.bulk_dialog.open()
        return self.bulk_dialog

    def bulk_edit(self, node_ids: list[int], change: BulkChange) -> bool:
        """Runs the change on the nodes as one undoable step; keeps them selected."""
        if self.plan is None or not node_ids:
            return False
        cmd = BulkEditCommand(self._env, self.plan.id, node_ids, change, f"批量设置 {len(node_ids)} 项条目")
        if not self.undo.run(cmd):
            return False
        self.select_nodes(node_ids)
        self.status_message.emit(f"已批量修改 {cmd.changed} 项条目，按 Ctrl+Z 可一次撤销。")
        return True

    # ---- 查找和替换 --------------------------------------------------------------------------
    def open_find_replace(self, find: str = "", replace: str = "", fields=None) -> FindReplaceDialog | None:
        if self.plan is None:
            return None
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self)
            self.find_dialog.search_requested.connect(self._find)
            self.find_dialog.replace_requested.connect(self.replace_hits)
            self.find_dialog.jump_requested.connect(self._jump_to_hit)
        dialog = self.find_dialog
        if find:
            dialog.find.setText(find)
            dialog.replacement.setText(replace)
        if fields is not None:
            dialog.set_fields(fields)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if dialog.find.text():
            dialog.search()
        return dialog

    def _find(self, text: str, fields: tuple) -> None:
        if self.plan is not None and self.find_dialog is not None:
            self.find_dialog.show_hits(find_hits(self.plan, self.model.roots(), text, fields))

    def replace_hits(self, hits: list[Hit], needle: str, replacement: str) -> bool:
        if self.plan is None or not hits:
            return False
        self.commit_pending()
        cmd = ReplaceCommand(self._env, self.plan.id, hits, needle, replacement,
                             f"替换“{needle[:10]}”为“{replacement[:10]}”（{len(hits)} 处）")
        if not self.undo.run(cmd):
            return False
        self.status_message.emit(f"已替换 {len(hits)} 处（{cmd.changed} 个字段），按 Ctrl+Z 可一次撤销。")
        if self.find_dialog is not None and self.find_dialog.isVisible():
            self.find_dialog.search()  # the list shows what is left
        return True

    def _jump_to_hit(self, node_id: int | None) -> None:
        if node_id is None:
            self.show_plan_texts()
        else:
            self.select_node(node_id)

    def offer_year_replace(self, old_year: int | None, new_year: int | None) -> bool:
        """After 复制到下一年: the old year left in the text (“2026年是…开局之年”), for review."""
        if self.plan is None or not old_year or not new_year or old_year == new_year:
            return False
        needle = f"{old_year}年"
        try:
            hits = find_hits(self.plan, self.model.roots(), needle, YEAR_FIELDS)
        except DomainError as exc:
            show_error(self, exc)
            return False
        if not hits:
            return False
        first = f"{hits[0].where}：{hits[0].before}{hits[0].match}{hits[0].after}"
        if not messages.confirm(self, "复制到下一年",
                                f"新工作要点的前言、条目和结语中还有 {len(hits)} 处“{needle}”，例如\n{first}\n\n"
                                f"现在逐条核对，并替换为“{new_year}年”吗？"):
            return False
        self.open_find_replace(needle, f"{new_year}年", YEAR_FIELDS)
        return True
