"""打印…: from the menu, the page's button and Ctrl+P, through the print preview and the real
QPrintDialog into a PDF file (the dialog's own "打印到文件(PDF)" printer), measured."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.ui import document_output
from app.ui.printing.preview_dialog import PrintPreviewDialog
from app.ui.printing.print_job import chosen_pages, new_printer, painting_order, print_pdf
from tests.ui.print_dialog import open_print_dialog, print_to_pdf

A4 = (595.28, 841.89)


@pytest.fixture
def page(window):
    window.nav.setCurrentRow(2)
    return window.notices_page


def red_rows(pdf: bytes, index: int = 0, scale: float = 1.0) -> list[int]:
    """Rows (in points from the top at scale 1) holding clearly red pixels."""
    doc = pypdfium2.PdfDocument(pdf)
    image = doc[index].render(scale=scale).to_pil().convert("RGB")
    w, h = image.size
    px = image.load()
    rows = [y for y in range(h) if any(px[x, y][0] > 170 and px[x, y][1] < 90 and px[x, y][2] < 90
                                      for x in range(0, w, 2))]
    doc.close()
    return rows


def coloured_pixels(pdf: bytes, index: int = 0) -> int:
    doc = pypdfium2.PdfDocument(pdf)
    image = doc[index].render(scale=0.5).to_pil().convert("RGB")
    doc.close()
    raw = image.tobytes()
    return sum(1 for i in range(0, len(raw), 3) if max(raw[i:i + 3]) - min(raw[i:i + 3]) > 40)


def open_preview(window, how: str) -> PrintPreviewDialog:
    if how == "shortcut":
        from PySide6.QtTest import QTest

        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    elif how == "menu":
        file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
        next(a for a in file_menu.actions() if a.text().startswith("打印公文")).trigger()
    else:
        window.notices_page.buttons["print"].click()
    preview = window.notices_page.actions.print_flow.preview
    assert preview.isVisible() and preview.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
    return preview


@pytest.mark.parametrize("how,pages", [("menu", ""), ("shortcut", "1"), ("button", "2")])
def test_print_opens_the_preview_then_the_print_dialog(window, page, how, pages, tmp_path):
    if not pages:  # the whole notice, kept short: without its attachments
        for row in range(page.form.attachments.count()):
            page.form.attachments.item(row).setCheckState(Qt.CheckState.Unchecked)
        page.save_now()
    preview = open_preview(window, how)
    count = preview.page_count()
    assert count == page.preview.page_count() >= 2
    assert preview.thumbs.count() == count and not preview.thumbs.item(0).icon().isNull()
    preview.range.setText(pages)  # the whole notice once; one page for the other two ways in
    preview.print_button.click()
    dialog = open_print_dialog()
    out = tmp_path / f"{how}.pdf"
    print_to_pdf(dialog, out)
    sheets = 1 if pages else count
    with pdfplumber.open(out) as printed:
        assert len(printed.pages) == sheets
    assert not preview.isVisible()
    assert window.statusBar().currentMessage() == f"已打印到文件 {how}.pdf：{sheets} 页。"


def test_page_range_and_copies_from_the_preview(window, page, tmp_path):
    preview = open_preview(window, "button")
    preview.range.setText("2-3")
    preview.copies.setValue(2)
    checked = [preview.thumbs.item(i).checkState() == Qt.CheckState.Checked for i in range(preview.thumbs.count())]
    assert checked[:4] == [False, True, True, False]
    assert "将打印 2 页 × 2 份（共 4 页）" in preview.summary.text()
    preview.print_button.click()
    dialog = open_print_dialog()
    assert (dialog.printer().fromPage(), dialog.printer().toPage(), dialog.printer().copyCount()) == (2, 3, 2)
    out = tmp_path / "range.pdf"
    print_to_pdf(dialog, out)
    source = document_output.preview(page.ctx, page.notice.id, "color").pdf
    with pdfplumber.open(out) as printed, pdfplumber.open(io.BytesIO(source)) as original:
        assert len(printed.pages) == 4  # pages 2, 3 collated, twice
        want = [original.pages[i].extract_text() for i in (1, 2, 1, 2)]
        assert len({t for t in want}) == 2
        for p in printed.pages:
            assert (round(p.width), round(p.height)) == (round(A4[0]), round(A4[1]))
            (image,) = p.images  # one page image over the whole sheet: nothing fitted or scaled
            assert (round(image["x0"]), round(image["top"])) == (0, 0)
            assert (round(image["width"]), round(image["height"])) == (round(A4[0]), round(A4[1]))


def test_a_page_set_the_dialog_cannot_hold_is_kept_from_the_preview(window, page, tmp_path):
    preview = open_preview(window, "button")
    preview.thumbs.item(1).setCheckState(Qt.CheckState.Unchecked)  # clicking the thumbnails' boxes
    preview.thumbs.item(3).setCheckState(Qt.CheckState.Unchecked)
    count = preview.page_count()
    assert preview.range.text() == f"1,3,5-{count}"
    preview.range.setText("1，3")
    preview.print_button.click()
    dialog = open_print_dialog()
    assert "第 1,3 页" in dialog.windowTitle()
    out = tmp_path / "set.pdf"
    print_to_pdf(dialog, out)
    with pdfplumber.open(out) as printed:
        assert len(printed.pages) == 2


def test_true_scale_red_line_lands_where_the_pdf_puts_it(window, page, tmp_path):
    preview = open_preview(window, "button")
    preview.range.setText("1")
    preview.print_button.click()
    out = tmp_path / "colour.pdf"
    print_to_pdf(open_print_dialog(), out)
    source = document_output.preview(page.ctx, page.notice.id, "color").pdf
    want, got = red_rows(source), red_rows(out.read_bytes())
    assert want and got
    paper = pypdfium2.PdfDocument(out.read_bytes())
    assert paper[0].render(scale=0.5).to_pil().convert("RGB").getpixel((4, 4)) == (255, 255, 255)  # opaque white
    paper.close()
    # the red header and the red separator sit at the same height (1 pt = 1/72 inch) on paper
    assert abs(want[0] - got[0]) <= 1 and abs(want[-1] - got[-1]) <= 1


@pytest.mark.parametrize("mode", ["overlay", "mono"])
def test_overlay_and_mono_print_no_red(window, page, mode, tmp_path):
    preview = open_preview(window, "button")
    preview.mode.setCurrentIndex(preview.mode.findData(mode))
    preview.range.setText("1")
    preview.print_button.click()
    dialog = open_print_dialog()
    assert ("套红纸" if mode == "overlay" else "黑白") in dialog.windowTitle()
    out = tmp_path / f"{mode}.pdf"
    print_to_pdf(dialog, out)
    data = out.read_bytes()
    assert red_rows(data) == []
    if mode == "mono":
        assert coloured_pixels(data) == 0
    with pdfplumber.open(out) as printed:
        assert len(printed.pages) == 1


def test_a_wrong_range_is_explained_and_printing_waits(window, page):
    preview = open_preview(window, "button")
    preview.range.setText("2-99")
    assert "超出了文件的页数" in preview.summary.text() and not preview.print_button.isEnabled()
    preview.range.setText("甲")
    assert "看不懂" in preview.summary.text()
    preview.range.setText("")
    assert preview.print_button.isEnabled()
    preview.reject()


def test_print_job_copies_collation_and_order(page, tmp_path):
    pdf = document_output.preview(page.ctx, page.notice.id, "color").pdf
    printer = new_printer("测试")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "copies.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    printer.setCopyCount(3)
    printer.setCollateCopies(False)
    assert not printer.supportsMultipleCopies()  # so the copies are painted here
    assert painting_order(printer, chosen_pages(printer, 5)) == [0, 0, 0, 1, 1, 1]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    printer.setCollateCopies(True)
    assert painting_order(printer, chosen_pages(printer, 5)) == [1, 0, 1, 0, 1, 0]
    assert chosen_pages(printer, 5, [1, 3, 9]) == [2, 0]  # a set fixed in the preview wins, last page first
    printer.setCopyCount(2)
    assert print_pdf(printer, pdf) == 4
    with pdfplumber.open(tmp_path / "copies.pdf") as printed:
        assert len(printed.pages) == 4


def test_windows_without_a_printer_is_told_so(window, page, dialogs, monkeypatch):
    from app.ui.printing import print_flow

    monkeypatch.setattr(print_flow.sys, "platform", "win32")  # offscreen has no native printer either
    preview = open_preview(window, "button")
    preview.print_button.click()
    assert "没有安装打印机" in dialogs.kinds("warning")[-1]
    assert page.actions.print_flow.print_dialog is None and preview.isVisible()
    preview.reject()


def test_print_without_a_notice_says_what_to_do(qtbot, empty_ctx):
    from app.ui.main_window import MainWindow
    from app.ui.runner import SyncRunner

    w = MainWindow(empty_ctx, runner=SyncRunner())
    qtbot.addWidget(w)
    w.show()
    file_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "文件(&F)")
    next(a for a in file_menu.actions() if a.text().startswith("打印公文")).trigger()
    assert w.stack.currentIndex() == 2 and "新建公文" in w.statusBar().currentMessage()
    w.close()


def test_a_turned_table_page_prints_as_it_lies_on_the_paper(page, tmp_path):
    """Table pages carry /Rotate 90 so they read upright on screen; on the sheet they must come out
    as the page lies on the paper (its media box), not squeezed or cut off."""
    pdf = document_output.preview(page.ctx, page.notice.id, "color").pdf
    source = pypdfium2.PdfDocument(pdf)
    turned = next(i for i in range(len(source)) if source[i].get_rotation() == 90)
    source.close()
    printer = new_printer("测试")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "table.pdf"))
    assert print_pdf(printer, pdf, pages=[turned + 1]) == 1
    with pdfplumber.open(tmp_path / "table.pdf") as printed:
        sheet = printed.pages[0]
        (image,) = sheet.images
        assert (round(image["width"]), round(image["height"])) == (round(A4[0]), round(A4[1]))
    # pdfplumber reads the page as shown (turned, 842 wide); on the paper a shown point (x, y)
    # lies at (y, 842 − x): the shown top is the paper's left edge, the binding side (§8)
    with pdfplumber.open(io.BytesIO(pdf)) as src:
        shown = src.pages[turned]
        width, words = shown.width, shown.extract_words()
    printed_doc = pypdfium2.PdfDocument(str(tmp_path / "table.pdf"))
    image = printed_doc[0].render(scale=1).to_pil().convert("L")
    printed_doc.close()

    def inked(x: float, y: float) -> bool:
        return min(image.getpixel((round(x) + dx, round(y) + dy)) for dx in range(-3, 4) for dy in range(-3, 4)) < 128

    def centre(w) -> tuple[float, float]:
        return (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2

    right = sum(inked(y, width - x) for x, y in map(centre, words))
    wrong = sum(inked(image.width - y, x) for x, y in map(centre, words))  # turned the other way
    assert len(words) > 20 and right >= 0.8 * len(words) and wrong <= 0.5 * right
