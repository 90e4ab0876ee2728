"""One sandboxed Jinja environment for every task: StrictUndefined, shared partials, compile once."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ._limits import LimitedSandbox, render_within_limits


def partials_dir() -> Path:
    """The folder of shared partials (the ``visionflan_templates`` package)."""
    import visionflan_templates

    return Path(visionflan_templates.__file__).parent


@functools.cache
def environment() -> ImmutableSandboxedEnvironment:
    """The process-wide environment; templates cannot reach attributes like ``__class__``, and
    cannot grow strings, lists or numbers, loop or render beyond the limits in :mod:`._limits`."""
    return LimitedSandbox(
        loader=jinja2.FileSystemLoader(partials_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )


@dataclass(frozen=True)
class CompiledTemplate:
    """A parsed template with what validation and provenance need to know about it."""

    template_id: str
    source: str
    template: jinja2.Template
    variables: frozenset[str]
    sha256: str
    globals: Mapping[str, object]

    def render(self, context: Mapping[str, object]) -> str:
        """Render with ``context``, within the limits of :mod:`._limits`.

        Jinja's ``Template.render`` copies the context and then every global through a ChainMap
        on each call; merging the few globals into the caller's dict once is several times cheaper.
        The sandbox is unaffected: its checks live in the compiled attribute and call lookups.

        Anything the template raises that is not a Jinja error (``OverflowError``,
        ``ZeroDivisionError``, ``MemoryError``, ...) and every exceeded limit is raised as a
        :class:`jinja2.TemplateError` subclass, so callers report it as that record's problem.
        """
        variables = {**self.globals, **context}
        chunks = self.template.root_render_func(self.template.new_context(variables, shared=True))
        return render_within_limits(chunks)


def compile_template(template_id: str, source: str) -> CompiledTemplate:
    """Parse ``source``; its hash covers the partials it includes, so editing one changes it.

    Includes are inlined before compiling: a partial shares its includer's context anyway, and an
    ``{% include %}`` costs a fresh render context per use, which dominated rendering time.
    """
    env = environment()
    tree = env.parse(source)
    digest = hashlib.sha256(source.encode())
    for name in sorted(_included(tree)):
        digest.update(name.encode())
        digest.update(_partial_source(name).encode())
    return CompiledTemplate(
        template_id=template_id,
        source=source,
        template=env.from_string(_inline_includes(source)),
        variables=frozenset(_undeclared(tree)),
        sha256=digest.hexdigest(),
        globals=dict(env.globals),
    )


_INCLUDE = re.compile(r"""\{%(?P<left>-?)\s*include\s+(["'])(?P<name>[^"']+)\2\s*(?P<right>-?)%\}""")


def _inline_includes(source: str) -> str:
    """``source`` with every literal include replaced by the partial's text (recursively).

    The partial is wrapped in ``{% if true %}...{% endif %}`` so whitespace control behaves as it
    does around the include tag, and loses one trailing newline, as a rendered template does.
    """

    def inline(match: re.Match[str]) -> str:
        text = _partial_source(match["name"])
        text = text[:-1] if text.endswith("\n") else text
        left, right = match["left"], match["right"]
        return f"{{%{left} if true %}}{_inline_includes(text)}{{% endif {right}%}}"

    return _INCLUDE.sub(inline, source)


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
