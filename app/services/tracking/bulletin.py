"""The periodic 通报: totals and percentages by status and light, lagging tasks named by number and
unit, units praised for finishing early, units that did not report, and what comes next; with the
charts (附件1) and the table (附件2), both frozen into the notice when it is drafted."""

from __future__ import annotations

from datetime import date

from app.services.dates import format_cn_date
from app.services.numbering import to_chinese
from app.services.tracking.charts import part_chart, unit_chart
from app.services.tracking.chase_texts import NoticeText
from app.services.tracking.policy import GREEN, GREY, RED, YELLOW
from app.services.tracking.stats import NOT_REPORTED, Summary, pct

TABLE_COLUMNS = (("序号", 12, "center"), ("重点任务", 52, "justify"), ("牵头单位", 30, "left"),
                 ("完成时限", 27, "center"), ("状态", 22, "center"), ("进度", 15, "center"),
                 ("灯", 10, "center"), ("说明", 57, "justify"))  # 225 mm: the landscape type area
CHART_TITLE, TABLE_TITLE = "重点任务推进情况统计图", "重点任务推进情况表"


def _status_sentence(s: Summary) -> str:
    order = ("推进中", "长期推进", "申请延期", "未启动", "中止", NOT_REPORTED)
    parts = [_share(k, s.by_status[k], s.tasks) for k in order if s.by_status.get(k)]
    return "；".join(parts)


def _share(what: str, n: int, total: int) -> str:
    return f"{what}{n}项（占{pct(n, total)}%）"


def bulletin_text(s: Summary, office: str, signed: date, recipients: str) -> NoticeText:
    led = s.ledger
    paras = [f"根据《{led.plan_title}》和督办工作安排，{office}对截至{format_cn_date(led.as_of)}的重点任务推进情况"
             "进行了督查。现将有关情况通报如下："]
    sections: list[tuple[str, list[str]]] = []
    lights = "，".join(_share(f"{c}灯", s.by_light[c], s.tasks) for c in (RED, YELLOW, GREEN, GREY) if s.by_light[c])
    overall = (f"《{led.plan_title}》共确定重点任务{s.tasks}项。截至{format_cn_date(led.as_of)}，已完成（含已销号）"
               f"{s.done}项，占{s.done_pct}%；{_status_sentence(s)}。按亮灯规则，{lights}；"
               f"已超过完成时限仍未完成的{s.overdue}项。")
    reported = (f"{led.period.label}应报送进展的牵头单位{s.expected_units}个，已报送{s.reported_units}个，"
                f"报送率{pct(s.reported_units, s.expected_units)}%。")
    sections.append(("总体情况", [overall, reported]))
    if s.praised:
        praise = [f"{r.unit_name}牵头的第{r.task.serial}项“{r.task.title}”在完成时限前提前完成" for r in s.praised]
        sections.append(("提前完成的任务", ["；".join(praise) + "，予以通报表扬。"]))
    if s.lagging:
        lines = []
        for i, r in enumerate(s.lagging, start=1):
            leads = "、".join(dict.fromkeys(x.unit_name for x in led.rows if x.task is r.task and x.role == "lead"))
            lines.append(f"{i}．第{r.task.serial}项“{r.task.title}”（{leads}，{r.light.color}灯）：{r.light.explain()}。")
        sections.append(("进度滞后的任务", lines))
    if s.missing and led.period_closed:
        names = "、".join(m.unit_name for m in s.missing)
        sections.append(("未按时报送的单位",
                         [f"{names}未在{format_cn_date(led.period.due)}前报送{led.period.label}推进情况，予以通报批评。"]))
    sections.append(("下一步工作要求", [
        "各牵头单位要对照完成时限和序时进度，逐项梳理本单位承担的重点任务，红灯、黄灯任务要分析原因、制定措施，"
        "确保按期完成；配合单位要主动对接，按分工提供支持。",
        "各单位要按时报送进展情况报表，如实填写，无变化的事项保持原填报内容即可。确需延期的，应在完成时限前提出申请，"
        "说明原因和预计完成时间；已完成的任务及时提交佐证材料申请销号。",
    ]))
    for i, (head, lines) in enumerate(sections, start=1):
        paras.append(f"{to_chinese(i)}、{head}")
        paras += lines
    charts = [part_chart(s).to_dict(), unit_chart(s).to_dict()]
    attachments = [
        {"kind": "tracking-figures", "title": CHART_TITLE, "charts": charts},
        {"kind": "tracking-table", "title": TABLE_TITLE, "columns": [list(c) for c in TABLE_COLUMNS],
         "rows": table_rows(s)},
    ]
    return NoticeText(f"关于{led.period.label}全县法治政府建设重点任务推进情况的通报", recipients, paras, attachments)


def table_rows(s: Summary) -> list[list[str]]:
    led = s.ledger
    out: list[list[str]] = []
    part = None
    for r in led.task_rows():
        if r.task.part_name != part:
            part = r.task.part_name
            if part:
                out.append([part])
        v = r.last.values if r.last else None
        leads = "、".join(dict.fromkeys(x.unit_name for x in led.rows if x.task is r.task and x.role == "lead"))
        out.append([str(r.task.serial), r.task.title, leads, r.task.deadline_text or "—", r.status_text or NOT_REPORTED,
                    f"{v.percent}%" if v and v.percent is not None else "—", r.light.color, r.light.explain()])
    return out
