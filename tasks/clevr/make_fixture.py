"""The CLEVR v1.0 fixture: the train questions file and five train images.

Layout as in CLEVR_v1.0.zip (the same as CLEVR-CoGenT's, so the CoGenT fixture's writer is reused).
Questions and answers of 049767, 017782, 025724, 069795 and 050179 are the released Vision-Flan
samples of the four Clevr tasks (the matching sample's answers read off its target; 017782 from
data.json); the second questions of 049767 and 017782, families and programs are invented.
Run: ``.venv/bin/python tasks/clevr/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_tasks.clevr_cogent.make_fixture import write_clevr

from visionflan_core.testing import regenerate

SAMPLES: dict[int, list[tuple[str, str]]] = {
 49767: [('How many other metal cubes have the same color as the tiny shiny block?', '0'),
         ('Are there any large rubber spheres?', 'no')],
 17782: [('The metallic cylinder has what color?', 'green'), ('How many cubes are there?', '3')],
 25724: [('The red rubber object in front of the matte object behind the tiny cube behind the '
          'yellow block is what shape?',
          'cylinder'),
         ('There is a big metal cube; how many rubber spheres are on the right side of it?', '0'),
         ('Do the cube to the left of the brown cylinder and the green object have the same '
          'material?',
          'no'),
         ('What number of other objects are there of the same shape as the yellow shiny thing?',
          '2'),
         ('There is a tiny shiny thing that is behind the matte cylinder that is to the left of '
          'the red metal thing; how many big blue things are behind it?',
          '0'),
         ('What color is the small shiny object in front of the green object?', 'yellow'),
         ('Does the large metallic thing that is in front of the red shiny sphere have the same '
          'color as the tiny matte cube?',
          'no'),
         ('There is a red object that is the same shape as the large brown shiny object; what size '
          'is it?',
          'small'),
         ('Is there anything else that is the same size as the cyan matte cylinder?', 'yes')],
 69795: [('There is a shiny thing right of the big ball that is in front of the matte object in '
          'front of the matte cylinder; what is its shape?',
          'sphere'),
         ('Is there any other thing that has the same size as the cube?', 'yes'),
         ('Are there more balls that are behind the green metal sphere than rubber objects right '
          'of the gray matte ball?',
          'yes'),
         ('Is there a metal sphere on the right side of the rubber object on the left side of the '
          'yellow rubber thing?',
          'yes'),
         ('What is the material of the sphere that is both in front of the large matte thing and '
          'on the left side of the small blue shiny ball?',
          'metal'),
         ('Are there any yellow rubber cylinders behind the red object?', 'yes'),
         ('The matte cylinder has what color?', 'yellow'),
         ('What is the color of the other big thing that is the same shape as the big rubber '
          'object?',
          'green'),
         ('There is a matte ball; does it have the same color as the metal object that is on the '
          'right side of the large metal sphere?',
          'no')],
 50179: [('What number of large blue matte things are the same shape as the big green matte '
          'object?',
          '0'),
         ('Is the number of red shiny objects left of the small red shiny object greater than the '
          'number of small gray metallic spheres?',
          'no'),
         ('Do the green thing to the left of the red object and the large thing that is right of '
          'the tiny red object have the same shape?',
          'no'),
         ('Is there any other thing that is the same size as the red metal object?', 'yes'),
         ('What number of cubes are either big rubber things or tiny yellow rubber objects?', '0'),
         ('Does the large sphere have the same material as the green cylinder?', 'no'),
         ('How many other objects are the same color as the metallic sphere?', '0'),
         ('There is a matte thing that is left of the tiny yellow object; what is its shape?',
          'sphere'),
         ('The large thing that is behind the matte ball in front of the matte thing that is on '
          'the right side of the large green metal cylinder is what shape?',
          'cylinder')]}


def make_fixture(root: Path) -> None:
    """Write the train questions file and RGBA images under ``root/CLEVR_v1.0``."""
    write_clevr(root / "CLEVR_v1.0", "train", dict(sorted(SAMPLES.items())))  # the file is by image


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
