"""``vf-eval generate`` on the bundled fixtures with a tiny random LLaVA: every answer type, the
evaluation/training partition, official splits, resuming and determinism."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from visionflan_eval.generate import generate

from visionflan_core.cli import cli as vf_tasks

# one task of every answer type (and both short-answer metrics)
TASKS = {
    "ai2d_visual_question_answering": ("multiple_choice", "mc_accuracy"),
    "ok_vqa": ("short_answer", "vqa_accuracy"),
    "docvqa_question_answer": ("short_answer", "anls"),
    "aid_aerial_scene_classification": ("label", "label_match"),
    "flickr30k_caption_image": ("free_text", "cider"),
    "voc2007_object_detection": ("structured", "exact_match"),
}
KEYS = {"id", "task_id", "release_name", "category", "answer_type", "metric", "prompt", "prediction",
        "references"}


def mixture(path: Path, holdout: list[str] | None = None, **fields: Any) -> Path:
    spec: dict[str, Any] = {"name": path.stem, "fixtures": True, **fields}
    if holdout:
        spec["holdout"] = {"tasks": holdout}
    path.write_text(json.dumps(spec))  # JSON is YAML
    return path


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(generate, [str(a) for a in args], catch_exceptions=False)


def rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def every_type(tiny_final: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("every")
    held = mixture(tmp / "held.yaml", holdout=list(TASKS))
    result = run("--model", tiny_final, "--tasks", f"holdout:{held}", "--out", tmp / "eval",
                 "--batch-size", "3", "--max-new-tokens", "4")
    assert result.exit_code == 0, result.output
    return tmp / "eval"


def test_every_answer_type_gets_rows_in_the_schema(every_type: Path) -> None:
    got = rows(every_type)
    assert {r["task_id"] for r in got} == set(TASKS)
    for row in got:
        assert set(row) >= KEYS, row
        assert (row["answer_type"], row["metric"]) == TASKS[row["task_id"]]
        assert isinstance(row["prediction"], str) and row["references"]
        assert ("options" in row) == (row["answer_type"] == "multiple_choice")
    assert len({r["id"] for r in got}) == len(got)
    manifest = json.loads((every_type / "generate.json").read_text())
    assert manifest["complete"] and manifest["examples"] == len(got)
    assert {t["task"]: t["evaluated"] for t in manifest["tasks"]} == {
        t: sum(r["task_id"] == t for r in got) for t in TASKS}


def test_references_come_from_the_record(every_type: Path) -> None:
    by_task: dict[str, list[dict[str, Any]]] = {}
    for row in rows(every_type):
        by_task.setdefault(row["task_id"], []).append(row)
    for row in by_task["ok_vqa"]:
        assert len(row["references"]) == 10  # VQA's ten human answers
    for row in by_task["ai2d_visual_question_answering"]:
        label, text = row["references"]
        assert {"label": label, "text": text} in row["options"]
        assert f"({label}) {text}" in row["prompt"]  # the option as the prompt shows it
    flickr = json.loads((Path(__file__).parents[2] / "tasks/flickr30k/fixture/dataset_flickr30k.json")
                        .read_text())
    captions = {i["filename"]: [s["raw"] for s in i["sentences"]] for i in flickr["images"]}
    for row in by_task["flickr30k_caption_image"]:
        assert row["references"] == captions[row["id"].rsplit("+", 1)[1]]
    for row in by_task["aid_aerial_scene_classification"]:
        label, sentence = row["references"]  # the class name and the stage-1 sentence target
        assert label in sentence and sentence.endswith(".")
    for row in by_task["voc2007_object_detection"]:
        assert len(row["references"]) == 1  # the list of objects is one answer, not alternatives


def test_trained_tasks_are_evaluated_on_records_the_export_never_selects(
        tiny_final: Path, tmp_path: Path) -> None:
    """With cap 2 the export keeps 2 records of each task; generate gets exactly the others."""
    spec = mixture(tmp_path / "train.yaml", cap=2, select={"include": ["ok_vqa", "aid_*"]})
    export = CliRunner().invoke(vf_tasks, ["export", str(tmp_path / "export"), "--mixture", str(spec),
                                           "--format", "jsonl"], catch_exceptions=False)
    assert export.exit_code == 0, export.output
    trained = {json.loads(line)["id"] for f in (tmp_path / "export").rglob("*.jsonl")
               if f.parent.name == "jsonl" for line in f.read_text().splitlines()}
    result = run("--model", tiny_final, "--tasks", "ok_vqa,AID+aerial_scene_classification",
                 "--train-mixture", spec, "--out", tmp_path / "eval", "--max-new-tokens", "2")
    assert result.exit_code == 0, result.output
    evaluated = {r["id"] for r in rows(tmp_path / "eval")}
    assert len(trained) == 4 and evaluated and not trained & evaluated
    manifest = json.loads((tmp_path / "eval" / "generate.json").read_text())
    for task in manifest["tasks"]:
        assert task["in_training"] == 2 and task["evaluated"] == task["read"] - 2
        assert "smallest selection hashes" in task["rule"]


def test_official_split_is_read_where_the_reader_has_one(tiny_final: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[2] / "tasks/a_okvqa/fixture", root / "a_okvqa")
    train = json.loads((root / "a_okvqa/aokvqa_v1p0_train.json").read_text())
    (root / "a_okvqa/aokvqa_v1p0_val.json").write_text(json.dumps(train[:2]))
    shutil.copytree(root / "a_okvqa/train2017", root / "a_okvqa/val2017")
    result = run("--model", tiny_final, "--tasks", "a_okvqa_*", "--data-root", root,
                 "--split", "val", "--out", tmp_path / "eval", "--max-new-tokens", "2")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "eval" / "generate.json").read_text())
    assert manifest["tasks"] and all(t["rule"] == "official split 'val'" and t["read"] == 2
                                     for t in manifest["tasks"])


def test_a_killed_run_resumes_to_the_same_bytes(every_type: Path, tiny_final: Path, tmp_path: Path) -> None:
    full = (every_type / "predictions.jsonl").read_bytes()
    lines = full.splitlines(keepends=True)
    held = every_type.parent / "held.yaml"
    # killed in the middle of a batch (batches of 3: rows 4-6), and in the middle of a line
    for cut in (sum(map(len, lines[:4])), sum(map(len, lines[:7])) + 9):
        out = tmp_path / f"cut{cut}"
        shutil.copytree(every_type, out)
        (out / "predictions.jsonl").write_bytes(full[:cut])
        result = run("--model", tiny_final, "--tasks", f"holdout:{held}", "--out", out,
                     "--batch-size", "3", "--max-new-tokens", "4")
        assert result.exit_code == 0, result.output
        assert (out / "predictions.jsonl").read_bytes() == full, cut
    again = run("--model", tiny_final, "--tasks", f"holdout:{held}", "--out", every_type,
                "--batch-size", "3", "--max-new-tokens", "4")
    assert "0 generated now" in again.output and (every_type / "predictions.jsonl").read_bytes() == full


def test_same_answers_at_any_batch_size(every_type: Path, tiny_final: Path, tmp_path: Path) -> None:
    held = every_type.parent / "held.yaml"
    result = run("--model", tiny_final, "--tasks", f"holdout:{held}", "--out", tmp_path / "b1",
                 "--batch-size", "1", "--max-new-tokens", "4")
    assert result.exit_code == 0, result.output
    assert [r["prediction"] for r in rows(tmp_path / "b1")] == [r["prediction"] for r in rows(every_type)]


def test_another_command_on_the_same_folder_is_refused(every_type: Path, tiny_final: Path) -> None:
    held = every_type.parent / "held.yaml"
    result = run("--model", tiny_final, "--tasks", f"holdout:{held}", "--out", every_type,
                 "--batch-size", "3", "--max-new-tokens", "5")
    assert result.exit_code != 0 and "other settings" in result.output


def test_nothing_to_evaluate_fails_and_says_why(tiny_final: Path, tmp_path: Path) -> None:
    result = run("--model", tiny_final, "--tasks", "ok_vqa", "--train-mixture", "vision-flan-demo",
                 "--out", tmp_path / "eval")
    assert result.exit_code != 0
    assert "nothing to evaluate" in result.output and "ok_vqa: 0 of 4 records" in result.output
    assert not (tmp_path / "eval" / "predictions.jsonl").exists()


@pytest.mark.parametrize(("tasks", "message"), [
    ("ok_vqq", "did you mean ok_vqa"),
    ("holdout:vision-flan-demo", "holds out no task"),
    ("holdout:no-such-mixture", "no mixture 'no-such-mixture'"),
])
def test_a_selection_that_selects_nothing_is_an_error(tiny_final: Path, tmp_path: Path, tasks: str,
                                                      message: str) -> None:
    result = run("--model", tiny_final, "--tasks", tasks, "--out", tmp_path / "eval")
    assert result.exit_code != 0 and message in result.output, result.output


def test_a_sigkilled_process_resumes_to_the_bytes_of_an_uninterrupted_run(
        every_type: Path, tiny_final: Path, tmp_path: Path) -> None:
    held = every_type.parent / "held.yaml"
    args = ["--model", str(tiny_final), "--tasks", "ok_vqa,ai2d_visual_question_answering",
            "--train-mixture", str(held), "--batch-size", "1", "--max-new-tokens", "24"]
    killed = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "visionflan_eval.generate", *args, "--out", str(killed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    predictions = killed / "predictions.jsonl"
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if predictions.is_file() and predictions.stat().st_size:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=60)
    written = predictions.read_bytes().count(b"\n")
    assert proc.returncode == -signal.SIGKILL and 0 < written < 8, (proc.returncode, written)
    resumed = run(*args, "--out", killed)
    assert resumed.exit_code == 0 and f"{8 - written} generated now" in resumed.output, resumed.output
    fresh = run(*args, "--out", tmp_path / "fresh")
    assert fresh.exit_code == 0
    assert predictions.read_bytes() == (tmp_path / "fresh" / "predictions.jsonl").read_bytes()


def test_the_bundled_cars_fixture_has_a_test_split(tiny_final: Path, tmp_path: Path) -> None:
    result = run("--model", tiny_final, "--tasks", "cars_car_classification", "--split", "test",
                 "--out", tmp_path / "eval", "--max-new-tokens", "2")
    assert result.exit_code == 0, result.output
    assert "cars_car_classification: 1 of 1 records (official split 'test'" in result.output
    assert [r["id"].rsplit("+", 1)[1] for r in rows(tmp_path / "eval")] == ["00001"]


def test_split_replaces_the_last_part_of_the_reader_option() -> None:
    from visionflan_eval.examples import with_split

    from visionflan_core.registry import discover

    registry = discover()
    mocheg = registry.load(next(e.id for e in registry if e.dataset.id == "mocheg"))
    assert mocheg.spec.source.options["split"] == "mocheg/train"
    switched = with_split(mocheg, "val")
    assert switched is not None and switched.spec.source.options["split"] == "mocheg/val"
    assert with_split(mocheg, "train") is None  # the split training reads is no evaluation split
    assert with_split(registry.load("ok_vqa"), "val") is None  # no split option: partition instead


def test_the_checkpoint_offers_what_lmms_eval_llava_hf_reads(tiny_final: Path) -> None:
    """lmms-eval is not installed here (it pulls another torch); its ``llava_hf`` loader reads
    ``AutoConfig`` (model_type llava), ``AutoProcessor`` and the tokenizer's chat template."""
    from transformers import AutoConfig, AutoProcessor, AutoTokenizer

    assert AutoConfig.from_pretrained(tiny_final).model_type == "llava"
    processor = AutoProcessor.from_pretrained(tiny_final)
    tokenizer = AutoTokenizer.from_pretrained(tiny_final)
    messages = [{"role": "user", "content": "<image>\\nWhat is shown?"}]
    assert tokenizer.chat_template is not None
    assert (tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            == processor.apply_chat_template(messages, add_generation_prompt=True))


def test_limit_takes_the_first_records_by_selection_hash_and_counts_the_rest(
        every_type: Path, tiny_final: Path, tmp_path: Path) -> None:
    held = every_type.parent / "held.yaml"
    result = run("--model", tiny_final, "--tasks", "ok_vqa", "--train-mixture", held, "--limit", "2",
                 "--out", tmp_path / "eval", "--batch-size", "3", "--max-new-tokens", "4")
    assert result.exit_code == 0, result.output
    assert "ok_vqa: 2 of 4 records" in result.output and "2 past --limit" in result.output
    (task,) = json.loads((tmp_path / "eval" / "generate.json").read_text())["tasks"]
    assert (task["evaluated"], task["over_limit"]) == (2, 2)
    full = [r["id"] for r in rows(every_type) if r["task_id"] == "ok_vqa"]
    assert [r["id"] for r in rows(tmp_path / "eval")] == full[:2]
