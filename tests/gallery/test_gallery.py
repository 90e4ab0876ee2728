"""The gallery site from fixtures, a data root and an export: content, safety, determinism."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from visionflan_core.cli import cli
from visionflan_core.gallery import GalleryError, GalleryOptions, gallery_of_export, gallery_of_registry
from visionflan_core.registry import Registry
from visionflan_core.testing import draw_image

from ..export.conftest import export, tree
from .conftest import TASKS, add_records


def _copy_root(data_root: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(data_root, root)
    return root


def test_fixture_gallery_has_an_index_row_and_a_page_per_task(registry: Registry, tmp_path: Path) -> None:
    result = gallery_of_registry(tmp_path / "site", registry, options=GalleryOptions(count=2))
    assert (result.tasks, result.examples, result.problems, result.failed) == (3, 6, [], [])
    index = (tmp_path / "site" / "index.html").read_text()
    rows = re.findall(r'<tr data-category="([^"]*)" data-dataset="([^"]*)" data-group="([^"]*)"', index)
    assert sorted(rows) == sorted((category, dataset, "classification")
                                  for dataset, category, _, _ in TASKS.values())
    for task, (dataset, _, release, _) in TASKS.items():
        assert f'<a href="tasks/{task}.html">{release}</a>' in index
        page = (tmp_path / "site" / "tasks" / f"{task}.html").read_text()
        assert "What is shown in the image?" in page  # the template's source
        assert f"@misc{{fake_{dataset}, title={{Fake}}}}" in page  # citation
        assert "records.json and images/&lt;task&gt;/&lt;n&gt;.png" in page  # layout, escaped
        assert "The image shows cat." in page  # a target
        assert page.count('class="example"') == 2
        assert re.search(r"template sha256</dt><dd><code>[0-9a-f]{64}</code>", page)
        # every image on the page: a thumbnail in the site, linked to the full image in the site
        pairs = re.findall(r'<a href="\.\./(images/[^"]+)"[^>]*><img src="\.\./(thumbs/[^"]+)"[^>]*'
                           r'loading="lazy"', page)
        assert len(pairs) == 2
        for full, thumb in pairs:
            assert (tmp_path / "site" / full).is_file() and (tmp_path / "site" / thumb).is_file()
    assert re.findall(r'<td class="num">(\d+)</td>', index) == ["3", "3", "3"]  # fixture records


def test_same_input_and_seed_give_the_same_site_byte_for_byte(registry: Registry, data_root: Path,
                                                              tmp_path: Path) -> None:
    one = gallery_of_registry(tmp_path / "one", registry, data_root=data_root,
                              options=GalleryOptions(seed=3))
    copy = _copy_root(data_root, tmp_path)  # another copy of the data: no absolute path leaks in
    two = gallery_of_registry(tmp_path / "two", registry, data_root=copy, options=GalleryOptions(seed=3))
    assert one.images == two.images == sum(min(3, count) for *_, count in TASKS.values())
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    other = gallery_of_registry(tmp_path / "other", registry, data_root=data_root)
    assert other.tasks == 3 and tree(tmp_path / "other") != tree(tmp_path / "one")  # seed 0 differs


def test_thumbnails_are_small_and_full_images_are_the_source_bytes(registry: Registry, data_root: Path,
                                                                   tmp_path: Path) -> None:
    gallery_of_registry(tmp_path / "site", registry, data_root=data_root,
                        options=GalleryOptions(thumb_side=64))
    sources = {hashlib.sha256(p.read_bytes()).hexdigest()[:24]: p for p in data_root.rglob("*.png")}
    fulls = sorted((tmp_path / "site" / "images").iterdir())
    assert fulls
    for full in fulls:
        assert full.read_bytes() == sources[full.stem].read_bytes()
        with Image.open(tmp_path / "site" / "thumbs" / f"{full.stem}.jpg") as thumb:
            assert thumb.format == "JPEG" and max(thumb.size) == 64  # 300x200 sources


def test_text_is_escaped(registry: Registry, data_root: Path, tmp_path: Path) -> None:
    root = _copy_root(data_root, tmp_path)
    add_records(root / "coco", [{"id": "x", "images": ["images/fake_alpha/0000.png"],
                                 "label": "<script>alert(1)</script>"}])
    gallery_of_registry(tmp_path / "site", registry, ["fake_alpha"], data_root=root,
                        options=GalleryOptions(count=10))
    page = (tmp_path / "site" / "tasks" / "fake_alpha.html").read_text()
    assert "<script>alert" not in page
    assert html.escape("The image shows <script>alert(1)</script>.", quote=False) in page


def test_images_are_never_read_from_outside_the_data_root(registry: Registry, data_root: Path,
                                                          tmp_path: Path) -> None:
    root = _copy_root(data_root, tmp_path)
    secret = tmp_path / "secret.png"
    draw_image(secret, seed="secret")
    os.symlink(secret, root / "coco" / "linked.png")  # a link placed in the root: followed by default
    add_records(root / "coco", [
        {"id": "up", "images": ["../../secret.png"], "label": "cat"},
        {"id": "absolute", "images": [str(secret)], "label": "cat"},
        {"id": "gone", "images": ["images/nothing.png"], "label": "cat"},
        {"id": "linked", "images": ["linked.png"], "label": "cat"},
    ])
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()[:24]
    strict = gallery_of_registry(tmp_path / "strict", registry, ["fake_alpha"], data_root=root,
                                 options=GalleryOptions(count=10, follow_symlinks=False))
    reasons = {p.record_id: p.message for p in strict.problems}
    assert set(reasons) == {"up", "absolute", "gone", "linked"}
    assert "leaves its root" in reasons["up"] and "leaves its root" in reasons["absolute"]
    assert reasons["gone"] == "image file is missing"
    assert "resolves outside its root" in reasons["linked"]
    assert not any(digest in p.name for p in (tmp_path / "strict").rglob("*"))
    page = (tmp_path / "strict" / "tasks" / "fake_alpha.html").read_text()
    assert page.count("not shown") == 4
    followed = gallery_of_registry(tmp_path / "followed", registry, ["fake_alpha"], data_root=root,
                                   options=GalleryOptions(count=10))
    assert {p.record_id for p in followed.problems} == {"up", "absolute", "gone"}
    assert (tmp_path / "followed" / "images" / f"{digest}.png").is_file()


def test_formats_a_browser_cannot_show_become_png(registry: Registry, data_root: Path,
                                                  tmp_path: Path) -> None:
    root = _copy_root(data_root, tmp_path)
    draw_image(root / "coco" / "photo.png", seed="ppm", size=(40, 30))
    with Image.open(root / "coco" / "photo.png") as image:
        image.convert("RGB").save(root / "coco" / "photo.ppm")
        image.convert("RGB").save(root / "coco" / "photo.tif")
    add_records(root / "coco", [{"id": "ppm", "images": ["photo.ppm"], "label": "cat"},
                                {"id": "tif", "images": ["photo.tif"], "label": "dog"}])
    result = gallery_of_registry(tmp_path / "site", registry, ["fake_alpha"], data_root=root,
                                 options=GalleryOptions(count=10))
    assert result.problems == []
    page = (tmp_path / "site" / "tasks" / "fake_alpha.html").read_text()
    for name in ("photo.ppm", "photo.tif"):
        full = re.search(rf'<a href="\.\./(images/[0-9a-f]+\.(\w+))" title="{name} \(40×30\)"', page)
        assert full is not None and full.group(2) == "png"
        with Image.open(tmp_path / "site" / full.group(1)) as converted:
            assert converted.format == "PNG" and converted.size == (40, 30)


def test_a_task_without_data_is_a_failed_page_and_the_rest_go_on(registry: Registry, data_root: Path,
                                                                 tmp_path: Path) -> None:
    root = _copy_root(data_root, tmp_path)
    shutil.rmtree(root / "pacs")
    result = gallery_of_registry(tmp_path / "site", registry, data_root=root)
    assert [name for name, _ in result.failed] == ["FAKE+beta"]
    assert "does not exist" in result.failed[0][1] and str(tmp_path) not in result.failed[0][1]
    assert result.tasks == 3 and result.examples == 6
    page = (tmp_path / "site" / "tasks" / "fake_beta.html").read_text()
    assert 'id="failed"' in page and "&lt;data-root&gt;/pacs" in page


def test_tasks_selects_by_id_release_name_or_pattern(registry: Registry, tmp_path: Path) -> None:
    result = gallery_of_registry(tmp_path / "site", registry, ["FAKE+alpha", "fake_g*"])
    assert result.tasks == 2
    assert sorted(p.name for p in (tmp_path / "site" / "tasks").iterdir()) == ["fake_alpha.html",
                                                                                "fake_gamma.html"]
    with pytest.raises(GalleryError, match=r"'fake_alpah' matches no task \(did you mean fake_alpha"):
        gallery_of_registry(tmp_path / "other", registry, ["fake_alpah"])
    assert not (tmp_path / "other").exists()


def test_output_folder_is_never_clobbered(registry: Registry, data_root: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(GalleryError, match="not empty and not a gallery"):
        gallery_of_registry(foreign, registry)
    assert (foreign / "notes.txt").read_text() == "mine"
    site = tmp_path / "site"
    gallery_of_registry(site, registry, ["fake_alpha"])
    with pytest.raises(GalleryError, match="--overwrite"):
        gallery_of_registry(site, registry)
    gallery_of_registry(site, registry, options=GalleryOptions(overwrite=True))
    assert len(list((site / "tasks").iterdir())) == 3
    with pytest.raises(GalleryError, match="lies inside an input"):
        gallery_of_registry(data_root / "coco" / "gallery", registry, data_root=data_root)
    assert not (data_root / "coco" / "gallery").exists()
    assert not list(tmp_path.glob(".*partial*"))


def test_export_folder_gets_the_same_view(registry: Registry, data_root: Path, tmp_path: Path) -> None:
    info = export(registry, tmp_path / "exp", data_root=data_root, formats=("llava", "jsonl"), shard_size=2)
    assert info is not None
    written = {t["release_name"]: t["written"] for t in info["tasks"]}
    result = gallery_of_export(tmp_path / "site", tmp_path / "exp", registry=registry,
                               options=GalleryOptions(count=2))
    assert (result.tasks, result.problems, result.failed) == (3, [], [])
    index = (tmp_path / "site" / "index.html").read_text()
    for _, category, release, _ in TASKS.values():
        key = f"FAKE_{release.split('+')[1]}-"
        assert re.search(rf'<a href="tasks/{key}[0-9a-f]{{8}}\.html">{re.escape(release)}</a>', index)
        assert f'data-category="{category}"' in index
    counts = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', index)]
    assert counts == [written[name] for name in sorted(written)]
    page = next((tmp_path / "site" / "tasks").glob("FAKE_alpha-*.html")).read_text()
    assert "What is shown in the image?" in page  # the registry knows it: template shown
    assert "shard</dt><dd><code>jsonl/shard-00000.jsonl" in page  # jsonl is read first
    assert "template hash</dt><dd><code>" in page  # jsonl provenance
    assert "templates of this export</dt><dd>the installed ones shown here</dd>" in page
    # the llava shards alone give the same pages, less the jsonl provenance
    shutil.rmtree(tmp_path / "exp" / "jsonl")
    llava = gallery_of_export(tmp_path / "llava", tmp_path / "exp", registry=registry,
                              options=GalleryOptions(count=2))
    assert (llava.tasks, llava.examples, llava.problems) == (3, result.examples, [])
    llava_page = next((tmp_path / "llava" / "tasks").glob("FAKE_alpha-*.html")).read_text()
    assert "unknown (llava shards carry no provenance)" in llava_page
    assert sorted(os.listdir(tmp_path / "llava" / "images")) == sorted(
        os.listdir(tmp_path / "site" / "images"))


def test_export_records_may_not_point_outside_the_export(registry: Registry, data_root: Path,
                                                         tmp_path: Path) -> None:
    export(registry, tmp_path / "exp", data_root=data_root, formats=("llava",), shard_size=100)
    shard = tmp_path / "exp" / "llava" / "shard-00000.json"
    text = shard.read_text()
    first = re.search(r'"image":"(images/[^"]+)"', text)
    assert first is not None
    shard.write_text(text.replace(first.group(1), "../../outside.png", 1))
    (shard.parent / "shard-00001.json").write_text('[{"id": "broken"}]')
    result = gallery_of_export(tmp_path / "site", tmp_path / "exp", registry=registry)
    messages = [str(p) for p in result.problems]
    assert any("leaves its root" in m for m in messages)
    assert any("shard-00001.json: record broken: bad conversations" in m for m in messages)
    assert "1 record(s) of the shards are not valid" in (tmp_path / "site" / "index.html").read_text()


def test_export_without_readable_shards_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "exp" / "parquet").mkdir(parents=True)
    with pytest.raises(GalleryError, match="no llava or jsonl shards"):
        gallery_of_export(tmp_path / "site", tmp_path / "exp")


def test_cli_writes_the_bundled_fixture_gallery_of_one_task(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["gallery", str(tmp_path / "site"), "--tasks", "AI2D+*", "-n", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "site" / "index.html")
    page = (tmp_path / "site" / "tasks" / "ai2d_visual_question_answering.html").read_text()
    assert page.count('class="example"') == 2
    again = runner.invoke(cli, ["gallery", str(tmp_path / "site"), "--tasks", "AI2D+*"])
    assert again.exit_code == 1 and "--overwrite" in str(again.exception)
    both = runner.invoke(cli, ["gallery", str(tmp_path / "x"), "--data-root", str(tmp_path),
                               "--export", str(tmp_path)])
    assert both.exit_code == 2 and "pass one" in both.output
    assert "gallery" in runner.invoke(cli, ["--help"]).output


def test_cli_exits_1_when_a_task_cannot_be_shown(tmp_path: Path) -> None:
    (tmp_path / "empty_root").mkdir()
    result = CliRunner().invoke(cli, ["gallery", str(tmp_path / "site"), "--tasks", "AI2D+*",
                                      "--data-root", str(tmp_path / "empty_root")])
    assert result.exit_code == 1
    assert "failed: AI2D+visual_question_answering: data folder" in result.output
    assert (tmp_path / "site" / "index.html").is_file()  # the site is still written whole


def test_a_truncated_image_is_a_problem_of_its_record(registry: Registry, data_root: Path,
                                                      tmp_path: Path) -> None:
    root = _copy_root(data_root, tmp_path)
    whole = (root / "coco" / "images" / "fake_alpha" / "0000.png").read_bytes()
    (root / "coco" / "cut.png").write_bytes(whole[: len(whole) // 2])
    add_records(root / "coco", [{"id": "cut", "images": ["cut.png"], "label": "cat"}])
    result = gallery_of_registry(tmp_path / "site", registry, ["fake_alpha"], data_root=root,
                                 options=GalleryOptions(count=10))
    assert [(p.record_id, p.file, p.message) for p in result.problems] == [
        ("cut", "cut.png", "image is truncated: no PNG end-of-image marker")]
    assert result.examples == 5  # the record is still shown, its image marked as not shown
