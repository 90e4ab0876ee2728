"""A data root whose image folder is a link (one shared COCO tree) exports every record.

A record's own path may never leave its root; ``--no-follow-symlinks`` also refuses links whose
real path is outside; only regular files are ever read.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.export.images import ImageOptions
from visionflan_core.records import ReadContext, SkipRecord
from visionflan_core.registry import Registry

from .conftest import export

ONLY_ALPHA = {"select": {"include": ["fake_alpha"]}}


def _linked_root(data_root: Path, tmp_path: Path) -> Path:
    """``root/coco/images`` is a link to a shared tree elsewhere, as researchers keep COCO."""
    shared = tmp_path / "shared" / "images"
    shutil.copytree(data_root / "coco" / "images", shared)
    root = tmp_path / "root"
    (root / "coco").mkdir(parents=True)
    shutil.copy(data_root / "coco" / "records.json", root / "coco" / "records.json")
    os.symlink(shared, root / "coco" / "images")
    return root


def test_linked_image_folder_exports_every_record(registry: Registry, data_root: Path,
                                                  tmp_path: Path) -> None:
    root = _linked_root(data_root, tmp_path)
    plain = export(registry, tmp_path / "plain", data_root=data_root, **ONLY_ALPHA)
    linked = export(registry, tmp_path / "linked", data_root=root, **ONLY_ALPHA)
    assert plain is not None and linked is not None
    assert linked["totals"]["written"] == plain["totals"]["written"] == 30
    names = sorted(p.relative_to(tmp_path / "linked").as_posix()
                   for p in (tmp_path / "linked" / "images").rglob("*.png"))
    assert names == sorted(p.relative_to(tmp_path / "plain").as_posix()
                           for p in (tmp_path / "plain" / "images").rglob("*.png"))

    strict = export(registry, tmp_path / "strict", data_root=root, allow_empty=True,
                    images=ImageOptions(follow_symlinks=False), **ONLY_ALPHA)
    assert strict is not None and strict["totals"]["written"] == 0


def test_export_offers_no_follow_symlinks(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "out"), "--help"])
    assert "--no-follow-symlinks" in result.output


def test_reader_paths_may_not_leave_the_root_and_must_be_regular_files(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    (root / "images").mkdir(parents=True)
    (root / "images" / "a.png").write_bytes(b"x")
    os.mkfifo(root / "images" / "pipe.png")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.png").write_bytes(b"y")
    os.symlink(elsewhere, root / "linked")
    context = ReadContext("t", root)
    assert context.image("images/./a.png") == "images/a.png"
    assert context.image("linked/b.png") == "linked/b.png"
    for bad, reason in (("../ds/images/a.png", "leaves the data root"),
                        ("/etc/passwd", "leaves the data root"),
                        ("images/pipe.png", "not a regular file"),
                        ("images/none.png", "does not exist")):
        try:
            context.image(bad)
        except SkipRecord as skip:
            assert reason in str(skip), (bad, str(skip))
        else:
            raise AssertionError(f"{bad} was accepted")
    strict = ReadContext("t", root, follow_symlinks=False)
    try:
        strict.image("linked/b.png")
    except SkipRecord as skip:
        assert "outside the data root" in str(skip)
    else:
        raise AssertionError("a link out of the root was followed with follow_symlinks=False")
