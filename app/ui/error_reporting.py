"""Showing errors to the clerk: always a Chinese sentence, never a traceback (details go to the log)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.errors import DomainError
from app.services.system_errors import as_domain_error, os_reason

log = logging.getLogger(__name__)

INTERNAL_ERROR = "程序内部错误，操作未完成。详细信息已写入日志文件，请联系技术支持。"


def user_message(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return exc.message
    said = as_domain_error(exc)  # a full disk, a busy database, a file in use
    if said is not None and not isinstance(exc, (PermissionError, FileNotFoundError)):
        return said.message
    if isinstance(exc, PermissionError):
        return f"没有权限访问文件“{getattr(exc, 'filename', '') or ''}”，它可能正被其他程序（如 WPS、Word）打开。"
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件“{getattr(exc, 'filename', '') or ''}”。"
    if isinstance(exc, OSError):
        return f"文件读写失败：{os_reason(exc)}。"
    return INTERNAL_ERROR


def log_unexpected(exc: BaseException) -> None:
    """Writes the traceback of anything but a DomainError to the log, where user_message() says it is."""
    if not isinstance(exc, DomainError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))


def show_error(parent: QWidget | None, exc: BaseException, title: str = "无法完成操作") -> None:
    log_unexpected(exc)
    if QApplication.instance() is None:
        print(user_message(exc), file=sys.stderr)
        return
    box = QMessageBox.critical if not isinstance(exc, (DomainError, OSError)) else QMessageBox.warning
    box(parent, title, user_message(exc))


def reports_errors(method: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator for widget slots: a DomainError (or any error) becomes a message box."""

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            show_error(self if isinstance(self, QWidget) else None, exc)
            return None

    return wrapper


class ExceptHook:
    """sys.excepthook for the GUI: logs the traceback, shows one Chinese message."""

    def __init__(self, parent_getter: Callable[[], QWidget | None] = lambda: None):
        self._parent_getter = parent_getter
        self._showing = False
        self.previous = sys.excepthook

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(self._parent_getter(), "出错了", user_message(exc))
        finally:
            self._showing = False


def install_excepthook(parent_getter: Callable[[], QWidget | None] = lambda: None) -> ExceptHook:
    hook = ExceptHook(parent_getter)
    sys.excepthook = hook
    return hook
