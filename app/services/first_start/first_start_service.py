"""The first start of a clerk's own database: the county's name, its issuers and where the unit list
comes from (the county template, an .xlsx the office keeps, or nothing). Every answer stays
changeable in 设置 and on the 责任单位 page; nothing fictional is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Issuer, Notice, Plan, Unit
from app.models.database import session_scope
from app.services.dto import IssuerDTO
from app.services.errors import DomainError, ValidationError
from app.services.first_start.county_template import IssuerChoice, TemplateUnit
from app.services.notices import NoticeService, clean_issuer
from app.services.settings import Settings, SettingsService
from app.services.unit_matching import canonical
from app.services.units import UNIT_CATEGORIES, UnitService

if TYPE_CHECKING:  # openpyxl loads only when a workbook is read, not with the first start's window
    from app.services.unit_io import UnitImportSummary

UNIT_SOURCES = ("template", "xlsx", "none")


@dataclass(frozen=True)
class FirstStartChoice:
    county_name: str
    issuers: tuple[IssuerChoice, ...] = ()
    unit_source: str = "none"  # template | xlsx | none
    template_units: tuple[TemplateUnit, ...] = ()
    xlsx_path: Path | None = None


@dataclass
class FirstStartReport:
    county_name: str
    issuers: list[IssuerDTO] = field(default_factory=list)
    units: UnitImportSummary | None = None

    def summary(self) -> str:
        """One line for the status bar."""
        units = f"，单位 {self.units.added} 个" if self.units is not None else ""
        return f"已保存本县信息：{self.county_name}，发文机关 {len(self.issuers)} 个{units}。均可在“设置”“责任单位”页修改。"

    def message(self) -> str:
        lines = [f"本县名称：{self.county_name}。"]
        if self.issuers:
            lines.append("发文机关：" + "、".join(i.name for i in self.issuers) + "。")
        if self.units is not None:
            lines.append("责任单位：" + self.units.message())
        else:
            lines.append("责任单位：暂未添加，可在“责任单位”页新增或从 Excel 导入。")
        lines.append("以上内容都可以在“设置”和“责任单位”页中修改。")
        return "\n".join(lines)


class FirstStartService:
    def __init__(self, session_factory: sessionmaker[Session], settings: SettingsService, units: UnitService,
                 notices: NoticeService):
        self._sf = session_factory
        self._settings = settings
        self._units = units
        self._notices = notices

    def database_is_empty(self) -> bool:
        with session_scope(self._sf) as s:
            return not any(s.scalar(select(func.count()).select_from(model)) for model in (Unit, Plan, Issuer, Notice))

    def needed(self, settings: Settings) -> bool:
        """The dialog is shown once, on an empty database that is the clerk's own."""
        return not (settings.first_start_done or settings.sample_database) and self.database_is_empty()

    def put_aside(self) -> None:
        """The clerk closed the dialog: it is not shown again (设置 and 责任单位 hold every answer)."""
        self._settings.set("first_start_done", True)

    def apply(self, choice: FirstStartChoice) -> FirstStartReport:
        """Checks everything first (nothing is written when an answer is wrong), then writes."""
        from app.services.unit_io import import_units, read_unit_sheet

        county = check_county(choice.county_name)
        issuers = check_issuers(choice.issuers)
        if choice.unit_source not in UNIT_SOURCES:
            raise ValueError(choice.unit_source)
        if choice.unit_source == "template":
            template = check_template_units(choice.template_units)
        elif choice.unit_source == "xlsx":
            if choice.xlsx_path is None:
                raise ValidationError("请选择单位名录的 Excel 文件（.xlsx）。")
            read_unit_sheet(choice.xlsx_path)  # a wrong file is refused before anything is written
        report = FirstStartReport(county)
        self._settings.set("county_name", county)
        self._units.region_names = (county,)
        existing = {i.name: i for i in self._notices.list_issuers()}
        for name, header, prefix in issuers:
            report.issuers.append(existing.get(name) or self._notices.add_issuer(name, header, prefix))
        if report.issuers:
            self._settings.set("default_issuer_id", report.issuers[0].id)
        if choice.unit_source == "template":
            report.units = add_template_units(self._units, template)
        elif choice.unit_source == "xlsx":
            report.units = import_units(self._units, choice.xlsx_path)
        self._settings.set("first_start_done", True)
        return report


def check_county(name: str) -> str:
    name = "".join((name or "").split())
    if not name:
        raise ValidationError("请填写本县（区）的名称，如“某某县”。")
    if len(name) > 20:
        raise ValidationError("本县（区）名称过长（最多 20 个字）。")
    return name


def check_issuers(issuers: tuple[IssuerChoice, ...] | list[IssuerChoice]) -> list[tuple[str, str, str]]:
    cleaned = [clean_issuer(i.name, i.header_text, i.prefix) for i in issuers]
    names = [c[0] for c in cleaned]
    for name in names:
        if names.count(name) > 1:
            raise ValidationError(f"发文机关“{name}”填了两次，请修改其中一个。")
    return cleaned


def check_template_units(rows: tuple[TemplateUnit, ...] | list[TemplateUnit]) -> list[TemplateUnit]:
    """Names present, no name or alias given to two units, known categories."""
    seen: dict[str, str] = {}
    out = []
    for u in rows:
        name = u.name.strip()
        if not name:
            raise ValidationError("模板中有一行单位名称为空，请填写或取消勾选。")
        if len(name) > 120:
            raise ValidationError(f"单位名称“{name[:20]}…”过长（最多 120 个字）。")
        if u.category not in UNIT_CATEGORIES:
            raise ValidationError(f"“{name}”的类别“{u.category}”无效。可选：{'、'.join(UNIT_CATEGORIES)}。")
        aliases = tuple(dict.fromkeys(a.strip() for a in u.aliases if a.strip() and a.strip() != name))
        for text in (name, *aliases):
            owner = seen.get(canonical(text))
            if owner is not None and owner != name:
                raise ValidationError(f"“{text}”同时出现在“{owner}”和“{name}”两行，请修改其中一个。")
            seen[canonical(text)] = name
        out.append(TemplateUnit(name, u.short_name.strip(), u.category, aliases))
    return out


def add_template_units(units: UnitService, rows: list[TemplateUnit]) -> UnitImportSummary:
    """Adds the units the registry does not know yet (by name or alias), in the template's order.
    An alias another unit already has is left out rather than refusing the unit."""
    from app.services.unit_io import UnitImportSummary

    known = {canonical(n) for u in units.list_units() for n in (u.name, *u.aliases)}
    summary = UnitImportSummary()
    for u in rows:
        if canonical(u.name) in known:
            summary.unchanged += 1
            continue
        aliases = [a for a in u.aliases if canonical(a) not in known]
        try:
            units.add_unit(u.name, short_name=u.short_name, category=u.category, aliases=aliases)
        except DomainError as exc:
            summary.problems.append(f"“{u.name}”：{exc.message}")
            continue
        known |= {canonical(n) for n in (u.name, *aliases)}
        summary.added += 1
    return summary
