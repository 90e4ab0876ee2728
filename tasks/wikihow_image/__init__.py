"""The wikiHow-image dataset folder (MultiInstruct's wikiHow step images): its reader, fixture and tasks."""
