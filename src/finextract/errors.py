"""One exception hierarchy for finextract.

Every message says what went wrong *and* what to do next, so a user who sees
one in a batch log can act on it without reading the source.
"""

from __future__ import annotations


class FinextractError(Exception):
    """Base class of every error raised on purpose by finextract."""


class InputError(FinextractError, ValueError):
    """The input text or file cannot be processed as given."""


class ConfigError(FinextractError, ValueError):
    """A pipeline, backend or option was configured inconsistently."""


class PipelineError(FinextractError):
    """Stages do not fit together (a stage needs something nobody provides)."""


class LexiconError(FinextractError, ValueError):
    """A shipped or user-supplied lexicon file failed validation at load."""


class BackendNotFoundError(ConfigError):
    """A backend name was requested that is not registered."""
