"""Settings declared once, typed, stored in the database so a backup carries them."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, fields

from sqlalchemy.orm import Session, sessionmaker

from app.models import Setting
from app.models.database import session_scope
from app.services.errors import ValidationError

log = logging.getLogger(__name__)


@dataclass
class Settings:
    county_name: str = "示例县"
    default_issuer_id: int | None = None
    print_mode: str = "color"  # color | overlay (套红) | mono
    font_paths: dict[str, str] = field(default_factory=dict)  # role → file chosen by the clerk
    last_plan_id: int | None = None
    recent_files: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    demo_loaded: bool = False


_FIELD_NAMES = {f.name for f in fields(Settings)}
LABELS = {"county_name": "县名", "default_issuer_id": "默认发文机关", "print_mode": "印制方式",
          "font_paths": "字体文件", "last_plan_id": "上次打开的工作要点", "recent_files": "最近打开的文件",
          "window_geometry": "窗口位置", "demo_loaded": "示例数据"}
_SHAPE_WORDS = {"county_name": "文字", "default_issuer_id": "编号", "print_mode": "color、overlay 或 mono",
                "font_paths": "“字体角色 → 文件路径”的对应表", "last_plan_id": "编号", "recent_files": "文件路径的列表",
                "window_geometry": "文字", "demo_loaded": "是或否"}


def _optional_id(v) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and v > 0)


_VALID = {
    "county_name": lambda v: isinstance(v, str),
    "default_issuer_id": _optional_id,
    "print_mode": lambda v: v in ("color", "overlay", "mono"),
    "font_paths": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
    "last_plan_id": _optional_id,
    "recent_files": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "window_geometry": lambda v: isinstance(v, str),
    "demo_loaded": lambda v: isinstance(v, bool),
}


def shape_problem(key: str, value) -> str:
    """"" when the value has the shape of its setting; else a Chinese sentence saying what was wanted."""
    if _VALID[key](value):
        return ""
    return f"设置“{LABELS[key]}”的值格式不正确（应为{_SHAPE_WORDS[key]}）"


class SettingsService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory
        self.problems: list[str] = []  # values found damaged or of the wrong shape at the last load

    def load(self) -> Settings:
        """Every stored value of the right shape; a damaged or wrong-shaped one (a list where the font
        files' mapping belongs) falls back to its default and is named in `problems`."""
        with session_scope(self._sf) as s:
            stored = {row.key: row.value for row in s.query(Setting).all()}
        values = {}
        self.problems = []
        for key, raw in stored.items():
            if key not in _FIELD_NAMES:
                continue
            try:
                value = json.loads(raw)
            except (ValueError, TypeError):
                self.problems.append(f"设置“{LABELS[key]}”的值已损坏，已改用默认值。")
                continue
            why = shape_problem(key, value)
            if why:
                self.problems.append(f"{why}，已改用默认值；请在“设置”中重新选择。")
                continue
            values[key] = value
        for line in self.problems:
            log.warning("%s", line)
        return Settings(**values)

    def set(self, key: str, value) -> None:
        if key not in _FIELD_NAMES:
            raise KeyError(key)
        why = shape_problem(key, value)
        if why:
            raise ValidationError(f"{why}，未保存。")
        with session_scope(self._sf, immediate=True) as s:  # merge reads, then writes
            s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
