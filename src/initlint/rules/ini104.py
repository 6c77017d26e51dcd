"""INI104 kaiming-slope-as-gain: ``a=`` of kaiming init is a negative slope, not a gain."""

from __future__ import annotations

import re

from . import Rule, each_init
from .ini103 import bound_args

_SQRT5 = re.compile(r"^(math\.|np\.|numpy\.)?sqrt\(\s*5(\.0*)?\s*\)$")
_GAINLIKE = re.compile(r"^((math\.|np\.|numpy\.)?sqrt\(\s*2(\.0*)?\s*\)|2(\.0*)?\s*\*\*\s*0?\.5|1\.41\d*"
                       r"|([\w.]*\.)?calculate_gain\(.*\))$")


class KaimingSlopeAsGain(Rule):
    code = "INI104"
    related_elsewhere = False  # its findings never name a place in another file
    name = "kaiming-slope-as-gain"
    summary = "`kaiming_*_(a=...)` is ignored (nonlinearity not leaky_relu) or looks like a gain"

    def check(self, file, index):
        for fn, init in each_init(file, torch_only=True):
            if init.name not in ("kaiming_uniform_", "kaiming_normal_"):
                continue
            args = bound_args(init.name, init.args, init.kwargs)
            if "a" not in args:
                continue
            a = args["a"]
            text = init.kwarg_texts.get("a") or (init.arg_texts[0] if init.arg_texts else "")
            text = text.replace(" ", "")
            nonlinearity = args.get("nonlinearity", "leaky_relu")
            if isinstance(nonlinearity, str) and nonlinearity != "leaky_relu" and a != 0:
                yield self.finding(
                    file, init.loc,
                    f"`a={text}` is ignored: `a` is the negative slope of leaky_relu, and"
                    f" `nonlinearity='{nonlinearity}'` has none; drop `a` or use `nonlinearity='leaky_relu'`",
                )
            elif _scaled_slope(text):
                yield self.finding(
                    file, init.loc,
                    f"`a={text}` multiplies leaky_relu's negative slope, not the weights: the std is"
                    " sqrt(2 / (1 + a^2)) / sqrt(fan), so a larger factor gives smaller weights; keep"
                    " `a=math.sqrt(5)` and scale the tensor after the init (`w.mul_(factor)` under"
                    " `torch.no_grad()`)",
                )
            elif _GAINLIKE.match(text) or _bound_to_gain(text, fn) or (
                    isinstance(a, (int, float)) and not isinstance(a, bool) and a > 1 and not _SQRT5.match(text)):
                yield self.finding(
                    file, init.loc,
                    f"`a={text}` looks like a gain, but `a` is leaky_relu's negative slope: the std becomes"
                    f" sqrt(2 / (1 + a^2)) / sqrt(fan) (smaller, not larger); for ReLU use"
                    " `nonlinearity='relu'`, for a gain use `xavier_*_(gain=...)`",
                )


def _bound_to_gain(text: str, fn) -> bool:
    """``a=gain`` where the local ``gain`` is only ever bound to what ``calculate_gain`` returns."""
    binds = fn.local_binds.get(text) if text.isidentifier() and text not in fn.params else None
    return bool(binds) and all(b.endswith(".calculate_gain()") or b == "calculate_gain()" for b in binds)


def _scaled_slope(text: str) -> bool:
    """``a=math.sqrt(5) * scale`` (either order): PyTorch's default slope multiplied by something that is not a
    number, a scale meant for the weights."""
    if text.count("*") != 1:
        return False
    left, right = text.split("*")
    return any(_SQRT5.match(idiom) and other and not re.fullmatch(r"[\d.]+", other)
               for idiom, other in ((left, right), (right, left)))
