"""Other clerks' changes, noticed without a restart.

Every change a clerk makes leaves an audit-log line naming the program that made it. The watcher is
asked every few seconds (a timer of the window) whether anything new arrived, at almost no cost:
- on a server, PostgreSQL's notifications: the audit line's NOTIFY wakes a LISTEN connection; the
  look is a non-blocking read of that connection;
- on SQLite, PRAGMA data_version on a connection kept open: it changes when another connection
  committed, and reads nothing else.
Only then are the new audit lines read, and those of other programs returned.

On a server, audit ids are handed out when a line is written but become visible at commit, so a
clerk's long save can show id 10 after another's id 11 was already read. The look therefore reads a
little behind the highest id seen and remembers which ids it has told."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select

from app.models import AuditLog
from app.models.server_engine import CHANGES_CHANNEL, is_server

log = logging.getLogger(__name__)

# How far behind the highest seen id a late commit is still looked for: more audit lines than
# all the clerks together write while one save is in flight.
LOOKBACK = 500

ENTITY_WORDS = {"node": "工作要点的条目", "plan": "工作要点", "notice": "公文", "progress": "督办进展",
                "unit": "单位名录", "issuer": "发文机关", "doc_number": "发文字号"}


@dataclass(frozen=True)
class ForeignChange:
    clerk: str
    at: datetime | None
    entity: str
    entity_id: int | None
    action: str


def summary(changes: list[ForeignChange]) -> str:
    """“张三修改了工作要点的条目、公文” for the status bar."""
    who = "、".join(dict.fromkeys(c.clerk or "其他同事" for c in changes))
    what = "、".join(dict.fromkeys(ENTITY_WORDS.get(c.entity, "数据") for c in changes))
    return f"{who}修改了{what}，已刷新。"


class ChangeWatcher:
    def __init__(self, engine: Engine, client: str):
        self.engine = engine
        self.client = client
        self.server = is_server(engine)
        self._conn = None  # the SQLite connection kept open, or the LISTEN connection
        self._mark = None  # the last data_version seen (SQLite)
        self.lookback = LOOKBACK if self.server else 0  # SQLite commits one writer at a time, in id order
        with self.engine.connect() as conn:  # the newest ids: where the database stands, and what is handled
            recent = conn.execute(select(AuditLog.id).order_by(AuditLog.id.desc())
                                  .limit(self.lookback + 1)).scalars().all()
        self.last_id = recent[0] if recent else 0
        self._told = {i for i in recent if i > self.last_id - self.lookback}

    def poll(self) -> list[ForeignChange]:
        """What other programs changed since the last call (empty when nothing, or the database
        cannot be reached just now: the next call tries again)."""
        try:
            if not self._signalled():
                return []
            return self._read_new()
        except Exception:  # a lost server or a busy file must not disturb the window
            log.info("change check failed; will retry", exc_info=True)
            self._drop()
            return []

    def _signalled(self) -> bool:
        if self.server:
            return self._notified()
        if self._conn is None:
            self._conn = self.engine.raw_connection()
            self._mark = self._data_version()
            return False
        mark = self._data_version()
        changed, self._mark = mark != self._mark, mark
        return changed

    def _data_version(self) -> int:
        cur = self._conn.cursor()
        try:
            cur.execute("PRAGMA data_version")
            return cur.fetchone()[0]
        finally:
            cur.close()

    def _notified(self) -> bool:
        if self._conn is None:
            self._conn = self._listen()
            return True  # whatever happened while not listening
        return any(n.payload != self.client for n in self._conn.notifies(timeout=0))

    def _listen(self):
        import psycopg

        url = self.engine.url
        params = {k: v for k, v in url.query.items() if isinstance(v, str)}
        conn = psycopg.connect(host=params.pop("host", url.host), port=int(params.pop("port", url.port or 5432)),
                               user=url.username, password=url.password, dbname=url.database,
                               autocommit=True, **params)
        conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        return conn

    def _read_new(self) -> list[ForeignChange]:
        floor = self.last_id - self.lookback
        with self.engine.connect() as conn:
            rows = conn.execute(select(AuditLog.id, AuditLog.clerk, AuditLog.at, AuditLog.entity,
                                       AuditLog.entity_id, AuditLog.action, AuditLog.client)
                                .where(AuditLog.id > floor).order_by(AuditLog.id)
                                .limit(self.lookback + 500)).all()
        rows = [r for r in rows if r.id not in self._told]
        if rows:
            self.last_id = max(self.last_id, rows[-1].id)
            self._told.update(r.id for r in rows)
            self._told = {i for i in self._told if i > self.last_id - self.lookback}
        return [ForeignChange(r.clerk, r.at, r.entity, r.entity_id, r.action) for r in rows
                if r.client != self.client]

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._drop()
