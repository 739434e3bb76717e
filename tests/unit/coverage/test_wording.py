"""上级 wording turned to the county's for a task made from a superior item; names in 《》 stay."""

import pytest

from app.services.coverage.wording import adapt


@pytest.mark.parametrize("superior, county", [
    ("动态调整并向社会公布自治区、地（州、市）、县（市、区）政府部门权责清单", "动态调整并向社会公布县政府部门权责清单"),
    ("全区各级人民政府要在自治区党委统一领导下", "县政府要在县委统一领导下"),
    ("省政府办公厅牵头，省司法厅配合", "县政府办公室牵头，县司法局配合"),
    ("报市委依法治市办", "报县委依法治县办"),
    ("梳理发布自治区层面确需保留的证明事项清单", "梳理发布县级层面确需保留的证明事项清单"),
    ("严格执行《自治区重大行政决策程序规定》", "严格执行《自治区重大行政决策程序规定》"),
])
def test_rewrites(superior, county):
    assert adapt(superior).text == county


def test_changes_are_counted_for_the_clerk():
    a = adapt("自治区司法厅、自治区人民政府")
    assert a.describe() == "上级政府 → 县政府 1 处；上级厅 → 县局 1 处"
    assert adapt("加强行政执法监督").describe() == "未作改动"
