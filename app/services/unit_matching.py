"""Matching a printed unit name to the registry: exact, alias, normalized, then ranked suggestions.

Pure functions over plain tuples so the importer can use them without a database."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

# A county writes its own bodies with or without its name: 示例县司法局 / 县司法局 / 司法局.
_REGION_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:自治县|县|区|市|旗)")
_LEVEL_CHAR = "县区市旗"


@dataclass(frozen=True)
class UnitRecord:
    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    unit: UnitRecord
    score: float


@dataclass(frozen=True)
class MatchResult:
    query: str
    kind: str  # exact | alias | normalized | none
    unit: UnitRecord | None
    suggestions: tuple[Suggestion, ...] = ()


def canonical(name: str) -> str:
    """Width and spacing differences removed: NFKC, no blanks, Chinese brackets."""
    s = unicodedata.normalize("NFKC", name or "")
    s = re.sub(r"\s+", "", s)
    return s.replace("(", "（").replace(")", "）")


def name_keys(name: str, region_names: Iterable[str] = ()) -> frozenset[str]:
    """Forms under which a name may be printed; two names match when their keys meet.

    The plain form, the form without a known region name, without any "XX县/区/市" prefix,
    and without a single leading 县/区/市/旗 ("县委宣传部" and "区委宣传部" share "委宣传部")."""
    s = canonical(name)
    keys = {s}
    # Printed names vary in ways that do not change the body: "中共X县委宣传部" / "X县委宣传部",
    # "县人民政府办公室" / "县政府办公室".
    if s.startswith("中共") and len(s) > 4:
        keys.add(s[2:])
    for k in list(keys):
        if "人民政府" in k:
            keys.add(k.replace("人民政府", "政府"))
    for k in list(keys):
        for region in region_names:
            if region and k.startswith(region) and len(k) - len(region) >= 2:
                keys.add(k[len(region):])
        m = _REGION_PREFIX.match(k)
        if m and len(k) - m.end() >= 2:
            keys.add(k[m.end():])
    for k in list(keys):
        if k[:1] in _LEVEL_CHAR and len(k) >= 3:
            keys.add(k[1:])
    return frozenset(keys)


def core_name(name: str, region_names: Iterable[str] = ()) -> str:
    """The shortest key: the name as it reads without any regional prefix."""
    return min(name_keys(name, region_names), key=lambda k: (len(k), k))


def match_unit(
    query: str,
    units: Iterable[UnitRecord],
    region_names: Iterable[str] = (),
    limit: int = 5,
) -> MatchResult:
    units = list(units)
    q = canonical(query)
    for u in units:
        if canonical(u.name) == q:
            return MatchResult(query, "exact", u)
    for u in units:
        if any(canonical(a) == q for a in u.aliases):
            return MatchResult(query, "alias", u)
    regions = tuple(region_names)
    qkeys = name_keys(q, regions)
    hits = [u for u in units if any(qkeys & name_keys(n, regions) for n in (u.name, *u.aliases))]
    if len(hits) == 1:
        return MatchResult(query, "normalized", hits[0])
    return MatchResult(query, "none", None, suggest(q, units, regions, limit))


def suggest(query: str, units: Iterable[UnitRecord], region_names: Iterable[str] = (), limit: int = 5):
    """Ranked close names: similarity of the core names, with a bonus for containment."""
    regions = tuple(region_names)
    qc = core_name(query, regions)
    scored: list[Suggestion] = []
    for u in units:
        best = 0.0
        for n in (u.name, *u.aliases):
            nc = core_name(n, regions)
            score = SequenceMatcher(None, qc, nc).ratio()
            if qc and nc and (qc in nc or nc in qc):
                score = max(score, 0.75 + 0.25 * min(len(qc), len(nc)) / max(len(qc), len(nc)))
            best = max(best, score)
        if best >= 0.5:
            scored.append(Suggestion(u, round(best, 3)))
    scored.sort(key=lambda s: (-s.score, s.unit.name))
    return tuple(scored[:limit])
