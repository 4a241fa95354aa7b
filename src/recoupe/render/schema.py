"""The packaged copy of the output contract, and validation against it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


def load_schema() -> dict[str, Any]:
    """brief.schema.json as shipped in the package (a fresh dict on every call)."""
    text = resources.files("recoupe").joinpath("schema", "brief.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_brief_dict(data: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Every way `data` breaks the contract, one readable line each; empty when it is valid.

    `schema` defaults to the packaged copy. Lines come in document order of the offending
    place, e.g. "stories/0/facts/1/support: -1 is less than the minimum of 0".
    """
    validator = Draft202012Validator(schema if schema is not None else load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (_order(e.absolute_path), e.message))
    return [f"{_where(error.absolute_path)}: {error.message}" for error in errors]


def _order(path: Any) -> list[tuple[int, int | str]]:
    # array indexes compare as numbers, so item 10 comes after item 2
    return [(0, part) if isinstance(part, int) else (1, str(part)) for part in path]


def _where(path: Any) -> str:
    parts = [str(part) for part in path]
    return "/".join(parts) if parts else "(top level)"
