"""Stage 1 — normalize: working text (HTML character references decoded, Simplified, half-width),
offset map, page chrome.

The original text is never changed.  The working text is what models and
rules read; :mod:`finextract.offsets` maps everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..offsets import WorkingText
from ..spans import Region
from .chrome import ChromeRules, find_chrome
from .markup import decode_references
from .script import Converter, DictionaryConverter, detect_script, fold_width, to_simplified

__all__ = ["Normalizer", "NormalizeStage", "build_working_text", "fold_width", "ChromeRules"]


@dataclass
class Normalizer:
    """Builds :class:`WorkingText` for a text.  One per pipeline (owns its converter)."""

    converter: Converter | None = None

    def __post_init__(self) -> None:
        if self.converter is None:
            from opencc import OpenCC

            self.converter = DictionaryConverter(OpenCC("t2s"))

    def __call__(self, text: str) -> WorkingText:
        """Normalize ``text``."""
        assert self.converter is not None
        decoded, references = decode_references(text)
        simplified, offsets = to_simplified(self.converter, decoded)
        norm = fold_width(simplified)
        return WorkingText(original=text, norm=norm, offsets=references.then(offsets), script=detect_script(decoded, simplified))


def build_working_text(text: str) -> WorkingText:
    """Working text of ``text`` with a fresh :class:`Normalizer`."""
    return Normalizer()(text)


@dataclass
class NormalizeStage:
    """Document → Document: attaches the working text and marks page chrome."""

    normalizer: Normalizer = field(default_factory=Normalizer)
    chrome: ChromeRules | None = field(default_factory=ChromeRules.load)
    name: str = "normalize"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset({"normalized", "excluded"})

    def __call__(self, doc: Document) -> Document:
        """Normalize ``doc.text`` and find page chrome."""
        work = self.normalizer(doc.text)
        regions: list[Region] = []
        if self.chrome is not None:
            for n_start, n_end, reason in find_chrome(work.norm, self.chrome):
                start, end, text = work.orig_span(n_start, n_end)
                regions.append(Region(text=text, start=start, end=end, reason=reason))
        out = doc.model_copy(update={"excluded": regions, "meta": {**doc.meta, "script": work.script}})
        out._work = work
        return out

