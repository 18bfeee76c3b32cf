"""Stage 3 — segment: jieba words and part-of-speech tags over the working text.

Each pipeline owns its own ``jieba.Tokenizer``: the global default dictionary
is never edited, and the prefix dictionary is built in memory instead of
through jieba's marshal cache in the shared temp folder (jieba would load any
file found there unchecked).  The finance user dictionary ships as
``data/userdict.txt``; users can add their own with ``user_dicts``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from pydantic import TypeAdapter

from .document import Document
from .errors import LexiconError
from .spans import Token

_LOG = logging.getLogger(__name__)
_TOKEN_LIST: TypeAdapter[list[Token]] = TypeAdapter(list[Token])


def _quiet_jieba() -> None:
    # jieba installs a stderr handler on its own logger at import; keep its
    # debug chatter out of the user's terminal without touching root logging.
    logging.getLogger("jieba").setLevel(logging.WARNING)


def _make_tokenizer() -> Any:
    import jieba

    _quiet_jieba()

    class _InMemoryTokenizer(jieba.Tokenizer):  # type: ignore[misc, name-defined]
        """A jieba tokenizer that never reads or writes a cache file."""

        def initialize(self, dictionary: str | None = None) -> None:
            if dictionary:
                raise LexiconError("pass the dictionary to the constructor instead")
            with self.lock:
                if self.initialized:
                    return
                self.FREQ, self.total = self.gen_pfdict(self.get_dict_file())
                self.initialized = True

    return _InMemoryTokenizer()


def read_user_dict(text: str, where: str) -> list[tuple[str, int | None, str | None]]:
    """Parse jieba user-dictionary lines ``word [freq] [tag]``; raise on bad lines."""
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word, rest = parts[0], parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        tag = rest.pop(0) if rest else None
        if rest:
            raise LexiconError(f"{where}:{lineno}: expected 'word [freq] [tag]', got {line!r}")
        entries.append((word, freq, tag))
    return entries


def packaged_user_dict() -> list[tuple[str, int | None, str | None]]:
    """The shipped finance user dictionary."""
    text = resources.files("finextract.data").joinpath("userdict.txt").read_text("utf-8")
    return read_user_dict(text, "finextract/data/userdict.txt")


def _unknown_tag(word: str) -> str:
    """Tag for a word jieba's dictionary does not know (found by its HMM)."""
    if word.isspace() or not any(c.isalnum() for c in word):
        return "x"
    if word.isascii():
        return "m" if any(c.isdigit() for c in word) and not any(c.isalpha() for c in word) else "eng"
    if all(c.isdigit() or c in ".,%" for c in word):
        return "m"
    return UNKNOWN_TAG


UNKNOWN_TAG = "unk"
"""Tag of Han words outside the dictionary in the ``fast`` tagger (new names: 瀚海, 融信)."""


@dataclass
class JiebaSegmenter:
    """Word segmentation and POS tagging with a private jieba tokenizer.

    ``tagger="fast"`` (default) segments with jieba's word HMM and tags each
    word with its dictionary tag, ``unk`` for new words: about four times
    faster than ``tagger="hmm"``, jieba's part-of-speech HMM (``jieba.posseg``),
    which also guesses tags of new words.
    """

    user_dicts: tuple[str | Path, ...] = ()
    extra_words: Iterable[tuple[str, int | None, str | None]] = ()
    tagger: str = "fast"
    _pos: Any = field(default=None, init=False, repr=False)
    _tok: Any = field(default=None, init=False, repr=False)

    def _load(self) -> None:
        if self._pos is not None:
            return
        import jieba.posseg

        tok = _make_tokenizer()
        entries = packaged_user_dict() + list(self.extra_words)
        for path in self.user_dicts:
            try:
                entries += read_user_dict(Path(path).read_text("utf-8"), str(path))
            except OSError as exc:
                raise LexiconError(f"cannot read user dictionary {path}: {exc}; check the path") from exc
        for word, freq, tag in entries:
            tok.add_word(word, freq, tag)
        if self.tagger not in ("fast", "hmm"):
            raise LexiconError(f"unknown tagger {self.tagger!r}; use 'fast' or 'hmm'")
        self._tok = tok
        self._pos = jieba.posseg.POSTokenizer(tok)
        self._pos.makesure_userdict_loaded()

    def cut(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, pos)`` for each word of ``text``."""
        self._load()
        out = []
        pos = 0
        if self.tagger == "hmm":
            for pair in self._pos.cut(text):
                out.append((pos, pos + len(pair.word), pair.flag))
                pos += len(pair.word)
            return out
        tags = self._pos.word_tag_tab
        for word in self._tok.cut(text):
            out.append((pos, pos + len(word), tags.get(word) or _unknown_tag(word)))
            pos += len(word)
        return out

    def words(self, text: str) -> list[str]:
        """Plain segmentation without POS tags (faster)."""
        self._load()
        return list(self._tok.cut(text))


@dataclass
class SegmentStage:
    """Document → Document: fills ``tokens`` for every sentence."""

    segmenter: JiebaSegmenter = field(default_factory=JiebaSegmenter)
    name: str = "segment"
    requires: frozenset[str] = frozenset({"normalized", "sentences"})
    provides: frozenset[str] = frozenset({"tokens"})

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "SegmentStage":
        """Build from pipeline options: user dictionaries plus lexicon words.

        Job titles and gazetteer names are added as words so that jieba does
        not split them (董事局主席, 山东城商行联盟 …), which the NER patterns rely on.
        """
        from .lexicons import load_gazetteer, load_titles

        extra: list[tuple[str, int | None, str | None]] = [(t, 2000, "n") for t in load_titles().titles]
        gazetteers = list(options.get("gazetteers", ()))
        gazetteer = load_gazetteer(extra_paths=gazetteers) if gazetteers else load_gazetteer()
        for name in gazetteer.aliases:
            if len(name) >= 2 and not name.isascii():
                extra.append((name, 2000, "nt"))
        segmenter = JiebaSegmenter(
            user_dicts=tuple(options.get("user_dicts", ())), extra_words=tuple(extra), tagger=options.get("tagger", "fast")
        )
        return cls(segmenter)

    def __call__(self, doc: Document) -> Document:
        """Segment each sentence of ``doc``."""
        work = doc.work
        norm, original = work.norm, work.original
        identity = work.offsets.is_identity
        rows: list[dict[str, Any]] = []
        for sent in doc.sentences:
            n_start, n_end = work.to_norm(sent.start, sent.end)
            for w_start, w_end, flag in self.segmenter.cut(norm[n_start:n_end]):
                a, b = n_start + w_start, n_start + w_end
                if norm[a:b].isspace():
                    continue
                start, end, text = (a, b, original[a:b]) if identity else work.orig_span(a, b)
                rows.append({"text": text, "start": start, "end": end, "pos": flag})
        # one validation call for the whole list is cheaper than one per token
        return doc.model_copy(update={"tokens": _TOKEN_LIST.validate_python(rows)})
