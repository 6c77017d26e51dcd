"""The record: which operation last wrote each tensor while the model was built, with its concrete arguments.

A :class:`torch.utils._python_dispatch.TorchDispatchMode` sees every ATen operation run while the target is
built. Every operation that writes a tensor in place (the arguments its schema marks as written: ``normal_``,
``uniform_``, ``fill_``, ``zero_``, ``copy_``, ``mul_`` ...) and every operation that creates a new tensor
(``empty``, ``randn``, ``zeros``, an out-of-place product) is recorded against the tensor's storage
(``untyped_storage().data_ptr()`` and the byte range written), so tied and shared tensors are one record and
``param.data = t`` follows ``t``'s storage with no special case.

Each write is attributed by a look at the Python stack:

* the outermost ``torch.nn.init`` function on the stack names the write (``kaiming_uniform_(a=sqrt(5))`` run
  by ``Linear.reset_parameters``, ``normal_(mean=0.0, std=0.02)`` run by a model's ``_init_weights``), its
  arguments read from that frame; a library's wrapper of the same name is recorded by the torch function it
  ends in;
* ``load_state_dict`` on the stack makes it a load;
* otherwise the tensor method itself (``normal_(0, 0.02)``, ``fill_(1.0)``) or the creating operation
  (``randn``, ``zeros``; ``empty`` is an allocation that writes nothing).

The caller is the first frame outside torch's own machinery and outside init wrappers: ``file:line`` of the
model's code, or ``Linear.reset_parameters (torch)`` for a layer's default.

Values are followed through simple arithmetic: ``torch.randn(n) * 0.02`` is normal(0, 0.02), a default
``kaiming_uniform_`` followed by ``mul_(0.5)`` is uniform on half the bound, ``copy_`` and ``.to()`` carry the
source's law. Anything else is ``computed`` (a value initlint does not model statistically).
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Write", "Record", "record_build", "INIT_NAMES"]

#: ``torch.nn.init`` functions recorded by name (their argument names, after the tensor, as torch spells them).
INIT_NAMES: dict[str, tuple[str, ...]] = {
    "uniform_": ("a", "b"), "normal_": ("mean", "std"), "trunc_normal_": ("mean", "std", "a", "b"),
    "constant_": ("val",), "ones_": (), "zeros_": (), "eye_": (), "dirac_": ("groups",),
    "xavier_uniform_": ("gain",), "xavier_normal_": ("gain",),
    "kaiming_uniform_": ("a", "mode", "nonlinearity"), "kaiming_normal_": ("a", "mode", "nonlinearity"),
    "orthogonal_": ("gain",), "sparse_": ("sparsity", "std"),
}

_ALLOC_OPS = ("empty", "empty_like", "empty_strided", "new_empty", "new_empty_strided", "empty_permuted")


@dataclass
class Write:
    """One recorded write of a byte range of a storage."""

    seq: int
    kind: str  # "init" (a torch.nn.init function), "method" (a tensor method), "create", "alloc", "load"
    op: str  # "kaiming_uniform_", "normal_", "randn", "copy_" ...
    args: dict[str, Any]  # the call's concrete arguments (by torch's names)
    caller: str  # "Linear.reset_parameters (torch)" / "BertPreTrainedModel._init_weights (modeling_bert.py:551)"
    start: int  # byte range in the storage
    end: int
    shape: tuple[int, ...]  # shape of the tensor the operation was given (the whole parameter, or a view of it)
    law: tuple | None = None  # ("normal", mean, std) / ("uniform", a, b) / ("constant", v) / ("init", ...) / None
    note: str = ""  # "then mul_(0.5)" ...
    stack: tuple[str, ...] = ()  # qualified names of the frames outside torch when it ran, innermost first

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and self.end >= end

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def describe(self, caller: bool = True) -> str:
        if self.kind == "alloc":
            return f"allocated by {self.op} (never written)"
        if self.kind == "init" or self.op in ("normal_",):
            from .formulas import INIT_FUNCTIONS, canonical_init_name

            spec = INIT_FUNCTIONS.get(canonical_init_name(self.op) or "", {})
            parts = [f"{k}={_fmt(v)}" for k, v in self.args.items()
                     if not (k in spec and spec[k] == v and k not in ("val", "sparsity"))]
            call = f"{self.op}({', '.join(parts)})"
        elif self.kind == "load":
            call = "load_state_dict"
        else:
            parts = [f"{k}={_fmt(v)}" for k, v in self.args.items()]
            call = f"{self.op}({', '.join(parts)})"
        return call + (f" {self.note}" if self.note else "") + (f" by {self.caller}" if self.caller and caller else "")


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        if v == math.sqrt(5):
            return "sqrt(5)"
        return f"{v:.6g}"
    return repr(v)


@dataclass
class Record:
    """Writes per storage, in the order they ran."""

    writes: dict[tuple, list[Write]] = field(default_factory=dict)
    seq: int = 0
    complete: bool = True  # False if recording hit an error (the record is then not used for verdicts)
    filled: bool = False  # allocations were filled with NaN (fill_uninitialized_memory) while recording
    errors: list[str] = field(default_factory=list)

    def history(self, t) -> tuple[Write | None, list[Write]] | None:
        """(last write covering all of ``t``, later partial writes overlapping it); None: ``t`` has no record."""
        key, start, end = _region(t)
        if key is None:
            return None
        ws = self.writes.get(key)
        if not ws:
            return None
        later: list[Write] = []
        for w in reversed(ws):
            if w.covers(start, end):
                later.reverse()
                return w, later
            if w.overlaps(start, end):
                later.append(w)
        later.reverse()
        return (None, later) if later else None

    def loaded_before(self, t, base: Write) -> bool:
        """Whether ``load_state_dict`` wrote all of ``t`` before its last write ``base``."""
        key, start, end = _region(t)
        return any(w.kind == "load" and w.seq < base.seq and w.covers(start, end)
                   for w in self.writes.get(key, ()))

    # --------------------------------------------------------------------------------------------- writing
    def _add(self, t, w: Write, fresh: bool) -> None:
        key, start, end = _region(t)
        if key is None:
            return
        w.start, w.end = start, end
        if w.kind != "alloc" and not w.stack:
            w.stack = _LAST_STACK[0]
        if fresh:  # a new storage: whatever was recorded at this address belonged to a freed one
            self.writes[key] = [w]
        else:
            lst = self.writes.setdefault(key, [])
            lst.append(w)
            if len(lst) > 64:  # a scratch buffer written in a loop: keep the recent past
                del lst[:32]

    def law_of(self, t) -> tuple[tuple | None, str, Write | None]:
        """The law of ``t``'s current values as far as the record knows it, and its note."""
        h = self.history(t)
        if h is None:
            return None, "", None
        base, later = h
        if base is None or later:
            return None, "", base
        return base.law, base.note, base


def _region(t) -> tuple[tuple | None, int, int]:
    try:
        if t.device.type == "meta" or t.numel() == 0:
            return None, 0, 0
        st = t.untyped_storage()
        ptr = st.data_ptr()
        if ptr == 0:
            return None, 0, 0
        es = t.element_size()
        start = t.storage_offset() * es
        if t.is_contiguous():
            end = start + t.numel() * es
        else:  # span of a strided view
            span = 1 + sum((s - 1) * abs(st_) for s, st_ in zip(t.shape, t.stride()))
            end = start + span * es
        return (str(t.device), ptr), start, end
    except Exception:  # noqa: BLE001 - sparse, nested, functional tensors: not recorded
        return None, 0, 0


# ------------------------------------------------------------------------------------------------ the stack
_TORCH_DIR = ""
_INIT_FILE = ""
_MODULES_DIR = ""
_HERE = os.path.abspath(__file__)


def _paths() -> None:
    global _TORCH_DIR, _INIT_FILE, _MODULES_DIR
    if not _TORCH_DIR:
        import torch
        import torch.nn.init

        _TORCH_DIR = os.path.dirname(os.path.abspath(torch.__file__)) + os.sep
        _INIT_FILE = os.path.abspath(torch.nn.init.__file__)
        _MODULES_DIR = os.path.join(_TORCH_DIR, "nn", "modules") + os.sep


def _where(f) -> str:
    code = f.f_code
    qual = getattr(code, "co_qualname", code.co_name)
    fn = os.path.abspath(code.co_filename)
    if fn.startswith(_TORCH_DIR):
        return f"{qual} (torch)"
    return f"{qual} ({os.path.basename(fn)}:{f.f_lineno})"


def _attribute(frame, wrappers: tuple[str, ...] = ()) -> tuple[str, str, dict, str]:
    """(kind, op, args, caller) for a write seen at ``frame`` (the dispatch mode's caller); the names of the
    frames outside torch are left in ``_LAST_STACK``."""
    frames = []
    f = frame
    stack = []
    while f is not None:
        frames.append(f)
        fn = f.f_code.co_filename
        if not fn.startswith(_TORCH_DIR) and fn != _HERE:
            stack.append(getattr(f.f_code, "co_qualname", f.f_code.co_name))
        f = f.f_back
    _LAST_STACK[:] = [tuple(stack)]
    outer_init = None
    load = None
    for i, fr in enumerate(frames):
        code = fr.f_code
        fn = code.co_filename
        if code.co_name in INIT_NAMES and os.path.abspath(fn) == _INIT_FILE:
            outer_init = i
        elif code.co_name == "load_state_dict" and os.path.abspath(fn).startswith(_MODULES_DIR):
            load = i
    if load is not None and (outer_init is None or load > outer_init):
        return "load", "load_state_dict", {}, _caller(frames, load + 1, ())
    if outer_init is not None:
        fr = frames[outer_init]
        name = fr.f_code.co_name
        loc = fr.f_locals
        args = {k: loc.get(k) for k in INIT_NAMES[name] if k in loc}
        return "init", name, args, _caller(frames, outer_init + 1, (name,))
    return "method", "", {}, _caller(frames, 0, wrappers)


_LAST_STACK: list[tuple[str, ...]] = [()]


def _caller(frames, i: int, wrappers: tuple[str, ...]) -> str:
    """The first frame from ``i`` outward that is the model's code (or a torch layer's method)."""
    for fr in frames[i:]:
        fn = os.path.abspath(fr.f_code.co_filename)
        if fn == _HERE:
            continue
        if fr.f_code.co_name in wrappers or fr.f_code.co_name in INIT_NAMES:
            continue  # a library's wrapper of the torch init (recorded by the torch function it ends in)
        if fn.startswith(_TORCH_DIR) and not fn.startswith(_MODULES_DIR):
            continue  # torch's dispatch and tensor machinery
        plumbing = ("_call_impl", "_wrapped_call_impl", "_apply", "apply", "__setattr__", "__init__")
        if fn.startswith(_MODULES_DIR) and fr.f_code.co_name in plumbing:
            if fr.f_code.co_name == "__init__":
                return _where(fr)
            continue
        return _where(fr)
    return ""


# ------------------------------------------------------------------------------------------------ laws
def _number(v) -> float | None:
    import torch

    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, torch.Tensor) and v.numel() == 1 and v.dim() == 0 and v.device.type != "meta":
        try:
            return float(v)
        except Exception:  # noqa: BLE001
            return None
    return None


def _scale(law: tuple | None, c: float) -> tuple | None:
    if law is None:
        return None
    k = law[0]
    if k == "normal":
        return ("normal", law[1] * c, abs(law[2] * c))
    if k == "uniform":
        a, b = law[1] * c, law[2] * c
        return ("uniform", min(a, b), max(a, b))
    if k == "constant":
        return ("constant", law[1] * c)
    if k == "init" and c > 0:
        return ("scaled", law, c, 0.0)
    if k == "scaled" and c > 0:
        return ("scaled", law[1], law[2] * c, law[3] * c)
    return None


def _shift(law: tuple | None, c: float) -> tuple | None:
    if law is None:
        return None
    k = law[0]
    if k == "normal":
        return ("normal", law[1] + c, law[2])
    if k == "uniform":
        return ("uniform", law[1] + c, law[2] + c)
    if k == "constant":
        return ("constant", law[1] + c)
    if k == "init":
        return ("scaled", law, 1.0, c)
    if k == "scaled":
        return ("scaled", law[1], law[2], law[3] + c)
    return None


def _method_law(op: str, args: tuple, kwargs: dict) -> tuple[tuple | None, dict]:
    """Law and named arguments of an in-place sampling / filling method given ATen's arguments."""
    if op == "normal_":
        mean = kwargs.get("mean", args[1] if len(args) > 1 else 0.0)
        std = kwargs.get("std", args[2] if len(args) > 2 else 1.0)
        return ("normal", float(mean), float(std)), {"mean": float(mean), "std": float(std)}
    if op == "uniform_":
        a = kwargs.get("from", args[1] if len(args) > 1 else 0.0)
        b = kwargs.get("to", args[2] if len(args) > 2 else 1.0)
        return ("uniform", float(a), float(b)), {"from": float(a), "to": float(b)}
    if op == "fill_":
        v = _number(args[1]) if len(args) > 1 else None
        return (("constant", v) if v is not None else None), ({"value": v} if v is not None else {})
    if op == "zero_":
        return ("constant", 0.0), {}
    return None, {}


def _creation_law(op: str, args: tuple, kwargs: dict) -> tuple[tuple | None, dict]:
    if op in ("randn", "randn_like"):
        return ("normal", 0.0, 1.0), {}
    if op in ("rand", "rand_like"):
        return ("uniform", 0.0, 1.0), {}
    if op in ("zeros", "zeros_like", "new_zeros"):
        return ("constant", 0.0), {}
    if op in ("ones", "ones_like", "new_ones"):
        return ("constant", 1.0), {}
    if op == "normal" and len(args) >= 2 and _number(args[0]) is not None and _number(args[1]) is not None \
            and not any(hasattr(a, "shape") and getattr(a, "dim", lambda: 0)() > 0 for a in args[:2]):
        return ("normal", _number(args[0]), abs(_number(args[1]))), {"mean": _number(args[0]), "std": _number(args[1])}
    if op in ("full", "full_like", "new_full"):
        v = _number(args[1]) if len(args) > 1 else _number(kwargs.get("fill_value"))
        return (("constant", v) if v is not None else None), ({"fill_value": v} if v is not None else {})
    return None, {}


def _shares_storage(o, args) -> bool:
    import torch

    try:
        ptr = o.untyped_storage().data_ptr()
    except Exception:  # noqa: BLE001
        return False
    if ptr == 0:
        return False
    for a in args:
        if isinstance(a, torch.Tensor) and a.device == o.device:
            try:
                if a.untyped_storage().data_ptr() == ptr:
                    return True
            except Exception:  # noqa: BLE001
                continue
    return False


# ------------------------------------------------------------------------------------------------ the mode
def _make_mode(rec: Record):
    import torch
    from torch.utils._python_dispatch import TorchDispatchMode

    Tensor = torch.Tensor

    class _RecordMode(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            out = func(*args, **kwargs)
            try:
                self._record(func, args, kwargs, out)
            except Exception as e:  # noqa: BLE001 - recording must never break the user's build
                rec.complete = False
                if len(rec.errors) < 5:
                    rec.errors.append(f"{func}: {type(e).__name__}: {e}")
            return out

        def _record(self, func, args, kwargs, out) -> None:
            schema = func._schema
            name = func.__name__.split(".")[0]
            written = []
            for i, a in enumerate(schema.arguments):
                if a.alias_info is not None and a.alias_info.is_write:
                    v = args[i] if i < len(args) else kwargs.get(a.name)
                    if isinstance(v, Tensor):
                        written.append(v)
            if written:
                if name in ("set_", "resize_", "resize_as_", "detach_", "requires_grad_"):
                    return
                self._in_place(name, written, args, kwargs)
                return
            outs = out if isinstance(out, (tuple, list)) else (out,)
            rets = schema.returns
            for j, o in enumerate(outs):
                if not isinstance(o, Tensor):
                    continue
                if j < len(rets) and rets[j].alias_info is not None:
                    continue  # a view of an input: no new storage
                if _shares_storage(o, args):
                    continue  # an alias the schema does not annotate (``_unsafe_view``)
                self._created(name, o, args, kwargs)

        def _in_place(self, name, written, args, kwargs) -> None:
            frame = sys._getframe(2)
            kind, op, iargs, caller = _attribute(frame, (name, name + "_"))
            for t in written:
                rec.seq += 1
                law: tuple | None = None
                note = ""
                shape = tuple(t.shape)
                if kind == "init":
                    law = ("init", op, tuple(sorted(iargs.items())))
                    w = Write(rec.seq, kind, op, iargs, caller, 0, 0, shape, law)
                elif kind == "load":
                    w = Write(rec.seq, "load", "load_state_dict", {}, caller, 0, 0, shape, None)
                else:
                    law, margs = _method_law(name + ("_" if not name.endswith("_") else ""), args, kwargs)
                    prev_law, prev_note, prev = rec.law_of(t)
                    base = name.rstrip("_")
                    if law is None and base == "copy" and len(args) > 1 and isinstance(args[1], Tensor):
                        src_law, src_note, src = rec.law_of(args[1])
                        if src_law is not None and args[1].numel() == t.numel():
                            law, note = src_law, (src_note + " " if src_note else "") + "(copied)"
                            if src is not None and src.kind == "init":
                                op_name, margs = src.op, dict(src.args)
                                w = Write(rec.seq, "init", op_name, margs, caller, 0, 0, shape, law, note)
                                rec._add(t, w, False)
                                continue
                    elif law is None and base in ("mul", "div", "add", "sub") and len(args) > 1 \
                            and prev is not None and prev.covers(*_region(t)[1:]):
                        c = _number(args[1])
                        if c is not None:
                            if base == "div" and c != 0:
                                c = 1.0 / c
                            elif base == "sub":
                                c = -c
                            if base in ("mul", "div"):
                                law = _scale(prev_law, c)
                            else:
                                alpha = _number(kwargs.get("alpha", 1.0)) or 1.0
                                law = _shift(prev_law, c * alpha)
                            if law is not None:
                                note = (prev_note + " " if prev_note else "") + f"then {name}({_fmt(c)})"
                                w = Write(rec.seq, prev.kind, prev.op, dict(prev.args), caller, 0, 0, shape, law,
                                          note)
                                rec._add(t, w, False)
                                continue
                    w = Write(rec.seq, "method", name if name.endswith("_") else name + "_", margs, caller,
                              0, 0, shape, law, note)
                rec._add(t, w, False)

        def _created(self, name, o, args, kwargs) -> None:
            rec.seq += 1
            shape = tuple(o.shape)
            if name in _ALLOC_OPS:
                rec._add(o, Write(rec.seq, "alloc", name, {}, "", 0, 0, shape, None), True)
                return
            law, cargs = _creation_law(name, args, kwargs)
            note = ""
            kind = "create"
            op = name
            if law is None:
                src = next((a for a in args if isinstance(a, Tensor)), None)
                src_law, src_note, src_w = rec.law_of(src) if src is not None else (None, "", None)
                if name in ("_to_copy", "clone", "contiguous", "_copy_from", "lift_fresh_copy", "alias") \
                        and src_law is not None and src is not None and src.numel() == o.numel():
                    law, note = src_law, src_note
                    if src_w is not None:
                        kind, op, cargs = src_w.kind, src_w.op, dict(src_w.args)
                elif name in ("mul", "div", "add", "sub") and src_law is not None and len(args) > 1 \
                        and src is args[0] and src.numel() == o.numel():
                    c = _number(args[1])
                    if c is not None:
                        if name == "div" and c != 0:
                            c = 1.0 / c
                        elif name == "sub":
                            c = -c
                        law = _scale(src_law, c) if name in ("mul", "div") else _shift(src_law, c)
                        if law is not None:
                            note = (src_note + " " if src_note else "") + f"then {name}({_fmt(c)})"
                            if src_w is not None:
                                kind, op, cargs = src_w.kind, src_w.op, dict(src_w.args)
            caller = ""
            if kind in ("create",) or law is not None:
                caller = _attribute(sys._getframe(3))[3]
            rec._add(o, Write(rec.seq, kind, op, cargs, caller, 0, 0, shape, law, note), True)

    return _RecordMode()


class record_build:  # noqa: N801 - used like a function: ``with record_build() as rec:``
    """Record every write while the body runs; with ``fill_uninitialized`` memory that torch allocates without
    writing is filled with NaN (integers with their largest value), so a tensor nothing wrote is visible.
    torch's deterministic-algorithms settings are restored afterwards. The record is also ``.record``."""

    def __init__(self, fill_uninitialized: bool = True):
        self.fill_uninitialized = fill_uninitialized
        self.record = Record()

    def __enter__(self) -> Record:
        import warnings

        import torch

        _paths()
        self._det = torch.are_deterministic_algorithms_enabled()
        self._warn_only = torch.is_deterministic_algorithms_warn_only_enabled()
        self._du = getattr(torch.utils, "deterministic", None)
        self._fill_before = getattr(self._du, "fill_uninitialized_memory", None) if self._du is not None else None
        if self.fill_uninitialized and self._du is not None:
            if not self._det:
                torch.use_deterministic_algorithms(True, warn_only=True)
            self._du.fill_uninitialized_memory = True
            self.record.filled = True
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.filterwarnings("ignore", message=".*deterministic.*")
        self._mode = _make_mode(self.record)
        self._mode.__enter__()
        return self.record

    def __exit__(self, *exc) -> None:
        import torch

        try:
            self._mode.__exit__(*exc)
        finally:
            self._warnings.__exit__(*exc)
            torch.use_deterministic_algorithms(self._det, warn_only=self._warn_only)
            if self._du is not None and self._fill_before is not None:
                self._du.fill_uninitialized_memory = self._fill_before


# ------------------------------------------------------------------------------------------------ to Expected
_SHAPE_FREE = ("uniform", "normal", "trunc_normal", "constant")


def expected_of(w: Write, shape: tuple[int, ...]):
    """The distribution the recorded write ``w`` gives a tensor of ``shape`` (None: not modelled).

    A fan-based init (``kaiming_*``, ``xavier_*``) is computed on the shape it was given; when that is not the
    tensor's own shape (a view, a larger buffer) only laws that are the same for every element are used."""
    from .dists import Expected, RuntimeSchemeError
    from .formulas import expected_for

    law = w.law
    if law is None:
        return None
    label = w.describe(caller=False)
    try:
        if law[0] == "init" or (law[0] == "scaled"):
            inner = law if law[0] == "init" else law[1]
            _, op, args = inner
            base_shape = w.shape if w.shape else shape
            e = expected_for(op, base_shape, (), dict(args))
            if base_shape != tuple(shape) and e.family not in _SHAPE_FREE:
                return None
            if law[0] == "scaled":
                c, s = law[2], law[3]
                p = e.p
                if e.family == "uniform":
                    return Expected.uniform(p["a"] * c + s, p["b"] * c + s, label)
                if e.family == "normal":
                    return Expected.normal(p["mean"] * c + s, p["std"] * c, label)
                if e.family == "constant":
                    return Expected.constant(p["val"] * c + s, label)
                if e.family == "trunc_normal":
                    return Expected.trunc_normal(p["mean"] * c + s, p["std"] * c, p["a"] * c + s, p["b"] * c + s,
                                                 label)
                return None
            return e.relabel(label)
        if law[0] == "normal":
            return Expected.normal(law[1], law[2], label, ("normal", {"mean": law[1], "std": law[2]}))
        if law[0] == "uniform":
            return Expected.uniform(law[1], law[2], label, ("uniform", {"a": law[1], "b": law[2]}))
        if law[0] == "constant":
            return Expected.constant(law[1], label)
    except (RuntimeSchemeError, KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    return None


#: which initializer family a recorded op belongs to (for comparing with a declared init whose arguments are
#: not literals: declared ``normal_(std=config.x)`` is met by any recorded normal draw).
def op_family(w: Write) -> str | None:
    from .formulas import canonical_init_name

    if w.kind == "init":
        n = canonical_init_name(w.op)
        return {"zeros": "constant", "ones": "constant"}.get(n or "", n)
    if w.law is None:
        return None
    k = w.law[0]
    if k in ("normal", "uniform", "constant"):
        return k
    if k == "scaled":
        n = canonical_init_name(w.law[1][1])
        return {"zeros": "constant", "ones": "constant"}.get(n or "", n)
    return None
