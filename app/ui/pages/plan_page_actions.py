"""What the actions of the 年度报告 and 对照 pages share: the page, the background runner, and the
plan they work on — with a plain message when there is none yet."""

from __future__ import annotations

from app.ui.dialogs import messages


class PlanPageActions:
    TITLE = ""  # the page's name, the title of its messages

    def __init__(self, page):
        self.page = page

    @property
    def runner(self):
        return self.page.ctx.runner

    def _plan(self) -> int | None:
        plan_id = self.page.plan_id()
        if plan_id is None:
            messages.inform(self.page, self.TITLE, "还没有工作要点。请先在“工作要点”页新建或导入本年度的工作要点。")
        return plan_id
