"""Export and printing of the notice shown on the 公文 page.

Rendering happens on the TaskRunner; printing goes through the print preview and the system
print dialog (app/ui/printing), painting each page at true scale."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.output_files import is_read_only
from app.ui import document_output
from app.ui.dialogs import messages

if TYPE_CHECKING:
    from app.ui.pages.notices_page import NoticesPage
    from app.ui.printing.print_flow import PrintFlow

MODES = (("color", "彩色"), ("overlay", "套红纸"), ("mono", "黑白"))
KINDS = {"pdf": ("PDF 文件 (*.pdf)", ".pdf", ""), "docx": ("Word 文档 (*.docx)", ".docx", ""),
         "xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx", "（分工表）")}


class NoticeActions:
    def __init__(self, page: NoticesPage):
        self.page = page
        self.print_flow: PrintFlow | None = None
        self.last_export: document_output.Exported | None = None

    @property
    def ctx(self):
        return self.page.ctx

    def _ready(self) -> bool:
        if self.page.notice is None:
            self.page.status_message.emit("还没有公文：请先点“新建公文”，或在左侧列表中选择一份。")
            return False
        self.page.save_now()
        return True

    # ---- export --------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        if not self._ready():
            return
        notice = self.page.notice
        filt, suffix, extra = KINDS[kind]
        base = (notice.title or "公文").replace("/", "／")
        path = messages.save_file(self.page, "导出公文", f"{base}{extra}{suffix}", filt)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        overwrite = is_read_only(Path(path))
        if overwrite and not messages.confirm(self.page, "覆盖只读文件",
                                              f"“{Path(path).name}”是只读文件。仍要用导出的公文覆盖它吗？"):
            return
        mode = self.page.current_mode()
        self.ctx.runner.submit(lambda control: document_output.export(self.ctx, notice.id, kind, Path(path), mode,
                                                                      overwrite),
                               self._exported, title=f"正在导出 {Path(path).name}…", lane="render")

    def _exported(self, result: document_output.Exported) -> None:
        self.last_export = result
        pages = f"，共 {result.pages} 页" if result.pages else ""
        hints = f"；{len(result.warnings)} 条提示见右侧“格式检查”" if result.warnings else ""
        self.page.status_message.emit(f"已导出 {result.path.name}{pages}{hints}")
        self.report_fonts_once([w for w in result.warnings if w.startswith("字体：")])

    def report_fonts_once(self, fonts: list[str]) -> None:
        """Substituted fonts are told in a message once (until they change), not after every export;
        they stay listed beside the preview and on the 设置 page."""
        key = "\n".join(fonts)
        if not fonts or key == self.ctx.settings.fonts_reported:
            return
        self.ctx.set_setting("fonts_reported", key)
        messages.inform(self.page, "公文字体已替代",
                        "本机没有公文规定的部分字体，导出和打印时用下列字体代替：\n\n"
                        + "\n".join(f.removeprefix("字体：") for f in fonts[:10])
                        + "\n\n这条说明只显示一次。替代情况随时可在“公文”页右侧的“格式检查”中查看；"
                          "装好字体后，可在“设置”页的“公文字体”中指定。")

    # ---- printing ------------------------------------------------------------------------
    def print_notice(self) -> None:
        """打印…: the print preview first, then the system print dialog (see PrintFlow)."""
        if not self._ready():
            return
        from app.ui.printing.print_flow import PrintFlow  # Qt's printing support loads on the first 打印…

        notice = self.page.notice
        record = self.ctx.issuing.record(notice.id)
        info = document_output.issued_note(record) if record else "草稿：按当前内容生成。"
        self.print_flow = PrintFlow(self.page, self.ctx.runner, notice.title or "公文",
                                    lambda mode: document_output.preview(self.ctx, notice.id, mode).pdf,
                                    MODES, self.page.current_mode(), info)
        self.print_flow.printed.connect(self._printed)
        self.print_flow.start()

    def _printed(self, sheets: int) -> None:
        printer = self.print_flow.printer
        where = f"已打印到文件 {Path(printer.outputFileName()).name}" if printer.outputFileName() else "已发送到打印机"
        self.page.status_message.emit(f"{where}：{sheets} 页。")
