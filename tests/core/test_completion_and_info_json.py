"""`vf-tasks info --json` for scripts, and shell completion of task ids and mixture names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.registry import TaskMetadata

COMPLETE = """
import os, sys
from visionflan_core.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m == "pydantic" or m == "yaml" or m.startswith("visionflan_tasks."))
print("HEAVY", heavy, file=sys.stderr)
"""


def complete(words: str, *, env_extra: dict[str, str] | None = None) -> tuple[list[str], str]:
    """What bash completion offers for the last word of ``words``, through the real entry point."""
    env = {**os.environ, "_VF_TASKS_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)), **(env_extra or {})}
    done = subprocess.run([sys.executable, "-c", COMPLETE], env=env, capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout.splitlines(), done.stderr


def test_task_ids_and_release_names_complete_from_the_metadata_cache() -> None:
    CliRunner().invoke(cli, ["list"])  # warms the metadata cache (this test's own cache folder)
    lines, stderr = complete("vf-tasks info ai2d")
    assert lines == ["plain,ai2d_visual_question_answering"], lines
    assert "HEAVY []" in stderr  # no task code, no YAML parser, no pydantic
    lines, _ = complete("vf-tasks check --data-root /x deepweeds_weed_species_recognition AI2D+")
    assert lines == ["plain,AI2D+visual_question_answering"]
    lines, _ = complete("vf-tasks show fgvc_aircraft_aircraft_classification_f")
    assert lines == ["plain,fgvc_aircraft_aircraft_classification_family"]
    lines, _ = complete("vf-tasks list --dataset fgvc")
    assert lines == ["plain,fgvc_aircraft"]


def test_mixture_names_complete_and_paths_fall_back_to_files() -> None:
    lines, _ = complete("vf-tasks export OUT --mixture vision-flan")
    assert lines == ["plain,vision-flan", "plain,vision-flan-1k", "plain,vision-flan-demo"]
    lines, _ = complete("vf-tasks export OUT --mixture ./my")
    assert lines == ["file,./my"]


def test_info_json_holds_every_metadata_field_under_keys_without_spaces() -> None:
    result = CliRunner().invoke(cli, ["info", "--json", "FGVC_Aircraft+Aircraft_Classification_Family"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "fgvc_aircraft_aircraft_classification_family"
    assert record["release_name"] == "FGVC_Aircraft+Aircraft_Classification_Family"
    assert record["templates"] == {"instruction": "instruction.jinja"}
    assert record["splits"]["sizes"] == {"trainval": {"size": 6667, "images": None}}
    assert record["dataset_info"]["terms"].keys() == {"training", "redistribution", "access"}
    assert record["data_folder"] == "<data-root>/fgvc_aircraft/"
    assert set(TaskMetadata._fields) <= record.keys()
    assert {"task_folder", "dataset_folder", "origin"} <= record.keys()
    assert not [key for key in record if " " in key] and not [k for k in record["dataset_info"] if " " in k]
