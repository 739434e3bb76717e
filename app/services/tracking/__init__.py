"""督办台账: reporting schedules, progress entries, lights, the offline Excel round-trip, 催报 /
督办通知 / 通报 and the 台账 workbook. No Qt here.

TrackingService loads on first use: plan snapshots import tracking.snapshot at start-up, and the
window should not pay for the rest of the package then."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.tracking.service import TrackingService

__all__ = ["TrackingService"]


def __getattr__(name: str):
    if name == "TrackingService":
        from app.services.tracking.service import TrackingService

        return TrackingService
    raise AttributeError(name)
