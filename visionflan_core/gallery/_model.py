"""What a gallery page shows, as plain typed data: collectors fill it, the site renders it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem


@dataclass(frozen=True)
class ImageView:
    """One image in the site: the full file and its thumbnail (paths relative to the site root)."""

    full: str
    thumb: str
    width: int
    height: int
    thumb_width: int
    thumb_height: int
    source: str  # the reference the record holds (relative to its dataset folder or export)


@dataclass(frozen=True)
class ExampleView:
    """One rendered example: its turns, images and provenance."""

    id: str
    turns: tuple[tuple[str, str], ...]  # (speaker, text): human prompt, gpt target, ...
    images: tuple[ImageView, ...]
    missing_images: tuple[str, ...]  # references that could not be shown (each also a problem)
    provenance: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DatasetView:
    """The source dataset of a task: licence, citation, where the data comes from."""

    id: str
    name: str
    homepage: str | None
    license: str
    terms: str
    citation: str | None


@dataclass
class TaskView:
    """One task page and its index row.

    ``metadata`` holds (label, value) pairs in display order; ``templates`` (file name, source);
    ``notes`` the dataset's layout, download and format notes as (label, text).
    """

    key: str  # the page's file name stem (safe on every file system)
    name: str  # the release name, or the task id where there is none
    task_id: str
    category: str
    group: str
    answer_type: str
    dataset: DatasetView | None
    records: int | None  # how many records the source holds for this task (None: unknown)
    metadata: list[tuple[str, str]] = field(default_factory=list)
    templates: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    examples: list[ExampleView] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: str | None = None  # why the task could not be shown at all

    @property
    def cover(self) -> ImageView | None:
        """The first image of the first example (the index row's thumbnail)."""
        for example in self.examples:
            if example.images:
                return example.images[0]
        return None


@dataclass
class Gallery:
    """Everything the site shows: where it came from and every task in display order."""

    title: str
    source: str  # "bundled fixtures", "data root", "export"
    records_label: str  # the index column's heading for ``TaskView.records``
    tasks: list[TaskView]
    notes: list[str] = field(default_factory=list)  # shown above the table (e.g. an incomplete export)
