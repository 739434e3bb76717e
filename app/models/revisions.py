"""The newest schema revision the program ships, read from the migration scripts' own lines
(`revision = "…"`, `down_revision = "…"`) without loading Alembic: an ordinary start finds its
database at that revision and need not pay for Alembic at all (about 0.2 s). Anything unusual
(a merge, a script written differently) answers None and the caller asks Alembic."""

from __future__ import annotations

import functools
import re
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"""^revision\s*(?::\s*str\s*)?=\s*['"]([^'"]+)['"]\s*$""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]+)?=\s*(None|['"]([^'"]+)['"])\s*$""", re.MULTILINE)


def shipped_head(folder: Path | None = None) -> str | None:
    return _shipped_head() if folder is None else _scan(folder)


@functools.cache
def _shipped_head() -> str | None:
    return _scan(VERSIONS_DIR)


def _scan(folder: Path) -> str | None:
    revisions: set[str] = set()
    downs: set[str] = set()
    try:
        scripts = sorted(folder.glob("*.py"))
        for script in scripts:
            text = script.read_text(encoding="utf-8")
            rev, down = _REVISION.findall(text), _DOWN.findall(text)
            if len(rev) != 1 or len(down) != 1:
                return None
            revisions.add(rev[0])
            if down[0][0] != "None":
                downs.add(down[0][1])
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and downs <= revisions and len(revisions) == len(scripts) else None
