"""Warnings collected while importing: one line per kind of change, with a count and examples.

The clerk reads these in the import preview, so each says what was changed and how often,
never silently."""

from __future__ import annotations


class WarningLog:
    def __init__(self) -> None:
        self._order: list[str] = []
        self._counts: dict[str, int] = {}
        self._examples: dict[str, list[str]] = {}
        self._messages: list[str] = []

    def count(self, kind: str, n: int = 1, example: str | None = None) -> None:
        """Adds n changes of one kind ("繁体字转为简体"); shown as "kind：n 处（例：…）"."""
        if n <= 0:
            return
        if kind not in self._counts:
            self._order.append(kind)
            self._counts[kind] = 0
            self._examples[kind] = []
            self._messages.append(kind)  # placeholder keeps the order of first appearance
        self._counts[kind] += n
        if example and len(self._examples[kind]) < 3 and example not in self._examples[kind]:
            self._examples[kind].append(example)

    def add(self, message: str) -> None:
        """A one-off warning, shown as written."""
        if message and message not in self._messages:
            self._messages.append(message)

    def extend(self, messages) -> None:
        for m in messages:
            self.add(m)

    def messages(self) -> list[str]:
        out = []
        for m in self._messages:
            if m in self._counts:
                ex = self._examples[m]
                tail = f"（例：{'；'.join(ex)}）" if ex else ""
                out.append(f"{m}：{self._counts[m]} 处{tail}")
            else:
                out.append(m)
        return out

    def __len__(self) -> int:
        return len(self._messages)
