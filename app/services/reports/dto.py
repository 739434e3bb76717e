"""Plain data of the annual report handed to the front-ends (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class SectionDTO:
    id: int
    key: str
    heading: str
    text: str
    drafted_text: str

    @property
    def edited(self) -> bool:
        """The clerk changed the text after the last draft."""
        return self.text != self.drafted_text


@dataclass(frozen=True)
class ReportDTO:
    id: int
    plan_id: int
    plan_title: str
    year: int
    part_order: tuple[str, ...]
    duty_placement: str
    sign_date: date | None
    gov_doc_number: str
    joint_doc_number: str
    signers: tuple[str, ...]
    submitted_on: date | None
    published_on: date | None
    drafted_at: datetime | None
    sections: tuple[SectionDTO, ...]

    def section(self, key: str) -> SectionDTO | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class Conflict:
    """A section the clerk edited whose new draft differs: replaced only when the clerk says so."""

    key: str
    heading: str
    current: str
    new: str


@dataclass
class Redraft:
    sections: list  # DraftSection, in document order
    conflicts: list[Conflict]
    notes: list[str]
