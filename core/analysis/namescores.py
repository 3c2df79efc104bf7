"""The name scores pairing asks for again and again, memoised (pure functions of names)."""

from __future__ import annotations

from reportdiff.core.analysis.facts import Scorer, name_similarity, share_words
from reportdiff.core.analysis.namerules import measures_differ


class NameScores:
    """Memoised pure functions of indicator names, for one pass of pairing's edges.

    Each is what the function of :mod:`facts` of the same name returns; the same names meet
    again and again across facts, so each is computed once per pair of names.
    """

    def __init__(self, ratio: Scorer) -> None:
        self._ratio = ratio
        self._sim: dict[tuple[str, str, int], float] = {}
        self._words: dict[tuple[str, str], bool] = {}
        self._measures: dict[tuple[str, str], bool] = {}

    def similarity(self, a: str, b: str, context: int) -> float:
        key = (a, b, context)
        got = self._sim.get(key)
        if got is None:
            got = self._sim[key] = name_similarity(a, b, self._ratio, context=context)
        return got

    def share_words(self, a: str, b: str) -> bool:
        key = (a, b)
        got = self._words.get(key)
        if got is None:
            got = self._words[key] = share_words(a, b)
        return got

    def measures_differ(self, a: str, b: str) -> bool:
        key = (a, b)
        got = self._measures.get(key)
        if got is None:
            got = self._measures[key] = measures_differ(a, b)
        return got
