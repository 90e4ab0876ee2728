"""Image checks shared by validation and export: one wording for why an image cannot be used."""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path

from PIL import Image, UnidentifiedImageError

IMAGE_ERRORS = (FileNotFoundError, Image.DecompressionBombError, UnidentifiedImageError, OSError,
                SyntaxError, ValueError)


def image_error_reason(error: BaseException) -> str:
    """Why opening or decoding an image failed, for reports (``error`` is one of IMAGE_ERRORS).

    The wording never holds an object repr or a path, so reports are the same on every run.
    """
    if isinstance(error, FileNotFoundError):
        return "image file is missing"
    if isinstance(error, NotRegularFile):
        return "image is not a regular file (a FIFO, device or folder): not read"
    if isinstance(error, Image.DecompressionBombError):
        return f"image is over-size: {error}"
    if isinstance(error, UnidentifiedImageError):
        return "image does not decode: not an image format Pillow recognises"
    if isinstance(error, OSError) and error.strerror:
        return f"image cannot be read: {error.strerror}"
    return f"image does not decode: {_REPR.sub('<data>', str(error))}"


_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?|'?/[^\s']*'?")


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where an image file was expected (never opened)."""


def read_regular_file(path: str | Path) -> bytes:
    """The bytes of ``path``, which must be a regular file.

    It is checked with ``stat`` before it is opened (opening a FIFO blocks forever, a device may
    do anything), and opened non-blocking and checked again, in case it was swapped in between.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(f"{os.path.basename(path)} is not a regular file")
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegularFile(f"{os.path.basename(path)} is not a regular file")
        return handle.read()


_JPEG_EOI, _JPEG_SOS = b"\xff\xd9", b"\xff\xda"
_PNG_IEND = b"IEND\xaeB`\x82"


def truncation(data: bytes, image_format: str | None) -> str | None:
    """Why ``data`` (a whole file) is cut short, judged by its format's end marker, or ``None``.

    JPEG: an end-of-image marker after the last start-of-scan (entropy-coded data cannot hold
    either, so a thumbnail's markers do not count for the main image); PNG: the ``IEND`` chunk;
    WebP: the RIFF length; GIF: the trailer byte. Other formats are not judged here.
    """
    if image_format == "JPEG":
        whole = data.rfind(_JPEG_EOI) > data.rfind(_JPEG_SOS)
    elif image_format == "PNG":
        whole = data.rfind(_PNG_IEND) > 0
    elif image_format == "WEBP":
        whole = len(data) >= 8 + int.from_bytes(data[4:8], "little")
    elif image_format == "GIF":
        whole = data.rstrip(b"\0").endswith(b";")
    else:
        return None
    return None if whole else f"image is truncated: no {image_format} end-of-image marker"


def check_image(path: Path) -> str | None:
    """``None`` if ``path`` is a regular file whose every pixel decodes, else why not."""
    try:
        data = read_regular_file(path)
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return truncation(data, image.format)
    except NotRegularFile as error:
        return f"image is not a regular file: {error}"
    except IMAGE_ERRORS as error:
        return image_error_reason(error)
