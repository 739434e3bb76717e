"""AppContext: everything a front-end needs, built once and passed down explicitly."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.models.database import make_engine, make_session_factory
from app.models.migrate import (
    BackupFailedError,
    DamagedDatabaseError,
    ForeignDatabaseError,
    SchemaTooNewError,
    upgrade_to_head,
)
from app.paths import AppPaths, read_local_config, resolve_paths, resources_dir
from app.services.backup import BackupInfo, latest_good_backup
from app.services.clerk import Clerk, make_clerk
from app.services.demo_data import load_demo_if_empty
from app.services.errors import DomainError
from app.services.notices import NoticeService
from app.services.plans import PlanService
from app.services.settings import SAMPLE_COUNTY, Settings, SettingsService
from app.services.system_errors import DatabaseBusyError, as_domain_error, os_reason
from app.services.units import UnitService

if TYPE_CHECKING:
    from app.services.changes import ChangeWatcher
    from app.services.coverage.service import CoverageService
    from app.services.documents.renderer import DocumentService
    from app.services.first_start.first_start_service import FirstStartService
    from app.services.importing import ImportService
    from app.services.issuing import IssueService
    from app.services.plan_edits import PlanEditService
    from app.services.reports.report_service import ReportService
    from app.services.tracking import TrackingService
    from app.services.unit_history import UnitHistory
    from app.services.unit_tasks import UnitTaskService

log = logging.getLogger(__name__)

SAMPLE_DB_NAME = "示例县.sqlite3"


class DatabaseOpenError(DomainError):
    pass


@dataclass
class Services:
    units: UnitService
    plans: PlanService
    notices: NoticeService
    settings: SettingsService
    session_factory: sessionmaker[Session]
    config: Settings | None = None  # the live settings, for services whose rules are settings

    def conflict_answered(self, conflict, keep_mine: bool) -> None:
        """Records the clerk's answer to a save that met a colleague's newer change."""
        from app.services.versions import record_choice

        record_choice(self.session_factory, conflict, keep_mine)

    @cached_property
    def tracking(self) -> TrackingService:
        """督办台账 (schedules, entries, lights, forms, 通报)."""
        from app.services.tracking import TrackingService

        return TrackingService(self.session_factory, self.config or Settings())

    @cached_property
    def reports(self) -> ReportService:
        """The 法治政府建设年度报告 drafted from the tracked year, and its yearly figures."""
        from app.services.reports.report_service import ReportService

        return ReportService(self.session_factory, self.plans, lambda: self.tracking, self.config or Settings())

    @cached_property
    def coverage(self) -> CoverageService:
        """The plan against its superior's document and indicator systems."""
        from app.services.coverage.service import CoverageService

        return CoverageService(self.session_factory, self.plans, lambda: self.imports)

    @cached_property
    def imports(self) -> ImportService:
        """The importer, built on first use: its pattern tables take ~90 ms to load, which the
        start of the window should not pay."""
        from app.services.importing import ImportService

        return ImportService(self.session_factory, self.units)

    @cached_property
    def first_start(self) -> FirstStartService:
        from app.services.first_start.first_start_service import FirstStartService

        return FirstStartService(self.session_factory, self.settings, self.units, self.notices)

    @cached_property
    def edits(self) -> PlanEditService:
        """Bulk edits and find and replace over many nodes, as one step each."""
        from app.services.plan_edits import PlanEditService

        return PlanEditService(self.session_factory, self.plans)

    @cached_property
    def unit_tasks(self) -> UnitTaskService:
        from app.services.unit_tasks import UnitTaskService

        return UnitTaskService(self.session_factory, self.plans, self.units)

    @cached_property
    def unit_history(self) -> UnitHistory:
        """Snapshots and merge records that make the registry's edits undoable."""
        from app.services.unit_history import UnitHistory

        return UnitHistory(self.session_factory, self.units)


@dataclass
class AppContext:
    paths: AppPaths
    engine: Engine
    session_factory: sessionmaker[Session]
    services: Services
    settings: Settings
    resources: Path
    runner: Any = None  # the UI's TaskRunner; None for the CLI
    demo_plan_id: int | None = None
    is_sample: bool = False  # the 打开示例 database, thrown away when the clerk goes back
    clerk: Clerk | None = None  # who works here: written on the audit log and on changed rows
    warnings: list[str] = field(default_factory=list)  # said at start (a database file on a network drive)

    def set_setting(self, key: str, value: Any) -> None:
        """Changes one setting both here (what the front-end reads) and in the database."""
        self.services.settings.set(key, value)  # checks the value's shape first
        setattr(self.settings, key, value)

    def set_clerk_name(self, name: str) -> None:
        """The name this PC writes in the audit log (empty: the operating-system login), from now on."""
        from app.services.server.local_settings import save_local

        save_local(self.paths.data_dir, clerk_name=(name or "").strip())
        named = make_clerk(name)
        self.clerk = Clerk(named.name, self.clerk.client if self.clerk else named.client)
        self.session_factory.kw.setdefault("info", {}).update(self.clerk.info)

    def document_service(self) -> DocumentService:
        """The document engine over these services, with the font files currently chosen in 设置."""
        from app.services.documents.renderer import DocumentService  # reportlab loads only when needed

        return DocumentService(self.services.plans, self.services.notices, self.resources, self.settings.font_paths)

    @cached_property
    def issuing(self) -> IssueService:
        """印发 and the issued records; renders with the fonts chosen at the time of issue."""
        from app.services.issuing import IssueService

        return IssueService(self.session_factory, self.document_service)

    @cached_property
    def changes(self) -> ChangeWatcher:
        """Other clerks' changes (server notifications, or SQLite's data_version)."""
        from app.services.changes import ChangeWatcher

        return ChangeWatcher(self.engine, self.clerk.client if self.clerk else "")

    def close(self) -> None:
        if "changes" in self.__dict__:
            self.changes.close()
        self.engine.dispose()


def open_context(paths: AppPaths, load_demo: bool = False, clerk: Clerk | None = None) -> AppContext:
    """Opens (creating if needed) and migrates the database, then wires the services.

    load_demo=True is for sample databases only (打开示例, demo, screenshot, tests): a clerk's
    database, new or not, never receives the fictional 示例县. clerk: who works here (default: the
    name set in 设置 on this PC, else the operating-system login)."""
    clerk = clerk or make_clerk(read_local_config(paths.data_dir).get("clerk_name"))
    try:
        paths.db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f"无法创建数据文件夹“{paths.db_path.parent}”：{os_reason(exc)}。") from exc
    try:
        if paths.server is not None:
            from app.services.server.server_open import open_server_engine

            engine = open_server_engine(paths)
        else:
            engine = make_engine(paths.db_path)
            try:
                upgrade_to_head(engine, paths.db_path, paths.backup_dir)
            except BaseException:
                engine.dispose()
                raise
    except BaseException as exc:
        said = _open_error(paths, exc)
        if said is exc:
            raise
        raise said from exc
    try:
        ctx = _wire(paths, engine, load_demo, clerk)
    except BaseException:  # busy or full while loading settings or the demo: no engine left open
        engine.dispose()
        raise
    if paths.server is None:
        from app.services.server.network_drive import network_warning

        ctx.warnings += filter(None, [network_warning(paths.db_path)])
    return ctx


def _wire(paths: AppPaths, engine: Engine, load_demo: bool, clerk: Clerk) -> AppContext:
    sf = make_session_factory(engine, clerk.info)
    settings_service = SettingsService(sf)
    settings = settings_service.load()
    units = UnitService(sf, region_names=(settings.county_name,) if settings.county_name else ())
    services = Services(units=units, plans=PlanService(sf), notices=NoticeService(sf),
                        settings=settings_service, session_factory=sf, config=settings)
    res = resources_dir()
    demo_id = None
    if load_demo and not settings.demo_loaded:
        demo_id = load_demo_if_empty(sf, res / "samples")
        marks = {"demo_loaded": True}
        if demo_id is not None:  # a database made for the sample: never offered a first start or a removal
            marks |= {"sample_database": True, "county_name": SAMPLE_COUNTY}
            if settings.last_plan_id is None:
                marks["last_plan_id"] = demo_id
        for key, value in marks.items():
            setattr(settings, key, value)
            settings_service.set(key, value)
        units.region_names = (settings.county_name,) if settings.county_name else ()
    return AppContext(paths=paths, engine=engine, session_factory=sf, services=services,
                      settings=settings, resources=res, demo_plan_id=demo_id, clerk=clerk)


class DatabaseDamagedOnOpen(DatabaseOpenError):
    """The quick check at start failed; `backup` is the newest good backup, if any."""

    def __init__(self, message: str, backup: BackupInfo | None):
        super().__init__(message)
        self.backup = backup


def _open_error(paths: AppPaths, exc: BaseException) -> BaseException:
    """What the clerk reads when the database cannot be opened; the file is never changed."""
    if paths.server is not None:
        return _server_open_error(paths, exc)
    name = paths.db_path.name
    if isinstance(exc, (SchemaTooNewError, BackupFailedError)):
        log.warning("database %s not opened: %s", paths.db_path, exc)
        return DatabaseOpenError(str(exc))
    if isinstance(exc, DamagedDatabaseError):
        log.error("database %s failed its integrity check: %s", paths.db_path, exc.detail)
        good = latest_good_backup(paths.backup_dir)
        offer = (f"最近一份完好的备份是 {good.created:%Y-%m-%d %H:%M}（{good.path.name}），"
                 "可在启动时选择恢复，或运行 fazhi backup --restore 恢复。") if good else "备份文件夹中没有完好的备份。"
        return DatabaseDamagedOnOpen(f"数据库文件“{name}”已损坏（完整性检查未通过），为免损失更多数据，没有打开它。"
                                     f"{offer}原文件未作任何修改。", good)
    if isinstance(exc, ForeignDatabaseError):
        return DatabaseOpenError(f"无法打开数据库文件“{name}”：它不是法治工作台的数据库。"
                                 "原文件未作任何修改；请用 --db 指定其他文件。")
    said = as_domain_error(exc, paths.db_path)
    if said is not None:
        log.warning("database %s not opened: %r", paths.db_path, exc)
        suffix = "" if isinstance(said, DatabaseBusyError) else "数据库文件未作改动。"
        return DatabaseOpenError(f"无法打开数据库文件“{name}”：{said.message}{suffix}")
    if isinstance(exc, (DatabaseError, OperationalError, sqlite3.DatabaseError)):
        log.exception("cannot open database %s", paths.db_path)
        return DatabaseOpenError(
            f"无法打开数据库文件“{name}”：它不是法治工作台的数据库，或已损坏、被其他程序占用。"
            "原文件未作修改；可从备份文件夹恢复，或用 --db 指定其他文件。")
    return exc


def _server_open_error(paths: AppPaths, exc: BaseException) -> BaseException:
    where = paths.display_name
    if isinstance(exc, SchemaTooNewError):
        log.warning("server database %s not opened: %s", paths.server.display_url(), exc)
        return DatabaseOpenError(str(exc))
    if isinstance(exc, ForeignDatabaseError):
        return DatabaseOpenError(f"无法打开{where}：其中已有其他程序的表，它不是法治工作台的数据库。"
                                 "服务器上的数据库未作任何修改；请使用信息中心新建的空数据库（见 docs/server.md）。")
    said = as_domain_error(exc)
    if said is not None:
        log.warning("server database %s not opened: %r", paths.server.display_url(), exc)
        return DatabaseOpenError(f"无法打开{where}：{said.message}")
    if isinstance(exc, (DatabaseError, OperationalError)):
        log.exception("cannot open server database %s", paths.server.display_url())
        return DatabaseOpenError(f"无法打开{where}：服务器返回了错误（详细信息已写入日志文件）。"
                                 "服务器上的数据库未作修改；请联系信息中心。")
    return exc


def open_sample_context(folder: Path) -> AppContext:
    """The 示例县 sample in a database of its own inside `folder`: the clerk's database is never opened."""
    ctx = open_context(resolve_paths(folder / SAMPLE_DB_NAME), load_demo=True)
    ctx.is_sample = True
    return ctx
