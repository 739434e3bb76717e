"""`report PLAN --variant gov|joint [--pdf OUT] [--docx OUT] [--public]`: the year's 法治政府建设
年度报告 on a plan, drafted from its 督办台账 the first time (a re-draft with --redraft keeps every
part the clerk edited), printed through the GB/T 9704 engine; without an output, its text."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import add_overwrite_option, context_from, overwrite_hint
from app.services.documents.model import PRINT_MODES


def register(sub) -> None:
    p = sub.add_parser("report", help="法治政府建设年度报告：从督办台账起草，输出 PDF / Word（两种报送方式及公开版）")
    p.add_argument("plan", type=int, metavar="PLAN", help="工作要点编号（报告的年度即工作要点的年度）")
    p.add_argument("--variant", choices=("gov", "joint"), default="gov",
                   help="gov：县政府报县委、县人大常委会；joint：县委、县政府联合报上级党委、政府（上行文）")
    p.add_argument("--pdf", type=Path, metavar="OUT")
    p.add_argument("--docx", type=Path, metavar="OUT")
    p.add_argument("--public", action="store_true", help="公开版：不含发文字号、签发人和抄送（用于政府网站公开）")
    p.add_argument("--redraft", action="store_true", help="按督办台账重新起草（修改过的部分保留不动）")
    p.add_argument("--mode", choices=PRINT_MODES, default="color", help="color 彩色 / overlay 套红 / mono 黑白")
    add_overwrite_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.services.reports.report_outline import report_outline
    from app.services.reports.report_output import check_report, render_report, report_model

    ctx = context_from(args, load_demo=False)
    try:
        reports = ctx.services.reports
        ctx.services.plans.get_plan(args.plan)  # an unknown plan: one Chinese line
        report = reports.report(args.plan)
        kept: list[str] = []
        if args.redraft or not report.sections:
            redraft = reports.preview_draft(args.plan)
            reports.apply_draft(args.plan, redraft)  # edited parts are never replaced from here
            kept = [c.heading for c in redraft.conflicts]
            print(f"已{'重新' if report.sections else ''}起草《{report.plan_title}》{report.year}年度报告。")
        if args.pdf is None and args.docx is None:
            from app.services.reports.figure_fields import place_fields

            doc, notes = report_model(reports, args.plan, args.variant, args.public)
            totals = reports.figures.totals(report.id)  # once, not per part
            for entry in report_outline(reports.report(args.plan)):
                if entry.level:
                    print(entry.title)
                if entry.section is not None:
                    print(place_fields(entry.section.text, totals)[0])
            findings = notes + check_report(doc)
        else:
            with overwrite_hint():
                out = render_report(reports, ctx.document_service(), args.plan, args.variant, args.pdf, args.docx,
                                    args.public, args.mode, args.overwrite)
            for path in out.written:
                print(f"已写入 {path}")
            print(f"共 {out.pages} 页")
            for line in out.substitutions:
                print(f"字体：{line}")
            for line in out.warnings:
                print(f"提示：{line}")
            findings = out.findings
    finally:
        ctx.close()
    for heading in kept:
        print(f"保留：“{heading}”已被修改过，重新起草没有替换它（可在界面中比较后替换）。")
    for line in findings:
        print(f"检查：{line}")
    return 0
