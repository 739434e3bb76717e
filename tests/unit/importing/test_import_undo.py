"""Whose notice is it (a superior's issuer never joins the county's issuers unasked), confident unit
suggestions, and undo of an import taking back only what the import brought in."""

from sqlalchemy import func, select

from app.models import Issuer, Notice, Plan, Unit
from app.models.database import session_scope
from app.services.importing import import_file, import_text
from app.services.importing.issuer_policy import issuers_are_own, own_issuer
from app.services.importing.unit_preview import confident_suggestion, level_free, match_printed_units
from app.services.unit_matching import Suggestion, UnitRecord

from .conftest import SAMPLE_FILES


def counts(ctx):
    with session_scope(ctx.session_factory) as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in (Plan, Unit, Notice, Issuer)}


def test_own_issuers():
    assert own_issuer("示例县人民政府办公室", [], ["示例县"])
    assert own_issuer("中共示例县委办公室", [], ["示例县"])
    assert own_issuer("新疆维吾尔自治区人民政府办公厅", ["新疆维吾尔自治区人民政府办公厅"], ["示例县"])
    assert not own_issuer("新疆维吾尔自治区人民政府办公厅", ["示例县人民政府办公室"], ["示例县"])
    assert not own_issuer("测试县人民政府办公室", [], ["示例县"])
    assert not own_issuer("", [], ["示例县"])
    assert issuers_are_own(["示例县人民政府", "中共示例县委"], [], ["示例县"])
    assert not issuers_are_own(["示例县人民政府", "某市人民政府"], [], ["示例县"])
    assert not issuers_are_own([], [], ["示例县"])


def test_a_superiors_notice_and_issuer_are_not_added(ctx):
    before = counts(ctx)
    issuers = [i.name for i in ctx.services.notices.list_issuers()]
    result = import_file(SAMPLE_FILES["xinjiang"])
    assert not ctx.services.imports.notice_is_own(result)
    report = ctx.services.imports.store(result)
    assert report.notice_id is None
    assert [i.name for i in ctx.services.notices.list_issuers()] == issuers
    assert any("不是本县的发文机关" in w and "新政办发〔2022〕31号" in w for w in report.warnings)
    assert counts(ctx)["Notice"] == before["Notice"]
    assert ctx.services.plans.get_plan(report.plan_id).issuer_text == "新疆维吾尔自治区人民政府办公厅"


def test_the_countys_own_notice_is_kept(ctx):
    text = ("示例县人民政府办公室文件\n示政办发〔2027〕9号\n示例县人民政府办公室关于印发《示例县2027年法治政府建设工作要点》的通知\n"
            "各乡镇人民政府，县政府各部门：\n现将《示例县2027年法治政府建设工作要点》印发给你们，请认真贯彻落实。\n"
            "示例县人民政府办公室\n2027年3月1日\n示例县2027年法治政府建设工作要点\n一、加强领导\n"
            "（一）落实责任。（牵头单位：县司法局）")
    result = import_text(text)
    assert result.notice is not None and result.notice.issuers == ["示例县人民政府办公室"]
    assert ctx.services.imports.notice_is_own(result)
    report = ctx.services.imports.store(result)
    assert report.notice_id is not None and report.created_issuer_ids == []  # the demo's issuer, reused


def level_pairs():
    return [("州司法局", "司法局"), ("自治区应急管理厅", "应急管理局"), ("州政府办公室", "政府办公室"),
            ("县司法局", "司法局"), ("卫生健康委", "卫生健康局"), ("中共示例县委宣传部", "委宣传部")]


def test_level_free_names():
    for name, key in level_pairs():
        assert level_free(name, ["示例县"]) == key, name


def test_confident_suggestions_are_the_same_body_at_another_level():
    judicial = UnitRecord(1, "县司法局")
    city = UnitRecord(2, "县城市管理局")
    assert confident_suggestion("州司法局", [Suggestion(judicial, 0.93)]) == judicial
    assert confident_suggestion("城乡规划管理局", [Suggestion(city, 0.86)]) is None  # close, yet another body
    towns = [Suggestion(UnitRecord(i, n), 0.85) for i, n in enumerate(["东关乡人民政府", "北山镇人民政府"], 3)]
    assert confident_suggestion("各县市人民政府", towns) is None


def test_preview_offers_confident_matches_of_a_superiors_document(ctx):
    units = ctx.services.units
    matches = match_printed_units(import_file(SAMPLE_FILES["xinjiang"]), units.records(), units.region_names)
    confident = {m.printed: m.confident.name for m in matches if m.confident}
    assert confident["自治区司法厅"] == "县司法局" and confident["自治区应急管理厅"] == "县应急管理局"
    assert "自治区政务服务和公共资源交易中心" not in confident


def test_undo_of_an_import_takes_back_what_it_brought(ctx):
    before = counts(ctx)
    result = import_file(SAMPLE_FILES["xinjiang"])
    report = ctx.services.imports.store(result, keep_notice=True)
    assert report.created_unit_ids and report.created_issuer_ids and report.notice_id
    assert ctx.services.imports.remove(report) == []
    assert counts(ctx) == before
    again = ctx.services.imports.store(result, keep_notice=True)  # redo
    assert counts(ctx)["Plan"] == before["Plan"] + 1 and again.notice_id is not None


def test_undo_of_an_import_keeps_what_the_clerk_changed_since(ctx):
    report = ctx.services.imports.store(import_file(SAMPLE_FILES["xinjiang"]), keep_notice=True)
    ctx.services.notices.new_revision(report.notice_id)  # the issued notice was revised since
    kept_unit = report.created_unit_ids[0]
    ctx.services.units.update_unit(kept_unit, contact_person="王五")
    notes = ctx.services.imports.remove(report)
    assert any("导入后已修改" in n for n in notes) and any("保留在名录中" in n for n in notes)
    assert ctx.services.notices.get_notice(report.notice_id).plan_id is None
    assert ctx.services.units.get(kept_unit).contact_person == "王五"
    assert [i.name for i in ctx.services.notices.list_issuers()].count("新疆维吾尔自治区人民政府办公厅") == 1
