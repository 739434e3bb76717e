"""Settings declared once, typed, stored in the database so a backup carries them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from sqlalchemy.orm import Session, sessionmaker

from app.models import Setting
from app.models.database import session_scope


@dataclass
class Settings:
    county_name: str = ""  # asked by the first-start dialog; 设置 changes it
    default_issuer_id: int | None = None
    print_mode: str = "color"  # color | overlay (套红) | mono
    font_paths: dict[str, str] = field(default_factory=dict)  # role → file chosen by the clerk
    last_plan_id: int | None = None
    recent_files: list[str] = field(default_factory=list)
    last_folder: str = ""  # where the last file was opened or saved: the next dialog starts there
    fonts_reported: str = ""  # the font substitutions the clerk was last told about (once, not per export)
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    demo_loaded: bool = False  # the 示例县 sample was loaded into this database
    sample_database: bool = False  # a database made to hold the sample (打开示例, demo, screenshot)
    first_start_done: bool = False  # the first-start dialog was answered (or put aside) here
    sample_offer_made: bool = False  # the clerk kept an old untouched sample when offered its removal
    # 督办 (county defaults; a plan's own schedule is set on the 督办 page)
    track_rhythm: str = "monthly"  # monthly | quarterly | half-year | year-end
    track_due_day: int = 25  # units report by this day …
    track_due_next_month: bool = False  # … of the month after the period instead of its last month
    track_warn_days: int = 15  # 黄灯 this many days before the deadline
    track_lag_yellow: int = 10  # 黄灯 when this many points behind 序时进度 …
    track_lag_red: int = 30  # … 红灯 when more than this many
    track_unreported_light: str = "黄"  # 未报送 by the due date: 黄 or 红
    track_issuer_id: int | None = None  # 发文机关 of 催报 / 督办通知 / 通报 (None: the default issuer)
    track_bulletin_prefix: str = ""  # 代字 of the 通报 series; its 序号 is the 期数 (empty: issuer 代字 + 督)
    track_annual_dates: list[dict] = field(default_factory=list)  # [{"month", "day", "text"}]; empty: built-in


_FIELD_NAMES = {f.name for f in fields(Settings)}
SAMPLE_COUNTY = "示例县"


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
        if "county_name" not in values and values.get("demo_loaded") is True:
            values["county_name"] = SAMPLE_COUNTY  # databases that got the sample before the county was asked
        return Settings(**values)

    def set(self, key: str, value) -> None:
        if key not in _FIELD_NAMES:
            raise KeyError(key)
        with session_scope(self._sf) as s:
            s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
