"""The trainer's known failure types; ``vf-train`` turns each into one line instead of a traceback.

Kept free of heavy imports so the CLI (``vf-train --help``) can catch them without importing
torch or transformers.
"""


class ConfigError(ValueError):
    """A stage config that cannot be used (bad values, inconsistent batch sizes, missing file)."""


class DataError(ValueError):
    """The data argument cannot be used at all (missing folder, no JSON, no valid record)."""


class ModelError(ValueError):
    """The model cannot be loaded or trained (not found, hub unreachable, no image token)."""
