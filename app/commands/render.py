"""`render notice ID` and `render table PLAN_ID --kind …`: stored data → PDF / DOCX / XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import add_overwrite_option, context_from, overwrite_hint
from app.services.documents.model import PRINT_MODE_LABEL, PRINT_MODES
from app.services.documents.tables import TABLE_KINDS

if TYPE_CHECKING:  # the document engine (reportlab) loads only when a command renders
    from app.services.documents.service import RenderResult


def register(sub) -> None:
    p = sub.add_parser("render", help="把已保存的公文或表格输出为 PDF / Word / Excel")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(p))
    n = what.add_parser("notice", help="公文（红头通知）")
    n.add_argument("id", type=int, metavar="ID", help="公文编号")
    n.add_argument("--pdf", type=Path, metavar="OUT", help="输出 PDF（印制用）")
    n.add_argument("--docx", type=Path, metavar="OUT", help="输出 Word 文档（审阅修改用）")
    n.add_argument("--mode", choices=PRINT_MODES, default="color", help="color 彩色 / overlay 套红 / mono 黑白")
    n.add_argument("--seal", type=Path, metavar="PNG", help="印章图像（仅草稿示意，会在页面上注明）")
    add_overwrite_option(n)
    n.set_defaults(func=run_notice)
    t = what.add_parser("table", help="重点任务分工表 / 责任清单 / 单位任务汇总表")
    t.add_argument("plan_id", type=int, metavar="PLAN_ID", help="工作要点编号")
    t.add_argument("--kind", choices=TABLE_KINDS, default="division",
                   help="division 分工表 / unit-list 责任清单 / matrix 单位任务汇总表")
    t.add_argument("--unit", metavar="NAME", help="责任清单只列这个单位")
    t.add_argument("--pdf", type=Path, metavar="OUT")
    t.add_argument("--docx", type=Path, metavar="OUT")
    t.add_argument("--xlsx", type=Path, metavar="OUT")
    t.add_argument("--mode", choices=PRINT_MODES, default="color")
    add_overwrite_option(t)
    t.set_defaults(func=run_table)


def report(result: RenderResult, mode: str | None = None) -> None:
    for path in result.written:
        print(f"已写入 {path}")
    if result.pages:
        print(f"共 {result.pages} 页" + (f"，印制方式：{PRINT_MODE_LABEL[mode]}" if mode else ""))
    for line in result.substitutions:
        print(f"字体：{line}")
    for line in result.warnings:
        print(f"提示：{line}")


def run_notice(args: argparse.Namespace) -> int:
    ctx = context_from(args, load_demo=False)
    try:
        # an issued notice is written from what was issued, byte for byte; a draft is rendered now
        with overwrite_hint():
            result = (ctx.issuing.export(args.id, args.pdf, args.docx, args.mode, args.overwrite)
                      if args.pdf or args.docx else None)
            if result is None:
                result = ctx.document_service().render_notice(args.id, args.pdf, args.docx, args.mode, args.seal,
                                                              args.overwrite)
            elif args.seal:
                result.warnings.append("已印发的公文不再加印章示意，--seal 未使用。")
    finally:
        ctx.close()
    report(result, args.mode)
    return 0


def run_table(args: argparse.Namespace) -> int:
    ctx = context_from(args, load_demo=False)
    try:
        with overwrite_hint():
            result = ctx.document_service().render_table(args.plan_id, args.kind, args.pdf, args.docx, args.xlsx,
                                                         args.unit, args.mode, args.overwrite)
    finally:
        ctx.close()
    report(result, args.mode)
    return 0
