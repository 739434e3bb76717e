"""Stable keys for plans and nodes across undo and redo.

Undoing a delete recreates rows with new database ids (and SQLite may hand a freed id to an
unrelated new row). Undo commands therefore hold keys from this registry, never raw ids; the
registry maps each key to the row's current id and is rebound when a row is recreated."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.dto import NodeDTO

PLAN = "plan"
NODE = "node"


@dataclass
class KeyTree:
    """The keys of a subtree, in the order of its children (to rebind a restored copy)."""

    key: int
    children: list[KeyTree] = field(default_factory=list)


class IdRegistry:
    def __init__(self) -> None:
        self._next = 0
        self._real: dict[int, tuple[str, int]] = {}  # key → (kind, current id)
        self._key: dict[tuple[str, int], int] = {}  # (kind, current id) → key

    def key(self, kind: str, real_id: int) -> int:
        """The key standing for the row that currently has this id (created on first use)."""
        found = self._key.get((kind, real_id))
        if found is not None:
            return found
        self._next += 1
        self._real[self._next] = (kind, real_id)
        self._key[(kind, real_id)] = self._next
        return self._next

    def real(self, key: int) -> int:
        return self._real[key][1]

    def rebind(self, key: int, new_id: int) -> None:
        kind, old_id = self._real[key]
        if self._key.get((kind, old_id)) == key:
            del self._key[(kind, old_id)]
        stale = self._key.get((kind, new_id))  # a key whose row is gone but whose id was reused
        if stale is not None and stale != key:
            del self._key[(kind, new_id)]
        self._real[key] = (kind, new_id)
        self._key[(kind, new_id)] = key

    def forget(self, kind: str, real_id: int) -> None:
        """The row is gone: a new row that gets the same id must get a new key."""
        self._key.pop((kind, real_id), None)

    # ---- subtrees ------------------------------------------------------------------------
    def capture(self, nodes: list[NodeDTO]) -> list[KeyTree]:
        return [KeyTree(self.key(NODE, n.id), self.capture(n.children)) for n in nodes]

    def forget_tree(self, trees: list[KeyTree]) -> None:
        for t in trees:
            self.forget(NODE, self.real(t.key))
            self.forget_tree(t.children)

    def rebind_tree(self, trees: list[KeyTree], nodes: list[NodeDTO]) -> None:
        for t, n in zip(trees, nodes, strict=False):
            self.rebind(t.key, n.id)
            self.rebind_tree(t.children, n.children)
