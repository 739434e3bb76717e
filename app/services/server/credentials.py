"""The server password, kept in the operating system's credential store (Windows 凭据管理器, the
macOS keychain, the Secret Service on Linux) through the keyring library, never in a file or a log."""

from __future__ import annotations

import logging

from app.server_target import ServerTarget
from app.services.errors import DomainError

log = logging.getLogger(__name__)

SERVICE = "法治工作台"
NO_STORE = ("这台电脑没有可用的系统凭据存储，密码无法保存。可以每次在命令行的地址中输入密码，"
            "或请信息中心为这台电脑配置免密码登录（见 docs/server.md）。")


def _keyring():
    import keyring  # loaded only for a server database

    return keyring


def get_password(target: ServerTarget) -> str | None:
    """The stored password, or None when none is stored (or the store cannot be read)."""
    try:
        return _keyring().get_password(SERVICE, target.credential_key)
    except Exception as exc:  # keyring raises its own kinds, and a backend may raise anything
        log.info("credential store not readable (%s)", type(exc).__name__)
        return None


def set_password(target: ServerTarget, password: str) -> None:
    try:
        _keyring().set_password(SERVICE, target.credential_key, password)
    except Exception as exc:
        log.warning("credential store not writable (%s)", type(exc).__name__)
        raise DomainError(NO_STORE) from exc


def delete_password(target: ServerTarget) -> None:
    try:
        _keyring().delete_password(SERVICE, target.credential_key)
    except Exception:  # nothing stored, or no store: either way nothing is kept
        log.debug("no password to delete for this server")
