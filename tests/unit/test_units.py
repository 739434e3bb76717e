import pytest

from app.services.errors import DuplicateError, InUseError, NotFoundError, ValidationError
from app.services.unit_matching import UnitRecord, match_unit

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


def test_add_edit_and_aliases(empty_ctx):
    units = empty_ctx.services.units
    u = units.add_unit("县司法局", short_name="司法局", category="县政府部门", aliases=["示例县司法局"])
    assert u.aliases == ("示例县司法局",)
    u = units.update_unit(u.id, phone="0000-1", aliases=["示例县司法局", "县法制办"])
    assert u.phone == "0000-1"
    assert set(u.aliases) == {"示例县司法局", "县法制办"}
    assert [x.name for x in units.list_units(search="法制办")] == ["县司法局"]
    assert units.list_units(category="乡镇街道") == []


def test_duplicates_are_refused_in_chinese(empty_ctx):
    units = empty_ctx.services.units
    a = units.add_unit("县财政局", aliases=["县财政"])
    with pytest.raises(DuplicateError, match="已存在"):
        units.add_unit("县财政局")
    with pytest.raises(DuplicateError, match="别名"):
        units.add_unit("县财政")
    b = units.add_unit("县审计局")
    with pytest.raises(DuplicateError):
        units.set_aliases(b.id, ["县财政"])
    with pytest.raises(ValidationError):
        units.add_unit("   ")
    with pytest.raises(ValidationError):
        units.add_unit("县x局", category="不存在的类别")
    assert units.get(a.id).aliases == ("县财政",)


def test_delete_blocked_while_in_use_then_merge(ctx):
    units, plans = ctx.services.units, ctx.services.plans
    judicial = units.match("县司法局").unit
    with pytest.raises(InUseError) as err:
        units.delete_unit(judicial.id)
    assert "合并" in err.value.message
    # A unit that disappeared in a reorganisation: merge it into the judicial bureau.
    old = units.add_unit("县法制办公室", category="县政府部门", aliases=["县法制办"])
    plan_id = ctx.demo_plan_id
    task = next(n for n in _tasks(plans.tree(plan_id)) if "县司法局" in n.lead_units)
    other = next(n for n in _tasks(plans.tree(plan_id)) if "县司法局" not in n.lead_units + n.support_units)
    plans.set_assignments(task.id, lead=[old.id], support=[judicial.id])
    plans.set_assignments(other.id, lead=[old.id], support=[])
    before = units.get(judicial.id).usage
    merged = units.merge_units(old.id, judicial.id)
    assert {"县法制办公室", "县法制办"} <= set(merged.aliases)
    assert merged.usage == before + 1  # the task that had both keeps one assignment
    moved = plans.get_node(task.id)
    assert moved.lead_units == ["县司法局"]
    assert plans.get_node(other.id).lead_units == ["县司法局"]
    with pytest.raises(NotFoundError):
        units.get(old.id)
    assert units.match("县法制办").unit.id == judicial.id


def test_unused_unit_can_be_deleted(empty_ctx):
    units = empty_ctx.services.units
    u = units.add_unit("县档案馆")
    units.delete_unit(u.id)
    assert units.list_units() == []


def test_merge_into_itself_is_refused(empty_ctx):
    u = empty_ctx.services.units.add_unit("县档案馆")
    with pytest.raises(ValidationError):
        empty_ctx.services.units.merge_units(u.id, u.id)


REGISTRY = [
    UnitRecord(1, "县司法局", ("示例县司法局",)),
    UnitRecord(2, "县市场监管局", ("县市场监督管理局",)),
    UnitRecord(3, "县委宣传部"),
    UnitRecord(4, "县发展改革局", ("县发改局",)),
    UnitRecord(5, "各乡镇人民政府"),
]


@pytest.mark.parametrize(("printed", "kind", "unit_id"), [
    ("县司法局", "exact", 1),
    ("县 司法局", "exact", 1),
    ("示例县司法局", "alias", 1),
    ("司法局", "normalized", 1),
    ("市场监管局", "normalized", 2),
    ("区委宣传部", "normalized", 3),
    ("发改局", "normalized", 4),
])
def test_match_order(printed, kind, unit_id):
    result = match_unit(printed, REGISTRY, ["示例县"])
    assert (result.kind, result.unit.id) == (kind, unit_id)


def test_unknown_names_get_ranked_suggestions():
    result = match_unit("县发展和改革局", REGISTRY, ["示例县"])
    assert result.kind == "none" and result.unit is None
    assert result.suggestions[0].unit.id == 4
    assert match_unit("县档案馆", REGISTRY).suggestions == ()


def _tasks(roots):
    for n in roots:
        if n.is_task:
            yield n
        yield from _tasks(n.children)


def test_active_ids(empty_ctx):
    units = empty_ctx.services.units
    a = units.add_unit("县司法局")
    b = units.add_unit("县财政局")
    units.update_unit(b.id, active=False)
    assert units.active_ids() == {a.id}
