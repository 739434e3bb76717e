"""督办台账: reporting schedules, progress entries, lights, the offline Excel round-trip, 催报 /
督办通知 / 通报 and the 台账 workbook. No Qt here."""

from app.services.tracking.service import TrackingService

__all__ = ["TrackingService"]
