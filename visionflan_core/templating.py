"""One sandboxed Jinja environment for every task: StrictUndefined, shared partials, compile once."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment


def partials_dir() -> Path:
    """The folder of shared partials (the ``visionflan_templates`` package)."""
    import visionflan_templates

    return Path(visionflan_templates.__file__).parent


@functools.cache
def environment() -> ImmutableSandboxedEnvironment:
    """The process-wide environment; templates cannot reach attributes like ``__class__``."""
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(partials_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@dataclass(frozen=True)
class CompiledTemplate:
    """A parsed template with what validation and provenance need to know about it."""

    template_id: str
    source: str
    template: jinja2.Template
    variables: frozenset[str]
    sha256: str

    def render(self, context: dict[str, object]) -> str:
        return self.template.render(context)


def compile_template(template_id: str, source: str) -> CompiledTemplate:
    """Parse ``source``; its hash covers the partials it includes, so editing one changes it."""
    env = environment()
    tree = env.parse(source)
    digest = hashlib.sha256(source.encode())
    for name in sorted(_included(tree)):
        digest.update(name.encode())
        digest.update(_partial_source(name).encode())
    return CompiledTemplate(
        template_id=template_id,
        source=source,
        template=env.from_string(tree),
        variables=frozenset(_undeclared(tree)),
        sha256=digest.hexdigest(),
    )


def _included(tree: jinja2.nodes.Template) -> set[str]:
    found: set[str] = set()
    for name in meta.find_referenced_templates(tree):
        if name is None:
            raise jinja2.TemplateSyntaxError("include names must be literal strings", 1)
        if name not in found:
            found.add(name)
            found |= _included(environment().parse(_partial_source(name)))
    return found


def _undeclared(tree: jinja2.nodes.Template) -> set[str]:
    names = set(meta.find_undeclared_variables(tree))
    for name in meta.find_referenced_templates(tree):
        if name is not None:
            names |= _undeclared(environment().parse(_partial_source(name)))
    return names


@functools.cache
def _partial_source(name: str) -> str:
    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source
