"""The MOCHEG reader: MultiInstruct's context filter, one record per claim, bad rows reported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture

from .make_fixture import SPLIT
from .reader import _sentences, _without_verdicts, read_mocheg

FIXTURE = Path(__file__).parent / "fixture"
CORPUS = f"{SPLIT}/Corpus2.csv"
VERDICTS = ["FALSE", "Pants on Fire", "MIXTURE"]


def test_sentences_keep_closing_quotes_and_split_on_newlines() -> None:
    text = "He said 'no.' Then he left!\nRating: FALSE. 3 days later, U.S. news ran it."
    assert _sentences(text) == ["He said 'no.'", "Then he left!", "Rating: FALSE.",
                                "3 days later, U.S. news ran it."]  # no capital after "U.S.": no cut


def test_verdict_sentences_go_from_either_end_only() -> None:
    sentences = ["MIXTURE of claims.", "We rate it FALSE.", "Middle.", "Pants on Fire rating."]
    # one pass over the phrases: FALSE was tried before "We rate it FALSE." became the first sentence
    assert _without_verdicts(sentences, VERDICTS) == ["We rate it FALSE.", "Middle."]
    assert _without_verdicts(["A FALSE start.", "Rated FALSE."], VERDICTS) == []
    assert _without_verdicts(["PANTS ON FIRE - untrue."], VERDICTS) == ["PANTS ON FIRE - untrue."]


def test_one_record_per_claim_with_proof_image_and_context() -> None:
    context = ReadContext("mocheg_factual_checking", FIXTURE)
    records = list(read_mocheg(context, FIXTURE, verdicts=VERDICTS))
    assert context.problems == []
    # 120501 has no proof image; 120777's outline is "MOSTLY TRUE." alone, but that is no verdict here
    assert [(r.id, r.label) for r in records] == [
        ("118075", "no"), ("120213", "yes"), ("120488", "not sure"), ("120777", "yes")]
    assert records[0].fields["context"].endswith("makes a ridiculous claim.")  # "Rating: FALSE." dropped


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mocheg")
    rows = list(csv.DictReader(io.StringIO((root / CORPUS).read_text(), newline="")))
    rows[0]["cleaned_truthfulness"] = "pants on fire"
    rows[2]["Claim"] = " "
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (root / CORPUS).write_text(out.getvalue())
    for image in (root / SPLIT / "images").glob("120488-proof-*"):
        image.unlink()
    context = ReadContext("mocheg_factual_checking", root)
    records = list(read_mocheg(context, root))
    assert [r.id for r in records] == ["120777"]
    assert [(p.file, p.record_id, p.field) for p in context.problems] == [
        (CORPUS, "118075", "cleaned_truthfulness"), (CORPUS, "120213", "Claim")]


def test_a_missing_corpus_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mocheg")
    (root / CORPUS).unlink()
    context = ReadContext("mocheg_factual_checking", root)
    assert list(read_mocheg(context, root)) == [] and len(context.problems) == 1
