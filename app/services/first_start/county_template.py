"""The units and issuers a county usually has, read from resources/templates/county_units.json and
filled in with the county's name. Data, not code: an office can adapt the file without a release."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.services.errors import InputFileError

TEMPLATE_FILE = Path("templates") / "county_units.json"
LEVELS = ("自治县", "自治旗", "县", "区", "市", "旗")
PLACEHOLDER_COUNTY = "某某县"  # shown while the clerk has not typed the county's name yet


@dataclass(frozen=True)
class TemplateUnit:
    name: str
    short_name: str = ""
    category: str = "其他"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssuerChoice:
    name: str
    header_text: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class CountyTemplate:
    """The raw template, with {县} {级} {简} still in it."""

    units: tuple[TemplateUnit, ...] = ()
    issuers: tuple[IssuerChoice, ...] = field(default_factory=tuple)

    def filled_units(self, county: str) -> list[TemplateUnit]:
        return [fill_unit(u, county) for u in self.units]

    def filled_issuers(self, county: str) -> list[IssuerChoice]:
        return [IssuerChoice(fill(i.name, county), fill(i.header_text, county), fill(i.prefix, county))
                for i in self.issuers]


def county_level(county: str) -> str:
    """The one character a county's own bodies start with: 县 for 某某县 and 某某自治县, 区 for a
    district, 市 for a county-level city, 旗 in Inner Mongolia; 县 when the name says nothing."""
    county = county.strip()
    for level in LEVELS:
        if county.endswith(level) and len(county) > len(level):
            return level[-1]
    return "县"


def county_short(county: str) -> str:
    """The first character, as in the 代字 of most counties (某某县人民政府办公室 → 某政办发)."""
    return county.strip()[:1]


def fill(text: str, county: str) -> str:
    county = county.strip() or PLACEHOLDER_COUNTY
    return (text.replace("{县}", county).replace("{级}", county_level(county))
            .replace("{简}", county_short(county)))


def fill_unit(unit: TemplateUnit, county: str) -> TemplateUnit:
    name = fill(unit.name, county)
    aliases = tuple(dict.fromkeys(a for a in (fill(a, county) for a in unit.aliases) if a != name))
    return replace(unit, name=name, short_name=fill(unit.short_name, county), aliases=aliases)


def load_template(resources: Path) -> CountyTemplate:
    path = resources / TEMPLATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        units = tuple(TemplateUnit(u["name"], u.get("short_name", ""), u.get("category", "其他"),
                                   tuple(u.get("aliases", ()))) for u in data["units"])
        issuers = tuple(IssuerChoice(i["name"], i.get("header_text", ""), i.get("prefix", ""))
                        for i in data.get("issuers", ()))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputFileError(f"常设单位模板“{TEMPLATE_FILE.as_posix()}”缺失或已损坏，请重新安装程序。") from exc
    return CountyTemplate(units, issuers)
