"""The ``hanlp`` NER backend: a HanLP NER component read from disk, never from the network.

``Pipeline(ner="hanlp", ner_model=MODEL)`` where ``MODEL`` is

* a model directory (with ``config.json``), as HanLP's trainer saves it or
  as a pretrained HanLP zip unpacks; or
* a HanLP pretrained identifier (``MSRA_NER_ELECTRA_SMALL_ZH``, the default)
  or its URL, whose files already lie in HanLP's cache under ``HANLP_HOME``
  (unpacked, or as the downloaded zip at its cache path).

Everything is checked on disk before HanLP is asked to load anything: the
model, and every resource its ``config.json`` refers to (HanLP's own URLs
and the tokenizer/model mirrors of its transformers).  A missing file raises
:class:`HanlpModelError` at once, naming the path looked at; HanLP's
downloader (which retries for about 25 s without a network) is never
reached.  Hugging Face libraries are put in offline mode unless the user
chose otherwise.

HanLP reports entities as ``(text, tag, begin, end)`` in *token* indices.
The backend feeds HanLP characters (or, for a word-level model, the jieba
tokens of the sentence), keeps each token's character offsets, and turns
token spans back into sentence offsets; the NER stage maps those onto the
original text, so Traditional input works with HanLP's Simplified models.
Tags map onto finextract labels through ``finextract/data/hanlp_labels.json``.

``import finextract`` never imports hanlp or torch: they are imported when a
backend is built.  Install with ``pip install 'finextract[hanlp]'`` (install
a CPU build of PyTorch first unless a GPU is wanted).
"""

from __future__ import annotations

import inspect
import json
import os
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping, Sequence, get_args

from ..errors import ConfigError, LexiconError
from ..spans import EntityLabel
from .base import Candidate, SentenceInput

DEFAULT_MODEL = "MSRA_NER_ELECTRA_SMALL_ZH"
"""HanLP's pretrained identifier used when no ``ner_model`` is given."""

INSTALL_HINT = (
    "install PyTorch first (a CPU build is enough: see pytorch.org for the command that fits your machine), "
    "then run: pip install 'finextract[hanlp]'"
)

TOKENS = ("auto", "chars", "words")
"""What HanLP is fed: ``chars`` (one token per character), ``words`` (the
sentence's jieba tokens) or ``auto`` (words for a model whose config says its
tokens are joined by spaces, characters otherwise)."""

_LABELS_WHERE = "finextract/data/hanlp_labels.json"
_OFFLINE_FLAGS = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


class MissingHanlpError(ConfigError):
    """hanlp or torch is not installed."""


class HanlpModelError(ConfigError):
    """A HanLP model, or a file it needs, is not on disk (or cannot be read)."""


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class HanlpLabels:
    """HanLP tag → finextract label, merged over every tag set of the data file."""

    table: Mapping[str, str]

    def label(self, tag: str) -> str | None:
        """The finextract label of ``tag``, or ``None`` when the tag is dropped."""
        return self.table.get(tag)


def load_hanlp_labels() -> HanlpLabels:
    """Read ``hanlp_labels.json``; a tag mapped differently by two tag sets is an error."""
    try:
        data = json.loads(resources.files("finextract.data").joinpath("hanlp_labels.json").read_text("utf-8"))
        tagsets: dict[str, dict[str, str]] = data["tagsets"]
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise LexiconError(f"{_LABELS_WHERE}: cannot read the tag table ({exc}); reinstall finextract") from exc
    known = set(get_args(EntityLabel))
    merged: dict[str, str] = {}
    for name, table in tagsets.items():
        for tag, label in table.items():
            if label not in known:
                raise LexiconError(f"{_LABELS_WHERE}: tag set {name!r} maps {tag!r} onto unknown label {label!r}; use one of {sorted(known)}")
            if merged.setdefault(tag, label) != label:
                raise LexiconError(f"{_LABELS_WHERE}: tag {tag!r} maps onto both {merged[tag]!r} and {label!r}; make the tag sets agree")
    return HanlpLabels(MappingProxyType(merged))


# ---------------------------------------------------------------- imports


def default_hanlp_home() -> Path:
    """``$HANLP_HOME``, else HanLP's own default (``~/.hanlp``; ``%APPDATA%/hanlp`` on Windows)."""
    if os.environ.get("HANLP_HOME"):
        return Path(os.environ["HANLP_HOME"]).expanduser()
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "hanlp"
    return Path("~/.hanlp").expanduser()


def import_hanlp(hanlp_home: str | Path | None = None) -> Any:
    """Import hanlp, first pointing ``HANLP_HOME`` at ``hanlp_home`` when given.

    HanLP reads ``HANLP_HOME`` once, when it is imported; a later change only
    affects the paths this module computes itself (see :func:`locate_model`).
    """
    if hanlp_home is not None and "hanlp" not in sys.modules:
        os.environ["HANLP_HOME"] = str(Path(hanlp_home).expanduser())
    try:
        import hanlp
        import torch  # noqa: F401  (fail here, with the hint, rather than inside HanLP)
    except ImportError as exc:
        raise MissingHanlpError(f"the hanlp NER backend needs hanlp and torch ({exc}); {INSTALL_HINT}") from exc
    return hanlp


def hanlp_cache_root() -> Path:
    """Where the imported HanLP looks up resources (its ``HANLP_HOME`` as of import time)."""
    from hanlp.utils import io_util

    default = inspect.signature(io_util.get_resource).parameters["save_dir"].default
    return Path(default if isinstance(default, str) else io_util.hanlp_home())


# ---------------------------------------------------------------- locating files


@dataclass(frozen=True)
class CachedResource:
    """A HanLP URL and where HanLP keeps it under a cache root."""

    url: str
    directory: Path
    archive: Path | None

    @property
    def present(self) -> bool:
        """The unpacked folder, or the downloaded archive HanLP unpacks offline, is there."""
        return self.directory.exists() or (self.archive is not None and self.archive.is_file())

    def missing_message(self, what: str) -> str:
        """Where the files were looked for, and how to put them there."""
        where = f"{self.directory}" + (f" (or the archive {self.archive})" if self.archive else "")
        fetch = f"download {self.url.split('#')[0]} on a machine with internet access"
        place = f"put it at {self.archive} or unzip it there (so that {self.directory} exists)" if self.archive else f"save it as {self.directory}"
        return f"{what} is not on disk: looked for {where}; {fetch} and {place}, or set HANLP_HOME to a folder that has it"


def cached_resource(url: str, root: Path) -> CachedResource:
    """Where HanLP's resolver keeps ``url`` under ``root`` (its own path rules, no I/O)."""
    from hanlp.utils.io_util import path_from_url, split_if_compressed

    base, _, anchor = url.partition("#")
    stem, ext = split_if_compressed(path_from_url(base, str(root)))
    directory = Path(stem) / anchor.lstrip("/") if anchor else Path(stem)
    return CachedResource(url, directory, Path(stem + ext) if ext else None)


def _pretrained_url(spec: str) -> str | None:
    """The URL of a HanLP pretrained identifier, ``spec`` itself for a URL, else ``None``."""
    import hanlp.pretrained

    url = hanlp.pretrained.ALL.get(spec, spec)
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def locate_model(spec: str | Path, root: Path) -> Path:
    """The model directory for ``spec`` (a directory, or an identifier/URL cached under ``root``).

    An archive at its cache path is unpacked by HanLP's own resolver, which
    does not download when the file is there.
    """
    path = Path(spec).expanduser()
    if path.exists():
        return _checked_directory(path)
    url = _pretrained_url(str(spec))
    if url is None:
        raise HanlpModelError(
            f"no HanLP model at {path}: it is neither a directory nor a HanLP pretrained identifier or URL; "
            f"pass a model directory (with config.json) or an identifier such as {DEFAULT_MODEL}"
        )
    cached = cached_resource(url, root)
    if not cached.present:
        raise HanlpModelError(cached.missing_message(f"HanLP model {spec}"))
    if not cached.directory.exists():
        from hanlp.utils.io_util import get_resource

        return _checked_directory(Path(get_resource(url, save_dir=str(root), verbose=False)))
    return _checked_directory(cached.directory)


def _checked_directory(path: Path) -> Path:
    """``path`` if it is a PyTorch HanLP model directory, else a clear error."""
    if path.is_file():
        hint = "unzip it and pass the folder" if path.suffix == ".zip" else "pass the folder that holds config.json"
        raise HanlpModelError(f"{path} is a file, not a HanLP model directory; {hint}")
    if not (path / "config.json").is_file():
        tf = " (a TensorFlow model: only PyTorch components, which have config.json, are supported)" if (path / "meta.json").is_file() else ""
        raise HanlpModelError(f"{path} has no config.json{tf}; pass the directory HanLP saved the model to")
    return path


def read_model_config(directory: Path) -> dict[str, Any]:
    """The model's ``config.json``, checked for a ``classpath``."""
    try:
        config = json.loads((directory / "config.json").read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise HanlpModelError(f"cannot read {directory / 'config.json'} ({exc}); restore the model directory") from exc
    if not isinstance(config, dict) or not isinstance(config.get("classpath"), str):
        raise HanlpModelError(f"{directory / 'config.json'} names no classpath; it is not a HanLP component")
    return config


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def dependency_urls(config: dict[str, Any]) -> list[str]:
    """The HanLP resources a model's config refers to: URLs, and mirrors of named transformers."""
    from hanlp.layers.transformers.resource import model_mirrors, tokenizer_mirrors

    urls: list[str] = []
    for text in _strings(config):
        if text.startswith(("http://", "https://")):
            urls.append(text)
        urls += [m[text] for m in (tokenizer_mirrors, model_mirrors) if text in m]
    return list(dict.fromkeys(urls))


def check_dependencies(config: dict[str, Any], root: Path, model: Path) -> None:
    """Raise :class:`HanlpModelError` for the first resource of ``config`` missing under ``root``."""
    for url in dependency_urls(config):
        cached = cached_resource(url, root)
        if not cached.present:
            raise HanlpModelError(cached.missing_message(f"{url}, needed by the HanLP model {model},"))


def _check_dependencies_under(config: dict[str, Any], root: Path, model: Path) -> None:
    """:func:`check_dependencies` where HanLP will look, saying so when that is not ``root``."""
    cache_root = hanlp_cache_root()
    try:
        check_dependencies(config, cache_root, model)
    except HanlpModelError as exc:
        if cache_root.expanduser().resolve() == root.resolve():
            raise
        raise HanlpModelError(
            f"{exc} (hanlp was imported with HANLP_HOME={cache_root} before {root} was asked for: "
            "set HANLP_HOME before anything imports hanlp)"
        ) from None


# ---------------------------------------------------------------- token spans


def token_spans(sent: SentenceInput, mode: str) -> list[tuple[int, int]]:
    """Sentence offsets of the tokens fed to HanLP (whitespace is never a token)."""
    if mode == "words" and sent.tokens:
        return [(s, e) for s, e, _ in sent.tokens if sent.text[s:e].strip()]
    return [(i, i + 1) for i, ch in enumerate(sent.text) if not ch.isspace()]


def chunks(spans: list[tuple[int, int]], size: int) -> list[list[tuple[int, int]]]:
    """``spans`` cut into pieces of at most ``size`` tokens (HanLP models have a length limit)."""
    return [spans[i : i + size] for i in range(0, len(spans), size)]


def to_char_span(chunk: Sequence[tuple[int, int]], begin: int, end: int) -> tuple[int, int] | None:
    """Sentence offsets of HanLP's token span ``[begin, end)``, or ``None`` when it is out of range."""
    if not 0 <= begin < end <= len(chunk):
        return None
    return chunk[begin][0], chunk[end - 1][1]


# ---------------------------------------------------------------- backend


@dataclass
class HanlpBackend:
    """A loaded HanLP NER component behind finextract's backend interface (priority 2)."""

    component: Any
    labels: HanlpLabels = field(default_factory=load_hanlp_labels)
    tokens: str = "chars"
    batch_size: int = 32
    max_tokens: int = 200
    name: str = "hanlp"
    model_dir: str = ""

    @classmethod
    def load(
        cls,
        model: str | Path | None = None,
        *,
        hanlp_home: str | Path | None = None,
        tokens: str = "auto",
        batch_size: int = 32,
        max_tokens: int = 200,
        threads: int | None = 1,
        devices: Any = -1,
    ) -> "HanlpBackend":
        """Load ``model`` (default :data:`DEFAULT_MODEL`) without touching the network.

        ``hanlp_home`` replaces ``$HANLP_HOME`` (set before hanlp is
        imported); ``threads`` sets torch's CPU threads (1 is several times
        faster on small machines; ``None`` leaves torch's setting);
        ``devices`` is HanLP's (``-1``: CPU, ``None``: HanLP picks a GPU).
        """
        if tokens not in TOKENS:
            raise ConfigError(f"tokens must be one of {TOKENS}, got {tokens!r}")
        if batch_size < 1 or max_tokens < 1:
            raise ConfigError(f"batch_size and max_tokens must be positive, got {batch_size} and {max_tokens}")
        import_hanlp(hanlp_home)
        root = Path(hanlp_home).expanduser() if hanlp_home is not None else default_hanlp_home()
        directory = locate_model(model if model is not None else DEFAULT_MODEL, root)
        config = read_model_config(directory)
        _check_dependencies_under(config, root, directory)
        if tokens == "auto":
            tokens = "words" if config.get("token_delimiter") == " " else "chars"
        component = build_component(directory, config, threads=threads, devices=devices)
        return cls(component, tokens=tokens, batch_size=batch_size, max_tokens=max_tokens, model_dir=str(directory))

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "HanlpBackend":
        """Build from pipeline options (``ner_model``: a model directory, or a HanLP identifier/URL in ``HANLP_HOME``)."""
        return cls.load(options.get("ner_model"))

    def predict(self, batch: Sequence[SentenceInput]) -> list[list[Candidate]]:
        """Candidates for each sentence; all sentences go through HanLP together, ``batch_size`` at a time."""
        jobs = [(i, piece) for i, sent in enumerate(batch) for piece in chunks(token_spans(sent, self.tokens), self.max_tokens)]
        out: list[list[Candidate]] = [[] for _ in batch]
        if not jobs:
            return out
        words = [[batch[i].text[s:e] for s, e in piece] for i, piece in jobs]
        results = self.component(words, batch_size=self.batch_size)
        for (i, piece), entities in zip(jobs, results):
            out[i] += self._candidates(piece, entities)
        return out

    def _candidates(self, piece: Sequence[tuple[int, int]], entities: Sequence[Any]) -> list[Candidate]:
        cands = []
        for entity in entities:
            _, tag, begin, end = entity[:4]
            label = self.labels.label(str(tag))
            span = to_char_span(piece, int(begin), int(end))
            if label is not None and span is not None:
                cands.append(Candidate(span[0], span[1], label, source="hanlp", priority=2, score=0.8))
        return sorted(cands, key=lambda c: (c.start, c.end))


def build_component(directory: Path, config: dict[str, Any], *, threads: int | None, devices: Any) -> Any:
    """Instantiate the component named by ``config`` and load its weights from ``directory``.

    This is what ``hanlp.load`` does for a local PyTorch component, minus
    its error path, which looks up the latest HanLP release online.
    """
    import torch
    from hanlp_common.reflection import object_from_classpath

    for flag in _OFFLINE_FLAGS:
        os.environ.setdefault(flag, "1")
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        component = object_from_classpath(config["classpath"])
        component.load(str(directory), devices=devices, verbose=False)
    except (ImportError, AttributeError) as exc:
        raise HanlpModelError(f"{directory}: HanLP cannot build {config['classpath']} ({exc}); {INSTALL_HINT}") from exc
    except (OSError, RuntimeError, ValueError, KeyError) as exc:
        raise HanlpModelError(f"{directory}: the model does not load ({type(exc).__name__}: {exc}); re-save or re-download it") from exc
    return component
