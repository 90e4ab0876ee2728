"""The export's own error: an export that cannot go on, said in one line."""

from __future__ import annotations

from ..errors import VisionFlanError


class ExportError(VisionFlanError):
    """An export cannot go on (strict mode, an output that does not match, missing parts)."""
