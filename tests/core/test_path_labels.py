"""The generic path-label reader: label from any path part, filters, name maps, seeded options."""

from __future__ import annotations

import os
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, read_path_labels
from visionflan_core.testing import draw_image


def _tree(root: Path) -> Path:
    for path in ["art/dog/pic_1.jpg", "art/horse/pic_2.jpg", "photo/dog/pic_3.jpg",
                 "photo/n01440764/x.png", "photo/house/notes.txt"]:
        if path.endswith(".txt"):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text("not an image")
        else:
            draw_image(root / path, seed=path)
    return root


def test_label_domain_filter_and_names(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    context = ReadContext("t", root)
    records = list(read_path_labels(context, root, fields_from={"domain": 0},
                                    classes=["dog", "n01440764"], class_names={"n01440764": "tench"},
                                    choices="classes", id_parts=1))
    assert [(r.id, r.label, r.fields["domain"]) for r in records] == [
        ("pic_1", "dog", "art"), ("pic_3", "dog", "photo"), ("x", "tench", "photo")]
    assert records[0].choices == ("dog", "tench") and records[0].answer_index == 0
    assert records[0].images == ("art/dog/pic_1.jpg",) and context.problems == []


def test_seeded_options_keep_the_true_label(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    first = list(read_path_labels(ReadContext("t", root), root, options=2, humanise=True))
    again = list(read_path_labels(ReadContext("t", root), root, options=2, humanise=True))
    assert first == again
    for record in first:
        assert record.choices is not None and record.answer_index is not None
        assert len(record.choices) == 2 and record.choices[record.answer_index] == record.label


def test_problems_are_reported_and_link_loops_end(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    os.symlink(root / "art", root / "art" / "loop")
    context = ReadContext("t", root)
    records = list(read_path_labels(context, root, fields_from={"deep": 5}, choices=["dog"]))
    assert records == []
    assert {p.field for p in context.problems} == {"deep"}
    missing = ReadContext("t", root)
    assert list(read_path_labels(missing, root, subdir="nope")) == []
    assert missing.problems[0].message == "image folder is missing"


def test_keep_id_shapes_and_unique_ids(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    draw_image(root / "photo" / "horse" / "pic_1.jpg", seed="photo/horse/pic_1.jpg")
    context = ReadContext("t", root)
    records = list(read_path_labels(context, root, label_part=0, keep={1: ["dog", "horse"]}, id_parts=1,
                                    id_suffix=True, unique_ids=True))
    assert [(r.id, r.label) for r in records] == [
        ("dog/pic_1.jpg", "art"), ("pic_2.jpg", "art"), ("pic_3.jpg", "photo"),
        ("horse/pic_1.jpg", "photo")]
    joined = list(read_path_labels(ReadContext("t", root), root, keep={"1": ["dog"]}, id_from=[0, 1, 2],
                                   id_separator="_"))
    assert [r.id for r in joined] == ["art_dog_pic_1", "photo_dog_pic_3"]
    repeated = list(read_path_labels(ReadContext("t", root), root, id_parts=1))
    assert [r.id for r in repeated].count("pic_1") == 2  # without unique_ids, ids are taken as they are


def test_names_required_reports_unknown_labels(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    context = ReadContext("t", root)
    records = list(read_path_labels(context, root, class_names={"dog": "Living", "horse": "Living"},
                                    names_required=True, choices="classes"))
    assert [(r.id, r.label, r.choices) for r in records] == [
        ("art/dog/pic_1", "Living", ("Living",)), ("art/horse/pic_2", "Living", ("Living",)),
        ("photo/dog/pic_3", "Living", ("Living",))]
    assert [(p.record_id, p.field) for p in context.problems] == [("photo/n01440764/x", "label")]


def test_a_path_too_short_for_the_id_is_reported(tmp_path: Path) -> None:
    root = _tree(tmp_path / "ds")
    draw_image(root / "loose.jpg", seed="loose")
    context = ReadContext("t", root)
    records = list(read_path_labels(context, root, label_part=-1, id_from=[0, 1, 2], id_separator="_"))
    assert len(records) == 4
    assert [(p.record_id, p.field) for p in context.problems] == [("loose.jpg", "id")]
