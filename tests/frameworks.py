"""The one helper the test files share for optional frameworks (torch, jax, tensorflow)."""

from __future__ import annotations

import os

import pytest

BUILT_IN = ("autograd", "fd")  # check backends that need no optional framework


def installed(*packages: str) -> None:
    """Skip without a framework, unless CI requires every backend (SYMGRAD_REQUIRE_BACKENDS=1)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    for package in packages:
        if package in BUILT_IN:
            continue
        try:
            __import__(package)
        except ImportError:
            if os.environ.get("SYMGRAD_REQUIRE_BACKENDS") == "1":
                pytest.fail(f"{package} is not installed, and SYMGRAD_REQUIRE_BACKENDS=1 requires it")
            pytest.skip(f"{package} is not installed")
