"""Stages: components with one job, registered by name, declaring what they read and write.

A per-document stage implements `process(doc) -> doc` and streams; a whole-set stage implements
`run(docs) -> ...` and reads the set. The pipeline module composes them; nothing here does I/O.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import ClassVar, TypeVar

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
