"""Where the cover ends and the outline begins.

Usually a notice (标题, 主送, 正文, 署名, 成文日期) comes first and the issued plan follows, so
the outline starts at the first label after the notice's date — labels inside the notice (an
attachment list "附件：1.… 2.…") do not count. Sometimes the notice itself is the plan (its body
is numbered 一、二、…): then the outline is the notice body, and the signature and date after it
belong to the cover."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.importing.cover import (
    NOTICE_TITLE,
    is_note_line,
    parse_cn_date_line,
    split_number_and_title,
    split_organs,
)
from app.services.importing.labels import parse_label
from app.services.importing.model import Block, Table
from app.services.importing.table_columns import find_header

_SEARCH_TOP = 8  # the notice title or 主送 stands within the first lines
_SEARCH_DATE = 800  # a notice whose body is the plan can be long


@dataclass
class Parts:
    head: list[str]  # lines for the cover parser
    body: list[Block]  # blocks for the outline parser
    notice_is_plan: bool = False


@dataclass
class _Span:
    recipients: int
    sig_start: int
    end: int  # first index after the date line and its 附注


def _notice_span(blocks: list[Block]) -> _Span | None:
    top = [b if isinstance(b, str) else "" for b in blocks[:_SEARCH_TOP]]
    title = next((k for k, line in enumerate(top) if NOTICE_TITLE.search(line)), None)
    start = (title + 1) if title is not None else 0
    rec = next((k for k in range(start, min(len(top), start + 4))
                if top[k].endswith("：") and "。" not in top[k] and (title is not None or any(c in top[k] for c in "各，、"))),
               None)
    if rec is None:
        return None
    date = None
    for k in range(rec + 1, min(len(blocks), rec + _SEARCH_DATE)):
        b = blocks[k]
        if isinstance(b, Table):
            break
        if parse_cn_date_line(b):
            date = k
            break
    if date is None:
        return None
    sig = date
    while sig - 1 > rec and isinstance(blocks[sig - 1], str) and split_organs(blocks[sig - 1]) is not None:
        sig -= 1
    end = date + 1
    if end < len(blocks) and isinstance(blocks[end], str) and is_note_line(blocks[end]):
        end += 1
    return _Span(rec, sig, end)


def _first_outline_block(blocks: list[Block], start: int = 0, stop: int | None = None) -> int | None:
    for k in range(start, len(blocks) if stop is None else stop):
        b = blocks[k]
        if isinstance(b, Table) or parse_label(b):
            return k
    return None


def _flatten_layout_tables(blocks: list[Block]) -> list[Block]:
    """Before the outline, a table that is not a 分工表 is page layout (a red header, two signing
    organs side by side): its cells are read as lines."""
    out: list[Block] = []
    seen_label = False
    for b in blocks:
        if isinstance(b, Table) and not seen_label and find_header(b.rows) is None:
            for row in b.rows:
                out.extend(dict.fromkeys(c for c in row if c.strip()))  # merged cells repeat their text
            continue
        if isinstance(b, str) and parse_label(b):
            seen_label = True
        out.append(b)
    return out


def _split_title_lines(blocks: list[Block]) -> list[Block]:
    """The first lines with the 文号 and the notice title on one line become two lines."""
    out: list[Block] = []
    for k, b in enumerate(blocks):
        out.extend(split_number_and_title(b) if k < _SEARCH_TOP and isinstance(b, str) else [b])
    return out


def split_parts(blocks: list[Block]) -> Parts:
    blocks = _split_title_lines(_flatten_layout_tables(blocks))
    span = _notice_span(blocks)
    if span is not None:
        after = _first_outline_block(blocks, span.end)
        inside = _first_outline_block(blocks, span.recipients + 1, span.sig_start)
        if after is None and inside is not None:
            head = [b for b in blocks[:inside] if isinstance(b, str)]
            head += [b for b in blocks[span.sig_start:span.end] if isinstance(b, str)]
            return Parts(head, blocks[inside:span.sig_start] + blocks[span.end:], notice_is_plan=True)
        if after is not None:
            return Parts([b for b in blocks[:after] if isinstance(b, str)], blocks[after:])
    first = _first_outline_block(blocks)
    first = len(blocks) if first is None else first
    return Parts([b for b in blocks[:first] if isinstance(b, str)], blocks[first:])
