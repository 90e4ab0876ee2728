"""Images of the site: located safely, copied once by content, and given a Pillow thumbnail.

A reference may never leave its root (no absolute path, no ``..`` past it); with
``follow_symlinks=False`` its real path must stay inside the real root too, and only regular files
are ever opened (the rules of :class:`~visionflan_core.records.ReadContext` and the exporter).
Files are named by the sha256 of their bytes, so an image shared by several tasks is stored once
and two runs name everything alike. A format a browser cannot show (TIFF, PPM, BMP...) is
converted to PNG; JPEG, PNG, GIF and WebP are copied byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from PIL import Image, ImageOps

from ..errors import os_error_line
from ..images import IMAGE_ERRORS, image_error_reason, read_regular_file, truncation
from ._model import ImageView
from .errors import GalleryError

THUMB_SIDE = 256
THUMB_QUALITY = 85
BROWSER_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
IMAGES_DIR = "images"
THUMBS_DIR = "thumbs"
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_BACKGROUND = (255, 255, 255)


class ImageProblem(Exception):
    """An image that cannot be shown; ``reason`` says why (never with an absolute path)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def locate(root: Path, reference: str, *, follow_symlinks: bool = True) -> Path:
    """The file behind ``reference`` below ``root``, refusing any path that leaves it."""
    clean = posixpath.normpath(reference.replace("\\", "/"))
    if posixpath.isabs(clean) or clean == ".." or clean.startswith("../"):
        raise ImageProblem(f"image path {reference!r} leaves its root: not read")
    path = root / clean
    if not follow_symlinks:
        real_root = os.path.realpath(root)
        if not os.path.realpath(path).startswith(real_root + os.sep):
            raise ImageProblem(f"image path {reference!r} resolves outside its root "
                               "(symbolic links are not followed): not read")
    return path


@dataclass
class ImageStore:
    """Writes images and thumbnails below ``site`` (``images/``, ``thumbs/``), each once."""

    site: Path
    thumb_side: int = THUMB_SIDE

    def __post_init__(self) -> None:
        self._stored: dict[str, ImageView] = {}
        (self.site / IMAGES_DIR).mkdir(parents=True, exist_ok=True)
        (self.site / THUMBS_DIR).mkdir(parents=True, exist_ok=True)

    @property
    def count(self) -> int:
        """How many distinct images are stored."""
        return len(self._stored)

    def add(self, path: Path, source: str) -> ImageView:
        """Store the image at ``path`` (a reference already located); raises :class:`ImageProblem`."""
        try:
            data = read_regular_file(path)
        except IMAGE_ERRORS as error:
            raise ImageProblem(image_error_reason(error)) from None
        digest = hashlib.sha256(data).hexdigest()[:24]
        known = self._stored.get(digest)
        if known is None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    known, full_bytes, thumb_bytes = self._convert(data, digest)
            except IMAGE_ERRORS as error:
                raise ImageProblem(image_error_reason(error)) from None
            try:  # the site's own files: an error here is the run's, not this image's
                (self.site / known.full).write_bytes(full_bytes)
                (self.site / known.thumb).write_bytes(thumb_bytes)
            except OSError as error:
                raise GalleryError(os_error_line(error)) from None
            self._stored[digest] = known
        return replace(known, source=source)

    def _convert(self, data: bytes, digest: str) -> tuple[ImageView, bytes, bytes]:
        """The image's entry, the bytes of its full file and of its thumbnail."""
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format or ""
            reason = truncation(data, image_format)
            if reason is not None:
                raise ImageProblem(reason)
            width, height = image.size
            orientation = int(image.getexif().get(0x0112, 1)) if image_format != "PNG" else 1
            if orientation in _ROTATED:
                width, height = height, width
            ext = BROWSER_FORMATS.get(image_format)
            if ext is not None and image_format == "JPEG":
                image.draft("RGB", (self.thumb_side, self.thumb_side))  # decode at a fraction
            upright = ImageOps.exif_transpose(image)
            if ext is None:  # the browser cannot show it: the full image becomes a PNG
                ext = "png"
                full_bytes = _encode(upright, "PNG")
            else:
                full_bytes = data
            thumb = _flat_rgb(upright)
            thumb.thumbnail((self.thumb_side, self.thumb_side), Image.Resampling.LANCZOS)
        view = ImageView(full=f"{IMAGES_DIR}/{digest}.{ext}", thumb=f"{THUMBS_DIR}/{digest}.jpg",
                         width=width, height=height, thumb_width=thumb.width, thumb_height=thumb.height,
                         source="")
        return view, full_bytes, _encode(thumb, "JPEG")


def _flat_rgb(image: Image.Image) -> Image.Image:
    """RGB; transparency is flattened onto white rather than dropped to black."""
    if image.mode == "RGB":
        return image.copy()
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, _BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):  # wide values: stretch to 8 bits
        wide = image.convert("F")
        low, high = cast(tuple[float, float], wide.getextrema())  # one band: (min, max)
        scale = 255.0 / (high - low) if high > low else 0.0
        return wide.point(lambda value: (value - low) * scale).convert("L").convert("RGB")
    return image.convert("RGB")


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.save(buffer, format="JPEG", quality=THUMB_QUALITY)
    else:
        image.save(buffer, format=image_format)
    return buffer.getvalue()
