"""Checks behind `python -m app selftest`. Features register their own with @check."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Plan, Unit
from app.models.database import session_scope
from app.models.migrate import current_revision, head_revision
from app.services.system_errors import as_domain_error

log = logging.getLogger(__name__)


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
            log.exception("selftest check %s failed", fn.__name__)
            said = as_domain_error(exc)
            detail = said.message if said is not None else "检查出错（详细信息已写入日志文件）"
            results.append(CheckResult(fn.__name__, False, detail))
    return results


@check
def database(inp: SelftestInput) -> CheckResult:
    cur, head = current_revision(inp.engine), head_revision()
    with session_scope(inp.session_factory) as s:
        plans = s.scalar(select(func.count()).select_from(Plan))
        units = s.scalar(select(func.count()).select_from(Unit))
        if s.get_bind().dialect.name != "sqlite":  # a server keeps its own files whole
            version = s.connection().exec_driver_sql("SHOW server_version").scalar()
            return CheckResult("数据库", cur == head, f"服务器 PostgreSQL {str(version).split()[0]}，结构版本 {cur}"
                               f"（最新 {head}），工作要点 {plans} 个，单位 {units} 个")
        # the full check (start-up runs only the quick one): every index against its table
        verdict = [r[0] for r in s.connection().exec_driver_sql("PRAGMA integrity_check(5)").fetchall()]
    if verdict != ["ok"]:
        return CheckResult("数据库", False, f"完整性检查未通过（{'; '.join(verdict)[:200]}），请从备份恢复")
    ok = cur == head
    return CheckResult("数据库", ok, f"结构版本 {cur}（最新 {head}），完整性检查通过，工作要点 {plans} 个，单位 {units} 个")


@check
def settings(inp: SelftestInput) -> CheckResult:
    from app.services.settings import SettingsService

    service = SettingsService(inp.session_factory)
    service.load()
    if service.problems:
        return CheckResult("设置", False, "；".join(service.problems))
    return CheckResult("设置", True, "各项设置格式正确")


RESOURCE_FILES = ("samples/demo_units.json", "samples/demo_plan.json", "samples/sample_fingerprints.json",
                  "templates/county_units.json")


@check
def resources(inp: SelftestInput) -> CheckResult:
    missing = [n for n in RESOURCE_FILES if not (inp.resources / n).is_file()]
    if missing:
        return CheckResult("资源文件", False, f"缺少：{'、'.join(missing)}（位置 {inp.resources.name}）")
    for n in RESOURCE_FILES:
        json.loads((inp.resources / n).read_text(encoding="utf-8"))
    return CheckResult("资源文件", True, "示例数据与常设单位模板完整")


def document_fonts(inp: SelftestInput) -> CheckResult:
    """The document engine's font resolver: every role has a TrueType font that can be embedded,
    and a sample of 公文 text renders without missing glyphs."""
    from app.services.documents.fontbook import FontBook
    from app.services.documents.fonts import ROLES, FontError, resolve_fonts

    try:
        choice = resolve_fonts(inp.resources)
    except FontError as exc:
        return CheckResult("公文字体", False, exc.message)
    book = FontBook(choice)
    for role in ROLES:
        for ch in "示例县人民政府办公室文件关于印发〔2026〕12号，。、：；“”《》（）—1234567890":
            book.font_for(role, ch)
    if book.missing:
        return CheckResult("公文字体", False, f"缺字：{''.join(sorted(book.missing))}")
    subs = [s.text() for s in choice.role_substitutions]
    detail = "；".join(choice.describe())
    if subs:
        detail += f"（{len(subs)} 种为替代字体，已替代）"
    return CheckResult("公文字体", True, detail)


@check
def title_words(inp: SelftestInput) -> CheckResult:
    """The word segmenter that breaks titles between words (rjieba) is there and knows the field."""
    from app.services.documents.words import words

    got = words("关于印发《自治区法治政府建设2022年工作要点》的通知", cached=False)  # the segmenter itself
    ok = "法治政府建设" in got and "工作要点" in got
    return CheckResult("标题分词", ok, "／".join(got))


@check
def server_driver(inp: SelftestInput) -> CheckResult:
    """What a server database needs is inside the program: the PostgreSQL driver with its own libpq,
    SQLAlchemy's dialect for it, and the credential store's library with its backends."""
    import keyring
    import psycopg
    from sqlalchemy.dialects.postgresql import psycopg as dialect

    found = type(keyring.get_keyring()).__module__.rsplit(".", 1)[-1]
    backend = {"Windows": "Windows 凭据管理器", "macOS": "钥匙串", "SecretService": "Secret Service",
               "fail": "无（密码不能保存，可用 .pgpass 或地址中的密码）"}.get(found, found)
    libpq = psycopg.pq.version()
    ok = dialect is not None and psycopg.pq.__impl__ in ("binary", "c") and libpq >= 120000
    return CheckResult("服务器数据库", ok, f"psycopg {psycopg.__version__}（{psycopg.pq.__impl__}，libpq {libpq // 10000}），"
                       f"凭据存储：{backend}")


@check
def coverage_matching(inp: SelftestInput) -> CheckResult:
    """The coverage check's text similarity (rapidfuzz, compiled) is there and ranks a rewording first."""
    from app.services.coverage.matching import TextMatcher

    found = TextMatcher(["全面实行政府权责清单制度，动态调整并向社会公布政府部门权责清单"],
                        ["加强行政执法监督", "动态调整县级部门权责清单并向社会公布"]).suggest(0)
    ok = bool(found) and found[0].candidate == 1
    return CheckResult("对照匹配", ok, f"相似度 {found[0].score:g}" if found else "没有建议")
