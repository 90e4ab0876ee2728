"""Resource limits for templates: a template may not build, loop or render without bound.

The sandbox already stops templates reaching Python internals; these limits stop them exhausting
memory or time (``{{ 'a' * 10**10 }}``, ``{{ 9 ** 9 ** 9 }}``, nested ``range`` loops). Each limit
is checked *before* the big value is built wherever the size can be known in advance (repetition,
powers, ``range``, widths of padding and format specs, ``replace``), and after otherwise
(concatenation, every call's result, the rendered text). The render time of one record is bounded
by a timer where the platform allows it (the main thread, ``SIGALRM`` unused by anyone else).

Every breach raises :class:`TemplateLimitError`, a :class:`jinja2.exceptions.SecurityError`, so the
caller reports it as a problem of that record and goes on.
"""

from __future__ import annotations

import atexit
import functools
import math
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, TemplateError, TemplateRuntimeError
from jinja2.nodes import Concat
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

MAX_SIZE = 100_000  # characters or items any one value built by a template may hold
MAX_RENDER_CHARS = 200_000  # characters one render may produce
MAX_POWER_BITS = 4_096  # size of an integer ``**`` may produce
MAX_RANGE_ITEMS = 100_000  # items of every range() of one render, together (nested loops)
RENDER_SECONDS = 2.0  # wall time of one render, where a timer is available

_WIDTH = re.compile(r"%[-#0 +]*(\d+)|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "filesizeformat"})


class TemplateLimitError(SecurityError):
    """A template went past a resource limit (size, power, range, rendered length, time)."""


class TemplateRaised(TemplateRuntimeError):
    """A template raised an ordinary Python error (``ZeroDivisionError``, ``OverflowError``...)."""


class _RenderState(threading.local):
    range_left: int = MAX_RANGE_ITEMS


_state = _RenderState()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


def check_size(value: Any, what: str = "value") -> Any:
    """``value`` if it is within :data:`MAX_SIZE`, else a :class:`TemplateLimitError`."""
    if _size(value) > MAX_SIZE:
        raise TemplateLimitError(f"template built a {what} of {_size(value)} items (limit {MAX_SIZE})")
    return value


def _check_widths(text: Any) -> None:
    """Format specs such as ``%99999999s`` or ``{:>99999999}`` pad without bound: refused."""
    if isinstance(text, str):
        for match in _WIDTH.finditer(text):
            width = int(match.group(1) or match.group(2))
            if width > MAX_SIZE:
                raise TemplateLimitError(f"format width {width} is over the limit of {MAX_SIZE}")


def _check_repeat(left: Any, right: Any) -> None:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(times, int) and _size(sequence) * max(times, 0) > MAX_SIZE:
            raise TemplateLimitError(f"template repeats {_size(sequence)} items {times} times "
                                     f"(limit {MAX_SIZE})")


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        bits = exponent * math.log2(abs(base))
        if bits > MAX_POWER_BITS:
            raise TemplateLimitError(f"{base} ** {exponent} has about {int(bits)} bits "
                                     f"(limit {MAX_POWER_BITS})")


def _replace_size(text: str, old: Any, new: Any, count: int = -1) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    hits = len(text) + 1 if old == "" else text.count(old)
    if count >= 0:
        hits = min(hits, count)
    return len(text) + hits * max(len(new) - len(old), 0)


def _check_str_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    owner = getattr(getattr(method, "__wrapped__", method), "__self__", None)
    name = getattr(method, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _WIDTH_METHODS and args and isinstance(args[0], int) and args[0] > MAX_SIZE:
        raise TemplateLimitError(f"str.{name} width {args[0]} is over the limit of {MAX_SIZE}")
    if name == "expandtabs" and args and isinstance(args[0], int) and (
            owner.count("\t") * args[0] > MAX_SIZE):
        raise TemplateLimitError(f"str.expandtabs would build over {MAX_SIZE} characters")
    if name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 and isinstance(args[2], int) else -1
        if _replace_size(owner, args[0], args[1], count) > MAX_SIZE:
            raise TemplateLimitError(f"str.replace would build over {MAX_SIZE} characters")
    if name in ("format", "format_map"):
        _check_widths(owner)


def _checked_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """``original`` with its arguments checked before and its result after."""
    passes_context = _PassArg.from_obj(original) is not None

    @functools.wraps(original)
    def checked(*args: Any, **kwargs: Any) -> Any:
        value, *rest = args[1:] if passes_context else args
        if name in _WIDTH_FILTERS:
            for argument in [*rest, *kwargs.values()]:
                if isinstance(argument, int) and argument > MAX_SIZE:
                    raise TemplateLimitError(f"filter {name} width {argument} is over {MAX_SIZE}")
                if name == "indent" and isinstance(argument, str) and isinstance(value, str) and (
                        len(value) + (value.count("\n") + 1) * len(argument) > MAX_SIZE):
                    raise TemplateLimitError(f"filter indent would build over {MAX_SIZE} characters")
        if name == "format":
            _check_widths(value)
        if name == "replace" and isinstance(value, str) and len(rest) >= 2:
            count = rest[2] if len(rest) > 2 and isinstance(rest[2], int) else -1
            if _replace_size(value, rest[0], rest[1], count if count is not None else -1) > MAX_SIZE:
                raise TemplateLimitError(f"filter replace would build over {MAX_SIZE} characters")
        return check_size(original(*args, **kwargs), f"result of filter {name}")

    return checked


def limited_range(*args: int) -> range:
    """``range`` whose items, over every range of one render, stay within :data:`MAX_RANGE_ITEMS`."""
    try:
        numbers = range(*args)
        items = len(numbers)
    except OverflowError:
        raise TemplateLimitError(f"range{args} is over the limit of {MAX_RANGE_ITEMS} items") from None
    _state.range_left -= items
    if items > MAX_SIZE or _state.range_left < 0:
        raise TemplateLimitError(f"range{args} takes the render over {MAX_RANGE_ITEMS} range items "
                                 "(nested loops?)")
    return numbers


class _CheckedConcat(CodeGenerator):
    """``a ~ b`` (string concatenation) has its result's size checked."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.check_size(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox plus the resource limits of this module."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CheckedConcat

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = limited_range
        for name, original in list(self.filters.items()):
            self.filters[name] = _checked_filter(name, original)

    def check_size(self, value: Any) -> Any:
        return check_size(value, "string")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%":
            _check_widths(left)
        return check_size(super().call_binop(context, operator, left, right), f"result of {operator!r}")

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_str_method(__obj, args, kwargs)
        return check_size(super().call(__context, __obj, *args, **kwargs), "call result")


# The render timer: a periodic SIGALRM "tick", armed on the first render of a process and
# disarmed after a few idle ticks, checks how long the current render has run. A per-render
# one-shot timer would cost two system calls per render; this costs a clock read.
TICK_SECONDS = 0.25
_IDLE_TICKS = 8
_timer: dict[str, Any] = {"started": None, "armed_pid": None, "idle": 0}


def _on_tick(signum: int, frame: Any) -> None:
    started = _timer["started"]
    if started is None:
        _timer["idle"] += 1
        if _timer["idle"] >= _IDLE_TICKS:  # nothing rendering for a while: stop ticking
            signal.setitimer(signal.ITIMER_REAL, 0)
            _timer["armed_pid"] = None
        return
    _timer["idle"] = 0
    if time.monotonic() - started > RENDER_SECONDS:
        _timer["started"] = None
        raise TemplateLimitError(f"render took over {RENDER_SECONDS:g} s")


def _disarm() -> None:
    """Stop ticking (at exit: interpreter shutdown restores SIGALRM's default, which kills)."""
    if _timer["armed_pid"] == os.getpid():
        signal.setitimer(signal.ITIMER_REAL, 0)
        _timer["armed_pid"] = None


def _start_timer() -> bool:
    """Time this render, if this thread may use ``SIGALRM`` without disturbing anyone."""
    if threading.get_ident() != threading.main_thread().ident or not hasattr(signal, "setitimer"):
        return False
    if _timer["armed_pid"] != os.getpid():  # first render here (timers do not survive a fork)
        handler = signal.getsignal(signal.SIGALRM)
        if handler is not _on_tick and (handler not in (signal.SIG_DFL, None)
                                        or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
            return False  # the application uses SIGALRM itself: do without a time limit
        signal.signal(signal.SIGALRM, _on_tick)
        signal.setitimer(signal.ITIMER_REAL, TICK_SECONDS, TICK_SECONDS)
        if _timer["armed_pid"] is None and not _timer.get("atexit"):
            atexit.register(_disarm)  # a tick after shutdown resets handlers would kill the process
            _timer["atexit"] = True
        _timer["armed_pid"] = os.getpid()
    _timer["started"] = time.monotonic()
    return True


def render_within_limits(chunks: Iterable[str]) -> str:
    """Join a render's output, stopping it at :data:`MAX_RENDER_CHARS` or :data:`RENDER_SECONDS`."""
    _state.range_left = MAX_RANGE_ITEMS
    timed = _start_timer()
    try:
        parts = []
        total = 0
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_RENDER_CHARS:
                raise TemplateLimitError(f"rendered text is over {MAX_RENDER_CHARS} characters")
            parts.append(chunk)
        return "".join(parts)
    except TemplateError:
        raise
    except Exception as error:  # ZeroDivisionError, OverflowError, MemoryError, RecursionError...
        message = " ".join(str(error).split())
        raise TemplateRaised(f"{type(error).__name__}: {message}" if message
                             else type(error).__name__) from error
    finally:
        if timed:
            _timer["started"] = None
