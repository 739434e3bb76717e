"""Compiled regular expressions kept in the user's cache folder between runs.

The importer and the format checker hold a few hundred patterns full of Chinese character classes
([\u4e00-\u9fff] and the like). Python compiles each class by filling a 65,536-entry table in pure
Python, so compiling them costs about 40 ms of every start of `convert` or of the window — the same
work each time, for patterns that only change with the program.

What Python's own compiler produces for a pattern (the matching engine's program: a list of
integers, the group count and names) is therefore written to a JSON file once and handed back to
the engine on the next run. The file is plain data, never code: the engine checks every program it
is given and refuses an invalid one, and a refused, stale or damaged entry is simply compiled again.
An entry is stored only after a pattern built from it compared equal to Python's own compilation.
The file is keyed by Python's version and the engine's version, so another Python starts afresh.

Only this program's own text (str) patterns are cached; anything unexpected in the interpreter's internals (a Python
this was not written for) leaves `re` exactly as it was."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "regex-programs.json"
MAX_ENTRIES = 5000  # far more than the program has; a file that grew past it starts again
MAX_MISMATCHES = 3  # programs unlike Python's own before the cache stands aside for the process
_DEBUG_FLAG = 128  # re.DEBUG: prints while compiling, never cached


class RegexCache:
    def __init__(self, path: Path, version: str):
        self.path = path
        self.version = version
        self.entries: dict[str, list] = {}
        self.added = 0
        self.hits = 0
        self.refused = 0
        self.mismatched = 0  # misses whose program differed from Python's own

    # ---- the file --------------------------------------------------------------------------
    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # none yet, unreadable or damaged: compiled as usual, written again at the end
        if isinstance(data, dict) and data.get("version") == self.version and isinstance(data.get("entries"), dict):
            self.entries = data["entries"]

    def save(self) -> None:
        """Writes the file when this run added entries (whole or not at all)."""
        if not self.added:
            return
        entries = self.entries if len(self.entries) <= MAX_ENTRIES else {}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": self.version, "entries": entries}, fh, ensure_ascii=False,
                          separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:  # a read-only or full cache folder: the next run compiles again
            log.debug("regex cache %s not written", self.path, exc_info=True)
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self.added = 0

    # ---- compiling -------------------------------------------------------------------------
    def wrap(self, original, parse, make_code, sre_compile, wanted=None):
        """A replacement for re._compiler.compile(p, flags) that uses and fills the cache, for the
        patterns `wanted()` accepts (by default those of this program's own modules)."""
        wanted = wanted or _from_this_program

        def compile(p, flags=0):
            if (not isinstance(p, str) or flags & _DEBUG_FLAG or self.mismatched >= MAX_MISMATCHES
                    or not wanted()):
                return original(p, flags)
            key = f"{flags}:{p}"
            entry = self.entries.get(key)
            if entry is not None:
                try:
                    out_flags, groups, groupindex, indexgroup, code = entry
                    pattern = sre_compile(p, out_flags, code, groups, groupindex, tuple(indexgroup))
                    self.hits += 1
                    return pattern
                except Exception:  # tampered or damaged: refused by the engine, compiled again
                    self.refused += 1
                    del self.entries[key]
            parsed = parse(p, flags)
            code = make_code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = [flags | parsed.state.flags, parsed.state.groups - 1, groupindex, indexgroup, code]
            expected = original(p, flags)
            try:
                ours = sre_compile(p, entry[0], code, entry[1], groupindex, tuple(indexgroup))
            except Exception:
                ours = None
            if ours == expected:  # the same program as Python's own: safe to hand back next time
                self.entries[key] = entry
                self.added += 1
            else:  # a Python whose compiler works otherwise: after a few, stop paying twice
                self.mismatched += 1
            return expected

        return compile


def _from_this_program() -> bool:
    """Whether the pattern comes from this program's own modules. Libraries' patterns are left to
    Python: some are built anew on every start (from a set, in an order that changes per process)
    and would only grow the file."""
    frame = sys._getframe(2)  # past this module's compile, then re's own functions
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "re":
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "") if frame is not None else ""
    return name == "app" or name.startswith("app.")


_ACTIVE: RegexCache | None = None


def install(folder: Path | None = None) -> RegexCache | None:
    """Makes `re` use the cache in `folder` (the program's cache folder by default) for the rest of
    the process, saving new entries at exit. Returns None, changing nothing, where the interpreter
    is not one this was written for."""
    global _ACTIVE
    if _ACTIVE is not None:
        return _ACTIVE
    try:
        import _sre
        import re._compiler as compiler
        import re._parser as parser

        original, parse, make_code, sre_compile = compiler.compile, parser.parse, compiler._code, _sre.compile
        version = f"{sys.version} sre {_sre.MAGIC} {sys.maxunicode}"
        if folder is None:
            from app.paths import cache_dir

            folder = cache_dir()
    except Exception:  # another implementation or layout of `re`: leave it alone
        log.debug("regex cache not installed", exc_info=True)
        return None
    cache = RegexCache(Path(folder) / FILE_NAME, version)
    cache.load()
    compiler.compile = cache.wrap(original, parse, make_code, sre_compile)
    import atexit

    atexit.register(cache.save)
    _ACTIVE = cache
    return cache
