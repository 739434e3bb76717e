"""The import run: read → clean → cover and outline → units and deadlines → tasks.

Pure: no database. It reports progress through a callback (percent, Chinese step name) and stops
with ImportCancelled between stages when asked to."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.services.deadlines import deadline_problem
from app.services.errors import DomainError, InputFileError
from app.services.importing.cleaning import clean_document
from app.services.importing.cover import parse_cover
from app.services.importing.cover_title import metadata_date, plan_kind, year_in
from app.services.importing.division_table import (
    items_from_rows,
    merge_rows,
    read_division_table,
    table_title,
)
from app.services.importing.document_parts import split_parts
from app.services.importing.model import Outline, SourceDoc
from app.services.importing.outline import build_outline
from app.services.importing.quality import corruption_warnings
from app.services.importing.readers import read_file
from app.services.importing.result import ImportResult
from app.services.importing.tasks import build_tasks, fill_texts, mark_tasks
from app.services.importing.unit_markings import extract_markings, lift_group_markings
from app.services.importing.warning_log import WarningLog

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, str], None]
CancelCheck = Callable[[], bool]


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("导入已取消，未保存任何内容。")


class _Steps:
    def __init__(self, progress: ProgressCallback | None, is_cancelled: CancelCheck | None):
        self.progress = progress
        self.is_cancelled = is_cancelled

    def at(self, percent: int, what: str) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(percent, what)


def import_file(path: Path | str, progress: ProgressCallback | None = None,
                is_cancelled: CancelCheck | None = None) -> ImportResult:
    """Reads and analyses a file. Raises InputFileError (Chinese message) or ImportCancelled."""
    steps = _Steps(progress, is_cancelled)
    steps.at(0, "读取文件")
    path = Path(path)
    try:
        doc = read_file(path)
    except DomainError:
        raise
    except Exception as exc:  # a reader met something no check foresaw: refuse, never crash
        log.exception("reading %s failed", path)
        raise InputFileError(f"无法读取“{path.name}”：文件内容无法识别或已损坏。") from exc
    return import_document(doc, steps)


def import_text(text: str, name: str = "文本.txt") -> ImportResult:
    """The pipeline on text already in memory (tests, pasted text)."""
    return import_document(SourceDoc(name, text.split("\n")), _Steps(None, None))


def import_document(doc: SourceDoc, steps: _Steps | None = None) -> ImportResult:
    steps = steps or _Steps(None, None)
    try:
        return _analyse(doc, steps)
    except DomainError:
        raise
    except Exception as exc:
        log.exception("analysing %s failed", doc.name)
        raise InputFileError(f"无法分析“{doc.name}”的结构（已记录到日志），请检查文件内容。") from exc


def _analyse(doc: SourceDoc, steps: _Steps) -> ImportResult:
    warnings = WarningLog()
    warnings.extend(doc.warnings)
    steps.at(20, "清理文字")
    cleaned = clean_document(doc, warnings)
    blocks = cleaned.blocks

    steps.at(40, "识别通知与大纲")
    parts = split_parts(blocks)
    cover = parse_cover(parts.head, cleaned.metadata)
    if parts.notice_is_plan and cover.notice is not None and cover.title_guessed:
        cover.title, cover.title_guessed = cover.notice.title, False  # the notice is the document
        warnings.add("通知正文即为工作要点（没有另附文件），已按通知正文的编号条目导入。")
    outline, outline_warnings = build_outline(parts.body, cover.preamble)
    warnings.extend(outline_warnings)

    steps.at(60, "提取责任单位与完成时限")
    lift_group_markings(outline)
    for item in outline.items():
        warnings.extend(extract_markings(item))
    table_title = _apply_tables(outline, warnings)
    if cover.title_guessed and table_title:
        cover.title, cover.title_guessed = table_title, False
    title = cover.title
    if not outline.roots:
        raise InputFileError(
            f"在“{doc.name}”中没有找到工作要点的编号条目（如“一、”“（一）”“1.”）或重点任务分工表，无法导入。"
        )

    warnings.extend(cover.warnings)
    if cover.title_guessed:
        warnings.add(cover.title_note)
    steps.at(80, "确定重点任务")
    fill_texts(outline)
    warnings.extend(mark_tasks(outline))
    warnings.extend(corruption_warnings(outline, cover.notice, title))
    year = _plan_year(cover, title, cleaned.metadata, warnings)
    tasks = build_tasks(outline, year, annual=not cover.period)
    for t in tasks:  # an impossible date keeps its text, gets no date, and the clerk is told
        why = deadline_problem(t.deadline_text, year)
        if why:
            warnings.add(f"任务“{t.title[:20]}”（{'-'.join(t.path)}）的完成时限“{t.deadline_text}”有误（{why}），"
                         "只保留文字，未换算成日期，请核对。")
    if year is None and any(t.deadline_text and t.deadline is None for t in tasks):
        warnings.add("没有找到文件的年份，完成时限中的“6月底前”等只保留文字，未换算成日期。")
    if not tasks:
        warnings.add("没有识别出重点任务，请在导入后手动标记。")
    steps.at(100, "完成")
    notice = cover.notice
    return ImportResult(
        source=doc.name, title=title, kind=plan_kind(title), year=year, period=cover.period,
        notice=notice, tasks=tasks, outline=outline.roots, preamble="\n".join(outline.preamble),
        closing="\n".join(outline.closing), continuous_levels=outline.continuous_levels,
        warnings=warnings.messages(),
    )


def _apply_tables(outline: Outline, warnings: WarningLog) -> str:
    """Merges 分工表 rows into the items (or makes items of them); returns a table's title row."""
    items = list(outline.items())
    title = ""
    for table in outline.tables:
        rows = read_division_table(table)
        if rows is None:
            warnings.add(f"一个 {len(table.rows)} 行的表格不是重点任务分工表（找不到“重点任务”“牵头单位”等表头），未导入。")
            continue
        if items:
            warnings.extend(merge_rows(items, rows))
        else:
            outline.roots.extend(items_from_rows(rows))
            warnings.add(f"文件中没有编号的正文，已按分工表的 {len(rows)} 行建立任务。")
        title = title or table_title(table)
    return title


def _plan_year(cover, title: str, metadata: dict[str, str], warnings: WarningLog) -> int | None:
    year = year_in(cover.period or title)  # a period plan's year is its first year
    if year is not None:
        return year
    notice = cover.notice
    if notice is not None and notice.sign_date is not None:
        warnings.add(f"标题中没有年份，取通知成文日期的年份 {notice.sign_date.year}。")
        return notice.sign_date.year
    meta = metadata_date(metadata)
    if meta is not None:
        warnings.add(f"标题中没有年份，取网页信息栏中成文日期的年份 {meta.year}。")
        return meta.year
    if notice is not None and notice.doc_number:
        year = year_in(notice.doc_number.replace("〔", "").replace("〕", "年"))
        if year:
            warnings.add(f"标题中没有年份，取发文字号中的年份 {year}。")
            return year
    return None
