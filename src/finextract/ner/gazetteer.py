"""Character-level gazetteer matching over the working text.

Every name of every gazetteer entry (canonical names included) is compiled
into one Aho–Corasick automaton (``ahocorasick_rs``).  A raw substring match
is only kept when it does not cut through a longer word:

* an alias whose first or last character is an ASCII letter or digit
  (``ICBC``, ``360数科``) needs a neighbour on that side that is not one
  (``ICBC`` does not fire in ``ICBCX``);
* on a side whose character is not ASCII, when token boundaries are given,
  the match must start and end on a token boundary (``联网`` does not fire in
  ``互联网``).  Aliases of at least ``trusted_length`` characters (4 by
  default, ``工商银行``) are specific enough to be kept regardless.

Among the matches that pass, the leftmost is taken, then the longest, and
matching resumes after it (leftmost-longest, non-overlapping).  Checking
boundaries *before* choosing means that a rejected long match does not hide
a valid shorter one: in ``京东方面表示`` (tokens 京东|方面|表示) the alias
``京东方`` is rejected and ``京东`` is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

import ahocorasick_rs

from ..lexicons import Gazetteer, load_gazetteer

__all__ = ["GazetteerMatch", "GazetteerMatcher", "bounds_from_tokens"]

TRUSTED_LENGTH = 4
"""Default length from which a non-ASCII alias is kept even across token boundaries."""


@dataclass(frozen=True)
class GazetteerMatch:
    """One gazetteer hit in working-text offsets ``[start, end)``."""

    start: int
    end: int
    entry_id: str
    label: str
    canonical: str
    alias: str
    """The name that matched, as it appears in the working text."""


def bounds_from_tokens(tokens: Collection[tuple[int, ...]]) -> list[int]:
    """Sorted token boundaries (every start and end) from ``(start, end, …)`` tuples.

    >>> bounds_from_tokens([(0, 3, "n"), (3, 5, "n")])
    [0, 3, 5]
    """
    return sorted({t[0] for t in tokens} | {t[1] for t in tokens})


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class _Name:
    """What one automaton pattern stands for."""

    alias: str
    entry_id: str
    label: str
    canonical: str


class GazetteerMatcher:
    """Finds gazetteer names in working text with boundary checks.

    Matching is case-sensitive: list each spelling of an ASCII alias that
    should match (``PBOC``, ``PBoC``).  A matcher holds no state that changes
    after construction and may be shared between threads.
    """

    def __init__(self, gazetteer: Gazetteer, trusted_length: int = TRUSTED_LENGTH) -> None:
        """Compile every name of ``gazetteer``; ``trusted_length`` as in the module notes."""
        if trusted_length < 1:
            raise ValueError(f"trusted_length must be at least 1, got {trusted_length}")
        self.gazetteer = gazetteer
        self.trusted_length = trusted_length
        self._names = tuple(
            _Name(alias, entry_id, gazetteer.by_id[entry_id].label, gazetteer.by_id[entry_id].canonical)
            for alias, entry_id in gazetteer.alias_to_id.items()
        )
        patterns = [name.alias for name in self._names]
        # Standard + overlapping reports every occurrence of every name, so the
        # boundary checks run before the leftmost-longest choice.
        self._automaton = (
            ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard) if patterns else None
        )

    @classmethod
    def default(cls) -> "GazetteerMatcher":
        """A matcher over the packaged gazetteer."""
        return cls(load_gazetteer())

    def find(self, text: str, token_bounds: Collection[int] | None = None) -> list[GazetteerMatch]:
        """Gazetteer matches in ``text`` (working text), leftmost-longest and non-overlapping.

        ``token_bounds`` are the offsets where a token starts or ends (for
        example from :func:`bounds_from_tokens` over jieba's tokens); when
        given, a short non-ASCII alias must begin and end on one of them.
        Without it only the ASCII rule applies.

        >>> from finextract.lexicons import Gazetteer, GazetteerEntry
        >>> gaz = Gazetteer((GazetteerEntry(id="cnnic", label="ORG", canonical="联网中心",
        ...                                 aliases=("联网",), kind="other"),))
        >>> [m.alias for m in GazetteerMatcher(gaz).find("联网中心成立")]
        ['联网中心']
        >>> GazetteerMatcher(gaz).find("互联网金融", token_bounds=[0, 3, 5])
        []
        """
        if self._automaton is None or not text:
            return []
        bounds = None if token_bounds is None else frozenset(token_bounds)
        hits = [
            (start, end, index)
            for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True)
            if self._accepts(text, start, end, self._names[index].alias, bounds)
        ]
        return self._leftmost_longest(hits)

    def _accepts(self, text: str, start: int, end: int, alias: str, bounds: frozenset[int] | None) -> bool:
        """Whether a raw match ``text[start:end] == alias`` respects word boundaries."""
        return self._side_ok(text, start, start - 1, alias[0], bounds, len(alias)) and self._side_ok(
            text, end, end, alias[-1], bounds, len(alias)
        )

    def _side_ok(
        self, text: str, edge: int, neighbour: int, char: str, bounds: frozenset[int] | None, size: int
    ) -> bool:
        """Check one edge of a match: ``edge`` is the offset, ``neighbour`` the outside character."""
        if _is_ascii_alnum(char):
            return not (0 <= neighbour < len(text) and _is_ascii_alnum(text[neighbour]))
        if bounds is None or size >= self.trusted_length or edge in (0, len(text)):
            return True
        return edge in bounds

    def _leftmost_longest(self, hits: list[tuple[int, int, int]]) -> list[GazetteerMatch]:
        """Greedy selection: earliest start, then longest, skipping overlaps."""
        out: list[GazetteerMatch] = []
        last_end = 0
        for start, end, index in sorted(hits, key=lambda h: (h[0], -h[1])):
            if start < last_end:
                continue
            name = self._names[index]
            out.append(GazetteerMatch(start, end, name.entry_id, name.label, name.canonical, name.alias))
            last_end = end
        return out
