"""Shared CLI plumbing: open the database the way every command does."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.context import AppContext, open_context
from app.logging_setup import setup_logging
from app.paths import AppPaths, resolve_paths
from app.services.errors import DomainError


def paths_from(args: argparse.Namespace) -> AppPaths:
    return resolve_paths(getattr(args, "db", None))


def context_from(args: argparse.Namespace, load_demo: bool = False) -> AppContext:
    """The clerk's database (a new file is created empty: no fictional data)."""
    paths = paths_from(args)
    setup_logging(paths.log_dir)
    return open_context(paths, load_demo=load_demo)


def demo_context(folder: Path) -> AppContext:
    """A database of its own in `folder`, with the demo data: the clerk's database is never opened."""
    return open_context(resolve_paths(folder / "demo.sqlite3"), load_demo=True)


def output_dir(path: str | Path) -> Path:
    """The folder a command writes into, created when missing."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"无法创建输出文件夹“{out}”：{exc.strerror or exc}") from exc
    return out
