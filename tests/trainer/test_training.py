"""End-to-end training on the tiny model: learning, freezing, resume, reload, CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner
from conftest import write_colour_dataset
from PIL import Image
from safetensors.torch import load_file
from transformers import LlavaForConditionalGeneration, LlavaProcessor
from visionflan_trainer.cli import main
from visionflan_trainer.config import StageConfig, load_config
from visionflan_trainer.model import build_tiny
from visionflan_trainer.run import run_stage


def _cfg(**kw: object) -> StageConfig:
    return load_config("stage1-cpu").model_copy(update=kw)


def _weights(final: Path) -> dict[str, torch.Tensor]:
    return LlavaForConditionalGeneration.from_pretrained(final).state_dict()


def test_loss_falls_and_only_trained_parts_change(colour_data: Path, tmp_path: Path) -> None:
    cfg = _cfg(lr=3e-3, max_steps=36, epochs=None, save_every=None)
    result = run_stage(cfg, colour_data, tmp_path / "out", model="tiny")
    assert len(result.losses) == 36
    first, last = sum(result.losses[:3]) / 3, sum(result.losses[-3:]) / 3
    assert last < 0.5 * first, result.losses
    log = [json.loads(x) for x in (tmp_path / "out" / "train_log.jsonl").read_text().splitlines()]
    assert {"loss", "lr", "samples_per_s", "tokens_per_s", "data_wait_frac"} <= set(log[-1])

    before = build_tiny(cfg.seed).model.state_dict()
    after = _weights(result.final_dir)  # type: ignore[arg-type]
    assert before.keys() == after.keys()
    for name, w in after.items():
        same = torch.equal(before[name], w)
        if name.startswith("model.vision_tower."):
            assert same, f"frozen {name} changed"
        elif name.endswith(".weight") and "norm" not in name:
            assert not same, f"trained {name} did not change"


def test_resume_gives_the_same_run(colour_data: Path, tmp_path: Path) -> None:
    cfg = _cfg(max_steps=9, epochs=None, save_every=4, keep_checkpoints=None, num_workers=1)
    straight = run_stage(cfg, colour_data, tmp_path / "a", model="tiny")
    assert sorted(p.name for p in (tmp_path / "a" / "checkpoints").iterdir()) == ["step-4", "step-8"]
    state = json.loads((tmp_path / "a" / "checkpoints" / "step-4" / "trainer_state.json").read_text())
    assert (state["epoch"], state["position"]) == (1, 2)  # 3 steps/epoch: step 4 is mid-epoch

    # a run that stopped after step 4: only that checkpoint exists, then --resume
    (tmp_path / "b" / "checkpoints").mkdir(parents=True)
    shutil.copytree(tmp_path / "a" / "checkpoints" / "step-4", tmp_path / "b" / "checkpoints" / "step-4")
    (tmp_path / "b" / "checkpoints" / ".step-8.tmp").mkdir()  # an interrupted save is ignored
    resumed = run_stage(cfg, colour_data, tmp_path / "b", model="tiny", resume=True)
    assert resumed.resumed_from is not None and resumed.resumed_from.name == "step-4"
    assert resumed.losses == pytest.approx(straight.losses[4:], rel=1e-5, abs=1e-6)
    wa, wb = _weights(tmp_path / "a" / "final"), _weights(tmp_path / "b" / "final")
    for k in wa:
        torch.testing.assert_close(wa[k], wb[k], rtol=1e-5, atol=1e-6)


def test_final_model_reloads_and_generates(colour_data: Path, tmp_path: Path) -> None:
    result = run_stage(_cfg(max_steps=2, epochs=None), colour_data, tmp_path / "out", model="tiny")
    final = result.final_dir
    assert final is not None
    model = LlavaForConditionalGeneration.from_pretrained(final)
    processor = LlavaProcessor.from_pretrained(final)
    prompt = "USER: <image>\nWhat colour is the square? ASSISTANT:"
    inputs = processor(images=Image.new("RGB", (30, 20), (220, 30, 30)), text=prompt, return_tensors="pt")
    assert int((inputs["input_ids"] == model.config.image_token_id).sum()) == 16
    out = model.generate(**inputs, max_new_tokens=4, do_sample=False)
    assert out.shape[1] == inputs["input_ids"].shape[1] + 4
    trained = load_file(str(tmp_path / "out" / "final" / "model.safetensors"))
    assert len(trained) == len(model.state_dict())


def test_cli_pipeline_stage2_starts_from_stage1(colour_data: Path, tmp_path: Path) -> None:
    stage2_data = write_colour_dataset(tmp_path / "gpt4", n=8)
    out = tmp_path / "run"
    res = CliRunner().invoke(
        main,
        [
            "pipeline",
            "--stage1",
            "stage1-cpu",
            "--stage2",
            "stage2-cpu",
            "--stage1-data",
            str(colour_data),
            "--stage2-data",
            str(stage2_data),
            "--output-dir",
            str(out),
            "--model",
            "tiny",
        ],
    )
    assert res.exit_code == 0, res.output
    cfg2 = json.loads((out / "stage2" / "stage_config.json").read_text())
    assert cfg2["init_from"] == str(out / "stage1" / "final")
    steps2 = [json.loads(x)["step"] for x in (out / "stage2" / "train_log.jsonl").read_text().splitlines()]
    assert steps2 == list(range(1, 9))
    LlavaForConditionalGeneration.from_pretrained(out / "stage2" / "final")


def test_cli_default_command_and_max_steps(colour_data: Path, tmp_path: Path) -> None:
    args = ["--config", "stage1-cpu", "--data", str(colour_data), "--output-dir", str(tmp_path / "o")]
    res = CliRunner().invoke(main, [*args, "--model", "tiny", "--max-steps", "2"])
    assert res.exit_code == 0, res.output
    assert len((tmp_path / "o" / "train_log.jsonl").read_text().splitlines()) == 2


@pytest.mark.parametrize("case", ["missing", "empty", "short", "no_image_token", "bad_config"])
def test_cli_errors_are_one_line(case: str, colour_data: Path, tmp_path: Path) -> None:
    data, config, model = colour_data, "stage1-cpu", "tiny"
    expected = {
        "missing": "data folder does not exist",
        "empty": "empty mixture",
        "short": "shorter than the image span",
        "no_image_token": "tokenizer has no <image> token",
        "bad_config": "exactly one of epochs or max_steps",
    }[case]
    if case == "missing":
        data = tmp_path / "nope"
    elif case == "empty":
        data = tmp_path / "bad"
        write_colour_dataset(data, n=0, extra=[{"id": "x", "conversations": [{"from": "gpt", "value": "?"}]}])
    elif case == "short":
        config = str(tmp_path / "short.yaml")
        Path(config).write_text(_cfg(max_length=12).model_dump_json())  # JSON is YAML
    elif case == "bad_config":
        config = str(tmp_path / "bad.yaml")
        Path(config).write_text("lr: 1\nper_device_batch_size: 1\nglobal_batch_size: 1\nmax_length: 64\n")
    elif case == "no_image_token":
        model = str(_checkpoint_without_image_token(tmp_path / "ck"))
    res = CliRunner().invoke(
        main, ["--config", config, "--data", str(data), "--output-dir", str(tmp_path / "o"), "--model", model]
    )
    assert res.exit_code != 0
    assert expected in res.output and "Traceback" not in res.output, res.output
    assert len([line for line in res.output.splitlines() if line.startswith("Error")]) == 1


def _checkpoint_without_image_token(path: Path) -> Path:
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tiny = build_tiny(0)
    tiny.model.save_pretrained(path)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.train_from_iterator(
        ["hello world"], trainers.BpeTrainer(vocab_size=300, special_tokens=["<s>", "</s>"])
    )
    PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>").save_pretrained(path)
    return path
