"""The words and numbers of 督办: statuses, lights and their colours, and the light policy from 设置."""

from __future__ import annotations

from dataclasses import dataclass

from app.models.progress import PROGRESS_STATUSES
from app.services.dates import format_cn_date

STATUSES = PROGRESS_STATUSES  # 未启动 推进中 已完成 长期推进 申请延期 中止
CLOSED = "已销号"  # shown in place of the status once a task is closed
DONE_STATUSES = ("已完成",)

RED, YELLOW, GREEN, GREY = "红", "黄", "绿", "灰"
LIGHTS = (RED, YELLOW, GREEN, GREY)
SEVERITY = {GREY: 0, GREEN: 1, YELLOW: 2, RED: 3}
# one palette for the grid, the charts, the 台账 workbook and the 通报 (light fills, dark bars)
LIGHT_FILL = {RED: "F4C7C3", YELLOW: "FCE8B2", GREEN: "C9E7CF", GREY: "E3E3E3"}
LIGHT_BAR = {RED: "D9443A", YELLOW: "E8A317", GREEN: "3C9A50", GREY: "9E9E9E"}
LIGHT_NAME = {RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯", GREY: "灰灯"}
LIGHT_MEANING = {
    RED: "逾期未完成，或进度落后序时较多",
    YELLOW: "临近完成时限、进度落后序时，或延期待审批",
    GREEN: "按序时推进或已完成",
    GREY: "中止、尚未报送或无需单独报送",
}
RHYTHM_LABEL = {"monthly": "每月", "quarterly": "每季度", "half-year": "每半年", "year-end": "年终一次"}


@dataclass(frozen=True)
class LightPolicy:
    """Thresholds of the light rules (all settings): see lights.compute_light."""

    warn_days: int = 15
    lag_yellow: int = 10
    lag_red: int = 30
    unreported: str = YELLOW

    @classmethod
    def from_settings(cls, settings) -> LightPolicy:
        unreported = settings.track_unreported_light if settings.track_unreported_light in (RED, YELLOW) else YELLOW
        return cls(max(0, int(settings.track_warn_days)), max(0, int(settings.track_lag_yellow)),
                   max(0, int(settings.track_lag_red)), unreported)


cn_date = format_cn_date  # 2026年6月30日
