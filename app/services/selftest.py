"""Checks behind `python -m app selftest`. Features register their own with @check."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Plan, Unit
from app.models.database import session_scope
from app.models.migrate import current_revision, head_revision


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


@dataclass
class SelftestInput:
    session_factory: sessionmaker[Session]
    engine: object
    resources: Path


CheckFn = Callable[[SelftestInput], CheckResult]
CHECKS: list[CheckFn] = []


def check(fn: CheckFn) -> CheckFn:
    CHECKS.append(fn)
    return fn


def run_checks(inp: SelftestInput, extra: list[CheckFn] = ()) -> list[CheckResult]:
    results = []
    for fn in [*CHECKS, *extra]:
        try:
            results.append(fn(inp))
        except Exception as exc:  # a failing check is a report line, not a crash
            results.append(CheckResult(fn.__name__, False, f"检查出错：{type(exc).__name__}: {exc}"))
    return results


@check
def database(inp: SelftestInput) -> CheckResult:
    cur, head = current_revision(inp.engine), head_revision()
    with session_scope(inp.session_factory) as s:
        plans = s.scalar(select(func.count()).select_from(Plan))
        units = s.scalar(select(func.count()).select_from(Unit))
    ok = cur == head
    return CheckResult("数据库", ok, f"结构版本 {cur}（最新 {head}），工作要点 {plans} 个，单位 {units} 个")


@check
def resources(inp: SelftestInput) -> CheckResult:
    missing = [n for n in ("samples/demo_units.json", "samples/demo_plan.json") if not (inp.resources / n).is_file()]
    if missing:
        return CheckResult("资源文件", False, f"缺少：{'、'.join(missing)}（位置 {inp.resources.name}）")
    for n in ("samples/demo_units.json", "samples/demo_plan.json"):
        json.loads((inp.resources / n).read_text(encoding="utf-8"))
    return CheckResult("资源文件", True, "示例数据完整")


# Font files a Chinese desktop usually has; the document engine replaces this with its resolver.
_CJK_FONT_FILES = ("simfang.ttf", "simhei.ttf", "simkai.ttf", "simsun.ttc", "wqy-zenhei.ttc",
                   "uming.ttc", "gbsn00lp.ttf", "gkai00mp.ttf")


def font_dirs() -> list[Path]:
    dirs = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", "C:\\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                 Path.home() / ".local/share/fonts"]
    return [d for d in dirs if d.is_dir()]


def find_cjk_fonts(resources: Path) -> list[Path]:
    found = list((resources / "fonts").glob("*.ttf")) if (resources / "fonts").is_dir() else []
    wanted = set(_CJK_FONT_FILES)
    for d in font_dirs():
        for root, _dirs, files in os.walk(d):
            found += [Path(root) / f for f in files if f.lower() in wanted]
    return found


@check
def date_format(_inp: SelftestInput) -> CheckResult:
    # Exercises babel's CLDR data, which the bundle trims to the locales the program uses.
    from datetime import date

    from app.services.dates import format_cn_date

    text = format_cn_date(date(2026, 1, 5))
    return CheckResult("日期格式", text == "2026年1月5日", f"成文日期示例：{text}")
