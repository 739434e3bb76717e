"""What the window does when a save meets a colleague's newer change (services.versions): the clerk
reads who changed what and when, and chooses to reload theirs or keep mine; the choice is recorded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services.versions import ConflictError
from app.ui.dialogs import messages
from app.ui.error_reporting import show_error


def settle(parent: QWidget | None, services, conflict: ConflictError, keep: Callable[[ConflictError], None],
           reload: Callable[[], None]) -> bool:
    """Asks, records the answer, then saves mine again (`keep`) or shows theirs (`reload`).
    True when mine was saved."""
    keep_mine = not conflict.deleted and messages.resolve_conflict(parent, conflict.message)
    if conflict.deleted:
        messages.warn(parent, "同事已删除", conflict.message)
    services.conflict_answered(conflict, keep_mine)
    if keep_mine:
        try:
            keep(conflict)
            return True
        except Exception as exc:  # a third change meanwhile, or the server gone: said, nothing half-saved
            show_error(parent, exc)
    reload()
    return False
