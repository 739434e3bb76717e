"""CoverageService: the county plan against its superior's document or an indicator system —
suggestions, the clerk's decisions, and county tasks made from uncovered items."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.models import Plan
from app.models.database import session_scope
from app.services import audit
from app.services.coverage import links as L
from app.services.coverage.dto import (
    DRAFTED,
    INDICATOR,
    NOT_APPLICABLE,
    REJECTED,
    SUPERIOR,
    Coverage,
    CoverageRow,
    LinkState,
    Note,
    Target,
)
from app.services.coverage.indicators import IndicatorService
from app.services.coverage.matching import TextMatcher
from app.services.coverage.targets import county_tasks, superior_targets
from app.services.coverage.wording import Adapted, adapt
from app.services.dto import PlanDTO
from app.services.errors import NotFoundError, ValidationError
from app.services.plans import PlanService


@dataclass
class SuperiorImport:
    plan_id: int
    superior_id: int
    previous_id: int | None
    report: object  # the importer's StoreReport: undo removes exactly what it added
    tasks: int
    warnings: list[str]


@dataclass(frozen=True)
class DraftedTask:
    node_id: int
    target: Target
    heading: Adapted
    text: Adapted


class CoverageService:
    def __init__(self, session_factory: sessionmaker[Session], plans: PlanService, imports: Callable[[], object]):
        self._sf = session_factory
        self.plans = plans
        self._imports = imports  # the importer is built on first use (its tables take a while to load)
        self.indicators = IndicatorService(session_factory)
        self._last_matcher: tuple[tuple, TextMatcher] | None = None  # for the texts asked about last

    def _matcher(self, targets: list[str], candidates: list[str]) -> TextMatcher:
        """The matcher for these texts: built once while they stay the same (every decision on the
        对照 page asks for the whole check again; building it is most of that time)."""
        key = (tuple(targets), tuple(candidates))
        last = self._last_matcher
        if last is None or last[0] != key:
            last = self._last_matcher = (key, TextMatcher(targets, candidates))
        return last[1]

    # ---- the superior's document ---------------------------------------------------------
    def superior_of(self, plan_id: int) -> PlanDTO | None:
        with session_scope(self._sf) as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFoundError("找不到该工作要点，可能已被删除。")
            sid = plan.superior_plan_id
        return self.plans.get_plan(sid) if sid is not None else None

    def superior_file(self, plan_id: int) -> str:
        """The file name the plan's 上级文件 was imported from ("" when none)."""
        with session_scope(self._sf) as s:
            plan = s.get(Plan, plan_id)
            sup = s.get(Plan, plan.superior_plan_id) if plan is not None and plan.superior_plan_id else None
            return sup.source_file if sup is not None else ""

    def set_superior(self, plan_id: int, superior_id: int | None) -> int | None:
        """Sets the plan's 上级文件 (None: none); returns the one before."""
        if superior_id == plan_id:
            raise ValidationError("上级文件不能是工作要点本身。")
        with session_scope(self._sf) as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFoundError("找不到该工作要点，可能已被删除。")
            if superior_id is not None and s.get(Plan, superior_id) is None:
                raise NotFoundError("找不到作为上级文件的工作要点，可能已被删除。")
            before, plan.superior_plan_id = plan.superior_plan_id, superior_id
            audit.record(s, "plan", plan_id, "superior", str(superior_id))
            return before

    def import_superior(self, plan_id: int, path: Path, progress=None, is_cancelled=None) -> SuperiorImport:
        """Reads the superior's document with the importer and stores it as the plan's 上级文件:
        its tasks only, no units (the superior's 厅局 are not the county's) and no notice."""
        from app.services.importing import SKIP_UNIT

        self.plans.get_plan(plan_id)  # an unknown plan is refused before the file is read
        imports = self._imports()
        result = imports.analyse(Path(path), progress, is_cancelled)
        if not result.tasks:
            raise ValidationError(f"“{Path(path).name}”中找不到重点任务，不能作为上级文件。")
        skip = {name: SKIP_UNIT for name in result.printed_units()}
        report = imports.store(result, unit_choices=skip, source_file=Path(path).name, keep_notice=False)
        previous = self.set_superior(plan_id, report.plan_id)
        return SuperiorImport(plan_id, report.plan_id, previous, report, len(result.tasks), list(result.warnings))

    def undo_import_superior(self, done: SuperiorImport) -> None:
        self.set_superior(done.plan_id, done.previous_id)
        self._imports().remove(done.report)

    # ---- the check -----------------------------------------------------------------------
    def targets(self, plan_id: int, system_id: int | None = None) -> tuple[str, int, str, list[Target]]:
        """(kind, source id, source title, targets): the superior's tasks, or the indicators."""
        if system_id is not None:
            system = self.indicators.system(system_id)
            return INDICATOR, system.id, system.name, self.indicators.targets(system_id)
        sup = self.superior_of(plan_id)
        if sup is None:
            raise NotFoundError("该工作要点还没有上级文件：请先导入上级的工作要点。")
        return SUPERIOR, sup.id, sup.title, superior_targets(self.plans.tree(sup.id))

    def coverage(self, plan_id: int, system_id: int | None = None, suggest: bool = True) -> Coverage:
        plan = self.plans.get_plan(plan_id)
        kind, source_id, source_title, targets = self.targets(plan_id, system_id)
        tasks = county_tasks(self.plans.tree(plan_id))
        by_node = {t.node_id: t for t in tasks}
        with session_scope(self._sf) as s:
            links = L.load_links(s, plan_id, kind)
            notes = L.load_notes(s, plan_id, kind)
        rows = []
        matcher = self._matcher([t.text for t in targets], [t.text for t in tasks]) if suggest and tasks else None
        index = {t.node_id: k for k, t in enumerate(tasks)}
        for i, target in enumerate(targets):
            row = CoverageRow(target, note=notes.get(target.id))
            decided = set()
            for node_id, state, _score in links.get(target.id, []):
                decided.add(node_id)
                if state != REJECTED and node_id in by_node:
                    row.linked.append(by_node[node_id])
                    if state == DRAFTED:
                        row.drafted.add(node_id)
            if matcher is not None and row.status != NOT_APPLICABLE:
                skip = frozenset(index[n] for n in decided if n in index)
                row.suggestions = [(tasks[s.candidate], s.score) for s in matcher.suggest(i, exclude=skip)]
            rows.append(row)
        return Coverage(plan_id, plan.title, kind, source_id, source_title, rows, tasks)

    # ---- decisions (each returns what undo needs) --------------------------------------------
    def set_link(self, plan_id: int, node_id: int, kind: str, target_id: int, state: str | None,
                 score: float | None = None) -> LinkState:
        with session_scope(self._sf) as s:
            before = L.set_link(s, plan_id, node_id, kind, target_id, state, score)
            audit.record(s, "coverage_link", node_id, state or "remove", f"{kind}:{target_id}")
            return before

    def restore_link(self, plan_id: int, before: LinkState) -> None:
        with session_scope(self._sf) as s:
            L.set_link(s, plan_id, before.node_id, before.kind, before.target_id, before.state, before.score)

    def set_note(self, plan_id: int, kind: str, target_id: int, not_applicable: bool, text: str) -> Note | None:
        if not_applicable and not (text or "").strip():
            raise ValidationError("标记“不适用”时请写明理由（如：县级无立法权）。")
        with session_scope(self._sf) as s:
            before = L.set_note(s, plan_id, kind, target_id, not_applicable, text)
            audit.record(s, "coverage_note", target_id, "不适用" if not_applicable else "说明", f"{kind}")
            return before

    def restore_note(self, plan_id: int, kind: str, target_id: int, before: Note | None) -> None:
        with session_scope(self._sf) as s:
            L.set_note(s, plan_id, kind, target_id, before.not_applicable if before else False,
                       before.text if before else "")

    # ---- a county task from an uncovered item -------------------------------------------------
    def draft_task(self, plan_id: int, target: Target, coverage: Coverage | None = None) -> DraftedTask:
        """Adds a county task with the item's text, 上级 wording turned to the county's, under the
        county part where the item's neighbours went; linked as 新建待核 until the clerk confirms."""
        coverage = coverage or self.coverage(plan_id, None if target.kind == SUPERIOR else self._system_of(target))
        part_id = self._part_for(target, coverage)
        title, rest = _split_title(target.text, target.title)
        heading, text = adapt(title), adapt(rest)
        node_id = self.plans.add_node(plan_id, part_id, None, heading=heading.text, text=text.text, is_task=True)
        self.set_link(plan_id, node_id, target.kind, target.id, DRAFTED)
        return DraftedTask(node_id, target, heading, text)

    def remove_drafted(self, drafted: DraftedTask) -> None:
        self.plans.delete_node(drafted.node_id)  # the link goes with the node

    def _system_of(self, target: Target) -> int:
        from app.models import Indicator

        with session_scope(self._sf) as s:
            row = s.get(Indicator, target.id)
            if row is None:
                raise NotFoundError("找不到该指标，可能已被删除。")
            return row.system_id

    def _part_for(self, target: Target, coverage: Coverage) -> int | None:
        neighbours = Counter(t.part_id for r in coverage.rows if r.target.path == target.path
                             for t in r.linked if t.part_id is not None)
        if neighbours:
            return neighbours.most_common(1)[0][0]
        parts = {t.part_id: t.part for t in coverage.tasks if t.part_id is not None}
        if parts and target.path:
            ids = list(parts)
            best = TextMatcher([target.path], [parts[p] for p in ids]).suggest(0, top=1, min_score=30)
            if best:
                return ids[best[0].candidate]
        roots = self.plans.tree(coverage.plan_id)
        return roots[-1].id if roots and not roots[-1].is_task else None


def _split_title(text: str, title: str) -> tuple[str, str]:
    """The item's heading sentence and the rest (a task printed as “标题。正文”)."""
    t = text.strip()
    if title and t.startswith(title):
        return title, t[len(title):].lstrip("。；;：: ")
    return title or t[:60], t
