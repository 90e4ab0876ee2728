"""A testing kit for dataset and task authors: make fixtures, read them back, check a task.

    from visionflan_core.testing import assert_task_valid
    def test_my_task():
        assert_task_valid("my_task")

A dataset folder's ``make_fixture.py`` defines ``make_fixture(root)``, which writes the fixture into
the empty folder ``root``, and ends with ``if __name__ == "__main__": regenerate(make_fixture, __file__)``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw

from .seeding import derive_seed

if TYPE_CHECKING:
    from .errors import Problem
    from .records import SourceRecord

SHAPES = ("rectangle", "ellipse", "triangle")


def draw_image(path: Path, *, seed: object = 0, size: tuple[int, int] = (32, 32),
               mode: str = "RGB", shape: str | None = None) -> Path:
    """Write a small deterministic picture (a coloured background with a shape) to ``path``.

    The format follows the suffix (``.jpg``, ``.png``, ...); the same seed gives the same bytes.
    ``shape`` (one of :data:`SHAPES`) fixes what is drawn; by default the seed picks a
    rectangle or an ellipse.
    """
    value = derive_seed("fixture-image", seed)
    colour = (value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF)
    accent = tuple(255 - c for c in colour)
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    box = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    if shape is None:
        shape = SHAPES[(value >> 24) & 1]
    if shape == "ellipse":
        draw.ellipse(box, fill=accent)
    elif shape == "rectangle":
        draw.rectangle(box, fill=accent)
    elif shape == "triangle":
        draw.polygon([(w // 2, h // 4), (3 * w // 4, 3 * h // 4), (w // 4, 3 * h // 4)], fill=accent)
    else:
        raise ValueError(f"shape must be one of {SHAPES}, not {shape!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert(mode).save(path)
    return path


def assert_task_valid(task_id: str) -> None:
    """Fail with every problem ``vf-tasks validate`` would print for ``task_id``."""
    from .registry import discover
    from .validate import validate_task

    registry = discover(use_cache=False)
    problems = validate_task(registry, registry.get(task_id))
    assert not problems, "\n".join(str(p) for p in problems)


def regenerate(make_fixture: Callable[[Path], None], script_file: str) -> Path:
    """Rewrite ``fixture/`` beside ``script_file`` from scratch (stale files must not linger)."""
    root = Path(script_file).resolve().parent / "fixture"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    make_fixture(root)
    return root


def write_json(path: Path, data: Any) -> None:
    """Pretty JSON (real files are often minified; the keys and value types are what matter)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_text(path: Path, text: str) -> Path:
    """``text`` as UTF-8 at ``path``, creating the folders above it (lists, TSVs, minified JSON)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def draw_images(folder: Path, names: list[str], *, mode: str = "RGB") -> None:
    """A 32x32 picture per name (format from the suffix), seeded by its folder and name."""
    for name in names:
        draw_image(folder / name, seed=f"{folder.name}/{name}", size=(32, 32), mode=mode)


def copy_fixture(source: Path, tmp_path: Path, name: str) -> Path:
    """A writable copy of ``source`` at ``tmp_path/name``, ready to be corrupted by a test."""
    root = tmp_path / name
    shutil.copytree(source, root)
    return root


def read_task(task_id: str, root: Path) -> tuple[list[SourceRecord], list[Problem]]:
    """Every record the task reads from ``root``, and the problems reported on the way."""
    from .registry import discover

    problems: list[Problem] = []
    records = list(discover().load(task_id).read(root, problems))
    return records, problems




def vqa_files(root: Path, *, questions: str, annotations: str, image_dir: str,
              rows: list[tuple[int, int, str, list[str]]], extra: dict[str, Any]) -> None:
    """VQA-format question and annotation files (VQAv2, OK-VQA) plus COCO-2014-named images.

    ``rows`` are ``(image_id, question_id, question, ten answers)``; ``extra`` adds per-dataset
    annotation keys (``multiple_choice_answer`` comes from the first answer when asked for).
    """
    header = {"info": {"description": "fixture"}, "license": {"name": "fixture"},
              "data_subtype": image_dir, "data_type": "mscoco"}
    write_json(root / questions, {**header, "task_type": "Open-Ended", "questions": [
        {"image_id": image_id, "question": text, "question_id": qid}
        for image_id, qid, text, _ in rows]})
    write_json(root / annotations, {**header, "annotations": [
        {"image_id": image_id, "question_id": qid, "question_type": "what",
         "answer_type": "other", **_answers(answers, extra)}
        for image_id, qid, _, answers in rows]})
    draw_images(root / image_dir, sorted({f"COCO_{image_dir}_{row[0]:012d}.jpg" for row in rows}))


def _answers(answers: list[str], extra: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {"answers": [
        {"answer_id": n, "answer": a, "raw_answer": a, "answer_confidence": "yes"}
        for n, a in enumerate(answers, start=1)]}
    for key, value in extra.items():
        found[key] = answers[0] if value == "first answer" else value
    return found


def assert_fixture_regenerates(script: Path, scratch: Path) -> None:
    """Fail unless ``make_fixture.py`` at ``script`` rebuilds its committed ``fixture/`` byte for byte.

    The fixture is written into ``scratch/fixture`` (use pytest's ``tmp_path``), so data that
    depends on where the fixture lives, a hand edit, or a script changed without rerunning it shows.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_visionflan_make_fixture_{script.parent.name}", script)
    assert spec is not None and spec.loader is not None, f"cannot load {script}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    root = scratch / "fixture"
    root.mkdir(parents=True)
    module.make_fixture(root)
    made, kept = _files(root), _files(script.parent / "fixture")
    assert sorted(made) == sorted(kept), (
        f"{script.parent.name}: only made {sorted(set(made) - set(kept))}, "
        f"only committed {sorted(set(kept) - set(made))}")
    differing = [name for name in sorted(made) if made[name].read_bytes() != kept[name].read_bytes()]
    assert not differing, (
        f"{script.parent.name}: {differing[0]} differs from the committed copy "
        f"({len(differing)} file(s) in all); rerun python {script}")


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
