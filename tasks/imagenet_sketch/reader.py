"""ImageNet-Sketch: ``sketch/<wnid>/sketch_<n>.JPEG``, named through the ILSVRC-2012 synset list.

``synsets.tsv`` beside this file holds the 1,000 ILSVRC-2012 synsets (``<wnid><TAB><synonyms>``, the
``LOC_synset_mapping.txt`` list); the label is the first synonym (``iron`` for
``iron, smoothing iron``), as the release shows. Folders that are not one of the 1,000 are reported
once each and left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_rows, read_path_labels

SYNSETS = Path(__file__).with_name("synsets.tsv")


def read_imagenet_sketch(
    context: ReadContext, root: Path, *, subdir: str = "sketch"
) -> Iterator[SourceRecord]:
    """One record per sketch; the record id is ``<wnid>/<stem>`` (stems repeat in every class)."""
    names = {str(row[0]): str(row[1]).split(",")[0].strip()
             for _, row in load_rows(context, SYNSETS, delimiter="\t", header=False)}
    base = root / subdir
    if base.is_dir():
        for folder in sorted(p for p in base.iterdir() if p.is_dir() and p.name not in names):
            context.problem("folder is not an ILSVRC-2012 WordNet id; its images are left out",
                            file=folder, field="label")
    yield from read_path_labels(context, root, subdir=subdir, classes=sorted(names), class_names=names,
                                id_parts=2)
