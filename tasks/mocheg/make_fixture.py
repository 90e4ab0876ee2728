"""The MOCHEG fixture: ``mocheg/train/Corpus2.csv`` and ``mocheg/train/images/<claim_id>-proof-*``.

Corpus2.csv as the archive has it: a header row, comma-separated, quoted multi-line fields, one
row per claim and text evidence (the claim's columns repeated). Claim 118075 is the released sample:
its ruling outline is the released context plus a trailing verdict sentence the filter drops. One
claim has no proof image and one has nothing but verdict sentences: neither makes a record.
Run: ``.venv/bin/python tasks/mocheg/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

SPLIT = "mocheg/train"
COLUMNS = ["claim_id", "Snopes URL", "Claim", "Truthfulness", "cleaned_truthfulness", "ruling_outline",
           "Evidence", "evidence_id", "Origin", "Headline"]
RELEASED_OUTLINE = (
    "Our Rating A widely-shared Facebook post claimed California had legalized 'pedophilia,' and that "
    "'Now a 21 year old can have sex with an 11 year old, and not be listed on the sex registry as a sex "
    "offender.' That post and many like it are simply wrong. They grossly distort the proposals in state "
    "SB 145, which aims to eliminate a disparity in how LGBTQ young people are treated on California's sex "
    "offender registry. The legislation would eliminate automatic sex offeder registration for young adults "
    "who are convicted of having voluntary anal or oral sex with a minor and are within 10 years of age of "
    "the victim. Instead, a judge would make that decision, just as existing law allows judges to decide "
    "whether to place offenders in cases involving vaginal intercourse on the registry. The bill would not, "
    "in any fashion, make it legal for any adult to have any type of sex with a minor. The only change "
    "involves giving a judge discretion over whether to list an offender on the sex registry for certain "
    "sex acts. We rate the claims in the Facebook post Pants on Fire. PANTS ON FIRE - The statement is not "
    "accurate and makes a ridiculous claim."
)
# claim id, claim, raw and cleaned truthfulness, ruling outline, evidence texts, proof images
CLAIMS = [
    ("118075", "'PEDOPHILIA is now LEGAL in CALIFORNIA. Now a 21 year old can have sex with an 11 year "
     "old, and not be listed on the sex registry as a sex offender.", "Pants on Fire", "refuted",
     RELEASED_OUTLINE + "\nRating: FALSE.", ["SB 145 would change the registry rules.",
                                             "A judge would decide,\nas for other offences."], 2),
    ("120213", "A Google Maps Street View car hit a hare.", "TRUE", "supported",
     "Photos went viral in 2021. In sum, according to photos from a Google Maps Street View car, the "
     "vehicle hit what appeared to be a hare. It's unclear if it survived.",
     ["@googlemapsfun Super rabbit"], 1),
    ("120488", "Joe Biden said he had 'no empathy' for younger people.", "MIXTURE", "NEI",
     "Biden did say he had 'no empathy' for the plight of younger people. However, the 16-second clip did "
     "not show the context. We rated the claim a MIXTURE.", ["Morrison: ...And that's a lot of what the book "
                                                             "is about."], 3),
    ("120501", "A rainbow grasshopper was seen in Michigan.", "TRUE", "supported",
     "The insect lives in shortgrass prairies. Its coloration warns off predators.", ["Sources: Reddit."], 0),
    ("120777", "A viral list of nine things is accurate.", "MOSTLY TRUE", "supported",
     "MOSTLY TRUE.", ["Forty years ago, any woman applying for a credit card could be asked questions."], 1),
]


def corpus() -> str:
    """Corpus2.csv: one row per evidence text, claim columns repeated, quoted where csv must."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for claim_id, claim, raw, cleaned, outline, evidences, _ in CLAIMS:
        for number, evidence in enumerate(evidences):
            writer.writerow([claim_id, f"https://www.snopes.com/fact-check/{claim_id}/", claim, raw, cleaned,
                             outline, evidence, f"{claim_id}-{number}", "Origin text.", f"Claim {claim_id}"])
    return out.getvalue()


def make_fixture(root: Path) -> None:
    """Write Corpus2.csv and every claim's proof images into the empty folder ``root``."""
    base = root / SPLIT
    for claim_id, *_, images in CLAIMS:
        for number in range(images):
            name = f"{claim_id}-proof-{number + 1}-{int(claim_id) * (number + 7):x}.jpg"
            draw_image(base / "images" / name, seed=("mocheg", name))
    write_text(base / "Corpus2.csv", corpus())


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
