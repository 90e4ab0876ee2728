"""`vf-tasks fetch-release` offline: a hub cache laid out as huggingface_hub writes it, crafted archives."""

from __future__ import annotations

import hashlib
import io
import os
import shlex
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.export.cli import sample_path
from visionflan_core.release_fetch import DEFAULT_REPO, FetchError, fetch_release
from visionflan_core.safe_unzip import Limits, UnsafeArchive, unpack_zip

hf_constants = pytest.importorskip("huggingface_hub.constants")

COMMIT = "8b5253d312170c4ac0f7ecf63144f2c1c9542e37"
ANNOTATION = "annotation_191-task_1k.json"
ARCHIVE = "image_191-task_1k.zip"


def release_zip(path: Path) -> Path:
    """The bundled release sample's images, zipped as the real archive is: under images_191task_1k/."""
    images = sample_path("release")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted((images / "images").rglob("*")):
            if file.is_file():
                archive.write(file, "images_191task_1k/" + file.relative_to(images).as_posix())
    return path


def hub_cache(cache: Path, files: dict[str, Path], repo: str = DEFAULT_REPO) -> Path:
    """A dataset repo in huggingface_hub's cache layout: blobs by hash, a snapshot of links, refs/main."""
    base = cache / f"datasets--{repo.replace('/', '--')}"
    (base / "refs").mkdir(parents=True)
    (base / "refs" / "main").write_text(COMMIT)
    (base / "blobs").mkdir()
    snapshot = base / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    for name, source in files.items():
        data = source.read_bytes()
        blob = base / "blobs" / hashlib.sha256(data).hexdigest()
        blob.write_bytes(data)
        (snapshot / name).symlink_to(os.path.relpath(blob, snapshot))
    return cache


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", True)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    annotation = sample_path("release") / "vision_flan_release_sample.json"
    return hub_cache(tmp_path / "hub", {ANNOTATION: annotation, ARCHIVE: release_zip(tmp_path / ARCHIVE)})


def test_fetch_from_the_offline_cache_unpacks_and_prints_a_working_export_command(
    offline: None, cache: Path, tmp_path: Path
) -> None:
    target = tmp_path / "release"
    runner = CliRunner()
    result = runner.invoke(cli, ["fetch-release", str(target), "--cache-dir", str(cache)])
    assert result.exit_code == 0, result.output
    command = result.stdout.strip()
    assert command.startswith("vf-tasks export OUT --mixture vision-flan-1k --release-json ")
    assert (target / ANNOTATION).is_file() and (target / "images_191task_1k" / "images").is_dir()
    assert f"at commit {COMMIT}" in result.stderr and "file(s) unpacked" in result.stderr
    assert '"commit": "' + COMMIT in (target / "RELEASE.json").read_text()

    args = shlex.split(command)[1:]
    args[1] = str(tmp_path / "out")
    export = runner.invoke(cli, args)
    assert export.exit_code == 0, export.output
    assert (tmp_path / "out" / "COMPLETED").is_file()
    images = [p for p in (tmp_path / "out").rglob("*.jpg")]
    assert images, "the re-mixed export holds the unpacked images"

    again = runner.invoke(cli, ["fetch-release", str(target), "--cache-dir", str(cache)])
    assert again.exit_code == 0 and "0 written" in again.stderr  # resumed: nothing rewritten


def test_offline_without_the_release_in_the_cache_is_one_clear_line(offline: None, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["fetch-release", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "empty"),
                                 "--revision", "v1"])
    assert result.exit_code != 0
    assert isinstance(result.exception, FetchError)
    message = str(result.exception)
    assert "HF_HUB_OFFLINE=1" in message and f"{DEFAULT_REPO} at revision v1" in message
    assert str(tmp_path / "empty") in message and "\n" not in message


def test_a_download_that_fails_midway_says_to_run_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import huggingface_hub

    def broken(*args: object, **kwargs: object) -> str:
        raise ConnectionResetError("connection reset by peer")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", broken)
    with pytest.raises(FetchError, match=r"at revision main: download failed \(ConnectionResetError: "
                                         r"connection reset by peer\); run the same command again"):
        fetch_release(tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_a_snapshot_without_an_archive_names_what_is_missing(tmp_path: Path) -> None:
    folder = tmp_path / "snap" / COMMIT
    folder.mkdir(parents=True)
    (folder / ANNOTATION).write_text("[]")
    with pytest.raises(FetchError, match=r"no image archive \(\*\.zip\)"):
        fetch_release(tmp_path / "r", snapshot=lambda repo, revision, cache: folder)


def crafted(path: Path, members: list[tuple[str, bytes]], *, links: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


@pytest.mark.parametrize(("name", "reason"), [
    ("images/../../escape.txt", "'..' leads out"),
    ("/tmp/absolute.txt", "absolute path"),
    ("C:/windows.txt", "absolute path"),
    ("images\\..\\..\\x.txt", "backslash"),
])
def test_a_member_that_would_escape_refuses_the_whole_archive(tmp_path: Path, name: str, reason: str) -> None:
    archive = crafted(tmp_path / "a.zip", [("images/ok.jpg", b"fine"), (name, b"evil")])
    target = tmp_path / "deep" / "target"
    with pytest.raises(UnsafeArchive, match=reason):
        unpack_zip(archive, target)
    assert not target.exists()  # checked before anything is written
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path / "deep" / "escape.txt").exists()


def test_symbolic_link_members_are_refused(tmp_path: Path) -> None:
    archive = crafted(tmp_path / "a.zip", [("images/ok.jpg", b"fine")], links={"images/link": "/etc/passwd"})
    with pytest.raises(UnsafeArchive, match="symbolic link"):
        unpack_zip(archive, tmp_path / "t")


def test_a_link_already_in_the_target_is_not_followed_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = tmp_path / "t"
    target.mkdir()
    (target / "images").symlink_to(outside)
    archive = crafted(tmp_path / "a.zip", [("images/x.jpg", b"data")])
    with pytest.raises(UnsafeArchive, match="outside"):
        unpack_zip(archive, target)
    assert list(outside.iterdir()) == []


def test_zip_bombs_are_refused_by_ratio_total_size_and_member_count(tmp_path: Path) -> None:
    bomb = crafted(tmp_path / "bomb.zip", [("images/ok.jpg", b"fine"), ("images/zeros.bin", bytes(8 << 20))])
    assert bomb.stat().st_size < 100_000  # 8 MiB of zeros deflate to a few kB
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        unpack_zip(bomb, tmp_path / "t1")
    assert not (tmp_path / "t1").exists()

    incompressible = os.urandom(2 << 20)
    big = crafted(tmp_path / "big.zip", [("a.bin", incompressible), ("b.bin", incompressible)])
    with pytest.raises(UnsafeArchive, match="more than the limit of"):
        unpack_zip(big, tmp_path / "t2", Limits(max_total_bytes=3 << 20))

    many = crafted(tmp_path / "many.zip", [(f"f{i}.txt", b"x") for i in range(11)])
    with pytest.raises(UnsafeArchive, match="11 members, more than the limit of 10"):
        unpack_zip(many, tmp_path / "t3", Limits(max_members=10))


def test_a_corrupt_member_leaves_no_file_behind(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.txt", b"0123456789")
    data = bytearray(buffer.getvalue())
    path = tmp_path / "lie.zip"
    path.write_bytes(bytes(data).replace(b"0123456789", b"0123456780"))  # CRC no longer matches
    with pytest.raises(UnsafeArchive, match=r"a\.txt.*Bad CRC"):
        unpack_zip(path, tmp_path / "t")
    assert not (tmp_path / "t" / "a.txt").exists() and not (tmp_path / "t" / "a.txt.part").exists()
