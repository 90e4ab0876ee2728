"""The Flickr30k dataset folder: its reader, fixture and tasks."""
