"""ImportService: the importer behind one object, so front-ends never handle a session factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.models.database import session_scope
from app.services.importing.pipeline import import_file
from app.services.importing.result import ImportResult
from app.services.importing.store import StoreReport, notice_is_own, store_import
from app.services.importing.store_undo import remove_import
from app.services.importing.unit_preview import PrintedUnitMatch, match_printed_units
from app.services.units import UnitService


class ImportService:
    def __init__(self, session_factory: sessionmaker[Session], units: UnitService):
        self._sf = session_factory
        self._units = units

    def analyse(self, path: Path | str, progress: Callable[[int, str], None] | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Reads and parses the file; touches no database."""
        return import_file(Path(path), progress=progress, is_cancelled=is_cancelled)

    def match_units(self, result: ImportResult) -> list[PrintedUnitMatch]:
        """Per printed unit name: the registry unit it matches, suggestions, or nothing."""
        return match_printed_units(result, self._units.records(), self._units.region_names)

    def notice_is_own(self, result: ImportResult) -> bool:
        """Whether the cover notice's issuers are the county's own (see issuer_policy)."""
        if result.notice is None:
            return False
        with session_scope(self._sf) as s:
            return notice_is_own(s, result, self._units.region_names)

    def store(self, result: ImportResult, unit_choices: dict[str, int | str] | None = None,
              source_file: str = "", keep_notice: bool | None = None) -> StoreReport:
        """Saves the result as a new draft plan (and its notice) in one transaction."""
        return store_import(self._sf, result, region_names=self._units.region_names,
                            unit_choices=unit_choices, source_file=source_file, keep_notice=keep_notice)

    def remove(self, report: StoreReport) -> list[str]:
        """Undo of store(): the plan, and the notice, units and issuers it alone brought in."""
        return remove_import(self._sf, report)
