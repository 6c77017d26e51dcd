"""INI103 invalid-init-argument: a literal argument that makes an ``nn.init`` call raise."""

from __future__ import annotations

from ..summary import UNKNOWN
from ..torchnames import FAN_MODES, GAIN_NONLINEARITIES, INIT, INIT_FUNCTIONS
from . import Rule
from ._values import known_values


def bound_args(name: str, args: tuple, kwargs: dict) -> dict:
    """Map positional literals onto the initializer's parameter names (tensor already removed)."""
    names = INIT_FUNCTIONS.get(name, ())
    out = dict(zip(names, args))
    out.update(kwargs)
    return out


def _num(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class InvalidInitArgument(Rule):
    code = "INI103"
    related_elsewhere = False  # its findings never name a place in another file
    name = "invalid-init-argument"
    summary = "Literal `nn.init` argument that raises at run time (nonlinearity, mode, bounds, std, sparsity)"

    def check(self, file, index):
        patched = _gain_patched(index)
        for fn in file.scopes:
            for init in fn.inits:
                if init.func.startswith(INIT):
                    args = bound_args(init.name, init.args, init.kwargs)
                    if patched:
                        args.pop("nonlinearity", None)  # torch.nn.init.calculate_gain replaced: names unknown
                    problems = list(self.problems(init.name, args))
                    for problem in problems:
                        yield self.finding(file, init.loc, problem)
                    if not problems:
                        yield from self.through_parameters(init, args, fn, file, index)
            for call in fn.calls:
                if call.qual == INIT + "calculate_gain" and call.args and not patched:
                    value = (call.kwarg("nonlinearity") or call.args[0]).value
                    if isinstance(value, str) and value not in GAIN_NONLINEARITIES:
                        yield self.finding(file, call.loc, _nonlinearity_message(value))

    def through_parameters(self, init, args: dict, fn, file, index):
        """An argument that is a parameter of the function (or of one it is nested in) whose calls in the checked
        files give it a literal (``uniform_(w, 1.0, gain)`` in ``init_weights(net, gain=0.02)``): checked with
        each value it is known to take; the first that raises is reported."""
        texts = dict(zip(INIT_FUNCTIONS.get(init.name, ()), init.arg_texts))
        texts.update(init.kwarg_texts)
        for param, text in texts.items():
            if args.get(param) is not UNKNOWN or not (text or "").isidentifier():
                continue
            for value, how in known_values(text, fn, file, index):
                problem = next(self.problems(init.name, {**args, param: value}), None)
                if problem is not None:
                    yield self.finding(file, init.loc, f"with `{text}` = {value!r} ({how}): {problem}")
                    return

    def problems(self, name: str, args: dict):
        nonlinearity = args.get("nonlinearity")
        if name.startswith("kaiming") and isinstance(nonlinearity, str) \
                and nonlinearity not in GAIN_NONLINEARITIES:
            yield _nonlinearity_message(nonlinearity)
        mode = args.get("mode")
        if name.startswith("kaiming") and isinstance(mode, str) and mode not in FAN_MODES:
            yield f"`mode='{mode}'` is not supported (ValueError at run time); use 'fan_in' or 'fan_out'"
        a, b = args.get("a"), args.get("b")
        if name == "uniform_" and _num(a) and _num(b) and a > b:
            yield (f"`uniform_` bounds are `a={a}` > `b={b}` (RuntimeError at run time);"
                   " `uniform_(t, a, b)` takes the lower bound first - was `normal_(t, mean, std)` meant?")
        if name == "trunc_normal_" and _num(a) and _num(b) and a > b:
            yield f"`trunc_normal_` bounds are `a={a}` > `b={b}`; the lower bound comes first"
        std = args.get("std")
        if name in ("normal_", "trunc_normal_", "sparse_") and _num(std) and std < 0:
            yield f"`std={std}` is negative (RuntimeError at run time); a standard deviation is >= 0"
        sparsity = args.get("sparsity")
        if name == "sparse_" and _num(sparsity) and not 0 <= sparsity <= 1:
            yield f"`sparsity={sparsity}` is outside [0, 1]; it is the fraction of zeros per column"


def _nonlinearity_message(value: str) -> str:
    hint = ""
    lower = value.lower()
    if lower in GAIN_NONLINEARITIES:
        hint = f"; names are lower case: '{lower}'"
    elif lower in ("gelu", "silu", "swish", "mish", "elu", "prelu", "softplus"):
        hint = "; use 'relu' (the usual stand-in for smooth ReLU-like activations) or 'linear'"
    return (f"`nonlinearity='{value}'` is not supported by `calculate_gain` (ValueError at run time){hint};"
            f" supported: {', '.join(sorted(GAIN_NONLINEARITIES))}")


def _gain_patched(index) -> bool:
    """Some checked file assigns ``torch.nn.init.calculate_gain`` (a project's own gains for more activations):
    which nonlinearity names it accepts is unknown."""
    def compute():
        for summary in index.files:
            for scope in summary.scopes:
                for store in scope.attr_stores:
                    head, dot, rest = store.key.partition(".")
                    qual = summary.imports.get(head, head) + dot + rest
                    if qual == INIT + "calculate_gain":
                        return True
        return False

    return index.cached("ini103-gain-patched", compute)
