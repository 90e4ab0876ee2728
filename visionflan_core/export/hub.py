"""``--push-to-hub``: upload a finished export as a Hugging Face dataset repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from huggingface_hub import DatasetCard, HfApi

from .errors import ExportError
from .manifest import COMPLETED
from .stable import describe_error

IGNORE = [".parts/*", ".work/*", "**/.*"]
CARD_KEYS = ("license", "task_categories", "size_categories")


def check_hub(repo_id: str, *, token: str | None = None, api: Any = None) -> None:
    """Fail in one line, before any work, if the hub cannot be reached or the token cannot write."""
    if "/" not in repo_id or repo_id.count("/") != 1:
        raise ExportError(f"--push-to-hub {repo_id!r}: expected NAMESPACE/NAME")
    api = api if api is not None else HfApi(token=token)
    try:
        who = api.whoami()
    except Exception as error:  # offline, unauthorised, DNS, proxy: all mean "do not start"
        raise ExportError(f"--push-to-hub {repo_id}: cannot use the hub ({describe_error(error)}); "
                          "log in with `hf auth login` or drop --push-to-hub; nothing was done") from None
    role = ((who or {}).get("auth") or {}).get("accessToken", {}).get("role")
    if role == "read":
        raise ExportError(f"--push-to-hub {repo_id}: the hub token is read-only; nothing was done")


def push_to_hub(out: Path, repo_id: str, *, private: bool = False, token: str | None = None,
                api: Any = None) -> str:
    """Create ``repo_id`` (a dataset repo) if needed and upload ``out``; returns the commit URL."""
    if not (out / COMPLETED).is_file():
        raise ExportError(f"{out} is not a finished export (no {COMPLETED}); nothing pushed")
    info = json.loads((out / "info.json").read_text(encoding="utf-8"))
    check_card(out)
    api = api if api is not None else HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
    commit = api.upload_folder(
        repo_id=repo_id, repo_type="dataset", folder_path=str(out), ignore_patterns=IGNORE,
        commit_message=f"vf-tasks export {info['name']} ({info['fingerprint'][:12]})",
    )
    return str(getattr(commit, "commit_url", commit))


def check_card(out: Path) -> dict[str, Any]:
    """The card's metadata as the hub parses it (``huggingface_hub.DatasetCard``), or one error line."""
    card = out / "README.md"
    try:
        data: dict[str, Any] = DatasetCard.load(card).data.to_dict()
    except Exception as error:  # a missing file or front matter the hub would not read
        raise ExportError(f"{card}: not a dataset card the hub reads ({describe_error(error)}); "
                          "nothing pushed") from None
    missing = [key for key in CARD_KEYS if not data.get(key)]
    if missing:
        raise ExportError(f"{card}: the card's front matter lacks {', '.join(missing)}; nothing pushed")
    return data
