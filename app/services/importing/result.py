"""ImportResult: everything the importer found, and its JSON form (DESIGN.md §5, key for key)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.services.importing.model import Item, NoticeFields, Task, UnitRef


@dataclass
class ImportResult:
    source: str
    title: str
    kind: str
    year: int | None
    period: str
    notice: NoticeFields | None
    tasks: list[Task]
    outline: list[Item]
    preamble: str = ""
    closing: str = ""
    continuous_levels: tuple[int, ...] = ()  # depths numbered on across parents
    warnings: list[str] = field(default_factory=list)

    def unit_mentions(self) -> Iterator[tuple[Item, UnitRef]]:
        """Every (item, printed unit) in document order: the tasks' units, and those a heading
        above its tasks names — store_import assigns all of them."""
        for root in self.outline:
            for item in root.walk():
                for u in item.markings.units:
                    yield item, u

    def printed_units(self) -> list[str]:
        """Every unit name the document prints, once, in order of first appearance."""
        return list(dict.fromkeys(u.name for _item, u in self.unit_mentions()))

    def to_dict(self) -> dict:
        n = self.notice
        notice = None if n is None else {
            "title": n.title or None,
            "doc_number": n.doc_number or None,
            "issuers": list(n.issuers),
            "date": n.sign_date.isoformat() if n.sign_date else None,
            "recipients": n.recipients or None,
            "note": n.note or None,
        }
        return {
            "source": self.source,
            "title": self.title,
            "kind": self.kind,
            "year": self.year,
            "notice": notice,
            "tasks": [_task(t) for t in self.tasks],
            "outline": [_node(it) for it in self.outline],
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _task(t: Task) -> dict:
    return {
        "path": list(t.path),
        "title": t.title,
        "text": t.text,
        "lead_units": [u.name for u in t.lead],
        "support_units": [u.name for u in t.support],
        "deadline_text": t.deadline_text or None,
        "deadline": t.deadline.isoformat() if t.deadline else None,
    }


def _node(it: Item) -> dict:
    return {
        "label": it.path_label,
        "level": it.level,
        "heading": it.heading,
        "text": it.text,
        "children": [_node(c) for c in it.children],
    }
