"""Light rules at their edges: deadline days, 序时 10 / 30 points, 未报送, extension, 销号, 中止."""

from dataclasses import replace
from datetime import date

import pytest

from app.services.tracking.lights import RowFacts, compute_light, expected_percent
from app.services.tracking.policy import LightPolicy

POLICY = LightPolicy(warn_days=15, lag_yellow=10, lag_red=30, unreported="黄")
START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)


def facts(**kw) -> RowFacts:
    base = RowFacts(role="lead", status="推进中", percent=None, reported=True, period_label="2026年6月",
                    period_due=date(2026, 6, 25), as_of=date(2026, 6, 25), period_closed=False, start=START,
                    deadline=DEADLINE)
    return replace(base, **kw)


def light(**kw):
    return compute_light(facts(**kw), POLICY)


def at_lag(lag: int):
    """A row whose reported percentage is exactly `lag` points behind 序时."""
    f = facts(as_of=date(2026, 11, 1))  # 序时 83 %: room for every lag tested
    assert expected_percent(f) - lag >= 0
    return compute_light(replace(f, percent=expected_percent(f) - lag), POLICY)


def test_expected_percent_is_the_elapsed_share():
    assert expected_percent(facts(as_of=START)) == 0
    assert expected_percent(facts(as_of=DEADLINE)) == 100
    assert expected_percent(facts(as_of=date(2027, 3, 1))) == 100  # never more than all of it
    assert expected_percent(facts(as_of=date(2026, 7, 2))) == 50
    assert expected_percent(facts(deadline=None)) is None


@pytest.mark.parametrize(("lag", "color"), [(0, "绿"), (9, "绿"), (10, "黄"), (30, "黄"), (31, "红"), (60, "红")])
def test_lag_thresholds_10_and_30_points(lag, color):
    got = at_lag(lag)
    assert got.color == color
    if color != "绿":
        assert f"落后序时进度{lag}个百分点" in got.explain()


def test_lag_thresholds_are_settings():
    f = facts()
    behind = replace(f, percent=expected_percent(f) - 12)
    assert compute_light(behind, POLICY).color == "黄"
    assert compute_light(behind, LightPolicy(lag_yellow=15, lag_red=40)).color == "绿"
    assert compute_light(behind, LightPolicy(lag_yellow=5, lag_red=11)).color == "红"


@pytest.mark.parametrize(("days_left", "color"), [(16, "绿"), (15, "黄"), (0, "黄"), (-1, "红")])
def test_deadline_rule_days(days_left, color):
    deadline = date(2026, 6, 30)
    as_of = date.fromordinal(deadline.toordinal() - days_left)
    got = light(deadline=deadline, as_of=as_of, period_due=as_of, percent=100 - 0, status="推进中")
    # 100 % reported keeps the 序时 rule quiet: only the deadline decides
    assert got.color == color
    if days_left < 0:
        assert "已超过完成时限1天" in got.explain()
    elif color == "黄":
        assert f"距完成时限还有{days_left}天" in got.explain()


def test_done_and_closed_and_stopped_override_everything():
    late = {"deadline": date(2026, 3, 1), "percent": 0}
    assert light(status="已完成", **late).color == "绿"
    assert light(status="中止", **late).color == "灰"
    closed = light(closed_on=date(2026, 4, 10), **late)
    assert closed.color == "绿" and "已销号（2026年4月10日）" in closed.explain()


def test_unreported_after_the_due_date_only_and_only_for_lead_units():
    assert light(reported=False, period_closed=False, percent=50).color == "绿"
    missing = light(reported=False, period_closed=True, percent=50)
    assert missing.color == "黄" and "2026年6月进展未按时报送（截止2026年6月25日）" in missing.explain()
    assert compute_light(facts(reported=False, period_closed=True, percent=50),
                         LightPolicy(unreported="红")).color == "红"
    assert light(role="support", reported=False, period_closed=True, status=None).color == "灰"


def test_never_reported_before_the_due_date_is_grey():
    got = light(status=None, reported=False)
    assert got.color == "灰" and "尚未报送" in got.explain()


def test_extension_pending_then_approved():
    pending = light(status="申请延期", percent=50)
    assert pending.color == "黄" and "延期申请待审批" in pending.explain()
    moved = light(deadline=date(2026, 12, 31), extended=True, status="推进中", as_of=date(2027, 1, 5),
                  period_due=date(2027, 1, 5), percent=100)
    assert moved.color == "红" and "已超过延期后的完成时限5天" in moved.explain()


def test_long_term_tasks_skip_deadline_and_lag_but_not_reporting():
    f = dict(status="长期推进", percent=0, deadline=date(2026, 3, 1))
    assert light(**f).color == "绿"
    assert light(reported=False, period_closed=True, **f).color == "黄"


def test_milestones_replace_the_straight_line():
    ms = ((date(2026, 3, 31), 20), (date(2026, 6, 30), 80))
    assert light(milestones=ms, percent=25).color == "绿"  # only the March target is reached: 20 %
    assert light(milestones=ms, percent=25, as_of=date(2026, 7, 1)).color == "红"  # 80 − 25 = 55
    assert light(milestones=ms, percent=0, as_of=date(2026, 2, 1)).color == "绿"  # nothing due yet


def test_worst_rule_wins_and_every_reason_is_listed():
    got = light(deadline=date(2026, 6, 1), percent=20, reported=False, period_closed=True)
    assert got.color == "红"
    assert len(got.reasons) == 3 and got.reasons[0].startswith("已超过完成时限")
