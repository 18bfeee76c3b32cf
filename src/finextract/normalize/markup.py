"""HTML character references left in scraped text (``&nbsp;``, ``&amp;``, ``&#25307;``).

Scrapers often keep a page's character references; read literally, ``nbsp``
becomes a word and the name before it loses its title (招商银行&nbsp;行长).
Each reference is decoded with the standard library's :func:`html.unescape`
(so the full HTML5 table of named references is known) and the offset map
sends the decoded character back onto the whole reference.  Text without a
reference keeps the identity map.
"""

from __future__ import annotations

import html
import re

from ..offsets import OffsetMap

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = str.maketrans({"\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
"""Decoded spaces (&nbsp;, &ensp;, &emsp;, &thinsp;) are read as plain spaces."""


def decode_references(text: str) -> tuple[str, OffsetMap]:
    """``text`` with its HTML character references decoded, and the map from the decoded text to ``text``.

    >>> decode_references("招商银行&nbsp;行长")[0]
    '招商银行 行长'
    >>> decoded, offsets = decode_references("A&amp;B")
    >>> decoded, offsets.to_orig(1, 2)
    ('A&B', (1, 6))
    >>> decode_references("R&D &bogus;")[0]
    'R&D &bogus;'
    """
    if "&" not in text:
        return text, OffsetMap.identity(len(text))
    pieces: list[tuple[int, int, int]] = []
    out: list[str] = []
    pos = 0
    for m in _REFERENCE.finditer(text):
        decoded = html.unescape(m.group()).translate(_SPACES)
        if decoded == m.group() or not decoded:
            continue  # unknown name (&bogus;): kept as written
        if m.start() > pos:
            pieces.append((pos, m.start(), m.start() - pos))
            out.append(text[pos : m.start()])
        pieces.append((m.start(), m.end(), len(decoded)))
        out.append(decoded)
        pos = m.end()
    if not out:
        return text, OffsetMap.identity(len(text))
    if pos < len(text):
        pieces.append((pos, len(text), len(text) - pos))
        out.append(text[pos:])
    return "".join(out), OffsetMap.from_pieces(pieces, len(text))
