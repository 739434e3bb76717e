"""Status lights as policy: computed from the facts of one row, never stored, always explained.

Rules (thresholds from 设置, see LightPolicy):
- 销号 or 已完成 → 绿; 中止 → 灰;
- deadline: 红 once the (extended) deadline has passed and the task is not done; 黄 from
  `warn_days` days before it;
- 序时: the reported percentage against the share of time elapsed between the start and the deadline
  (or the 序时目标 set for the task): 黄 when it is `lag_yellow` or more points behind, 红 when more
  than `lag_red` points behind;
- 未报送: a 牵头单位 with no entry for a period whose due date has passed → `unreported` (黄 or 红);
- an extension not yet decided → 黄.
The light is the worst of the rules that apply; its reasons list every rule that fired."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.services.tracking.policy import GREEN, GREY, RED, SEVERITY, YELLOW, LightPolicy
from app.services.tracking.policy import cn_date as format_cn_date


@dataclass(frozen=True)
class Light:
    color: str
    reasons: tuple[str, ...] = ()

    def explain(self) -> str:
        return "；".join(self.reasons)


@dataclass(slots=True)  # built once per row per refresh: plain slots are the cheapest to make
class RowFacts:
    role: str  # lead | support
    status: str | None  # latest status reported up to this period (None: never reported)
    percent: int | None
    reported: bool  # an entry exists for this very period
    period_label: str
    period_due: date
    as_of: date  # the day the light describes: today, or the period's due date for a past period
    period_closed: bool  # the period's due date has passed
    start: date  # 序时起算日
    deadline: date | None  # the task's deadline, extended when an extension was approved
    extended: bool = False
    extension_pending: bool = False
    closed_on: date | None = None  # 销号
    milestones: tuple[tuple[date, int], ...] = field(default_factory=tuple)


def expected_percent(facts: RowFacts) -> int | None:
    """序时进度 at as_of: the last 序时目标 reached, else the elapsed share of start → deadline."""
    if facts.milestones:
        reached = [pct for due, pct in sorted(facts.milestones) if due <= facts.as_of]
        return reached[-1] if reached else 0
    return expected_percent_at(facts.start, facts.deadline, facts.as_of)


def expected_percent_at(start: date, deadline: date | None, at: date) -> int | None:
    if deadline is None or deadline <= start:
        return None
    span = (deadline - start).days
    done = min(max((at - start).days, 0), span)
    return round(100 * done / span)


def compute_light(f: RowFacts, policy: LightPolicy) -> Light:
    if f.closed_on is not None:
        return Light(GREEN, (f"已销号（{format_cn_date(f.closed_on)}）",))
    if f.status == "中止":
        return Light(GREY, ("已中止",))
    if f.status == "已完成":
        return Light(GREEN, ("已完成",))
    found: list[tuple[str, str]] = []
    if f.role == "lead" and f.period_closed and not f.reported:
        found.append((policy.unreported, f"{f.period_label}进展未按时报送（截止{format_cn_date(f.period_due)}）"))
    long_term = f.status == "长期推进"
    if f.deadline is not None and not long_term:
        days = (f.deadline - f.as_of).days
        label = "延期后的完成时限" if f.extended else "完成时限"
        if days < 0:
            found.append((RED, f"已超过{label}{-days}天（{format_cn_date(f.deadline)}）"))
        elif days <= policy.warn_days:
            found.append((YELLOW, f"距{label}还有{days}天（{format_cn_date(f.deadline)}）"))
    if f.extension_pending or (f.status == "申请延期" and not f.extended):
        found.append((YELLOW, "延期申请待审批"))
    expected = None if long_term else expected_percent(f)
    if expected is not None and f.percent is not None:
        lag = expected - f.percent
        text = f"进度{f.percent}%，落后序时进度{lag}个百分点（应达{expected}%）"
        if lag > policy.lag_red:
            found.append((RED, text))
        elif lag >= policy.lag_yellow:
            found.append((YELLOW, text))
    if found:
        found.sort(key=lambda c: -SEVERITY[c[0]])
        return Light(found[0][0], tuple(r for _c, r in found))
    if f.status is None:
        if f.role == "support":
            return Light(GREY, ("配合单位，可不单独报送",))
        return Light(GREY, (f"{f.period_label}尚未报送（截止{format_cn_date(f.period_due)}）",))
    if long_term:
        return Light(GREEN, ("长期推进，按期报送",))
    if expected is not None and f.percent is not None:
        return Light(GREEN, (f"进度{f.percent}%，符合序时进度（应达{expected}%）",))
    return Light(GREEN, ("正常推进",))
