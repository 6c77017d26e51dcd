"""Values a name is known to take where an init reads it: ``gain`` in ``uniform_(w, 1.0, gain)``.

A name read in a function (or in a function nested in it) that is a parameter of that function, never rebound,
takes the value each call of the function in the checked files gives it: a literal argument, or the parameter's
literal default when the call leaves it out. Only such values are known; a call that passes anything else, a
method, or a function called from nowhere gives no value (unknown, so the rules stay silent).
"""

from __future__ import annotations

from ..summary import UNKNOWN


def known_values(name: str, fn, file, index) -> list[tuple[object, str]]:
    """(value, how it is known) for each call of the function that owns ``name`` as a parameter and gives it a
    literal value; [] when any of that is unknown."""
    owner = fn
    while owner is not None and name not in owner.params:
        if owner.rebinds(name):
            return []  # bound on the way out: another variable
        owner = file.function(owner.parent) if owner.parent else None
    if owner is None:
        return []
    out = []
    for _, _, _, arg in index.passed_args(owner, file, name):
        if arg is None and name in owner.defaults:
            out.append((owner.defaults[name], f"its default, `{name}={owner.defaults[name]!r}`, in a call of"
                                              f" `{owner.name}` that leaves it out"))
        elif arg is not None and arg.value is not UNKNOWN:
            out.append((arg.value, f"`{arg.value!r}` in a call of `{owner.name}`"))
    return out
