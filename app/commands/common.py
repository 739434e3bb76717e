"""Shared CLI plumbing: open the database the way every command does."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.logging_setup import setup_logging
from app.paths import AppPaths, resolve_paths
from app.services.errors import DomainError
from app.services.output_files import ReadOnlyTargetError
from app.services.system_errors import os_error

if TYPE_CHECKING:  # the database layer loads only for the commands that open one (not convert)
    from app.context import AppContext


def paths_from(args: argparse.Namespace) -> AppPaths:
    return resolve_paths(getattr(args, "db", None))


def context_from(args: argparse.Namespace, load_demo: bool = False) -> AppContext:
    """The clerk's database (a new file is created empty: no fictional data)."""
    from app.context import open_context

    paths = paths_from(args)
    setup_logging(paths.log_dir)
    ctx = open_context(paths, load_demo=load_demo)
    for line in ctx.warnings:  # e.g. a database file on a network drive
        print(f"注意：{line}", file=sys.stderr)
    return ctx


def demo_context(folder: Path) -> AppContext:
    """A database of its own in `folder`, with the demo data: the clerk's database is never opened."""
    from app.context import open_context

    return open_context(resolve_paths(folder / "demo.sqlite3"), load_demo=True)


def output_dir(path: str | Path) -> Path:
    """The folder a command writes into, created when missing."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, f"无法创建输出文件夹“{out}”") from exc
    return out


def add_overwrite_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overwrite", action="store_true", help="输出文件是只读的也覆盖")


@contextmanager
def overwrite_hint() -> Iterator[None]:
    """A read-only target on the command line: say which option overwrites it."""
    try:
        yield
    except ReadOnlyTargetError as exc:
        raise DomainError(f"{exc.message}如确需覆盖，请加 --overwrite 选项。") from exc
