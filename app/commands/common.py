"""Shared CLI plumbing: open the database the way every command does."""

from __future__ import annotations

import argparse

from app.context import AppContext, open_context
from app.logging_setup import setup_logging
from app.paths import AppPaths, resolve_paths


def paths_from(args: argparse.Namespace) -> AppPaths:
    return resolve_paths(getattr(args, "db", None))


def context_from(args: argparse.Namespace, load_demo: bool = True) -> AppContext:
    paths = paths_from(args)
    setup_logging(paths.log_dir)
    return open_context(paths, load_demo=load_demo)
