"""Report paths are named once: a relative data root inside its own name is not replaced again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from visionflan_core.export.stable import stable_text


def test_places_are_replaced_in_one_pass_and_only_as_whole_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkdir("root")
    text = f"data folder {tmp_path}/root/vqav2 does not exist; see root/gqa, not roots or the root word"
    got = stable_text(text, [(Path("root"), "<data-root>")])
    assert got == ("data folder <data-root>/vqav2 does not exist; see <data-root>/gqa, not roots or "
                   "the root word")
