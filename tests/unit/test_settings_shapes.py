"""Settings of the wrong shape (a list where the font files' mapping belongs) fall back to their
defaults with a Chinese sentence, are refused on save, and fail selftest's settings check."""

import json

import pytest

from app.models import Setting
from app.models.database import session_scope
from app.services.errors import ValidationError
from app.services.selftest import SelftestInput
from app.services.selftest import settings as settings_check


def test_wrong_shapes_fall_back_and_are_named(empty_ctx):
    with session_scope(empty_ctx.session_factory) as s:
        s.merge(Setting(key="font_paths", value=json.dumps(["/x/simfang.ttf"])))
        s.merge(Setting(key="print_mode", value=json.dumps("rainbow")))
        s.merge(Setting(key="last_plan_id", value="{not json"))
    service = empty_ctx.services.settings
    loaded = service.load()
    assert loaded.font_paths == {} and loaded.print_mode == "color" and loaded.last_plan_id is None
    assert any("字体文件" in p and "对应表" in p for p in service.problems)
    assert len(service.problems) == 3
    result = settings_check(SelftestInput(empty_ctx.session_factory, empty_ctx.engine, empty_ctx.resources))
    assert not result.ok and "字体文件" in result.detail
    empty_ctx.document_service()  # renders with the defaults instead of failing


def test_a_wrong_shape_is_refused_on_save(empty_ctx):
    with pytest.raises(ValidationError, match="字体文件"):
        empty_ctx.set_setting("font_paths", ["a.ttf"])
    assert empty_ctx.settings.font_paths == {}


def test_every_setting_has_a_chinese_label_and_a_shape_check():
    from dataclasses import fields

    from app.services.settings import LABELS, Settings, shape_problem

    for f in fields(Settings):
        default = getattr(Settings(), f.name)
        assert shape_problem(f.name, default) == "", f.name  # every default passes its own check
        assert shape_problem(f.name, object()) != "", f.name  # and something else never does
        assert LABELS[f.name] and all(ord(c) > 127 for c in LABELS[f.name]), f.name
