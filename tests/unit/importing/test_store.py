"""The store step: one transaction for plan, units, notice and issuers."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import AuditLog, Issuer, Notice, Plan, PlanNode, Unit
from app.models.database import session_scope
from app.services.importing import ImportCancelled, import_file, import_text
from app.services.importing.store import NEW_UNIT, SKIP_UNIT, store_import
from app.services.importing.unit_preview import match_printed_units, unknown_unit_warnings
from app.services.plan_tree import iter_nodes

from .conftest import SAMPLE_FILES


def counts(ctx):
    with session_scope(ctx.session_factory) as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in (Plan, PlanNode, Unit, Notice, Issuer)}


def store(ctx, result, **kw):
    return store_import(ctx.session_factory, result, region_names=ctx.services.units.region_names, **kw)


def test_xinjiang_is_stored_with_units_notice_and_issuer(empty_ctx):
    result = import_file(SAMPLE_FILES["xinjiang"])
    report = store(empty_ctx, result, keep_notice=True)  # the clerk chose to keep a superior's notice
    plans = empty_ctx.services.plans
    plan = plans.get_plan(report.plan_id)
    assert (plan.title, plan.kind, plan.year, plan.status, plan.numbering) == (
        "自治区法治政府建设2022年工作要点", "年度工作要点", 2022, "草稿", "continuous")
    assert plan.issuer_text == "新疆维吾尔自治区人民政府办公厅"
    roots = plans.tree(report.plan_id)
    assert len(roots) == 10
    tasks = [n for r in roots for n in r.children if n.is_task]
    assert len(tasks) == report.tasks == 35
    first = tasks[0]
    assert (first.label, first.original_label, first.heading) == ("（一）", "（一）", "深入学习贯彻习近平法治思想")
    assert first.lead_units == ["自治区司法厅"] and first.support_units == ["自治区人民政府有关部门"]
    fourth = tasks[3]
    assert fourth.assignments[0].note == "按职责分工负责"
    assert (fourth.deadline_text, fourth.deadline) == ("2022年年底前", date(2022, 12, 31))
    # Units created early in the import are found again for later spellings of the same body.
    assert len(report.created) + len(report.matched) == len(result.printed_units())
    assert report.matched["司法厅"] == "自治区司法厅" and report.matched["自治区发改委"] == "发改委"

    notice = empty_ctx.services.notices.get_notice(report.notice_id)
    assert (notice.doc_prefix, notice.doc_year, notice.doc_serial) == ("新政办发", 2022, 31)
    assert notice.plan_id == report.plan_id and notice.status == "已印发"
    assert [i.name for i in notice.issuers] == ["新疆维吾尔自治区人民政府办公厅"]
    assert notice.issuers[0].prefix == "新政办发"
    assert notice.sign_date == date(2022, 6, 14)


def test_joint_notice_gets_two_issuers_and_no_number(empty_ctx):
    report = store(empty_ctx, import_file(SAMPLE_FILES["qijiang"]), keep_notice=True)
    notice = empty_ctx.services.notices.get_notice(report.notice_id)
    assert [i.name for i in notice.issuers] == ["中共重庆市綦江区委", "重庆市綦江区人民政府"]
    assert notice.doc_serial is None and notice.status == "草稿" and notice.note == "（此件公开发布）"
    plan = empty_ctx.services.plans.get_plan(report.plan_id)
    assert plan.period == "2021—2025年" and plan.closing.startswith("全区各街镇")
    # the stored plan prints the labels the source printed: 1.–85. run on across the （一） items
    printed = [(n.label, n.original_label) for n in iter_nodes(empty_ctx.services.plans.tree(plan.id)) if n.level >= 2]
    assert [label for label, _ in printed if label.endswith("．")][-1] == "85．"
    assert all(label.strip("（）．") == orig.strip("()（）.．、 ") for label, orig in printed)


def test_existing_issuer_is_reused(empty_ctx):
    empty_ctx.services.notices.add_issuer("新疆维吾尔自治区人民政府办公厅", prefix="新政办发")
    before = counts(empty_ctx)["Issuer"]
    store(empty_ctx, import_file(SAMPLE_FILES["xinjiang"]))
    assert counts(empty_ctx)["Issuer"] == before


def test_units_are_matched_to_the_registry(ctx):
    text = "\n".join(["示例县2026年工作要点", "一、加强领导", "（一）落实责任。（牵头单位：司法局；配合单位：示例县财政局、县新设中心）"])
    result = import_text(text)
    units = ctx.services.units
    preview = match_printed_units(result, units.records(), units.region_names)
    assert [(m.printed, m.kind, m.unit and m.unit.name) for m in preview] == [
        ("司法局", "normalized", "县司法局"), ("示例县财政局", "alias", "县财政局"), ("县新设中心", "none", None)]
    assert preview[0].status == "matched" and preview[0].roles == ("lead",) and preview[0].tasks == 1
    assert any("县新设中心" in w for w in unknown_unit_warnings(preview))
    report = store(ctx, result)
    assert report.matched == {"司法局": "县司法局", "示例县财政局": "县财政局"}
    assert report.created == ["县新设中心"]
    node = ctx.services.plans.tree(report.plan_id)[0].children[0]
    assert node.lead_units == ["县司法局"] and node.support_units == ["县财政局", "县新设中心"]


def test_clerks_choices_win(ctx):
    result = import_text("X县要点\n一、甲\n（一）乙。（牵头单位：司法局；配合单位：县财政局、某某办）")
    finance = ctx.services.units.match("县财政局").unit.id
    report = store(ctx, result, unit_choices={"司法局": finance, "县财政局": SKIP_UNIT, "某某办": NEW_UNIT})
    node = ctx.services.plans.tree(report.plan_id)[0].children[0]
    assert node.lead_units == ["县财政局"] and node.support_units == ["某某办"]


def test_unit_choice_pointing_nowhere_is_refused_and_nothing_is_stored(ctx):
    from app.services.errors import ValidationError

    before = counts(ctx)
    result = import_text("X县要点\n一、甲\n（一）乙。（牵头单位：新单位甲；配合单位：司法局）")
    with pytest.raises(ValidationError, match="不存在"):
        store(ctx, result, unit_choices={"司法局": 999_999})
    assert counts(ctx) == before


def test_failure_midway_leaves_nothing_behind(empty_ctx, monkeypatch):
    from app.services.importing import store as store_module

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    before = counts(empty_ctx)
    monkeypatch.setattr(store_module, "_store_notice", broken)
    with pytest.raises(RuntimeError):
        store(empty_ctx, import_file(SAMPLE_FILES["xinjiang"]), keep_notice=True)
    assert counts(empty_ctx) == before  # no plan, no units created for it, no issuer


def test_cancelled_store_is_rolled_back(empty_ctx):
    before = counts(empty_ctx)
    with pytest.raises(ImportCancelled):
        store(empty_ctx, import_file(SAMPLE_FILES["changji"]), is_cancelled=lambda: True)
    assert counts(empty_ctx) == before


def test_same_doc_number_twice_keeps_the_plan_and_says_so(empty_ctx):
    result = import_file(SAMPLE_FILES["xinjiang"])
    store(empty_ctx, result, keep_notice=True)
    again = store(empty_ctx, result, keep_notice=True)
    notice = empty_ctx.services.notices.get_notice(again.notice_id)
    assert notice.doc_serial is None
    assert any("已被" in w for w in again.warnings)
    assert counts(empty_ctx)["Plan"] == 2
    assert again.created == []  # the units made by the first import are found again


def test_import_is_audited(empty_ctx):
    report = store(empty_ctx, import_file(SAMPLE_FILES["alashan"]))
    with session_scope(empty_ctx.session_factory) as s:
        actions = {(a.entity, a.action) for a in s.scalars(select(AuditLog))}
    assert ("plan", "import") in actions
    assert report.notice_id is None


def test_new_units_get_a_category_guess(empty_ctx):
    store(empty_ctx, import_file(SAMPLE_FILES["alashan"]))
    by_name = {u.name: u.category for u in empty_ctx.services.units.list_units()}
    assert by_name["乌斯太镇"] == "乡镇街道"
    assert by_name["各行政执法单位"] == "集合"
    assert by_name["综合执法局"] == "县政府部门"


def test_preview_lists_units_a_heading_names_above_its_tasks(ctx):
    # the heading is no task (its sub-items carry their own units), yet store_import assigns its unit:
    # the preview must offer it, or the clerk cannot map or skip it before it is created
    result = import_text("X县2026年工作要点\n一、总体要求（牵头单位：县新设中心）\n（一）任务甲。（牵头单位：县财政局）\n"
                         "（二）任务乙。（牵头单位：县财政局）")
    assert [t.title for t in result.tasks] == ["任务甲", "任务乙"]
    assert result.printed_units() == ["县新设中心", "县财政局"]
    units = ctx.services.units
    preview = match_printed_units(result, units.records(), units.region_names)
    assert [(m.printed, m.tasks) for m in preview] == [("县新设中心", 1), ("县财政局", 2)]
    report = store(ctx, result, unit_choices={"县新设中心": SKIP_UNIT})
    assert report.created == []
    assert ctx.services.plans.tree(report.plan_id)[0].lead_units == []
