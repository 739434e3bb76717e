"""`track forms|import|status|bulletin|ledger`: the 督办台账 from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.commands.common import context_from, output_dir
from app.services.documents.model import PRINT_MODES
from app.services.errors import DomainError, NotFoundError


def register(sub) -> None:
    p = sub.add_parser("track", help="督办台账：导出进展报表、导入回收报表、查看亮灯、生成督查通报")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(p))
    f = what.add_parser("forms", help="为每个责任单位导出本期进展情况报表（.xlsx）")
    f.add_argument("plan", type=int, metavar="PLAN", help="工作要点编号")
    f.add_argument("--period", metavar="期", help="报送期，如 2026-05、2026年5月、5（默认：当前一期）")
    f.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    f.add_argument("--unit", action="append", metavar="单位", help="只导出这个单位（可重复）")
    f.set_defaults(func=run_forms)
    i = what.add_parser("import", help="导入单位发回的进展情况报表（可一次多个）")
    i.add_argument("files", nargs="+", type=Path, metavar="FILE", help="回收的 .xlsx 报表")
    i.add_argument("--dry-run", action="store_true", help="只检查和列出变化，不写入")
    i.set_defaults(func=run_import)
    s = what.add_parser("status", help="本期亮灯和报送情况")
    s.add_argument("plan", type=int, metavar="PLAN", help="工作要点编号")
    s.add_argument("--period", metavar="期", help="报送期（默认：当前一期）")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=run_status)
    b = what.add_parser("bulletin", help="生成督查通报（登记文号），输出 PDF / Word / Excel")
    b.add_argument("plan", type=int, metavar="PLAN", help="工作要点编号")
    b.add_argument("--period", metavar="期", help="报送期（默认：当前一期）")
    b.add_argument("--pdf", type=Path, metavar="OUT")
    b.add_argument("--docx", type=Path, metavar="OUT")
    b.add_argument("--xlsx", type=Path, metavar="OUT", help="通报所附的推进情况表")
    b.add_argument("--mode", choices=PRINT_MODES, default="color", help="color 彩色 / overlay 套红 / mono 黑白")
    b.set_defaults(func=run_bulletin)
    g = what.add_parser("ledger", help="把整个督办台账导出为一个 Excel 工作簿")
    g.add_argument("plan", type=int, metavar="PLAN", help="工作要点编号")
    g.add_argument("--period", metavar="期", help="报送期（默认：当前一期）")
    g.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    g.set_defaults(func=run_ledger)


def _period_id(tracking, plan_id: int, text: str | None) -> int | None:
    tracking.ctx_plans.get_plan(plan_id)  # an unknown plan: one Chinese line, before any schedule is made
    if text is None:
        return None
    return tracking.find_period(tracking.schedule(plan_id), text).id


def _tracking(ctx):
    t = ctx.services.tracking
    t.ctx_plans = ctx.services.plans
    return t


def run_forms(args: argparse.Namespace) -> int:
    from app.services.tracking.form_export import export_forms, form_units

    ctx = context_from(args, load_demo=False)
    try:
        t = _tracking(ctx)
        ledger = t.ledger(args.plan, _period_id(t, args.plan, args.period))
        unit_ids = None
        if args.unit:
            known = {name: uid for uid, name in form_units(ledger)}
            missing = [u for u in args.unit if u not in known]
            if missing:
                raise NotFoundError(f"{ledger.period.label}没有需要“{'、'.join(missing)}”报送的任务。")
            unit_ids = [known[u] for u in args.unit]
        written = export_forms(ledger, output_dir(args.out), unit_ids)
    finally:
        ctx.close()
    print(f"已导出{ledger.period.label}进展情况报表 {len(written)} 份（报送截止 {ledger.period.due:%Y-%m-%d}）：")
    for path in written:
        print(f"  {path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from app.services.tracking.form_import import apply_form, preview_form

    ctx = context_from(args, load_demo=False)
    refused = 0
    try:
        t = ctx.services.tracking
        for path in args.files:
            try:
                preview = preview_form(t, path)
            except DomainError as exc:
                refused += 1
                print(exc.message, file=sys.stderr)
                continue
            if args.dry_run:
                print(f"{path.name}：{preview.summary()}（未写入）")
                for r in preview.rows:
                    if r.kind in ("新报送", "修改"):
                        print(f"  第{r.serial}项 {r.task_title}：{r.describe()}")
                continue
            outcome = apply_form(t, preview)
            print(f"{path.name}：{preview.summary()}；已写入 {outcome.accepted} 项。")
    finally:
        ctx.close()
    return 2 if refused else 0


def run_status(args: argparse.Namespace) -> int:
    from app.services.tracking.stats import summarize

    ctx = context_from(args, load_demo=False)
    try:
        t = _tracking(ctx)
        s = summarize(t.ledger(args.plan, _period_id(t, args.plan, args.period)))
    finally:
        ctx.close()
    led = s.ledger
    if args.json:
        print(json.dumps(status_json(s), ensure_ascii=False, indent=2))
        return 0
    print(f"《{led.plan_title}》{led.period.label}（截止 {led.period.due:%Y-%m-%d}，统计至 {led.as_of:%Y-%m-%d}）")
    print(f"重点任务 {s.tasks} 项，已完成 {s.done} 项（{s.done_pct}%），逾期未完成 {s.overdue} 项；"
          + "，".join(f"{c}灯 {n}" for c, n in s.by_light.items()))
    print(f"应报送单位 {s.expected_units} 个，已报送 {s.reported_units} 个"
          + (f"；未报送：{'、'.join(m.unit_name for m in s.missing)}" if s.missing else ""))
    for r in s.lagging:
        print(f"  {r.light.color}  第{r.task.serial}项 {r.task.title}（{r.unit_name}）：{r.light.explain()}")
    return 0


def status_json(s) -> dict:
    led = s.ledger
    return {
        "plan": {"id": led.plan_id, "title": led.plan_title},
        "period": {"key": led.period.key, "label": led.period.label, "due": led.period.due.isoformat()},
        "as_of": led.as_of.isoformat(),
        "tasks": s.tasks, "done": s.done, "overdue": s.overdue, "lights": s.by_light, "statuses": s.by_status,
        "units_expected": s.expected_units, "units_reported": s.reported_units,
        "missing": [{"unit": m.unit_name, "tasks": [r.task.serial for r in m.rows]} for m in s.missing],
        "rows": [{"task": r.task.serial, "title": r.task.title, "unit": r.unit_name, "role": r.role,
                  "status": r.status_text or None, "percent": r.last.percent if r.last else None,
                  "reported": r.entry is not None, "light": r.light.color, "reasons": list(r.light.reasons)}
                 for r in led.rows],
    }


def run_bulletin(args: argparse.Namespace) -> int:
    from app.commands.render import report
    from app.services.errors import ValidationError
    from app.services.tracking.tracking_notices import render_files

    if args.pdf is None and args.docx is None and args.xlsx is None:
        raise ValidationError("请至少指定一个输出文件（--pdf、--docx 或 --xlsx）。")
    ctx = context_from(args, load_demo=False)
    try:
        t = _tracking(ctx)
        notice = t.paperwork.draft("通报", args.plan, _period_id(t, args.plan, args.period))
        result = render_files(ctx.document_service(), notice, args.pdf, args.docx, args.xlsx, args.mode)
    finally:
        ctx.close()
    print(f"督查通报{t.paperwork.issue_number(notice)}：{notice.doc_number}《{notice.title}》"
          f"（{notice.status}，公文编号 {notice.id}）")
    report(result, args.mode)
    return 0


def run_ledger(args: argparse.Namespace) -> int:
    ctx = context_from(args, load_demo=False)
    try:
        t = _tracking(ctx)
        path = t.export_ledger(args.plan, _period_id(t, args.plan, args.period), args.out)
    finally:
        ctx.close()
    print(f"已写入 {path}")
    return 0
