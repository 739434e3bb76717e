"""Stage 2, clean: characters first (widths, pinyin, traditional, punctuation), then lines (web
furniture, page numbers and headers, "|" tables, hard wraps). Every kind of change is counted
into the warnings; nothing is changed silently."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.services.importing.clean_chars import normalize_chars, remove_pinyin, simplify
from app.services.importing.clean_furniture import remove_furniture
from app.services.importing.clean_pages import remove_page_furniture
from app.services.importing.clean_punct import widen_punctuation
from app.services.importing.clean_wrap import join_wrapped
from app.services.importing.model import Block, SourceDoc, Table
from app.services.importing.text_tables import split_text_tables
from app.services.importing.warning_log import WarningLog

_SPACES = re.compile(r"[ \t]+")
_SPACE_BY_PUNCT = re.compile(r" +(?=[，。、；：？！“”‘’（）《》【】〔〕…])|(?<=[，。、；：？！“”‘’（）《》【】〔〕…]) +")
_TABLE_MARK = "\x00T{}\x00"  # stands in for a table while lines are cleaned; text loses its NULs first


@dataclass
class CharCounts:
    widths: int = 0
    pinyin: int = 0
    traditional: int = 0
    punctuation: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class Cleaned:
    blocks: list[Block]
    metadata: dict[str, str]
    removed: list[str]  # every piece of text dropped on purpose (furniture, headers, page numbers)


def early_chars(text: str, counts: CharCounts) -> str:
    """Character cleaning that line-level cleaning relies on: widths, pinyin (before simplifying,
    so OpenCC sees whole phrases), traditional → simplified (web furniture is matched in
    simplified form)."""
    text, n = normalize_chars(text)
    counts.widths += n
    text, n = remove_pinyin(text)
    counts.pinyin += n
    text, n, ex = simplify(text)
    counts.traditional += n
    counts.examples.extend(e for e in ex if e not in counts.examples)
    text, n = widen_punctuation(text)
    counts.punctuation += n
    return text


def late_chars(text: str, counts: CharCounts) -> str:
    """After lines are joined: pinyin a join brought next to a hanzi, and punctuation widened
    with its final neighbours. Nothing later changes text, which makes cleaning idempotent."""
    text, n = remove_pinyin(text)
    counts.pinyin += n
    text, n = widen_punctuation(text)
    counts.punctuation += n
    return text


def clean_chars(text: str, counts: CharCounts | None = None) -> str:
    """All character cleaning at once (for text that needs no line cleaning, such as table cells)."""
    counts = counts if counts is not None else CharCounts()
    return late_chars(early_chars(text, counts), counts)


def _tabs_to_cells(line: str) -> str:
    """A table row copied out of Word keeps its cells apart with tabs; mark them as "|" cells
    (one tab is only the gap after a list number)."""
    return " | ".join(c.strip() for c in line.split("\t")) if line.count("\t") >= 2 else line


def tidy_spaces(line: str) -> str:
    """One space at most, none beside Chinese punctuation, none at the ends."""
    if " " not in line and "\t" not in line:
        return line
    line = _SPACES.sub(" ", line).strip()
    return _SPACE_BY_PUNCT.sub("", line) if " " in line else line


def clean_document(doc: SourceDoc, log: WarningLog) -> Cleaned:
    counts = CharCounts()
    tables: list[Table] = []
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            rows = [[tidy_spaces(clean_chars(c, counts)) for c in row] for row in block.rows]
            lines.append(_TABLE_MARK.format(len(tables)))
            tables.append(Table(rows))
        else:
            lines.append(block.replace("\x00", ""))  # never text, and a line must not pass for a table mark
    text = early_chars("\n".join(lines), counts)
    lines = [tidy_spaces(_tabs_to_cells(line)) for line in text.split("\n")]

    lines, furniture = remove_furniture(lines)
    if furniture.removed:
        log.count("删除网页导航、信息栏等网页内容", len(furniture.removed), furniture.removed[0][:20].strip())
    lines, pages = remove_page_furniture(lines)
    log.count("删除页码", pages.page_numbers)
    log.count("删除混入正文的页眉（如重复的发文字号、标题）", pages.headers)

    blocks, table_warnings = split_text_tables(lines)
    log.extend(table_warnings)
    marks = {_TABLE_MARK.format(k): table for k, table in enumerate(tables)}
    out: list[Block] = []
    run: list[str] = []
    joins = 0
    for b in [*blocks, None]:
        if isinstance(b, str) and b not in marks:
            run.append(b)
            continue
        paragraphs, n = join_wrapped(run)
        for _ in range(3):  # late cleaning can make a line end differently; settle the joins
            if not paragraphs:
                break
            paragraphs = [tidy_spaces(p) for p in late_chars("\n".join(paragraphs), counts).split("\n")]
            paragraphs, more = join_wrapped(paragraphs)
            n += more
            if not more:
                break
        joins += n
        out.extend(paragraphs)
        run = []
        if isinstance(b, Table):
            out.append(b)
        elif isinstance(b, str):
            out.append(marks[b])
    log.count("合并被硬换行拆开的段落", joins)
    _report_chars(counts, log)
    return Cleaned(out, furniture.metadata, furniture.removed + pages.removed)


def _report_chars(counts: CharCounts, log: WarningLog) -> None:
    log.count("繁体字转为简体", counts.traditional, "、".join(counts.examples[:3]) or None)
    log.count("删除转换器留下的拼音注音", counts.pinyin)
    log.count("半角标点改为全角", counts.punctuation)
    log.count("全角字母、数字改为半角", counts.widths)


def clean_text(text: str) -> Cleaned:
    """A plain text through the whole cleaning stage (what a .txt import does)."""
    return clean_document(SourceDoc("文本", text.split("\n")), WarningLog())
