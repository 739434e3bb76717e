"""A notice's life on the 公文 page: new draft, delete, 标记为已印发 (which keeps what was issued),
新建修订版, and the banner that says which version is shown and what it is."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.services.dto import NoticeDTO
from app.ui.dialogs import messages
from app.ui.error_reporting import reports_errors

if TYPE_CHECKING:
    from app.ui.pages.notices_page import NoticesPage


class NoticeLifecycle:
    def __init__(self, page: NoticesPage):
        self.page = page

    @property
    def ctx(self):
        return self.page.ctx

    @property
    def notices(self):
        return self.ctx.services.notices

    # ---- what the page shows -------------------------------------------------------------
    def banner_text(self, n: NoticeDTO) -> str:
        """Empty for a current draft; else which version this is and why it cannot change."""
        if n.status != "已印发":
            return "" if n.is_current else f"这是第{n.revision}版草稿，已有更新的版本。"
        record = self.ctx.issuing.record(n.id)
        when = f"{record.issued_at:%Y年%m月%d日}" if record else ""
        newer = "" if n.is_current else "已有更新的版本（见列表）；"
        return (f"第{n.revision}版，{when}印发（{n.doc_number}）。这里显示、导出和打印的都是印发时保存的文件，"
                f"工作要点、单位或字体以后的修改不会改变它。{newer}如需修改后重新印发，请点“新建修订版”。")

    def button_states(self, n: NoticeDTO | None) -> dict[str, bool]:
        issued = n is not None and n.status == "已印发"
        return {"pdf": n is not None, "docx": n is not None, "xlsx": n is not None, "print": n is not None,
                "issue": n is not None and not issued and n.is_current,
                "revise": issued and n.is_current, "delete": n is not None and not issued}

    # ---- actions -------------------------------------------------------------------------
    @reports_errors
    def new_notice(self) -> None:
        page = self.page
        page.save_now()
        issuers = self.notices.list_issuers()
        if not issuers:
            messages.inform(page, "新建公文", "请先在“设置”页添加发文机关。")
            return
        issuer_id = self.ctx.settings.default_issuer_id or issuers[0].id
        issuer = next((i for i in issuers if i.id == issuer_id), issuers[0])
        plan_id = self.ctx.settings.last_plan_id
        plan = self.ctx.services.plans.get_plan(plan_id) if plan_id else None
        today = date.today()
        notice = self.notices.create_notice(
            [issuer.id], attachments=[{"kind": "plan", "title": plan.title}, {"kind": "division", "title": "重点任务分工表"}]
            if plan else [], plan_id=plan.id if plan else None,
            title=f"关于印发《{plan.title}》的通知" if plan else "", recipients="各乡镇人民政府，县政府各部门：",
            sign_date=today, print_date=today, doc_year=today.year, printed_by=issuer.name,
            note="（此件公开发布）")
        page.reload(notice.id)
        page.fill_default_body()
        page.status_message.emit("已新建公文草稿。")

    @reports_errors
    def delete_notice(self) -> None:
        page = self.page
        n = page.notice
        if n is None or not messages.confirm(page, "删除公文", f"确定删除《{n.title or '未命名公文'}》"
                                             f"{f'第{n.revision}版' if n.revision > 1 else ''}吗？"):
            return
        page.stop_autosave()
        self.notices.delete_notice(n.id)
        page.notice = None
        # a deleted revision leaves the version before it shown
        same = [x.id for x in self.notices.list_notices() if x.lineage_id == n.lineage_id]
        page.reload(same[0] if same else None)

    @reports_errors
    def mark_issued(self) -> None:
        page = self.page
        if page.notice is None or not page.save_now_or_fail():
            return
        n = page.notice
        if not messages.confirm(page, "标记为已印发",
                                f"印发《{n.title}》（{n.doc_number or '未编号'}）？\n\n印发时程序保存这份公文的 PDF 和 Word 文件，"
                                "以后打开、导出、打印的都是这份文件；公文锁定，不能再修改（修改需新建修订版）。"):
            return
        self.ctx.runner.submit(lambda control: self.ctx.issuing.issue(n.id, control), self._issued,
                               title="正在印发并保存印发文件…", writes=True)

    def _issued(self, issued: NoticeDTO) -> None:
        page = self.page
        page.reload(issued.id)
        page.status_message.emit(f"已印发：{issued.doc_number}（第{issued.revision}版），印发文件已保存。")
        page.notice_issued.emit(issued.plan_id)

    @reports_errors
    def new_revision(self) -> None:
        page = self.page
        if page.notice is None:
            return
        rev = self.notices.new_revision(page.notice.id)
        page.reload(rev.id)
        page.status_message.emit(f"已新建第 {rev.revision} 版（草稿）；第 {rev.revision - 1} 版仍在列表中，保持印发时的内容。")
