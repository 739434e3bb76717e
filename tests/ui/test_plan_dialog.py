"""The plan properties dialog keeps a numbering spec it has no preset for (e.g. from an import)."""

from dataclasses import replace

import pytest

from app.ui.dialogs.plan_dialog import PlanDialog


@pytest.mark.parametrize("spec", ["restart", "continuous", "continuous:2,3", "continuous:3"])
def test_numbering_survives_the_dialog(qtbot, ctx, spec):
    plan = replace(ctx.services.plans.get_plan(ctx.demo_plan_id), numbering=spec)
    dialog = PlanDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.values()["numbering"] == spec
    assert dialog.values()["title"] == plan.title


def test_a_plan_without_a_year_keeps_none(qtbot, ctx):
    plan = replace(ctx.services.plans.get_plan(ctx.demo_plan_id), year=None)
    dialog = PlanDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.values()["year"] is None  # 属性 of an imported plan must not invent its year
    dialog.year.setValue(2027)
    assert dialog.values()["year"] == 2027
    new = PlanDialog(county="示例县")
    qtbot.addWidget(new)
    assert new.values()["year"] == new.year.value() > 2000
