"""The ``akn`` executable: a stop signal ends it cleanly from the moment it starts.

Before the command runs nothing is under way, so SIGINT or SIGTERM while Python imports the
command line (a few hundred milliseconds on a loaded machine) leaves at once, with one line and
128 + the signal's number, instead of a traceback; ``batch.stopping_on_signals`` takes over while
the command converts.
"""
from __future__ import annotations

import os
import signal


def _leave(signum: int, frame) -> None:
    os.write(2, b"akn: interrupted\n" if signum == signal.SIGINT else b"akn: terminated\n")
    os._exit(128 + signum)


def main() -> None:
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, _leave)
    from .cli import main as command

    command()
