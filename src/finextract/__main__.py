"""``python -m finextract``."""

from .cli import run

run()
