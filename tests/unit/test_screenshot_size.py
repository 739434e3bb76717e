"""`screenshot DIR --size WxH`: the size is read in Chinese terms and the offscreen screen matches it."""

import json
import os

import pytest

from app.commands.screenshot import offscreen_screen, parse_size
from app.services.errors import DomainError


def test_sizes():
    assert parse_size("1024x700") == (1024, 700)
    assert parse_size("1366×768") == (1366, 768)
    for bad in ("1024", "大x小", "10x10"):
        with pytest.raises(DomainError):
            parse_size(bad)


def test_the_offscreen_screen_has_the_size_asked_for(tmp_path, monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    offscreen_screen(tmp_path, (1366, 768))
    assert os.environ["QT_QPA_PLATFORM"] == f"offscreen:configfile={tmp_path / 'screen.json'}"
    (screen,) = json.loads((tmp_path / "screen.json").read_text(encoding="utf-8"))["screens"]
    assert (screen["width"], screen["height"]) == (1366, 768)
