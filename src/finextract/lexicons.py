"""Lexicon loaders: the finance gazetteer, job titles and surnames.

Every lexicon is a data file validated when it is loaded; a problem raises
:class:`~finextract.errors.LexiconError` naming the file, the entry and what
to fix.  Names are stored in *working form* (OpenCC ``t2s`` Simplified with
full-width digits and letters folded to ASCII), the form the matchers see, so
a lexicon may be written in Traditional or Simplified.

>>> gaz = load_gazetteer()                       # doctest: +SKIP
>>> gaz.lookup("工行").canonical                  # doctest: +SKIP
'中国工商银行'
>>> "董事长" in load_titles()                     # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from os import PathLike, fspath
from types import MappingProxyType
from typing import Any, Iterator, Literal, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import LexiconError
from .normalize.script import Converter, fold_width

__all__ = [
    "LABELS",
    "GazetteerEntry",
    "Gazetteer",
    "TitleLexicon",
    "load_gazetteer",
    "load_titles",
    "load_surnames",
    "working_form",
]

PathArg = str | PathLike[str]
"""A file path as a string or path-like object."""

Label = Literal["ORG", "PERSON", "LOC", "PRODUCT"]
"""Entity labels a gazetteer entry may carry."""

LABELS: tuple[str, ...] = ("ORG", "PERSON", "LOC", "PRODUCT")
"""The allowed values of :attr:`GazetteerEntry.label`."""

SCHEMA_VERSION = 1
"""The ``version`` that gazetteer and title files must declare."""

_PACKAGE = "finextract.data"
_CODE = re.compile(r"^[0-9A-Z][0-9A-Z\-]*(\.[0-9A-Z]+)*\.[A-Z]{1,3}$")
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_MIN_NAME_CHARS = 2


# --------------------------------------------------------------------------- #
# Shared helpers


def _default_converter() -> Converter:
    from opencc import OpenCC

    return OpenCC("t2s")


def working_form(text: str, converter: Converter) -> str:
    """``text`` as the matchers see it: ``t2s`` Simplified, full-width folded."""
    return fold_width(converter.convert(text))


def _read(path: PathArg | None, packaged: str) -> tuple[str, str]:
    """Text of ``path`` (or the packaged file) and the name to use in messages."""
    if path is None:
        where = f"finextract/data/{packaged}"
        source = resources.files(_PACKAGE).joinpath(packaged)
    else:
        where = fspath(path)
        source = None
    try:
        if source is not None:
            return source.read_text(encoding="utf-8"), where
        with open(where, encoding="utf-8") as fh:
            return fh.read(), where
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{where}: not valid UTF-8 ({exc.reason}); save the file as UTF-8") from exc
    except OSError as exc:
        raise LexiconError(f"{where}: cannot read the file ({exc.strerror}); check the path") from exc


def _parse_json(text: str, where: str) -> dict[str, Any]:
    """Parse a JSON object with the expected ``version``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            f"{where}: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); fix the syntax"
        ) from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: the top level must be a JSON object with a \"version\" key")
    if data.get("version") != SCHEMA_VERSION:
        raise LexiconError(
            f"{where}: \"version\" is {data.get('version')!r}; this finextract reads version {SCHEMA_VERSION}"
        )
    return data


def read_data_json(path: PathArg | None, packaged: str) -> tuple[dict[str, Any], str]:
    """A validated JSON data file (``path``, or ``finextract/data/<packaged>``) and its name for messages."""
    text, where = _read(path, packaged)
    return _parse_json(text, where), where


def _check_keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise LexiconError(f"{where}: unknown top-level keys {unknown}; allowed keys are {sorted(allowed)}")


def _check_text(value: str, what: str) -> str:
    """Reject empty strings and surrounding whitespace (pydantic turns this into an error)."""
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    if value != value.strip():
        raise ValueError(f"{what} {value!r} has spaces around it; remove them")
    return value


def _string_list(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    """``data[key]`` as a list of clean, non-empty strings."""
    items = data.get(key)
    if not isinstance(items, list):
        raise LexiconError(f"{where}: \"{key}\" must be a list of strings")
    for pos, item in enumerate(items):
        if not isinstance(item, str):
            raise LexiconError(f"{where}: \"{key}\"[{pos}] is {item!r}, not a string; quote it or remove it")
        try:
            _check_text(item, f"\"{key}\"[{pos}]")
        except ValueError as exc:
            raise LexiconError(f"{where}: {exc}") from exc
    return items


# --------------------------------------------------------------------------- #
# Gazetteer


PUBLIC_KINDS = frozenset({"regulator", "central_bank", "government", "exchange", "association", "international"})
"""Gazetteer kinds of public bodies: their announcements speak of companies in general, and a trade
word after one names its data or sector (金管局数据), not a company."""


class GazetteerEntry(BaseModel):
    """One knowledge-base entry: an institution, company, person, place or product.

    ``canonical`` and ``aliases`` are kept in working form once loaded;
    ``canonical_zht`` is the Traditional display name, kept as written.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")
    """Stable identifier (ASCII letters, digits, ``_ . : -``)."""
    label: Label
    """Entity label: ``ORG``, ``PERSON``, ``LOC`` or ``PRODUCT``."""
    canonical: str
    """The Simplified canonical name; it also matches as an alias."""
    canonical_zht: str | None = None
    """The Traditional form of the canonical name, for display."""
    aliases: tuple[str, ...] = ()
    """Other names (abbreviations, former names, English names)."""
    codes: tuple[str, ...] = ()
    """Listing codes such as ``601398.SH`` or ``1398.HK``."""
    kind: str
    """Finer type, such as ``bank_state`` or ``exchange``."""

    @field_validator("canonical", "canonical_zht", "kind")
    @classmethod
    def _clean_text(cls, value: str | None) -> str | None:
        return None if value is None else _check_text(value, "the value")

    @field_validator("aliases")
    @classmethod
    def _clean_aliases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for alias in value:
            _check_text(alias, "an alias")
            if len(alias) < _MIN_NAME_CHARS:
                raise ValueError(f"alias {alias!r} is one character and would match everywhere; use a longer form")
        return value

    @field_validator("codes")
    @classmethod
    def _clean_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not _CODE.match(code):
                raise ValueError(f"code {code!r} is not of the form SYMBOL.MARKET such as 601398.SH; fix or remove it")
        return value

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases: every string that matches this entry."""
        return (self.canonical, *self.aliases)

    def in_working_form(self, converter: Converter) -> "GazetteerEntry":
        """This entry with ``canonical`` and ``aliases`` converted to working form."""
        return self.model_copy(
            update={
                "canonical": working_form(self.canonical, converter),
                "aliases": tuple(working_form(a, converter) for a in self.aliases),
            }
        )


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "entry"
        parts.append(f"field '{loc}': {err['msg']}")
    return "; ".join(parts)


def _index_entries(
    entries: Sequence[GazetteerEntry], sources: Sequence[str]
) -> tuple[dict[str, GazetteerEntry], dict[str, str], dict[str, str]]:
    """Maps id→entry, alias→id and code→id; raise on any name used twice."""
    by_id: dict[str, GazetteerEntry] = {}
    origin: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    by_code: dict[str, str] = {}
    for pos, entry in enumerate(entries):
        where = sources[pos] if pos < len(sources) else "<gazetteer>"
        if entry.id in by_id:
            raise LexiconError(
                f"{where}: entry {entry.id!r}: the id is already used by an entry from {origin[entry.id]}; "
                "give this entry another id"
            )
        by_id[entry.id] = entry
        origin[entry.id] = where
        _index_names(entry, where, by_alias, origin)
        _index_codes(entry, where, by_code, origin)
    return by_id, by_alias, by_code


def _index_names(entry: GazetteerEntry, where: str, by_alias: dict[str, str], origin: Mapping[str, str]) -> None:
    for name in entry.names:
        owner = by_alias.get(name)
        if owner == entry.id:
            raise LexiconError(
                f"{where}: entry {entry.id!r}: the name {name!r} is listed twice (canonical names count as "
                "aliases; Traditional and Simplified forms are the same name); remove the repeat"
            )
        if owner is not None:
            raise LexiconError(
                f"{where}: entry {entry.id!r}: the name {name!r} already belongs to entry {owner!r} "
                f"({origin[owner]}); an alias maps to one entry, so remove it from one of them"
            )
        by_alias[name] = entry.id


def _index_codes(entry: GazetteerEntry, where: str, by_code: dict[str, str], origin: Mapping[str, str]) -> None:
    for code in entry.codes:
        owner = by_code.get(code)
        if owner is not None:
            raise LexiconError(
                f"{where}: entry {entry.id!r}: the code {code!r} already belongs to entry {owner!r} "
                f"({origin[owner]}); remove the wrong one"
            )
        by_code[code] = entry.id


@dataclass(frozen=True)
class Gazetteer:
    """Validated gazetteer entries with lookups by id, name and listing code.

    Names must already be in working form (the loaders take care of this).
    Building one checks that ids, names and codes are each used once.
    ``sources`` optionally names the file each entry came from, for messages.
    """

    entries: tuple[GazetteerEntry, ...]
    sources: tuple[str, ...] = ()
    by_id: Mapping[str, GazetteerEntry] = field(init=False, repr=False, compare=False)
    """Entry id → entry."""
    alias_to_id: Mapping[str, str] = field(init=False, repr=False, compare=False)
    """Every name (canonical names included), in working form → entry id."""
    code_to_id: Mapping[str, str] = field(init=False, repr=False, compare=False)
    """Listing code → entry id."""

    def __post_init__(self) -> None:
        by_id, by_alias, by_code = _index_entries(self.entries, self.sources)
        object.__setattr__(self, "by_id", MappingProxyType(by_id))
        object.__setattr__(self, "alias_to_id", MappingProxyType(by_alias))
        object.__setattr__(self, "code_to_id", MappingProxyType(by_code))

    def __len__(self) -> int:
        """Number of entries."""
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        """Entries in file order."""
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        """Whether an entry has this id."""
        return entry_id in self.by_id

    def __getitem__(self, entry_id: str) -> GazetteerEntry:
        """The entry with ``entry_id``; ``KeyError`` when there is none."""
        try:
            return self.by_id[entry_id]
        except KeyError:
            raise KeyError(f"no gazetteer entry has id {entry_id!r}; check the id or use get()") from None

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with ``entry_id``, or ``None``."""
        return self.by_id.get(entry_id)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry one of whose names is ``name`` (working form; width is folded here), or ``None``."""
        entry_id = self.alias_to_id.get(fold_width(name))
        return None if entry_id is None else self.by_id[entry_id]

    def by_code(self, code: str) -> GazetteerEntry | None:
        """The entry listed under ``code`` (such as ``601398.SH``), or ``None``."""
        entry_id = self.code_to_id.get(fold_width(code).upper())
        return None if entry_id is None else self.by_id[entry_id]

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every name in working form, canonical names included."""
        return tuple(self.alias_to_id)


def _read_entries(path: PathArg | None, converter: Converter) -> tuple[list[GazetteerEntry], str]:
    """Validated entries of one gazetteer file, in working form."""
    text, where = _read(path, "gazetteer.json")
    data = _parse_json(text, where)
    _check_keys(data, {"version", "entries"}, where)
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise LexiconError(f"{where}: \"entries\" must be a list of entry objects")
    entries = [_read_entry(raw, pos, where).in_working_form(converter) for pos, raw in enumerate(raw_entries)]
    return entries, where


def _read_entry(raw: Any, pos: int, where: str) -> GazetteerEntry:
    """Validate one raw entry; the error names the entry by id, or by position when it has none."""
    ident = f"entry {raw['id']!r}" if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"entry #{pos}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: {ident} must be a JSON object with id, label, canonical and kind")
    try:
        return GazetteerEntry.model_validate(raw)
    except ValidationError as exc:
        raise LexiconError(f"{where}: {ident}: {_describe(exc)}; fix the entry") from exc


def load_gazetteer(
    path: PathArg | None = None,
    extra_paths: Sequence[PathArg] = (),
    converter: Converter | None = None,
) -> Gazetteer:
    """Load the gazetteer (the packaged one unless ``path`` is given) plus user files.

    ``extra_paths`` are gazetteer files of the same schema merged on top; an
    id, name or code that is already taken raises :class:`LexiconError`
    naming both files.  Traditional names are converted with OpenCC ``t2s``.
    """
    conv = converter if converter is not None else _default_converter()
    entries: list[GazetteerEntry] = []
    sources: list[str] = []
    for one in (path, *extra_paths):
        file_entries, where = _read_entries(one, conv)
        entries.extend(file_entries)
        sources.extend([where] * len(file_entries))
    return Gazetteer(tuple(entries), tuple(sources))


# --------------------------------------------------------------------------- #
# Titles


def _longest_first(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=lambda s: (-len(s), s)))


@dataclass(frozen=True)
class TitleLexicon:
    """Job titles and department-name suffixes, in working form, longest first."""

    titles: tuple[str, ...]
    """Titles such as 董事长, 首席执行官, CEO."""
    department_suffixes: tuple[str, ...]
    """Endings of department names (部, 中心, 委员会 …) that may precede a title."""
    occupations: frozenset[str] = frozenset()
    """Public offices and professions (总统, 记者, 教授 …), also in :attr:`titles`.

    They are titles, but unlike corporate titles they do not anchor the name
    patterns: the word before 总统 is usually a country (美国总统), the word
    after 记者 often a verb (记者来自), and a dateline precedes 记者 (日电记者).
    """
    not_departments: tuple[str, ...] = ()
    """Words that end in a department suffix but are no department (公司 ends in 司)."""

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` is exactly a title."""
        return word in self.titles

    def __len__(self) -> int:
        """Number of titles."""
        return len(self.titles)

    def title_at(self, text: str, start: int) -> str | None:
        """The longest title that starts at ``text[start]``, or ``None``.

        >>> TitleLexicon(("副行长", "行长"), ()).title_at("任副行长", 1)
        '副行长'
        """
        for title in self.titles:
            if text.startswith(title, start):
                return title
        return None

    def is_occupation(self, span: str) -> bool:
        """Whether the longest title ``span`` ends with is an occupation (驻华大使, 首席记者; not 总经理).

        >>> TitleLexicon(("总经理", "记者"), (), frozenset({"记者"})).is_occupation("财经记者")
        True
        """
        if not self.occupations:
            return False
        title = next((t for t in self.titles if span.endswith(t)), None)
        return title in self.occupations

    def department_ending(self, name: str) -> str | None:
        """The longest department suffix ``name`` ends with (or is), or ``None``.

        A word that ends in one of :attr:`not_departments` is none, unless a
        longer suffix matches (公司 is a company; 分公司 a department):

        >>> t = TitleLexicon(("司长",), ("分公司", "司"), not_departments=("公司",))
        >>> t.department_ending("监测司"), t.department_ending("公司"), t.department_ending("上海分公司")
        ('司', None, '分公司')
        """
        for suffix in self.department_suffixes:
            if name.endswith(suffix):
                blocked = any(name.endswith(w) and len(w) > len(suffix) for w in self.not_departments)
                return None if blocked else suffix
        return None

    def department_suffix(self, name: str) -> str | None:
        """The longest department suffix ``name`` ends with (and is longer than), or ``None``."""
        suffix = self.department_ending(name)
        return suffix if suffix is not None and len(name) > len(suffix) else None


def _unique_working(items: Sequence[str], key: str, where: str, converter: Converter) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        form = working_form(item, converter)
        if form in seen:
            raise LexiconError(
                f"{where}: \"{key}\" lists {item!r} twice (as {seen[form]!r} too, the same in Simplified); remove one"
            )
        seen[form] = item
    return list(seen)


def load_titles(path: PathArg | None = None, converter: Converter | None = None) -> TitleLexicon:
    """Load job titles (the packaged ``titles.json`` unless ``path`` is given)."""
    conv = converter if converter is not None else _default_converter()
    text, where = _read(path, "titles.json")
    data = _parse_json(text, where)
    _check_keys(data, {"version", "titles", "occupations", "department_suffixes", "not_departments"}, where)
    corporate = _string_list(data, "titles", where)
    occupations = _string_list(data, "occupations", where) if "occupations" in data else []
    titles = _unique_working(corporate + occupations, "titles and occupations", where, conv)
    if not corporate:
        raise LexiconError(f"{where}: \"titles\" is empty; list at least one title")
    suffixes = _unique_working(_string_list(data, "department_suffixes", where), "department_suffixes", where, conv)
    occupation_forms = frozenset(titles[len(corporate) :])
    not_departments = _string_list(data, "not_departments", where) if "not_departments" in data else []
    exclusions = _unique_working(not_departments, "not_departments", where, conv)
    return TitleLexicon(_longest_first(titles), _longest_first(suffixes), occupation_forms, _longest_first(exclusions))


# --------------------------------------------------------------------------- #
# Surnames


def _surname_line(line: str, lineno: int, where: str, converter: Converter) -> str:
    form = working_form(line, converter)
    if not 1 <= len(form) <= 2 or not _HAN.match(form):
        raise LexiconError(
            f"{where}: line {lineno}: {line!r} is not a one- or two-character Chinese surname; fix or remove the line"
        )
    return form


def load_surnames(path: PathArg | None = None, converter: Converter | None = None) -> frozenset[str]:
    """Load surnames, one per line (``#`` starts a comment line), in Simplified."""
    conv = converter if converter is not None else _default_converter()
    text, where = _read(path, "surnames.txt")
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        form = _surname_line(line, lineno, where, conv)
        if form in seen:
            raise LexiconError(f"{where}: line {lineno}: {line!r} repeats line {seen[form]}; remove one")
        seen[form] = lineno
    if not seen:
        raise LexiconError(f"{where}: no surnames found; list one surname per line")
    return frozenset(seen)
