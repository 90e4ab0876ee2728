"""Built-in Vision-Flan tasks: one folder per source dataset, one subfolder per task.

The whole package is one pluggy plugin (entry point ``visionflan = "visionflan_tasks:plugin"``);
its dataset folders are found when discovery runs, so adding one needs no edit of ``pyproject.toml``.
"""

from visionflan_core.plugin import dataset_folders

plugin = dataset_folders(__file__)
