"""Settings page: values are stored in the database at once; issuers; fonts report; backup."""

from app.ui.main_window import SETTINGS


def test_settings_are_saved_in_the_database(window, ctx):
    window.nav.setCurrentRow(SETTINGS)
    page = window.settings_page
    page.county.setText("测试县")
    page.county.editingFinished.emit()
    page.print_mode.setCurrentIndex(page.print_mode.findData("overlay"))
    stored = ctx.services.settings.load()
    assert (stored.county_name, stored.print_mode) == ("测试县", "overlay")
    assert ctx.services.units.region_names == ("测试县",)
    assert ctx.services.units.match("测试县司法局").unit.name == "县司法局"
    assert "仿宋" in page.font_report.text()


def test_add_issuer_and_make_it_the_default(window, ctx, dialogs):
    page = window.settings_page
    page.issuer_name.setText("示例县司法局")
    page.issuer_prefix.setText("示司发")
    page.add_issuer()
    issuers = ctx.services.notices.list_issuers()
    assert [i.name for i in issuers][-1] == "示例县司法局" and issuers[-1].header_text == "示例县司法局文件"
    page.default_issuer.setCurrentIndex(page.default_issuer.findData(issuers[-1].id))
    assert ctx.services.settings.load().default_issuer_id == issuers[-1].id
    window.notices_page.new_notice()
    assert window.notices_page.notice.doc_prefix == "示司发"
    page.add_issuer()  # empty name
    assert dialogs.kinds("warning") == ["发文机关名称不能为空。"]


def test_backup_now(window, ctx):
    page = window.settings_page
    page.backup_now()
    assert list(ctx.paths.backup_dir.glob("*manual*.sqlite3"))
    assert page.backup_label.text().startswith("已有 ")
