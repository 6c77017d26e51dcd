"""INI310 tied-weight-reinitialized: a tied parameter initialized through both of its names.

After ``self.decoder.weight = self.embed.weight`` both names hold one tensor. An init through one name
(``normal_(self.embed.weight, std=0.02)``) followed by a different init through the other
(``xavier_uniform_(self.decoder.weight)``, or ``self.decoder.reset_parameters()``) overwrites the first: the
embedding ends up with the decoder's init.

Fires only on what ``__init__`` provably runs in order: its own statements and the ``self.<method>()`` calls it
makes (the methods' statements in place of the call). An init of the decoder's own tensor *before* the tie is
fine (that tensor is dropped by the tie), and so is the same init twice.
"""

from __future__ import annotations

from ..index import ClassRef
from . import Related, Rule, module_classes

MAX_DEPTH = 4


def sequence(ref: ClassRef, index) -> list:
    """Events of ``__init__`` in run order: ("init", InitCall, path), ("tie", AttrStore, path), ("reset", Call,
    path)."""
    methods = {}
    for cls in reversed(index.mro(ref)):
        for name, fn in cls.info.methods.items():
            methods[name] = (fn, cls.file.path)

    def walk(name: str, depth: int, stack: tuple) -> list:
        if name not in methods or name in stack or depth > MAX_DEPTH:
            return []
        fn, path = methods[name]
        items = []
        for init in fn.inits:
            items.append((init.order, "init", init, path))
        for store in fn.attr_stores:
            items.append((store.order, "tie", store, path))
        for call in fn.calls:
            if call.func.startswith("self.") and call.func.count(".") == 1:
                items.append((call.order, "call", call, path))
            elif call.method == "reset_parameters" and call.receiver and call.receiver.startswith("self."):
                items.append((call.order, "reset", call, path))
        out = []
        for _, kind, event, where in sorted(items, key=lambda item: item[0]):
            if kind == "call":
                out.extend(walk(event.func[5:], depth + 1, stack + (name,)))
            else:
                out.append((kind, event, where))
        return out

    return walk("__init__", 0, ())


def tensor_key(init) -> str | None:
    if init.index is not None or not init.target_key or "[" in init.target_key:
        return None  # a slice: a partial write
    return init.target_key


def contradicts(conds, others) -> bool:
    """An event under the negation of the tie's condition (``if not tie:``) never runs with the tie."""
    return any(c.kind != "other" and c.negate() in others for c in conds)


class Write:
    """One write of the shared tensor: an init through a name, or a module's ``reset_parameters()``."""

    def __init__(self, key: str, what: str, texts: tuple, loc, path: str):
        self.key, self.what, self.texts, self.loc, self.path = key, what, texts, loc, path

    @property
    def same_as(self) -> tuple:
        return self.what, self.texts


class TiedWeightReinitialized(Rule):
    code = "INI310"
    name = "tied-weight-reinitialized"
    summary = "A tied parameter initialized through both names: the later init overwrites the other's"

    def check(self, file, index):
        for info, ref in module_classes(file, index):
            if "__init__" not in info.methods:
                continue
            events = sequence(ref, index)
            for at, (kind, tie, tie_path) in enumerate(events):
                if kind != "tie":
                    continue
                dst, src = tie.key, tie.value
                if not src or dst == src or not src.startswith("self.") or not dst.startswith("self."):
                    continue
                if dst.rsplit(".", 1)[-1] not in ("weight", "bias") and src.rsplit(".", 1)[-1] not in (
                        "weight", "bias"):
                    continue  # not a parameter tie as far as the rule knows
                yield from self.after_tie(file, events, at, tie, tie_path)

    def after_tie(self, file, events, at, tie, tie_path):
        dst, src = tie.key, tie.value
        names = {dst, src}
        owner = {key.rsplit(".", 1)[0]: key for key in names if key.count(".") >= 2}
        last = None  # the last write of the shared tensor: before the tie, only through the source's name
        for kind, event, where in events[:at]:
            if kind == "init" and tensor_key(event) == src:
                last = Write(src, f"`{event.name}`", tuple(event.arg_texts), event.loc, where)
        for kind, event, where in events[at + 1:]:
            if kind == "tie" and event.key in names:
                return  # re-tied or untied: the rule stops following
            if kind == "init" and tensor_key(event) in names:
                write = Write(tensor_key(event), f"`{event.name}`", tuple(event.arg_texts), event.loc, where)
            elif kind == "reset" and event.receiver in owner and owner[event.receiver].endswith(("weight", "bias")):
                write = Write(owner[event.receiver], "`reset_parameters()`", (), event.loc, where)
            else:
                continue
            if contradicts(event.conds, tie.conds):
                continue
            if last is not None and last.key != write.key and last.same_as != write.same_as and where == file.path:
                yield self.finding(
                    file, write.loc,
                    f"`{write.key}` is tied to `{last.key}` (`{dst} = {src}`): this {write.what} init overwrites"
                    f" the {last.what} init given through `{last.key}`, since both names hold one tensor; keep"
                    " one init for the shared tensor",
                    None,
                    [Related(last.path, last.loc, f"`{last.key}` is initialized here"),
                     Related(tie_path, tie.loc, "the weights are tied here")],
                )
            last = write
