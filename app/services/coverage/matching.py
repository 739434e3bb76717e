"""Suggests which county tasks carry out a superior task (or an indicator), from two views of the
texts, each scored 0–100 and averaged:

- rapidfuzz's token-set ratio over character bigrams: a county often copies the superior's wording
  and cuts or merges it, and the token-set ratio forgives what one side leaves out;
- the cosine of word weights (jieba words, weighted by how rare they are among all the texts):
  when a county rewrites an item in its own words, the rare terms it keeps (权责清单, 出庭应诉,
  证照分离) still say what the item is about.

Bigrams and words found in most texts of both sides (法治, 推进, 建设 …) match everything and say
nothing, so they do not count; level words (自治区, 省, 各级 …) are dropped first, being what a
county rewrites. Measured on two sets of labelled pairs (docs/reports-coverage.md,
tests/unit/coverage/test_matching_quality.py)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

MIN_SCORE = 35.0  # suggested from here (可能对应) …
STRONG_SCORE = 45.0  # … and marked 很可能对应 from here
RELATIVE = 0.7  # … within this share of the target's best score (a clear best leaves out the also-rans)
TOP = 3  # suggestions per superior task
SHORTLIST = 24  # candidates scored in full per target, chosen by a cheap estimate of the same score
STOP_SHARE = 0.15  # a bigram or word in more than this share of all texts is set aside …
STOP_MIN_DOCS = 4  # … and in more than this many (small sets keep all theirs)
WORD_WEIGHT = 2.0  # the word cosine runs lower than the token-set ratio: scaled before averaging

_LEVEL_WORDS = re.compile(
    r"新疆维吾尔自治区|自治区|地（州、市）|县（市、区）|各州、市、县（市）|省、市、县|各级人民政府|各级政府|各级|"
    r"本地区|本级|我省|我市|我区|我县|全省|全市|全区|全州|全县|省级|市级|县级|区级|"
    r"[省市州县区](?=委|政府|人民政府|人大|政协|党委|直)")
_KEEP = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def normalise(text: str) -> str:
    """Han characters, letters and digits only, without the level words a county rewrites."""
    text = unicodedata.normalize("NFKC", text or "").replace("(", "（").replace(")", "）").replace(",", "、")
    text = _LEVEL_WORDS.sub("", text)
    return "".join(_KEEP.findall(text))


def bigrams(text: str) -> set[str]:
    t = normalise(text)
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else ({t} if t else set())


def words(text: str) -> Counter[str]:
    import rjieba  # jieba's dictionary (the title breaker's too); loaded when a check runs

    return Counter(w for w in rjieba.cut(normalise(text)) if len(w) >= 2)


@dataclass(frozen=True)
class Suggestion:
    target: int  # index of the superior task / indicator
    candidate: int  # index of the county task
    score: float  # 0–100

    @property
    def strong(self) -> bool:
        return self.score >= STRONG_SCORE


def _stop(docs: list, total: int) -> set[str]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    limit = max(STOP_MIN_DOCS, STOP_SHARE * total)
    return {g for g, n in df.items() if n > limit}


class TextMatcher:
    """Built once over both sides; `suggest` ranks the candidates for one target."""

    def __init__(self, targets: Sequence[str], candidates: Sequence[str]):
        n = len(targets) + len(candidates)
        t_grams, c_grams = [bigrams(t) for t in targets], [bigrams(c) for c in candidates]
        stop = _stop([*t_grams, *c_grams], n)
        self._t_grams = [g - stop for g in t_grams]
        self._c_grams = [g - stop for g in c_grams]
        # rapidfuzz compares whitespace-separated tokens: one token per bigram, in a stable order
        self._t_text = [" ".join(sorted(g)) for g in self._t_grams]
        self._c_text = [" ".join(sorted(g)) for g in self._c_grams]
        t_words, c_words = [words(t) for t in targets], [words(c) for c in candidates]
        df: Counter[str] = Counter()
        for d in (*t_words, *c_words):
            df.update(set(d))
        idf = {w: math.log((n + 1) / (k + 1)) + 1 for w, k in df.items()}
        self._t_vec = [_vector(d, idf) for d in t_words]  # idf already weighs the common words down
        self._c_vec = [_vector(d, idf) for d in c_words]
        self._postings: dict[str, list[int]] = {}
        self._suggested: dict[tuple, list[Suggestion]] = {}
        for j, v in enumerate(self._c_vec):
            for w in v:
                self._postings.setdefault(w, []).append(j)

    def _cosines(self, i: int) -> dict[int, float]:
        out: dict[int, float] = {}
        for w, a in self._t_vec[i].items():
            for j in self._postings.get(w, ()):
                out[j] = out.get(j, 0.0) + a * self._c_vec[j][w]
        return out

    def _combine(self, i: int, j: int, cos: float) -> float:
        shared = bool(self._t_grams[i] & self._c_grams[j])
        ratio = fuzz.token_set_ratio(self._t_text[i], self._c_text[j]) if shared else 0.0
        return round((ratio + min(100.0, 100 * WORD_WEIGHT * cos)) / 2, 1)

    def suggest(self, i: int, top: int = TOP, min_score: float = MIN_SCORE,
                exclude: frozenset[int] = frozenset()) -> list[Suggestion]:
        """The best candidates for target i, best first (ties: document order); worked out once per
        question (the 对照 page asks again after every decision)."""
        key = (i, top, min_score, exclude)
        hit = self._suggested.get(key)
        if hit is None:
            hit = self._suggested[key] = self._suggest(i, top, min_score, exclude)
        return list(hit)

    def _suggest(self, i: int, top: int, min_score: float, exclude: frozenset[int]) -> list[Suggestion]:
        if not self._t_text[i] and not self._t_vec[i]:
            return []
        cos = self._cosines(i)
        mine = self._t_grams[i]
        # retrieve, then rerank: the token-set ratio is the costly part (≈ 60 µs a pair), so it runs
        # only for the candidates whose estimate (its first two terms, from set sizes) is highest
        estimates = []
        for j, theirs in enumerate(self._c_grams):
            if j in exclude:
                continue
            k = len(mine & theirs)
            if not k and j not in cos:
                continue
            ratio = 200 * k / (2 * k + min(len(mine), len(theirs)) - k) if k else 0.0
            estimates.append(((ratio + min(100.0, 100 * WORD_WEIGHT * cos.get(j, 0.0))) / 2, j))
        estimates.sort(key=lambda x: -x[0])
        scored = []
        for _estimate, j in estimates[:SHORTLIST]:
            s = self._combine(i, j, cos.get(j, 0.0))
            if s >= min_score:
                scored.append((s, j))
        scored.sort(key=lambda x: (-x[0], x[1]))
        best = scored[0][0] if scored else 0.0
        return [Suggestion(i, j, s) for s, j in scored[:top] if s >= RELATIVE * best]

    def suggest_all(self, top: int = TOP, min_score: float = MIN_SCORE) -> list[list[Suggestion]]:
        return [self.suggest(i, top, min_score) for i in range(len(self._t_text))]


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    v = {w: (1 + math.log(c)) * idf[w] for w, c in counts.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}
