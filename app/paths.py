"""Where things live: the user data folder, or beside the executable in portable mode."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from app import APP_ID

DB_FILENAME = "fazhi.sqlite3"
CACHE_ENV = "FAZHI_CACHE"
PORTABLE_MARKER = "portable"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    db_path: Path
    log_dir: Path
    backup_dir: Path
    portable: bool = False


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """resources/ of the checkout, or the copy PyInstaller put inside the bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resolve_paths(db: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None,
                  frozen: bool | None = None, exe_dir: Path | None = None) -> AppPaths:
    """--db beats FAZHI_DB, which beats portable mode, which beats the user data folder."""
    environ = os.environ if environ is None else environ
    frozen = is_frozen() if frozen is None else frozen
    exe_dir = exe_dir or Path(sys.executable).resolve().parent
    explicit = db or environ.get("FAZHI_DB")
    portable = frozen and (exe_dir / PORTABLE_MARKER).exists()
    data_dir = exe_dir / "data" if portable else Path(user_data_dir(APP_ID, appauthor=False, roaming=False))
    if explicit:
        db_path = Path(explicit).expanduser().resolve()
        base = db_path.parent
        return AppPaths(data_dir=base, db_path=db_path, log_dir=base / "logs",
                        backup_dir=base / "backups", portable=False)
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
