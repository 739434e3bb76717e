"""Settings declared once, typed, stored in the database so a backup carries them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from sqlalchemy.orm import Session, sessionmaker

from app.models import Setting
from app.models.database import session_scope


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


class SettingsService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    def load(self) -> Settings:
        with session_scope(self._sf) as s:
            stored = {row.key: row.value for row in s.query(Setting).all()}
        values = {}
        for key, raw in stored.items():
            if key in _FIELD_NAMES:
                try:
                    values[key] = json.loads(raw)
                except ValueError:
                    continue  # a damaged value falls back to its default
        return Settings(**values)

    def set(self, key: str, value) -> None:
        if key not in _FIELD_NAMES:
            raise KeyError(key)
        with session_scope(self._sf, immediate=True) as s:  # merge reads, then writes
            s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
