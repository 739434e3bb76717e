"""`python -m app import FILE [--json]`: read an existing 工作要点 / 实施方案 into a new plan.

With --json the analysis is printed (DESIGN.md §5) and the database is not opened at all."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import context_from


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="导入已有的工作要点、实施方案（.txt .docx .xlsx，装有 LibreOffice 时还可 .doc .wps）",
                              description="导入已有的工作要点、实施方案：识别通知、大纲、重点任务、责任单位和完成时限。")
    p.add_argument("file", metavar="FILE", help="要导入的文件")
    p.add_argument("--json", action="store_true", help="只输出识别结果（JSON），不写入数据库")
    p.add_argument("--keep-notice", action="store_true",
                   help="把封面通知存入“公文”（默认只存本县机关印发的通知；上级文件的通知和发文机关不存）")
    p.set_defaults(func=run)


def _out(text: str, stream=None) -> None:
    """UTF-8 whatever the console's code page, so no character can fail to print."""
    stream = stream or sys.stdout
    data = (text + "\n").encode("utf-8")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(text + "\n")


def run(args: argparse.Namespace) -> int:
    from app.services.importing import import_file  # not loaded for every other command

    result = import_file(Path(args.file))
    if args.json:
        _out(result.to_json())
        return 0
    ctx = context_from(args)
    try:
        imports = ctx.services.imports
        matches = imports.match_units(result)
        report = imports.store(result, source_file=str(Path(args.file).resolve()),
                               keep_notice=True if args.keep_notice else None)
    finally:
        ctx.close()
    parts = sum(1 for _ in result.outline)
    year = f"，{result.year}年" if result.year else ""
    lines = [f"已导入《{result.title}》（{result.kind}{year}）：{parts} 个部分、{report.nodes} 个条目，"
             f"其中重点任务 {report.tasks} 项。计划编号 {report.plan_id}，状态为草稿。"]
    if matches:
        lines.append(f"责任单位 {len(matches)} 个：与单位库匹配 {len(report.matched)} 个，新建 {len(report.created)} 个。")
    if result.notice is not None:
        n = result.notice
        saved = "已保存" if report.notice_id else "未保存"
        lines.append(f"通知《{n.title}》{n.doc_number or '（无发文字号）'}：{saved}。")
    notes = list(result.warnings) + list(report.warnings)
    for m in matches:
        if m.unit is None:
            hint = "，相近的有：" + "、".join(s.unit.name for s in m.suggestions[:3]) if m.suggestions else ""
            notes.append(f"单位库中没有“{m.printed}”，已新建该单位{hint}。请在“单位”中核对或合并。")
    if notes:
        lines.append("注意：")
        lines += [f"  - {w}" for w in notes]
    _out("\n".join(lines))
    return 0
