"""`convert FILE --pdf OUT [--docx OUT] [--xlsx OUT] [--mode …]`: an existing document typeset as a
standard 印发 notice with the issued document and its 分工表 (no database involved)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import add_overwrite_option, overwrite_hint
from app.services.documents.model import PRINT_MODE_LABEL, PRINT_MODES
from app.services.errors import ValidationError
from app.services.output_files import check_targets, write_files


def register(sub) -> None:
    p = sub.add_parser("convert", help="把已有的工作要点文件排成标准红头印发通知（PDF / Word / Excel）")
    p.add_argument("file", type=Path, metavar="FILE", help=".txt / .docx / .xlsx 文件")
    p.add_argument("--pdf", type=Path, metavar="OUT", required=True, help="输出 PDF")
    p.add_argument("--docx", type=Path, metavar="OUT", help="同时输出 Word 文档")
    p.add_argument("--xlsx", type=Path, metavar="OUT", help="同时输出分工表 Excel")
    p.add_argument("--mode", choices=PRINT_MODES, default="color", help="color 彩色 / overlay 套红 / mono 黑白")
    add_overwrite_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # the document engine (reportlab) loads only when the command runs, not with every `python -m app`
    from app.services.checks import check_layout, check_notice
    from app.services.documents.convert import convert_result
    from app.services.documents.service import check_mode, font_choice, notice_files, table_xlsx
    from app.services.importing import import_file

    # every requested file or none: targets checked before any work, all written at the end
    targets = [p for p in (args.pdf, args.docx, args.xlsx) if p is not None]
    with overwrite_hint():
        check_targets(targets, args.overwrite)
    mode = check_mode(args.mode)
    result = import_file(args.file)
    converted = convert_result(result)
    doc = converted.doc
    table = doc.issued.attachments[0].table if doc.issued and doc.issued.attachments else None
    if args.xlsx is not None and table is None:
        raise ValidationError("原文中没有识别出任务，无法生成分工表 Excel；未写入任何文件。")
    pdf, docx, layout = notice_files(doc, mode, font_choice(), True, args.docx is not None)
    outputs = [(args.pdf, pdf)]
    if args.docx is not None:
        outputs.append((args.docx, docx))
    if args.xlsx is not None:
        outputs.append((args.xlsx, table_xlsx(table)))
    with overwrite_hint():
        written = write_files(outputs, args.overwrite)
    tasks = len(result.tasks)
    print(f"已按标准印发通知排版《{doc.issued.title}》：{tasks} 项任务，共 {len(layout.pages)} 页，"
          f"印制方式：{PRINT_MODE_LABEL[mode]}")
    for path in written:
        print(f"已写入 {path}")
    print("沿用原文：" + "、".join(f for f, v in (("标题", doc.title), ("发文字号", result.notice and result.notice.doc_number),
                                            ("发文机关", result.notice and result.notice.issuers),
                                            ("主送机关", doc.recipients),
                                            ("成文日期", result.notice and result.notice.sign_date)) if v))
    for line in converted.defaults:
        print(f"默认值：{line}")
    for w in result.warnings:
        print(f"导入提示：{w}")
    for f in [*check_notice(doc), *check_layout(layout)]:
        print(f"格式检查：{f.text()}")
    for line in layout.warnings:
        print(f"提示：{line}")
    for line in layout.substitutions:
        print(f"字体：{line}")
    return 0
