"""Undoable edits of the 年度报告 page: a section's text or heading, a (re-)draft, the report's
properties, typed figures and returned 年度数据表."""

from __future__ import annotations

from app.ui.undo.page_command import PageCommand


class EditSectionCommand(PageCommand):
    def __init__(self, env, section_id: int, text: str | None = None, heading: str | None = None,
                 label: str = "修改报告"):
        super().__init__(env, label)
        # not self.text: QUndoCommand.text() names the step in the 编辑 menu
        self.section_id, self.new_text, self.new_heading = section_id, text, heading
        self.before: tuple[str, str] | None = None

    def do(self) -> None:
        self.before = self.env.service.set_section(self.section_id, self.new_text, self.new_heading)

    def revert(self) -> None:
        text, heading = self.before
        self.env.service.set_section(self.section_id, text if self.new_text is not None else None,
                                     heading if self.new_heading is not None else None)


class DraftCommand(PageCommand):
    """起草 / 重新起草: `replace` names the edited sections the clerk chose to replace."""

    def __init__(self, env, plan_id: int, redraft, replace: set[str], label: str):
        super().__init__(env, label)
        self.plan_id, self.redraft, self.replace = plan_id, redraft, replace
        self.before: list[dict] = []
        self.after: list[dict] | None = None

    def do(self) -> None:
        if self.after is None:
            self.before = self.env.service.apply_draft(self.plan_id, self.redraft, self.replace)
        else:
            self.env.service.restore_sections(self.plan_id, self.after)

    def revert(self) -> None:
        self.after = self.env.service.restore_sections(self.plan_id, self.before)


class UpdateReportCommand(PageCommand):
    def __init__(self, env, plan_id: int, fields: dict, label: str):
        super().__init__(env, label)
        self.plan_id, self.fields = plan_id, fields
        self.before: dict = {}

    def do(self) -> None:
        self.before = self.env.service.update(self.plan_id, **self.fields)

    def revert(self) -> None:
        self.env.service.update(self.plan_id, **self.before)


class WriteFiguresCommand(PageCommand):
    def __init__(self, env, report_id: int, writes: list, label: str = "修改数据"):
        super().__init__(env, label)
        self.report_id, self.writes = report_id, writes
        self.previous: list = []

    def do(self) -> None:
        self.previous = self.env.service.figures.write(self.report_id, self.writes)

    def revert(self) -> None:
        self.env.service.figures.write(self.report_id, list(reversed(self.previous)))


class ImportFiguresCommand(PageCommand):
    def __init__(self, env, previews: list, label: str):
        super().__init__(env, label)
        self.previews = previews
        self.outcomes: list = []
        self.accepted = 0

    def do(self) -> None:
        from app.services.reports.figure_import import apply_sheet

        self.outcomes = [apply_sheet(self.env.service.figures, p) for p in self.previews]
        self.accepted = sum(o.accepted for o in self.outcomes)

    def revert(self) -> None:
        from app.services.reports.figure_import import undo_sheet

        for o in reversed(self.outcomes):
            undo_sheet(self.env.service.figures, o)
