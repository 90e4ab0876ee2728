"""Built-in Vision-Flan tasks: one folder per task, one ``visionflan.tasks`` entry point per folder.

Shared dataset readers live in :mod:`visionflan_tasks._readers`; shared fixtures in ``_fixtures/``.
"""

from visionflan_core.plugin import folder_plugins

__getattr__ = folder_plugins(__file__)
