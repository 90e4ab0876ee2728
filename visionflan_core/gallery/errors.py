"""The gallery's one error type (printed by ``vf-tasks`` as one line, status 1)."""

from __future__ import annotations

from ..errors import VisionFlanError


class GalleryError(VisionFlanError):
    """The gallery cannot be written: a bad output folder, selection or export folder."""
