"""Rule pages (``rules/INI001.md``): shipped in the wheel as ``initlint/rule_pages``."""

from __future__ import annotations

import os
import re
from importlib import resources


def _candidates():
    try:
        yield resources.files("initlint") / "rule_pages"
    except (ModuleNotFoundError, TypeError):
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, "rule_pages")
    yield os.path.join(os.path.dirname(os.path.dirname(here)), "rules")  # a source checkout


def page(code: str) -> str | None:
    for base in _candidates():
        path = os.path.join(str(base), f"{code}.md")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                return handle.read()
    return None


def sections(text: str) -> dict[str, str]:
    """``## Heading`` -> body."""
    out: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        match = re.match(r"^##\s+(.*)$", line)
        if match:
            current = match.group(1).strip().lower()
            out[current] = ""
        elif current is not None:
            out[current] += line + "\n"
    return out


def code_blocks(body: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", body, flags=re.S)
