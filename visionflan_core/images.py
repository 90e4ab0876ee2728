"""Image checks shared by validation and export: one wording for why an image cannot be used."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

IMAGE_ERRORS = (FileNotFoundError, Image.DecompressionBombError, UnidentifiedImageError, OSError,
                SyntaxError, ValueError)


def image_error_reason(error: BaseException) -> str:
    """Why opening or decoding an image failed, for reports (``error`` is one of IMAGE_ERRORS)."""
    if isinstance(error, FileNotFoundError):
        return "image file is missing"
    if isinstance(error, Image.DecompressionBombError):
        return f"image is over-size: {error}"
    return f"image does not decode: {error}"


def check_image(path: Path) -> str | None:
    """``None`` if every pixel of ``path`` decodes, else why not."""
    try:
        with Image.open(path) as image:
            image.load()
    except IMAGE_ERRORS as error:
        return image_error_reason(error)
    return None
