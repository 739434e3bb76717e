"""Stored decisions of the coverage check, read and written inside the caller's session:
links (confirmed / rejected / drafted) and notes (不适用 with its reason, 情况说明)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CoverageLink, CoverageNote
from app.services.coverage.dto import INDICATOR, SUPERIOR, LinkState, Note

MAX_NOTE = 2000


def _column(model, kind: str):
    return model.superior_node_id if kind == SUPERIOR else model.indicator_id


def load_links(s: Session, plan_id: int, kind: str) -> dict[int, list[tuple[int, str, float | None]]]:
    """target id → [(county node id, state, score)] of the plan's links of this kind."""
    col = _column(CoverageLink, kind)
    out: dict[int, list[tuple[int, str, float | None]]] = {}
    q = (select(col, CoverageLink.node_id, CoverageLink.state, CoverageLink.score)
         .where(CoverageLink.plan_id == plan_id, col.is_not(None)).order_by(CoverageLink.id))
    for target_id, node_id, state, score in s.execute(q):
        out.setdefault(target_id, []).append((node_id, state, score))
    return out


def load_notes(s: Session, plan_id: int, kind: str) -> dict[int, Note]:
    col = _column(CoverageNote, kind)
    q = select(CoverageNote).where(CoverageNote.plan_id == plan_id, col.is_not(None))
    return {getattr(n, col.key): Note(kind, getattr(n, col.key), n.not_applicable, n.text) for n in s.scalars(q)}


def _find_link(s: Session, node_id: int, kind: str, target_id: int) -> CoverageLink | None:
    col = _column(CoverageLink, kind)
    return s.scalar(select(CoverageLink).where(CoverageLink.node_id == node_id, col == target_id))


def set_link(s: Session, plan_id: int, node_id: int, kind: str, target_id: int, state: str | None,
             score: float | None = None) -> LinkState:
    """Sets (or, with state None, removes) one link; returns what was there before."""
    row = _find_link(s, node_id, kind, target_id)
    before = LinkState(node_id, kind, target_id, row.state if row else None, row.score if row else None)
    if state is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(CoverageLink(plan_id=plan_id, node_id=node_id, state=state, score=score,
                           superior_node_id=target_id if kind == SUPERIOR else None,
                           indicator_id=target_id if kind == INDICATOR else None))
    else:
        row.state = state
        row.score = score if score is not None else row.score
    s.flush()
    return before


def set_note(s: Session, plan_id: int, kind: str, target_id: int, not_applicable: bool, text: str) -> Note | None:
    """Writes the note (an empty, applicable note is removed); returns the one before."""
    col = _column(CoverageNote, kind)
    row = s.scalar(select(CoverageNote).where(CoverageNote.plan_id == plan_id, col == target_id))
    before = Note(kind, target_id, row.not_applicable, row.text) if row else None
    text = (text or "").strip()[:MAX_NOTE]
    if not not_applicable and not text:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(CoverageNote(plan_id=plan_id, not_applicable=not_applicable, text=text,
                           superior_node_id=target_id if kind == SUPERIOR else None,
                           indicator_id=target_id if kind == INDICATOR else None))
    else:
        row.not_applicable, row.text = not_applicable, text
    s.flush()
    return before
