"""A county plan written from the 自治区 2022 工作要点 (paraphrased, merged, split, items dropped,
county-only tasks added) in an empty database, with the 自治区 document as its 上级文件."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.context import AppContext, open_context
from app.paths import resolve_paths
from tests.pg import backend_paths

DATA = Path(__file__).resolve().parents[2] / "data"
PAIRS = json.loads((DATA / "coverage" / "pairs.json").read_text(encoding="utf-8"))
SUPERIOR_FILE = DATA / PAIRS["superior"]
COUNTY_FILE = DATA / PAIRS["county"]


@dataclass
class Checked:
    ctx: AppContext
    plan_id: int

    @property
    def service(self):
        return self.ctx.services.coverage


def county_context(path: Path, with_superior: bool = True, paths=None) -> Checked:
    ctx = open_context(paths or resolve_paths(path))
    imports = ctx.services.imports
    report = imports.store(imports.analyse(COUNTY_FILE))
    checked = Checked(ctx, report.plan_id)
    if with_superior:
        checked.service.import_superior(report.plan_id, SUPERIOR_FILE)
    return checked


@pytest.fixture
def checked(request, tmp_path, backend) -> Checked:
    c = county_context(tmp_path / "county.sqlite3", paths=backend_paths(request, tmp_path, backend))
    yield c
    c.ctx.close()
