"""Undoable edits of the 对照 page: a suggestion confirmed or rejected, a link removed, 不适用 and
情况说明, a county task made from an uncovered item, the superior's document or an indicator
system imported, the 对照表 put on the plan's notice."""

from __future__ import annotations

from app.ui.undo.page_command import PageCommand


class SetLinkCommand(PageCommand):
    def __init__(self, env, plan_id: int, node_id: int, kind: str, target_id: int, state: str | None,
                 score: float | None, label: str):
        super().__init__(env, label)
        self.args = (plan_id, node_id, kind, target_id, state, score)
        self.before = None

    def do(self) -> None:
        self.before = self.env.service.set_link(*self.args)

    def revert(self) -> None:
        self.env.service.restore_link(self.args[0], self.before)


class SetNoteCommand(PageCommand):
    def __init__(self, env, plan_id: int, kind: str, target_id: int, not_applicable: bool, text: str, label: str):
        super().__init__(env, label)
        self.args = (plan_id, kind, target_id, not_applicable, text)
        self.before = None

    def do(self) -> None:
        self.before = self.env.service.set_note(*self.args)

    def revert(self) -> None:
        plan_id, kind, target_id, _na, _text = self.args
        self.env.service.restore_note(plan_id, kind, target_id, self.before)


class DraftTaskCommand(PageCommand):
    def __init__(self, env, plan_id: int, target, coverage):
        super().__init__(env, f"由上级任务新建本县任务“{target.title[:16]}”")
        self.plan_id, self.target, self.coverage = plan_id, target, coverage
        self.drafted = None

    def do(self) -> None:
        self.drafted = self.env.service.draft_task(self.plan_id, self.target, self.coverage)

    def revert(self) -> None:
        self.env.service.remove_drafted(self.drafted)


class ImportedSuperiorCommand(PageCommand):
    """The import already ran on the worker thread: the first apply only records it; redo reads
    the file again."""

    def __init__(self, env, done, path):
        super().__init__(env, "导入上级文件")
        self.done, self.path = done, path
        self._first = True

    def do(self) -> None:
        if self._first:
            self._first = False
            return
        self.done = self.env.service.import_superior(self.done.plan_id, self.path)

    def revert(self) -> None:
        self.env.service.undo_import_superior(self.done)


class ImportedSystemCommand(PageCommand):
    def __init__(self, env, system):
        super().__init__(env, f"导入指标体系《{system.name[:16]}》")
        self.system = system
        self.snapshot = None

    def do(self) -> None:
        if self.snapshot is not None:
            self.env.service.indicators.restore(self.snapshot)

    def revert(self) -> None:
        self.snapshot = self.env.service.indicators.delete(self.system.id)


class AttachTableCommand(PageCommand):
    def __init__(self, env, coverage, notices):
        super().__init__(env, "把对照表附到印发通知")
        self.coverage, self.notices = coverage, notices
        self.notice_id, self.before = None, []

    def do(self) -> None:
        from app.services.coverage.notice_attachment import attach

        self.notice_id, self.before = attach(self.notices, self.coverage)

    def revert(self) -> None:
        from app.services.coverage.notice_attachment import restore

        restore(self.notices, self.notice_id, self.before)
