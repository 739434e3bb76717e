"""Fixtures for the importer's tests: the real samples and imported results, cached per session
(the pipeline is pure, so sharing a result between read-only tests is safe)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.importing import import_file

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
SAMPLE_FILES = {
    "xinjiang": SAMPLES / "xinjiang-2022-gongzuo-yaodian.txt",
    "qijiang": SAMPLES / "qijiang-2021-2025-shishi-fangan.txt",
    "alashan": SAMPLES / "alashan-kaifaqu-2019-shishi-fangan.txt",
    "changji": SAMPLES / "changji-2015-shishi-fangan.txt",
}
_CACHE: dict[str, object] = {}


@pytest.fixture(scope="session")
def sample():
    def get(name: str):
        if name not in _CACHE:
            _CACHE[name] = import_file(SAMPLE_FILES[name])
        return _CACHE[name]

    return get
