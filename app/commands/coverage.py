"""`coverage PLAN --superior FILE [--xlsx OUT] [--json]`: the plan against its superior's document
(imported as the plan's 上级文件; the same file given again is not imported twice) or against an
indicator system (--indicators FILE): each item with the county tasks confirmed for it, the
suggestions still to confirm, and the coverage percentage."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands.common import context_from


def register(sub) -> None:
    p = sub.add_parser("coverage", help="对照上级文件或指标体系：逐项列出本县对应任务、建议和覆盖率")
    p.add_argument("plan", type=int, metavar="PLAN", help="本县工作要点编号")
    p.add_argument("--superior", type=Path, metavar="FILE", help="上级文件（.docx、.txt、.xlsx 等），存为该工作要点的上级文件")
    p.add_argument("--indicators", type=Path, metavar="FILE", help="指标体系（.xlsx 或分级编号的文本），对照它而不是上级文件")
    p.add_argument("--xlsx", type=Path, metavar="OUT", help="把对照情况导出为 Excel")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.services.coverage.export import coverage_json, coverage_workbook
    from app.services.documents.service import write_bytes

    ctx = context_from(args, load_demo=False)
    notes: list[str] = []
    try:
        service = ctx.services.coverage
        ctx.services.plans.get_plan(args.plan)
        system_id = None
        if args.superior is not None and service.superior_file(args.plan) != args.superior.name:
            done = service.import_superior(args.plan, args.superior)
            notes.append(f"已导入上级文件（{done.tasks} 项重点任务），存为本工作要点的上级文件。")
        if args.indicators is not None:
            system_id, more = _indicators(service, args.indicators)
            notes += more
        coverage = service.coverage(args.plan, system_id)
        if args.xlsx is not None:
            notes.append(f"已写入 {write_bytes(args.xlsx, coverage_workbook(coverage))}")
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(coverage_json(coverage), ensure_ascii=False, indent=2))
        return 0
    for line in notes:
        print(line)
    print(f"《{coverage.plan_title}》对照《{coverage.source_title}》：{coverage.summary()}")
    for r in coverage.rows:
        linked = "；".join(f"第{t.serial}项 {t.title}" for t in r.linked) or "—"
        print(f"  {r.target.serial:>3} {r.status} {r.target.label}{r.target.title} → {linked}")
        if r.note is not None and r.note.text:
            print(f"        说明：{r.note.text}")
        for t, score in r.suggestions:
            print(f"        建议：第{t.serial}项 {t.title}（相似度 {score:g}）")
    return 0


def _indicators(service, path: Path) -> tuple[int, list[str]]:
    for system in service.indicators.systems():
        if system.source_file == path.name:
            return system.id, []
    system, warnings = service.indicators.import_file(path)
    return system.id, [f"已导入指标体系《{system.name}》：{system.describe()}。", *warnings]
