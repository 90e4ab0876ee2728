"""SciCap reader: one record per figure JSON; subfigure figures left out, bad files reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "scicap_figure_captioning"
CAPTIONS = "SciCap-Caption-All"


def test_bad_figures_are_reported_and_subfigures_left_out(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "scicap")
    (root / CAPTIONS / "train" / "1607.01234v2-Figure5-1.json").write_text('{"contains-subfigure": fa')
    figure = root / CAPTIONS / "val" / "1905.00012v3-Figure1-1.json"
    data = json.loads(figure.read_text())
    del data["1-lowercase-and-token-and-remove-figure-index"]
    figure.write_text(json.dumps(data))
    (root / "SciCap-No-Subfig-Img" / "test" / "2003.07777v1-Figure4-1.png").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["1001.0025v1-Figure2-1.png"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("1607.01234v2-Figure5-1.json", "json"),
        ("1905.00012v3-Figure1-1.json", "1-lowercase-and-token-and-remove-figure-index"),
        ("2003.07777v1-Figure4-1.json", "image")}
