"""Stages: components with one job, registered by name, declaring what they read and write.

A per-document stage implements `process(doc) -> doc` and streams; the clean stage turns a page
into a document with the whole-corpus statistics it is given; a whole-corpus pass implements
`run(records) -> ...` and reads the set. The pipeline module composes them; nothing here does I/O.

Each stage declares what it `requires` and `assigns` as `record.field` names of the records in
`recoupe.model` ("page.text", "document.language", "site_statistics.furniture"). `check_chain`
reads those declarations before anything runs: a misspelt field, or a stage that needs a field
no earlier stage assigns and the input does not have, fails at once with a ValueError naming it.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass
from typing import ClassVar, TypeVar

from recoupe import model
from recoupe.model import Document

StageT = TypeVar("StageT", bound="type[Stage]")

_REGISTRY: dict[str, type[Stage]] = {}


class Stage:
    """Base of every stage: a name, what it requires of a document and what it assigns."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()


class DocumentStage(Stage, ABC):
    """A stage that reads and fills one document at a time."""

    @abstractmethod
    def process(self, doc: Document) -> Document:
        """Fill this stage's fields of `doc` and return it."""


# the records a stage may name in `requires`/`assigns`, by the prefix it writes them with
RECORDS: dict[str, type] = {
    "page": model.Page,
    "document": model.Document,
    "site_statistics": model.SiteStatistics,
    "duplicate_cluster": model.DuplicateCluster,
    "story": model.Story,
    "brief": model.Brief,
}


def record_fields(prefix: str) -> list[str]:
    """Every `prefix.field` name of one record ("page" -> ["page.source", "page.text", ...])."""
    record = RECORDS[prefix]
    assert is_dataclass(record)
    return [f"{prefix}.{spec.name}" for spec in fields(record)]


def check_field(stage: str, name: str) -> None:
    """A declared field must exist in `recoupe.model`; ValueError naming it otherwise."""
    prefix, dot, attribute = name.partition(".")
    if not dot or prefix not in RECORDS:
        raise ValueError(
            f"stage {stage!r} declares {name!r}: expected RECORD.FIELD with RECORD one of "
            f"{', '.join(RECORDS)}"
        )
    known = record_fields(prefix)
    if name not in known:
        raise ValueError(
            f"stage {stage!r} declares {name!r}, which {RECORDS[prefix].__name__} has no field "
            f"{attribute!r}; its fields: {', '.join(k.partition('.')[2] for k in known)}"
        )


def check_chain(stages: Sequence[Stage | type[Stage]], provided: Iterable[str]) -> set[str]:
    """Check that each stage's `requires` is assigned by an earlier stage or `provided` by the
    input; return every field available at the end. Raises ValueError naming the first stage and
    field that break the chain, or a declared field that no record in `recoupe.model` has."""
    available = set(provided)
    for name in available:
        check_field("(input)", name)
    for stage in stages:
        label = stage.name or (stage.__name__ if isinstance(stage, type) else type(stage).__name__)
        for name in (*stage.requires, *stage.assigns):
            check_field(label, name)
        missing = [name for name in stage.requires if name not in available]
        if missing:
            raise ValueError(
                f"stage {label!r} requires {', '.join(map(repr, missing))}, which no earlier stage "
                "assigns and the input does not provide"
            )
        available.update(stage.assigns)
    return available


def register(name: str) -> Callable[[StageT], StageT]:
    """Class decorator: make a stage constructible by name from the configuration."""

    def wrap(cls: StageT) -> StageT:
        if name in _REGISTRY and _REGISTRY[name] is not cls:
            raise ValueError(f"stage name {name!r} is already registered to {_REGISTRY[name].__name__}")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return wrap


def registered_stages() -> dict[str, type[Stage]]:
    return dict(_REGISTRY)


def make_stage(name: str, **options: object) -> Stage:
    """Build a registered stage; an unknown name fails at once with the names allowed."""
    try:
        cls = _REGISTRY[name]
    except KeyError:
        names = ", ".join(sorted(_REGISTRY)) or "(none registered)"
        raise ValueError(f"unknown stage {name!r}; registered stages: {names}") from None
    allowed = configurable_options(cls)
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ValueError(
            f"stage {name!r} has no option {', '.join(map(repr, unknown))}; "
            f"its options: {', '.join(allowed) or '(none)'}"
        )
    return cls(**options)


_PLAIN_TYPES = frozenset({"int", "float", "bool", "str", int, float, bool, str})


def configurable_options(cls: type[Stage]) -> list[str]:
    """The keyword options a configuration may set: those of plain types (objects such as a
    model cache are for code and tests, not for the configuration file or --set)."""
    parameters = inspect.signature(cls.__init__).parameters.values()
    return [
        p.name
        for p in parameters
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.annotation in _PLAIN_TYPES
    ]
