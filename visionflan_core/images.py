"""Image checks shared by validation and export: header read by default, full decode on request."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError


def check_image(path: Path, *, full: bool = False) -> str | None:
    """``None`` if ``path`` is a readable image, else why not (``full`` decodes every pixel)."""
    try:
        with Image.open(path) as image:
            if full:
                image.load()
            else:
                image.verify()
    except FileNotFoundError:
        return "image file is missing"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        return f"image does not decode: {error}"
    except Image.DecompressionBombError as error:
        return f"image exceeds the decompression-bomb limit: {error}"
    return None
