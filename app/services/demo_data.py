"""The fictional 示例县's units, issuer, 2026 plan and notice, loaded when the database is empty."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Issuer, Notice, NoticeIssuer, Plan, Unit, UnitAlias
from app.models.database import session_scope
from app.services.deadlines import deadline_date
from app.services.plan_snapshot import load_plan


def demo_files(samples_dir: Path) -> tuple[Path, Path]:
    return samples_dir / "demo_units.json", samples_dir / "demo_plan.json"


def load_demo_if_empty(session_factory: sessionmaker[Session], samples_dir: Path,
                       today: date | None = None) -> int | None:
    """Returns the demo plan's id when it was loaded, None when the database already had plans.
    The write lock is taken before looking, so two programs starting on a new file load it once."""
    with session_scope(session_factory, immediate=True) as s:
        if s.scalar(select(func.count()).select_from(Plan)) or s.scalar(select(func.count()).select_from(Unit)):
            return None
        return load_demo(s, samples_dir, today)


def load_demo(s: Session, samples_dir: Path, today: date | None = None) -> int:
    """The demo county; its 督办台账 runs up to `today` (or the demo year's end)."""
    units_file, plan_file = demo_files(samples_dir)
    units = json.loads(units_file.read_text(encoding="utf-8"))["units"]
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    ids: dict[str, int] = {}
    for pos, u in enumerate(units, start=1):
        unit = Unit(name=u["name"], short_name=u.get("short_name", ""), category=u.get("category", "其他"),
                    sort_order=pos * 10)
        unit.aliases = [UnitAlias(alias=a) for a in u.get("aliases", [])]
        s.add(unit)
        s.flush()
        ids[unit.name] = unit.id
    iss = data["issuer"]
    issuer = Issuer(name=iss["name"], header_text=iss["header_text"], prefix=iss["prefix"])
    s.add(issuer)
    snapshot = {
        "plan": {"title": data["title"], "kind": data["kind"], "year": data["year"],
                 "issuer_text": iss["name"], "preamble": data.get("preamble", ""),
                 "closing": data.get("closing", "")},
        "nodes": [_node(n, ids, data["year"]) for n in data["nodes"]],
    }
    plan = load_plan(s, snapshot)
    n = data.get("notice")
    if n:
        notice = Notice(
            plan_id=plan.id, doc_prefix=iss["prefix"], doc_year=data["year"], doc_serial=n["serial"],
            title=n["title"], recipients=n["recipients"], body="\n".join(n["body"]),
            attachments=json.dumps([{"kind": "plan", "title": data["title"]},
                                    {"kind": "division", "title": "重点任务分工表"}], ensure_ascii=False),
            sign_date=date.fromisoformat(n["sign_date"]), note=n.get("note", ""), cc=n.get("cc", ""),
            printed_by=n.get("printed_by", iss["name"]),
            print_date=date.fromisoformat(n.get("print_date", n["sign_date"])),
        )
        notice.issuers = [NoticeIssuer(issuer=issuer, position=0)]
        s.add(notice)
        s.flush()
        notice.lineage_id = notice.id
    s.flush()
    from app.services.tracking.demo import load_demo_tracking  # only when the demo is loaded

    load_demo_tracking(s, plan.id, today or date.today())
    from app.services.reports.demo import load_demo_report

    load_demo_report(s, plan.id, data["year"])
    return plan.id


def _node(n: dict, ids: dict[str, int], year: int) -> dict:
    out = {k: n[k] for k in ("heading", "text", "deadline_text", "responsible_person") if k in n}
    dl = deadline_date(out.get("deadline_text", ""), year)
    out["deadline"] = dl.isoformat() if dl else None
    out["is_task"] = bool(n.get("is_task"))
    out["assignments"] = [{"unit_id": ids[name], "role": "lead"} for name in n.get("lead", [])] + [
        {"unit_id": ids[name], "role": "support"} for name in n.get("support", [])
    ]
    out["children"] = [_node(c, ids, year) for c in n.get("children", [])]
    return out
