"""The demo county's yearly figures, as its units returned the 年度数据表 (two units late), so the
report page shows totals and the first draft quotes them."""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AnnualReport, Assignment, FigureReturn, PlanNode, ReportFigure, Unit
from app.services.reports.figure_fields import DEFAULT_FIELDS
from app.services.tracking.ledger import COLLECTIVE

FIXED = {("县政府办公室", "会前学法次数"): 12, ("县政府办公室", "常务会法治议题"): 9, ("县政府办公室", "重大行政决策"): 6,
         ("县司法局", "法治专题讲座"): 2, ("县司法局", "规范性文件审核"): 38, ("县司法局", "规范性文件备案"): 21,
         ("县司法局", "行政复议案件"): 47, ("县司法局", "行政应诉案件"): 35, ("县司法局", "负责人出庭应诉"): 33,
         ("县政务服务中心", "政务服务事项"): 1248, ("县政务服务中心", "网上可办事项"): 1203}
LATE = ("县信访局", "县统计局")  # have not returned their sheet yet


def load_demo_report(s: Session, plan_id: int, year: int) -> None:
    report = AnnualReport(plan_id=plan_id, year=year, part_order="measures,shortcomings,duty,next_year,other",
                          duty_placement="chapter")
    s.add(report)
    s.flush()
    units = {u.name: u for u in s.scalars(select(Unit).where(Unit.category != COLLECTIVE))}
    in_plan = set(s.scalars(select(Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
                            .where(PlanNode.plan_id == plan_id)))
    rnd = random.Random(year * 7)
    given: dict[int, int] = {}
    for f in DEFAULT_FIELDS:
        if "rate" in f:
            continue
        targets = [units[n] for n in f["units"] if n in units] if f["units"] else \
            [u for u in units.values() if u.id in in_plan]
        for u in targets:
            if u.name in LATE:
                continue
            value = FIXED.get((u.name, f["name"]))
            if value is None:
                value = rnd.randint(20, 260) if f["name"] == "政务公开条数" else rnd.randint(0, 40)
            s.add(ReportFigure(report_id=report.id, unit_id=u.id, field=f["name"], value=float(value), source="报表",
                               source_file=f"{u.name}-{year}年度法治政府建设数据表.xlsx"))
            given[u.id] = given.get(u.id, 0) + 1
    for uid, n in given.items():
        name = next(x.name for x in units.values() if x.id == uid)
        file_name = f"{name}-{year}年度法治政府建设数据表.xlsx"
        s.add(FigureReturn(report_id=report.id, unit_id=uid, file_name=file_name,
                           file_hash=hashlib.sha256(file_name.encode()).hexdigest(), reported_by="",
                           imported_at=datetime.combine(date(year, 11, 30), datetime.min.time()), accepted=n))
    s.flush()
