"""The render timer of the template sandbox (visionflan_core._limits) never outlives its process."""

from __future__ import annotations


def test_the_render_timer_is_disarmed_at_exit() -> None:
    """A tick after shutdown restored SIGALRM's default killed finished runs with status 142."""
    import subprocess
    import sys

    child = (
        "import atexit, signal\n"
        "from visionflan_core.templating import compile_template\n"
        "compile_template('t', 'Hi {{ label }}').render({'label': 'x'})\n"
        "assert signal.getitimer(signal.ITIMER_REAL)[0] > 0, 'the render did not arm the timer'\n"
        "atexit._run_exitfuncs()\n"
        "print(signal.getitimer(signal.ITIMER_REAL)[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0.0"
