"""The demo county's tracked year (clock at 1 December 2026) with the report's settings a county
fills in once, and the report service drafting on 20 February 2027."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.context import AppContext
from tests.pg import backend_paths
from tests.unit.tracking.conftest import tracked_context

DRAFTED_ON = date(2027, 2, 20)


@dataclass
class Reported:
    ctx: AppContext
    plan_id: int

    @property
    def reports(self):
        return self.ctx.services.reports


def reported_context(path, paths=None) -> Reported:
    t = tracked_context(path, paths)
    ctx = t.ctx
    for key, value in (("county_name", "示例县"), ("report_superior", "中共示例市委、示例市人民政府"),
                       ("report_joint_cc", "示例市委全面依法治市委员会办公室")):
        ctx.set_setting(key, value)
    ctx.services.__dict__["tracking"] = t.service  # the tracked year's clock
    ctx.services.reports.clock = lambda: DRAFTED_ON
    return Reported(ctx, t.plan_id)


@pytest.fixture
def reported(request, tmp_path, backend) -> Reported:
    r = reported_context(tmp_path / "report.sqlite3", backend_paths(request, tmp_path, backend))
    yield r
    r.ctx.close()


@pytest.fixture
def drafted(reported) -> Reported:
    rs = reported.reports
    rs.apply_draft(reported.plan_id, rs.preview_draft(reported.plan_id))
    return reported
