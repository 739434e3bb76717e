"""The words of a 催报 (reminder to units that have not reported) and a 督办通知 (tasks behind or
overdue), from one Summary. Plain paragraphs; numbering and punctuation as the format checker wants."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.services.dates import format_cn_date
from app.services.errors import ValidationError
from app.services.numbering import to_chinese
from app.services.tracking.policy import RED, YELLOW
from app.services.tracking.stats import Summary

REPLY_DAYS = 3  # the reminder's new deadline: three days after it is signed
FIX_DAYS = 10  # the 督办通知's deadline for a written answer


@dataclass
class NoticeText:
    title: str
    recipients: str
    paragraphs: list[str]
    attachments: list[dict] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def _names(names: list[str]) -> str:
    return "、".join(dict.fromkeys(names))


def reminder_text(summary: Summary, office: str, signed: date) -> NoticeText:
    led = summary.ledger
    if not summary.missing:
        raise ValidationError(f"{led.period.label}各牵头单位均已报送，无需催报。")
    late = led.period_closed
    reply = signed + timedelta(days=REPLY_DAYS)
    paras = [
        f"根据《{led.plan_title}》和督办工作安排，各牵头单位应于{format_cn_date(led.period.due)}前报送"
        f"{led.period.label}重点任务推进情况。截至{format_cn_date(min(signed, led.today))}，以下单位"
        f"{'逾期' if late else '尚'}未报送，现予催报：",
    ]
    for i, m in enumerate(summary.missing, start=1):
        tasks = "、".join(f"第{r.task.serial}项“{r.task.title}”" for r in m.rows)
        paras.append(f"{i}．{m.unit_name}：{tasks}。")
    paras.append(f"请上述单位于{format_cn_date(reply)}前，在下发的进展情况报表上如实填写本期进展，经单位负责人审核后"
                 f"报送{office}。无变化的事项保持原填报内容即可，不必重复填写。逾期仍未报送的，将在督查通报中予以通报。")
    return NoticeText(f"关于催报{led.period.label}法治政府建设重点任务推进情况的通知",
                      _names([m.unit_name for m in summary.missing]) + "：", paras)


def supervision_text(summary: Summary, office: str, signed: date) -> NoticeText:
    led = summary.ledger
    rows = summary.lagging
    if not rows:
        raise ValidationError(f"截至{format_cn_date(led.as_of)}没有亮红灯或黄灯的任务，无需督办。")
    reds = sum(r.light.color == RED for r in rows)
    yellows = sum(r.light.color == YELLOW for r in rows)
    paras = [
        f"根据《{led.plan_title}》和督办工作安排，{office}对截至{format_cn_date(led.as_of)}的重点任务推进情况进行了督查。"
        f"经督查，以下{len(rows)}项任务进度滞后或临近完成时限（红灯{reds}项、黄灯{yellows}项），现予督办：",
    ]
    for i, r in enumerate(rows, start=1):
        leads = _names([x.unit_name for x in led.rows if x.task is r.task and x.role == "lead"])
        paras.append(f"（{to_chinese(i)}）第{r.task.serial}项“{r.task.title}”（牵头单位：{leads}，"
                     f"完成时限：{r.task.deadline_text or '未定'}）。{r.light.explain()}。")
    answer = signed + timedelta(days=FIX_DAYS)
    paras.append(f"请相关牵头单位认真分析原因，制定整改措施，明确完成时间，于{format_cn_date(answer)}前将整改落实情况"
                 f"以单位名义书面报送{office}（一事一文，加盖单位公章）。确因客观原因不能按期完成的，"
                 "应在完成时限前提出延期申请，说明原因和预计完成时间。")
    leads = _names([x.unit_name for r in rows for x in led.rows if x.task is r.task and x.role == "lead"])
    return NoticeText(f"关于对{led.period.label}进度滞后重点任务进行督办的通知", leads + "：", paras)
