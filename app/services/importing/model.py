"""Plain data passed between the import stages. No database, no Qt.

A document travels as a list of blocks: a block is either one line of text (a paragraph) or a
Table. Readers produce blocks, cleaning rewrites them, the outline parser turns them into Items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Table:
    """A table as rows of cell texts, in reading order. Spanned cells are repeated or empty."""

    rows: list[list[str]]


Block = str | Table


@dataclass
class SourceDoc:
    """What a reader hands to cleaning: the blocks and what it noticed while reading."""

    name: str
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)


@dataclass
class UnitRef:
    """One printed unit on one task. `note` keeps a qualifier such as 牵头 or 按职责分工负责."""

    name: str
    role: str  # lead | support
    note: str = ""


@dataclass
class Markings:
    """Everything an item says about who does it and by when."""

    units: list[UnitRef] = field(default_factory=list)
    deadline_text: str = ""
    responsible: str = ""

    @property
    def lead(self) -> list[str]:
        return [u.name for u in self.units if u.role == "lead"]

    @property
    def support(self) -> list[str]:
        return [u.name for u in self.units if u.role == "support"]

    def add_unit(self, ref: UnitRef) -> None:
        if all(u.name != ref.name for u in self.units):  # first mention wins (lead before support)
            self.units.append(ref)

    def merge(self, other: Markings) -> None:
        for u in other.units:
            self.add_unit(u)
        if other.deadline_text and other.deadline_text not in self.deadline_text:
            self.deadline_text = "；".join(t for t in (self.deadline_text, other.deadline_text) if t)
        if other.responsible and not self.responsible:
            self.responsible = other.responsible


@dataclass
class Item:
    """One numbered 部分/条/项 of the outline."""

    rank: int  # label style: 0 第一部分, 1 一、, 2 （一）, 3 1., 4 （1）, 5 ①
    number: int
    label: str  # as printed, e.g. "（一）"
    path_label: str  # as in DESIGN.md §5, e.g. "(一)"
    first_line: str  # the labelled line without its label
    lines: list[str] = field(default_factory=list)  # following unlabelled paragraphs
    children: list[Item] = field(default_factory=list)
    level: int = 1
    heading: str = ""
    text: str = ""
    markings: Markings = field(default_factory=Markings)
    marked: bool = False  # the document itself names units for this item
    is_task: bool = False
    deadline: date | None = None
    measures: str = ""  # 具体措施 from a 分工表 column

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Outline:
    preamble: list[str]
    roots: list[Item]
    closing: list[str]
    tables: list[Table]  # tables met after or inside the body, for the 分工表 stage
    attachment_note: str = ""
    continuous_levels: tuple[int, ...] = ()  # depths numbered on across parents

    def items(self):
        for r in self.roots:
            yield from r.walk()


@dataclass
class NoticeFields:
    """The cover notice (关于印发《…》的通知) as printed."""

    title: str = ""
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    sign_date: date | None = None
    recipients: str = ""
    body: str = ""
    note: str = ""
    header_text: str = ""


@dataclass
class Task:
    path: list[str]
    title: str
    text: str
    lead: list[UnitRef]
    support: list[UnitRef]
    deadline_text: str
    deadline: date | None
    responsible: str = ""
