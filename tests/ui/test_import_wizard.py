"""Importing a sample through the wizard: file → analysis → preview → units → saved plan."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from app.services.importing import NEW_UNIT, SKIP_UNIT
from app.services.plan_tree import iter_nodes

SAMPLE = Path(__file__).parent / "data" / "测试县工作要点.txt"


def open_wizard(window, path):
    window.open_import()
    wizard = window.import_wizard
    assert wizard.isVisible() and wizard.currentPage() is wizard.file_page
    wizard.file_page.path.setText(str(path))
    return wizard


def test_import_a_sample_through_the_wizard(window, ctx):
    wizard = open_wizard(window, SAMPLE)
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.analyse_page and wizard.analyse_page.isComplete()
    assert "4 项重点任务" in wizard.analyse_page.step.text()
    wizard.next()
    preview = wizard.preview_page
    assert preview.title.text() == "测试县2027年法治政府建设工作要点" and preview.year.value() == 2027
    tree = preview.tree
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0).child(0)
    assert first.text(0).startswith("（一）深入学习贯彻习近平法治思想")
    assert (first.text(1), first.text(2)) == ("县司法局", "县委宣传部")
    assert tree.topLevelItem(1).child(0).text(3) == "2027年6月底前"
    preview.title.setText("测试县2027年法治政府建设工作要点（导入）")
    # 测试县 is not this county (示例县): its notice is kept only because the clerk ticks the box
    assert preview.keep_notice.isVisible() and not preview.keep_notice.isChecked()
    assert "不是本县的发文机关" in preview.notice_hint.text()
    preview.keep_notice.click()

    wizard.next()
    units = wizard.units_page
    printed = [m.printed for m in units.matches]
    assert printed == ["县数字化改革专班", "县司法局", "县委宣传部", "县委依法治县办", "各乡镇人民政府", "县市场监督管理局"]
    assert "1 个需要确认" in units.summary.text()
    status = {units.table.item(r, 0).text(): units.table.item(r, 2).text() for r in range(units.table.rowCount())}
    assert status["县数字化改革专班"] == "名录中没有" and status["县市场监督管理局"] == "已匹配"
    assert units.choice_box("县市场监督管理局").currentText() == "对应“县市场监管局”"
    assert units.choice_box("县数字化改革专班").currentData() == NEW_UNIT
    skip = units.choice_box("县委宣传部")
    skip.setCurrentIndex(skip.findData(SKIP_UNIT))

    wizard.button(QWizard.WizardButton.FinishButton).click()
    page = window.plans_page
    plan = page.editor.plan
    assert plan.title == "测试县2027年法治政府建设工作要点（导入）" and plan.year == 2027 and plan.status == "草稿"
    tasks = [n for n in iter_nodes(ctx.services.plans.tree(plan.id)) if n.is_task]
    assert len(tasks) == 4
    assert tasks[0].lead_units == ["县司法局"] and tasks[0].support_units == []  # 县委宣传部 ignored
    assert tasks[2].support_units == ["县数字化改革专班", "各乡镇人民政府"]
    assert tasks[3].lead_units == ["县市场监管局"]
    assert ctx.services.units.match("县数字化改革专班").unit is not None
    assert ctx.services.settings.load().recent_files[0] == str(SAMPLE)
    notices = [n for n in ctx.services.notices.list_notices() if n.plan_id == plan.id]
    assert notices and notices[0].doc_number == "测政办发〔2027〕3号"
    assert "已导入" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert page.combo.count() == 1 and page.editor.plan.id == ctx.demo_plan_id


def test_a_file_without_an_outline_is_refused_in_chinese(window, tmp_path):
    bad = tmp_path / "随笔.txt"
    bad.write_text("今天天气很好。\n明天也不错。\n", encoding="utf-8")
    wizard = open_wizard(window, bad)
    wizard.next()
    page = wizard.analyse_page
    assert not page.isComplete()
    assert page.step.text().startswith("无法导入：") and "编号条目" in page.step.text()
    wizard.back()
    assert wizard.currentPage() is wizard.file_page
    wizard.reject()
    assert window.plans_page.combo.count() == 1


XINJIANG = Path(__file__).resolve().parents[1] / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"


def to_units_page(window, path):
    wizard = open_wizard(window, path)
    wizard.next()
    wizard.next()
    return wizard


def test_a_superiors_document_starts_on_confident_suggestions(window, ctx):
    wizard = to_units_page(window, XINJIANG)
    preview = wizard.preview_page
    assert not preview.keep_notice.isChecked() and "新疆维吾尔自治区人民政府办公厅" in preview.notice_hint.text()
    wizard.next()
    units = wizard.units_page
    judicial = ctx.services.units.match("县司法局").unit.id
    assert units.choice_box("自治区司法厅").currentData() == judicial  # 州/自治区 body → the county's own
    assert units.choice_box("自治区应急管理厅").currentText() == "对应“县应急管理局”（相近 ✓建议）"
    # only a close name, not the same body: the clerk decides (新建单位 until then)
    assert units.choice_box("自治区政务服务和公共资源交易中心").currentData() == NEW_UNIT
    assert "已按相近单位预选" in units.summary.text()
    changed = units.take_all_suggestions()
    assert changed > 0
    assert units.choice_box("自治区政务服务和公共资源交易中心").currentText().startswith("对应“县政务服务中心”")


def test_accept_all_button_then_save_stores_no_superior_notice_or_issuer(window, ctx, qtbot):
    from tests.ui.clerk import Clerk

    issuers = [i.name for i in ctx.services.notices.list_issuers()]
    notices = len(ctx.services.notices.list_notices())
    Clerk(window, qtbot).import_file(XINJIANG, accept_suggestions=True)
    plan = window.plans_page.editor.plan
    assert plan.title == "自治区法治政府建设2022年工作要点"
    tasks = [n for n in iter_nodes(ctx.services.plans.tree(plan.id)) if n.is_task]
    assert tasks[0].lead_units == ["县司法局"]
    assert [i.name for i in ctx.services.notices.list_issuers()] == issuers
    assert len(ctx.services.notices.list_notices()) == notices


def test_the_mouse_wheel_never_changes_an_unfocused_choice(window, qtbot):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    wizard = to_units_page(window, SAMPLE)
    wizard.next()
    box = wizard.units_page.choice_box("县数字化改革专班")
    before = box.currentIndex()

    def wheel():
        centre = QPointF(box.rect().center())
        event = QWheelEvent(centre, QPointF(box.mapToGlobal(box.rect().center())), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(box, event)

    assert not box.hasFocus()
    wheel()
    assert box.currentIndex() == before
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=30_000)
    box.setFocus()
    assert box.hasFocus()
    wheel()
    assert box.currentIndex() != before  # once chosen (clicked or tabbed into), the wheel works


def test_the_wizard_fits_a_small_screen(window):
    wizard = open_wizard(window, SAMPLE)
    area = window.screen().availableGeometry()
    assert wizard.width() <= area.width() and wizard.height() <= area.height()
    wizard.reject()


@pytest.mark.parametrize(("name", "content", "said"), [
    ("空.txt", b"", "是空文件"),
    ("要点.docx", bytes(range(256)) * 200, "不是有效的Word 文档"),
    ("太大.txt", "一、总体要求\n".encode() * 400_000, "超过导入上限"),
    ("乱码.txt", b"\xff\xfe\x00\x00garbage\x00\x01\x02", "无法按该编码读取"),
])
def test_bad_files_are_refused_in_chinese_through_the_wizards_buttons(window, tmp_path, name, content, said):
    from PySide6.QtWidgets import QWizard

    bad = tmp_path / name
    bad.write_bytes(content)
    plans = window.plans_page.combo.count()
    wizard = open_wizard(window, bad)
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.analyse_page
    assert not page.isComplete()
    assert page.step.text().startswith("无法导入：") and said in page.step.text(), page.step.text()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible() and window.plans_page.combo.count() == plans  # nothing stored
