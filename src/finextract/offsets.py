"""The one owner of offsets: a map between the normalized working text and the original.

Models and rules read the *working* text (Simplified, half-width).  Every span
they produce is mapped back through :class:`OffsetMap` to ``[start, end)`` in
the original text.  When normalization kept every character in place (the
usual case: OpenCC ``t2s`` and width folding are one-to-one) the map is the
identity and costs nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OffsetMap:
    """Maps working-text indices to original-text indices and back.

    ``orig_start[i]`` and ``orig_end[i]`` give the original characters that
    working character ``i`` came from.  Both sequences are non-decreasing.
    ``None`` for both means the identity map.
    """

    orig_len: int
    norm_len: int
    orig_start: tuple[int, ...] | None = None
    orig_end: tuple[int, ...] | None = None

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """Map for a working text that is a character-for-character image."""
        return cls(orig_len=length, norm_len=length)

    @classmethod
    def from_pieces(cls, pieces: list[tuple[int, int, int]], orig_len: int) -> "OffsetMap":
        """Build from ``(orig_start, orig_end, norm_length)`` pieces in order.

        Each piece says that ``norm_length`` working characters came from
        ``original[orig_start:orig_end]``.  One-to-one pieces map character by
        character; any other piece maps all its working characters onto the
        whole original piece.
        """
        starts: list[int] = []
        ends: list[int] = []
        for o_start, o_end, n_len in pieces:
            if n_len == o_end - o_start:
                starts.extend(range(o_start, o_end))
                ends.extend(range(o_start + 1, o_end + 1))
            else:
                starts.extend([o_start] * n_len)
                ends.extend([o_end] * n_len)
        if len(starts) == orig_len and all(s == i for i, s in enumerate(starts)) and all(
            e == i + 1 for i, e in enumerate(ends)
        ):
            return cls.identity(orig_len)
        return cls(orig_len=orig_len, norm_len=len(starts), orig_start=tuple(starts), orig_end=tuple(ends))

    def then(self, later: "OffsetMap") -> "OffsetMap":
        """The map of a second normalization step applied after this one.

        ``self`` maps an intermediate text onto the original, ``later`` maps
        the final working text onto the intermediate one; the result maps the
        working text straight onto the original.
        """
        if later.orig_len != self.norm_len:
            raise ValueError(f"cannot chain maps: the later one reads {later.orig_len} characters, this one gives {self.norm_len}")
        if self.is_identity:
            return later
        if later.is_identity:
            return self
        pieces = [self.to_orig(*later.to_orig(i, i + 1)) for i in range(later.norm_len)]
        starts = tuple(s for s, _ in pieces)
        ends = tuple(e for _, e in pieces)
        return OffsetMap(orig_len=self.orig_len, norm_len=later.norm_len, orig_start=starts, orig_end=ends)

    @property
    def is_identity(self) -> bool:
        """True when working and original offsets coincide."""
        return self.orig_start is None

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a working-text span ``[start, end)`` onto the original text."""
        if not 0 <= start <= end <= self.norm_len:
            raise IndexError(f"working span [{start}, {end}) outside 0..{self.norm_len}")
        if self.orig_start is None or self.orig_end is None:
            return start, end
        if start == end:
            pos = self.orig_start[start] if start < self.norm_len else self.orig_len
            return pos, pos
        return self.orig_start[start], self.orig_end[end - 1]

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span onto the smallest working span covering it."""
        if not 0 <= start <= end <= self.orig_len:
            raise IndexError(f"original span [{start}, {end}) outside 0..{self.orig_len}")
        if self.orig_start is None or self.orig_end is None:
            return start, end
        n_start = bisect_right(self.orig_end, start)
        if start == end:
            return n_start, n_start
        n_end = bisect_right(self.orig_start, end - 1)
        return n_start, max(n_start, n_end)


@dataclass(frozen=True)
class WorkingText:
    """The original text, its normalized working form and the map between them."""

    original: str
    norm: str
    offsets: OffsetMap
    script: str = "unknown"
    """``traditional``, ``simplified``, ``mixed`` or ``none`` (no Han characters)."""
    notes: tuple[str, ...] = field(default=())

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Working span → original span."""
        return self.offsets.to_orig(start, end)

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Original span → working span."""
        return self.offsets.to_norm(start, end)

    def norm_slice(self, start: int, end: int) -> str:
        """Working-text image of the original span ``[start, end)``."""
        n_start, n_end = self.to_norm(start, end)
        return self.norm[n_start:n_end]

    def orig_span(self, start: int, end: int) -> tuple[int, int, str]:
        """``(start, end, text)`` in the original for a working span."""
        o_start, o_end = self.to_orig(start, end)
        return o_start, o_end, self.original[o_start:o_end]
