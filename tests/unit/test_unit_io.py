import pytest
from openpyxl import Workbook, load_workbook

from app.services.errors import InputFileError
from app.services.unit_io import HEADERS, export_units, import_units


def test_export_writes_every_unit_with_usage(services, tmp_path):
    path = tmp_path / "units.xlsx"
    count = export_units(services.units, path)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) - 1 == count == len(services.units.list_units())
    judicial = next(r for r in rows if r[0] == "县司法局")
    assert judicial[2] == "县政府部门" and "示例县司法局" in judicial[3] and judicial[8] > 0


def test_round_trip_into_an_empty_registry(services, empty_ctx, tmp_path):
    path = tmp_path / "units.xlsx"
    export_units(services.units, path)
    summary = import_units(empty_ctx.services.units, path)
    assert summary.added == len(services.units.list_units()) and not summary.problems
    a = {u.name: (u.category, u.aliases, u.sort_order) for u in services.units.list_units()}
    b = {u.name: (u.category, u.aliases, u.sort_order) for u in empty_ctx.services.units.list_units()}
    assert a == b
    again = import_units(empty_ctx.services.units, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(a))


def test_hand_made_sheet_updates_adds_and_reports(services, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["示例县单位名录"])
    ws.append(["序号", "名称", "分类", "其他名称", "电话"])
    ws.append([1, "县司法局", "县政府部门", "县法制办、依法治县工作科", "0000-111"])
    ws.append([2, "县档案馆", "事业单位", "", ""])
    ws.append([3, "县公安局", "县政府部门", "县司法局", ""])  # alias clash: reported, not fatal
    ws.append([None, None, None, None, None])
    path = tmp_path / "hand.xlsx"
    wb.save(path)
    summary = import_units(services.units, path)
    assert (summary.added, summary.updated) == (1, 1)
    assert len(summary.problems) == 2
    assert "第 4 行" in summary.problems[0] and "未知类别" in summary.problems[0]
    assert "第 5 行" in summary.problems[1]
    judicial = services.units.match("县法制办").unit
    assert judicial.name == "县司法局"
    assert services.units.get(judicial.id).phone == "0000-111"
    assert services.units.match("县档案馆").unit is not None
    assert "未导入" in summary.message()


def test_a_new_unit_marked_disabled_is_added_disabled(empty_ctx, tmp_path):
    wb = Workbook()
    wb.active.append(["单位名称", "状态"])
    wb.active.append(["县老干部局", "停用"])
    wb.active.append(["县档案馆", "在用"])
    path = tmp_path / "state.xlsx"
    wb.save(path)
    assert import_units(empty_ctx.services.units, path).added == 2
    assert {u.name: u.active for u in empty_ctx.services.units.list_units()} == {"县老干部局": False, "县档案馆": True}


def test_a_unit_listed_twice_keeps_the_aliases_of_both_rows(empty_ctx, tmp_path):
    units = empty_ctx.services.units
    units.add_unit("县司法局")
    wb = Workbook()
    wb.active.append(["单位名称", "别名"])
    wb.active.append(["县司法局", "县法制办"])
    wb.active.append(["县司法局", "依法治县办"])
    path = tmp_path / "twice.xlsx"
    wb.save(path)
    assert import_units(units, path).updated == 2
    assert set(units.list_units()[0].aliases) == {"县法制办", "依法治县办"}


def test_unreadable_files_are_refused_in_chinese(services, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputFileError, match="不是有效的 Excel"):
        import_units(services.units, bad)
    wb = Workbook()
    wb.active.append(["甲", "乙"])
    wb.save(tmp_path / "noheader.xlsx")
    with pytest.raises(InputFileError, match="单位名称"):
        import_units(services.units, tmp_path / "noheader.xlsx")


def test_set_order(services):
    units = services.units.list_units()
    ids = [u.id for u in units][::-1]
    services.units.set_order(ids)
    assert [u.id for u in services.units.list_units()] == ids
