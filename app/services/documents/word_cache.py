"""Word boundaries of titles already segmented, kept in the user's cache folder.

Loading rjieba's dictionary takes about 0.15 s in every new process, and a clerk's titles come
back again and again (the same notice previewed today and tomorrow, converted again). The answers
are plain data: a JSON file of title → word lengths, valid only for the same segmenter (its files'
names, sizes and dates) and the same field words. A damaged or foreign file is ignored and
replaced, a folder that cannot be written only means segmenting again; the lengths of every entry
must add up to its title, or the entry is not used."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1
MAX_ENTRIES = 2000


def segmenter_stamp() -> list:
    """Names, sizes and dates of the installed rjieba's files, found without loading it."""
    spec = importlib.util.find_spec("rjieba")
    if spec is None or not spec.origin:
        return []
    folder = Path(spec.origin).parent
    return sorted([f.name, f.stat().st_size, f.stat().st_mtime_ns] for f in folder.iterdir() if f.is_file())


class WordCache:
    def __init__(self, path: Path | None, vocabulary: tuple[str, ...]):
        self.path = path
        self._key = None
        self._vocabulary = hashlib.sha256("\n".join(vocabulary).encode("utf-8")).hexdigest()
        self._entries: dict[str, list[int]] | None = None
        self._lock = threading.Lock()

    def key(self) -> dict:
        if self._key is None:
            self._key = {"format": FORMAT, "vocabulary": self._vocabulary, "segmenter": segmenter_stamp()}
        return self._key

    def get(self, text: str) -> list[str] | None:
        with self._lock:
            lengths = self._load().get(text)
        if not isinstance(lengths, list) or not all(type(n) is int and n > 0 for n in lengths) or \
                sum(lengths) != len(text):
            return None
        out, pos = [], 0
        for n in lengths:
            out.append(text[pos:pos + n])
            pos += n
        return out

    def put(self, text: str, words: list[str]) -> None:
        with self._lock:
            entries = self._load()
            entries[text] = [len(w) for w in words]
            while len(entries) > MAX_ENTRIES:
                del entries[next(iter(entries))]  # the oldest first
            self._save(entries)

    def _load(self) -> dict[str, list[int]]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(data, dict) and data.get("key") == self.key() and isinstance(data.get("words"), dict):
                        self._entries = data["words"]
                except (OSError, ValueError):  # missing or damaged: start again
                    log.debug("word cache %s not used", self.path, exc_info=True)
        return self._entries

    def _save(self, entries: dict[str, list[int]]) -> None:
        if self.path is None:
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"key": self.key(), "words": entries}, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:  # a read-only or full folder: segmenting again next time costs only time
            log.debug("word cache %s not written", self.path, exc_info=True)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
