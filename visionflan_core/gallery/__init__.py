"""``vf-tasks gallery``: a static HTML site of tasks and their rendered examples.

Researchers choose tasks by looking at them. The site opens from the file system (no server, no
network: its CSS and JS ship with this package), with one index of every selected task that
filters by category, dataset and group, and one page per task with its metadata, template, data
notes, licence, citation and rendered examples with their images. Pages come from the bundled
fixtures, a data root, or an export's output folder; one input and seed give one site, byte for
byte.
"""

from __future__ import annotations

from ._build import GalleryOptions, GalleryResult, gallery_of_export, gallery_of_registry
from .errors import GalleryError

__all__ = ["GalleryError", "GalleryOptions", "GalleryResult", "gallery_of_export", "gallery_of_registry"]
