"""Drafts every section of the report from the year's facts, in the register of such reports.
Each section is text the clerk then edits: one paragraph a line, figures as {名称} fields."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.reports import template as T
from app.services.reports.figure_fields import FigureField, FigureTotals
from app.services.reports.phrasing import (
    TO_FILL,
    evidence_clause,
    join_clauses,
    ordinal,
    paragraph,
    sentence,
    units_clause,
)
from app.services.reports.year_facts import TaskFact, YearFacts
from app.services.tracking.policy import CLOSED, cn_date

DUTY_WORDS = ("第一责任人", "述法", "党政主要负责人")
DUTY_FIELDS = ("会前学法次数", "法治专题讲座", "常务会法治议题")
RHYTHM_WORDS = {"monthly": "按月", "quarterly": "按季度", "half-year": "每半年", "year-end": "年终"}


@dataclass(frozen=True)
class DraftSection:
    key: str
    heading: str
    text: str


def field_phrases(fields: list[FigureField], figures: FigureTotals, names: tuple[str, ...] | None = None) -> str:
    """“县政府常务会议会前学法{会前学法次数}次，办理行政复议案件{行政复议案件}件”: the fields
    that have a total (in `names` when given)."""
    out = []
    for f in fields:
        if not f.phrase or "{}" not in f.phrase or figures.value(f.name) is None:
            continue
        if names is not None and f.name not in names:
            continue
        out.append(f.phrase.replace("{}", "{" + f.name + "}"))
    return "，".join(out)


def task_paragraph(i: int, t: TaskFact) -> str:
    units = units_clause(t.lead, t.support)
    if not t.status:
        return paragraph(f"{ordinal(i)}{t.title}", join_clauses(units, TO_FILL + "（牵头单位未报送进展）"))
    progress = sentence(t.progress)
    if t.status == "长期推进":
        progress = progress if progress.startswith("持续") else f"持续推进，{progress}"
    elif t.status == "推进中" and t.percent is not None and f"{t.percent}%" not in progress:
        progress = f"{progress}（完成{t.percent}%）"
    closed = t.closure.evidence if t.status == CLOSED and t.closure is not None else ""
    evidence = evidence_clause(closed) or evidence_clause(t.evidence)
    return paragraph(f"{ordinal(i)}{t.title}", join_clauses(units, progress, evidence))


def measures_sections(facts: YearFacts) -> list[DraftSection]:
    out = []
    for part in facts.parts:
        tasks = facts.tasks_of(part.id)
        if not tasks:
            continue
        text = "\n".join(task_paragraph(i, t) for i, t in enumerate(tasks, start=1))
        out.append(DraftSection(T.measures_key(part.id), part.heading.rstrip("。"), text))
    return out


def opening(facts: YearFacts, county: str, fields: list[FigureField], figures: FigureTotals) -> str:
    n = len(facts.tasks)
    done = sum(t.done for t in facts.tasks)
    long_term = sum(t.status == "长期推进" for t in facts.tasks)
    tally = f"确定的{n}项重点任务中，{done}项已完成" + (f"、{long_term}项长期推进" if long_term else "")
    figures_text = field_phrases(fields, figures)
    lines = [f"{facts.year}年，{county}深入学习贯彻习近平法治思想，认真落实《{facts.plan_title}》，{tally}，"
             "法治政府建设取得新进展。" + (f"全年{figures_text}。" if figures_text else "")
             + "现将有关情况报告如下："]
    return "\n".join(lines)


def shortcomings(facts: YearFacts) -> str:
    items: list[tuple[str, str]] = []
    late = [t for t in facts.tasks if t.overdue]
    if late:
        what = "；".join(f"第{t.serial}项“{t.title}”（{'、'.join(t.lead) or '牵头单位未明确'}牵头）完成时限为"
                        f"{t.deadline_text or cn_date(t.effective_deadline)}，目前"
                        + (f"完成{t.percent}%" if t.percent is not None else "尚未完成") for t in late)
        reasons = "；".join(dict.fromkeys(sentence(t.problems) for t in late if t.problems.strip()))
        items.append(("部分任务未按期完成", f"{what}。主要原因是{reasons or TO_FILL}"))
    extended = [t for t in facts.tasks if t.extension is not None and t.extension.decision == "同意" and not t.done]
    if extended:
        what = "；".join(f"第{t.serial}项“{t.title}”因{sentence(t.extension.reason) or TO_FILL}，经批准延期至"
                        f"{cn_date(t.extension.approved_deadline or t.extension.requested_deadline)}"
                        for t in extended)
        items.append(("个别任务延期完成", what))
    stopped = [t for t in facts.tasks if t.status == "中止"]
    if stopped:
        what = "；".join(f"第{t.serial}项“{t.title}”已中止，原因是{sentence(t.problems) or TO_FILL}" for t in stopped)
        items.append(("个别任务中止实施", what))
    if not items:
        return f"对照年度工作要点，各项重点任务总体按计划推进，但仍存在{TO_FILL}。"
    return "\n".join(paragraph(f"{ordinal(i)}{head}", body) for i, (head, body) in enumerate(items, start=1))


def duty(facts: YearFacts, county: str, fields: list[FigureField], figures: FigureTotals) -> str:
    tasks = [t for t in facts.tasks if any(w in t.title + t.text for w in DUTY_WORDS)]
    lines = [f"{county}党政主要负责人认真履行推进法治建设第一责任人职责，把法治政府建设摆在全局工作的突出位置，"
             "定期研究解决法治政府建设中的重大问题。"
             + (f"全年{f}。" if (f := field_phrases(fields, figures, DUTY_FIELDS)) else "")]
    lines += [task_paragraph(i, t) for i, t in enumerate(tasks, start=1)]
    if not tasks:
        lines.append(TO_FILL)
    return "\n".join(lines)


def next_year(facts: YearFacts) -> str:
    following = facts.year + 1
    if facts.next_plan is not None and facts.next_plan.parts:
        lines = [f"{following}年，我县将以《{facts.next_plan.title}》为抓手，重点做好以下工作："]
        for i, (heading, titles) in enumerate(facts.next_plan.parts, start=1):
            lines.append(paragraph(f"{ordinal(i)}{heading}", f"重点抓好{'、'.join(titles[:4])}等工作"))
        return "\n".join(lines)
    unfinished = [t.title for t in facts.tasks if not t.done and t.status not in ("长期推进", "中止")]
    lines = [f"{following}年，我县将继续深入学习贯彻习近平法治思想，重点做好以下工作："]
    if unfinished:
        lines.append(paragraph(f"一是抓好{facts.year}年未完成任务的落实", f"重点推进{'、'.join(unfinished[:5])}等工作"))
    lines.append(paragraph(f"{'二' if unfinished else '一'}是{TO_FILL}", ""))
    return "\n".join(lines)


def other(facts: YearFacts, rhythm: str) -> str:
    how = RHYTHM_WORDS.get(rhythm, "定期")
    text = (f"{facts.year}年，县委依法治县办{how}调度重点任务推进情况，"
            f"收回各单位进展情况报表{facts.forms_returned}份")
    text += f"，印发督查通报{facts.bulletins}期。" if facts.bulletins else "。"
    text += f"本报告将于{facts.year + 1}年4月1日前通过政府网站向社会公开。"
    return text


def draft_all(facts: YearFacts, county: str, fields: list[FigureField], figures: FigureTotals,
              rhythm: str = "monthly") -> list[DraftSection]:
    return [DraftSection(T.OPENING, "", opening(facts, county, fields, figures)),
            *measures_sections(facts),
            DraftSection(T.SHORTCOMINGS, T.PART_NAMES[T.SHORTCOMINGS], shortcomings(facts)),
            DraftSection(T.DUTY, T.PART_NAMES[T.DUTY], duty(facts, county, fields, figures)),
            DraftSection(T.NEXT_YEAR, f"{facts.year + 1}年主要安排", next_year(facts)),
            DraftSection(T.OTHER, T.PART_NAMES[T.OTHER], other(facts, rhythm))]
