"""First start of a clerk's own database: the county template, the answers as stored, and the
commands that create a database without fictional data."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.context import open_context, open_sample_context
from app.paths import resolve_paths
from app.services.errors import DuplicateError, FrozenError, InputFileError, ValidationError
from app.services.first_start.county_template import (
    IssuerChoice,
    TemplateUnit,
    county_level,
    fill,
    load_template,
)
from app.services.first_start.first_start_service import (
    FirstStartChoice,
    add_template_units,
    check_template_units,
)
from app.services.units import UNIT_CATEGORIES

from .importing.conftest import SAMPLE_FILES

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"


def everything(ctx):
    """What a clerk can see of the database, as plain data."""
    s = ctx.services.settings.load()
    return {
        "county": s.county_name,
        "default_issuer": s.default_issuer_id,
        "issuers": [(i.name, i.header_text, i.prefix) for i in ctx.services.notices.list_issuers()],
        "units": [(u.name, u.short_name, u.category, u.aliases) for u in ctx.services.units.list_units()],
        "plans": [p.title for p in ctx.services.plans.list_plans()],
        "notices": [n.title for n in ctx.services.notices.list_notices()],
    }


def test_county_level_and_filling():
    assert [county_level(n) for n in ("郸城县", "某某区", "某某市", "某某旗", "某某自治县", "县", "")] == \
        ["县", "区", "市", "旗", "县", "县", "县"]
    assert fill("{级}司法局", "某某区") == "区司法局"
    assert fill("中共{县}委全面依法治{级}委员会办公室", "某某区") == "中共某某区委全面依法治区委员会办公室"
    assert fill("{简}政办发", "郸城县") == "郸政办发"
    assert fill("{县}人民政府办公室", "  ") == "某某县人民政府办公室"  # the placeholder while nothing is typed


@pytest.mark.parametrize("county", ["郸城县", "某某区", "某某市", "某某自治县"])
def test_the_template_fills_into_a_clean_registry(empty_ctx, county):
    template = load_template(RESOURCES)
    units = template.filled_units(county)
    level = county_level(county)
    names = [u.name for u in units]
    for expected in ("委办公室", "人民政府办公室", "发展和改革局", "司法局", "人民法院", "人民检察院"):
        assert level + expected in names
    assert "各乡镇人民政府" in names
    assert {u.category for u in units} <= set(UNIT_CATEGORIES)
    assert {"县委部门", "县政府部门", "司法机关", "群团企业", "集合"} <= {u.category for u in units}
    assert f"{county}司法局" in next(u for u in units if u.name == f"{level}司法局").aliases
    assert all("{" not in text for u in units for text in (u.name, u.short_name, *u.aliases))
    summary = add_template_units(empty_ctx.services.units, check_template_units(units))
    assert (summary.added, summary.problems) == (len(units), [])
    issuers = template.filled_issuers(county)
    assert issuers[0] == IssuerChoice(f"{county}人民政府办公室", f"{county}人民政府办公室文件", f"{county[0]}政办发")
    assert issuers[1].name == f"中共{county}委全面依法治{level}委员会办公室"


def test_a_fresh_database_holds_exactly_what_the_clerk_chose(empty_ctx):
    fs = empty_ctx.services.first_start
    assert fs.needed(empty_ctx.settings)
    template = load_template(RESOURCES)
    units = template.filled_units("郸城县")
    kept = [u for u in units if u.category in ("司法机关", "集合")]
    kept[0] = TemplateUnit("郸城县人民法院", "县法院", "司法机关", ("县法院",))  # edited before saving
    issuers = template.filled_issuers("郸城县")
    issuers[1] = IssuerChoice(issuers[1].name, issuers[1].header_text, "郸法治办")
    report = fs.apply(FirstStartChoice(" 郸城县 ", tuple(issuers), "template", tuple(kept)))
    data = everything(empty_ctx)
    assert data["county"] == "郸城县"
    assert data["issuers"] == [(i.name, i.header_text, i.prefix) for i in issuers]
    assert data["default_issuer"] == report.issuers[0].id
    assert [u[0] for u in data["units"]] == [u.name for u in kept]
    assert data["units"][0] == ("郸城县人民法院", "县法院", "司法机关", ("县法院",))
    assert data["plans"] == [] and data["notices"] == []
    stored = empty_ctx.services.settings.load()
    assert stored.first_start_done and not stored.demo_loaded
    assert not fs.needed(stored)
    assert "郸城县" in report.summary() and "单位 " in report.summary()
    assert empty_ctx.services.units.match("郸城县司法局").kind == "none"  # 县司法局 was not chosen
    assert empty_ctx.services.units.match("郸城县各乡镇人民政府").unit.name == "各乡镇人民政府"


def test_no_issuers_and_no_units(empty_ctx):
    empty_ctx.services.first_start.apply(FirstStartChoice("某某区", (), "none"))
    data = everything(empty_ctx)
    assert (data["county"], data["issuers"], data["units"], data["default_issuer"]) == ("某某区", [], [], None)


def test_units_from_the_office_workbook(empty_ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "单位名称", "类别", "别名"])
    ws.append([1, "县司法局", "县政府部门", "郸城县司法局"])
    ws.append([2, "县人民法院", "司法机关", ""])
    ws.append([3, "城关镇人民政府", "乡镇街道", "城关镇"])
    path = tmp_path / "名录.xlsx"
    wb.save(path)
    empty_ctx.services.first_start.apply(FirstStartChoice("郸城县", (), "xlsx", xlsx_path=path))
    data = everything(empty_ctx)
    assert [u[:3] for u in data["units"]] == [("县司法局", "", "县政府部门"), ("县人民法院", "", "司法机关"),
                                              ("城关镇人民政府", "", "乡镇街道")]


def test_a_wrong_answer_writes_nothing(empty_ctx, tmp_path):
    fs = empty_ctx.services.first_start
    before = everything(empty_ctx)
    not_a_workbook = tmp_path / "名录.xlsx"
    not_a_workbook.write_text("不是表格", encoding="utf-8")
    issuer = IssuerChoice("郸城县人民政府办公室", "", "郸政办发")
    wrong = [
        (FirstStartChoice("  ", (issuer,)), ValidationError, "请填写本县"),
        (FirstStartChoice("郸城县", (issuer, issuer)), ValidationError, "填了两次"),
        (FirstStartChoice("郸城县", (IssuerChoice("", "", "x"),)), ValidationError, "发文机关名称不能为空"),
        (FirstStartChoice("郸城县", (IssuerChoice("甲", "", "郸〔政〕"),)), ValidationError, "括号"),
        (FirstStartChoice("郸城县", (issuer,), "xlsx", xlsx_path=not_a_workbook), InputFileError, "不是有效的 Excel"),
        (FirstStartChoice("郸城县", (issuer,), "xlsx"), ValidationError, "请选择"),
        (FirstStartChoice("郸城县", (issuer,), "template", (TemplateUnit("县司法局", category="县政府部门"),
                                                           TemplateUnit("县法院", category="司法机关",
                                                                        aliases=("县司法局",)))),
         ValidationError, "同时出现"),
        (FirstStartChoice("郸城县", (issuer,), "template", (TemplateUnit(" ", category="集合"),)),
         ValidationError, "名称为空"),
        (FirstStartChoice("郸城县", (issuer,), "template", (TemplateUnit("县司法局", category="局"),)),
         ValidationError, "类别"),
    ]
    for choice, error, words in wrong:
        with pytest.raises(error) as exc:
            fs.apply(choice)
        assert words in exc.value.message
    assert everything(empty_ctx) == before
    assert fs.needed(empty_ctx.services.settings.load())


def test_put_aside_is_remembered_and_needed_only_on_an_empty_own_database(empty_ctx, ctx):
    assert not ctx.services.first_start.needed(ctx.settings)  # the sample's own database
    fs = empty_ctx.services.first_start
    fs.put_aside()
    assert not fs.needed(empty_ctx.services.settings.load())
    assert everything(empty_ctx)["units"] == []


def test_template_units_added_to_a_registry_that_has_some(empty_ctx):
    units = empty_ctx.services.units
    units.add_unit("县司法局", category="县政府部门", aliases=["郸城县司法局"])
    units.add_unit("县法制办", category="县政府部门", aliases=["县人民法院办公室"])
    rows = [TemplateUnit("县司法局", category="县政府部门"),
            TemplateUnit("郸城县司法局", category="县政府部门"),  # an alias of a unit already there
            TemplateUnit("县人民法院", category="司法机关", aliases=("县人民法院办公室", "县法院"))]
    summary = add_template_units(units, rows)
    assert (summary.added, summary.unchanged, summary.problems) == (1, 2, [])
    assert units.get(units.match("县人民法院").unit.id).aliases == ("县法院",)  # the taken alias left out


def test_new_databases_from_the_command_line_hold_no_fictional_data(tmp_path, capsys):
    db = tmp_path / "新.sqlite3"
    assert main(["--db", str(db), "import", str(SAMPLE_FILES["changji"])]) == 0
    capsys.readouterr()
    ctx = open_context(resolve_paths(db))
    try:
        data = everything(ctx)
        assert data["plans"] == ["自治州全面推进依法行政 加快建设法治政府实施方案"]  # one plan: the imported one
        assert not any("示例" in text for text in (*data["plans"], *data["notices"], *(u[0] for u in data["units"])))
        assert data["county"] == ""
        assert not ctx.settings.demo_loaded and not ctx.services.first_start.needed(ctx.settings)
    finally:
        ctx.close()
    other = tmp_path / "空.sqlite3"
    main(["--db", str(other), "backup", "--list"])
    ctx = open_context(resolve_paths(other))
    try:
        assert everything(ctx) == {"county": "", "default_issuer": None, "issuers": [], "units": [], "plans": [],
                                   "notices": []}
    finally:
        ctx.close()


def test_the_sample_database_is_marked_as_one(tmp_path):
    ctx = open_sample_context(tmp_path)
    try:
        assert ctx.is_sample and ctx.demo_plan_id is not None
        assert ctx.paths.db_path.parent == tmp_path
        s = ctx.services.settings.load()
        assert (s.county_name, s.sample_database, s.demo_loaded) == ("示例县", True, True)
        assert ctx.services.units.region_names == ("示例县",)
    finally:
        ctx.close()


def test_issuers_are_editable_until_an_issued_notice_shows_them(ctx):
    notices = ctx.services.notices
    issuer = notices.list_issuers()[0]
    changed = notices.update_issuer(issuer.id, "示例县人民政府办公室", "示例县人民政府办公室文件", "示政发")
    assert changed.prefix == "示政发"
    other = notices.add_issuer("示例县司法局", prefix="示司发")
    with pytest.raises(DuplicateError):
        notices.update_issuer(other.id, issuer.name)
    renamed = notices.update_issuer(other.id, "示例县司法局（县委依法治县办）", "", "示司发")
    assert renamed.header_text == "示例县司法局（县委依法治县办）文件"
    notice = next(n for n in notices.list_notices() if n.issuers[0].id == issuer.id)
    ctx.issuing.issue(notice.id)
    with pytest.raises(FrozenError) as exc:
        notices.update_issuer(issuer.id, "某某县人民政府办公室", "某某县人民政府办公室文件", "示政发")
    assert "已印发" in exc.value.message
    assert notices.update_issuer(issuer.id, issuer.name, issuer.header_text, "示政办发").prefix == "示政办发"
