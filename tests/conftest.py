"""Shared test setup: an isolated cache so tests never read or write the user's."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISIONFLAN_CACHE_DIR", str(tmp_path_factory.mktemp("vf-cache")))
