"""Who is working: the clerk's name (set in 设置, else the operating-system login) and an id of this
running program, written on every audit-log line and on the rows a clerk changes."""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from dataclasses import dataclass

MAX_NAME = 60


@dataclass(frozen=True)
class Clerk:
    name: str
    client: str  # this program on this PC: its own changes are not announced back to it

    @property
    def info(self) -> dict:
        """What every session of this program carries (sessionmaker(info=…))."""
        return {"clerk": self.name, "client": self.client}


def os_login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (a service account): the PC's name
        return os.environ.get("COMPUTERNAME") or socket.gethostname() or "未知"


def make_clerk(name: str | None = None) -> Clerk:
    name = (name or "").strip() or os_login()
    return Clerk(name=name[:MAX_NAME], client=f"{socket.gethostname()[:20]}-{uuid.uuid4().hex[:12]}")
