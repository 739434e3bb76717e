"""Where things live: the user data folder, or beside the executable in portable mode."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from app import APP_ID
from app.server_target import ServerTarget, is_server_url, parse_server_url, target_from_config

DB_FILENAME = "fazhi.sqlite3"
CACHE_ENV = "FAZHI_CACHE"
PORTABLE_MARKER = "portable"
LOCAL_CONFIG = "local-settings.json"  # this PC's own choices (database, clerk name); never a password


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    db_path: Path  # the SQLite file; for a server, a name beside which the one-window lock is kept
    log_dir: Path
    backup_dir: Path
    portable: bool = False
    server: ServerTarget | None = None  # a shared PostgreSQL database instead of the file

    @property
    def display_name(self) -> str:
        """What the window and the messages call this database."""
        return self.server.label if self.server is not None else self.db_path.name


def server_paths(target: ServerTarget, data_dir: Path, portable: bool = False) -> AppPaths:
    """Logs, backups (pg_dump files) and the one-window lock stay on this PC, in `data_dir`."""
    anchor = re.sub(r"[^\w.-]+", "_", f"{target.host}-{target.port}-{target.dbname}")[-80:]
    return AppPaths(data_dir=data_dir, db_path=data_dir / "servers" / anchor, log_dir=data_dir / "logs",
                    backup_dir=data_dir / "backups", portable=portable, server=target)


def read_local_config(data_dir: Path) -> dict:
    """This PC's configuration; an absent or damaged file is an empty one (the embedded database)."""
    try:
        data = json.loads((data_dir / LOCAL_CONFIG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """resources/ of the checkout, or the copy PyInstaller put inside the bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resolve_paths(db: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None,
                  frozen: bool | None = None, exe_dir: Path | None = None) -> AppPaths:
    """--db beats FAZHI_DB, which beats the server chosen in 设置 → 数据库, which beats portable mode,
    which beats the user data folder. --db and FAZHI_DB take a file or a postgresql:// address."""
    environ = os.environ if environ is None else environ
    frozen = is_frozen() if frozen is None else frozen
    exe_dir = exe_dir or Path(sys.executable).resolve().parent
    explicit = db or environ.get("FAZHI_DB")
    portable = frozen and (exe_dir / PORTABLE_MARKER).exists()
    data_dir = exe_dir / "data" if portable else Path(user_data_dir(APP_ID, appauthor=False, roaming=False))
    if explicit and is_server_url(str(explicit)):
        return server_paths(parse_server_url(str(explicit)), data_dir, portable)
    if explicit:
        db_path = Path(explicit).expanduser().resolve()
        base = db_path.parent
        return AppPaths(data_dir=base, db_path=db_path, log_dir=base / "logs",
                        backup_dir=base / "backups", portable=False)
    chosen = read_local_config(data_dir).get("database") or {}
    if isinstance(chosen, dict) and chosen.get("kind") == "server":
        try:
            return server_paths(target_from_config(chosen), data_dir, portable)
        except ValueError:  # a hand-edited file: the embedded database, and 设置 shows the fields again
            pass
    return AppPaths(data_dir=data_dir, db_path=data_dir / DB_FILENAME, log_dir=data_dir / "logs",
                    backup_dir=data_dir / "backups", portable=portable)


def cache_dir(environ: Mapping[str, str] | None = None, frozen: bool | None = None, exe_dir: Path | None = None) -> Path:
    """Where what is slow to compute and can always be computed again is kept (font metrics):
    FAZHI_CACHE, else data/cache beside the program in portable mode, else the user cache folder."""
    environ = os.environ if environ is None else environ
    if environ.get(CACHE_ENV):
        return Path(environ[CACHE_ENV]).expanduser()
    frozen = is_frozen() if frozen is None else frozen
    exe_dir = exe_dir or Path(sys.executable).resolve().parent
    if frozen and (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "data" / "cache"
    return Path(user_cache_dir(APP_ID, appauthor=False))
