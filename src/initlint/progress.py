"""The progress line of long runs: ``files done / total`` on standard error.

Shown only when standard error is a terminal, the report is meant for people (not json, json-lines, sarif,
junit or github), and the run has already taken ``delay`` seconds (about 2 s): short runs print nothing. The
line is rewritten in place and erased when the files are read.
"""

from __future__ import annotations

import sys
import time

#: output formats read by programs: never mixed with a progress line (even on a terminal)
MACHINE_FORMATS = frozenset({"json", "json-lines", "sarif", "junit", "github"})
#: seconds a run takes before the line appears
DELAY = 2.0


def wanted(stream, output_format: str, quiet: bool = False) -> bool:
    """Whether a run may show the progress line on ``stream``."""
    if quiet or output_format in MACHINE_FORMATS:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed stream
        return False


class Progress:
    """``update(done)`` as files are read; ``close()`` erases the line if one was shown."""

    def __init__(self, total: int, stream=None, delay: float | None = None, clock=time.monotonic,
                 interval: float = 0.1):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay
        self.clock = clock
        self.interval = interval
        self.start = clock()
        self.shown = False
        self._last = float("-inf")
        self._width = 0

    def update(self, done: int, text: str | None = None) -> None:
        """``text``: the line to show instead of ``files done / total`` (a phase of ``initlint verify``)."""
        now = self.clock()
        if now - self.start < self.delay or (now - self._last < self.interval and done < self.total):
            return
        self._last = now
        text = text if text is not None else f"initlint: {done}/{self.total} files"
        self._width = max(self._width, len(text))
        try:
            self.stream.write("\r" + text.ljust(self._width))
            self.stream.flush()
        except (OSError, ValueError):
            return
        self.shown = True

    def close(self) -> None:
        if self.shown:
            try:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self.shown = False
