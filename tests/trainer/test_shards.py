"""visionflan_shards: the one record rule the exporter and the trainer share."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from visionflan_shards import COMPLETED, conversation_problem, export_problem, record_problem


def _rec(q: str = "<image>\nq", a: str = "a", image: object = "i.png") -> dict[str, object]:
    return {"id": "x", "image": image, "conversations": [{"from": "human", "value": q},
                                                         {"from": "gpt", "value": a}]}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (_rec(), None),
        (_rec(q="no placeholder"), "bad placeholders"),
        (_rec(q="<image><image>"), "bad placeholders"),
        (_rec(q="q", image=None), None),
        (_rec(q="<image> <image>", image=["a.png", "b.png"]), None),
        (_rec(a="<image>"), "bad placeholders"),
        (_rec(a=" \n"), "empty assistant turn"),
        (_rec(a="x\udc80y"), "bad text"),
        (_rec(image=""), "bad image field"),
        ({"id": "x", "conversations": []}, "bad conversations"),
        ({"conversations": [{"from": "gpt", "value": "a"}]}, "bad roles"),
        ([1], "bad record"),
    ],
)
def test_record_rule(raw: object, reason: str | None) -> None:
    why = record_problem(raw)
    assert (why is None) if reason is None else (why or "").startswith(reason), why


def test_exporter_and_trainer_share_the_rule() -> None:
    from visionflan_trainer import records

    from visionflan_core.export import shard

    assert shard.conversation_problem is conversation_problem
    assert "record_problem(" in inspect.getsource(records._parse)
    assert conversation_problem([("human", "q"), ("gpt", "")], 0) is not None


def test_completion_marker(tmp_path: Path) -> None:
    (tmp_path / "llava").mkdir()
    assert "--allow-incomplete" in (export_problem(tmp_path) or "")
    (tmp_path / COMPLETED).write_bytes(b"")
    assert export_problem(tmp_path) is None
    plain = tmp_path / "plain"
    plain.mkdir()
    assert export_problem(plain) is None  # a folder of hand-made LLaVA JSON needs no marker
