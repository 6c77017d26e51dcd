"""Arguments of a declared init that are not literals, read from the live model: ``std=self.config.
initializer_range``, ``std=module.config.x``, ``self.init_std``, a local ``std = self.config.initializer_range
or 0.02`` set in an ``if hasattr(self.config, ...)`` chain.

Nothing is ever ``eval``'d: the argument's source text is parsed with :mod:`ast` and a small evaluator walks it
-- names bound to the live instances (``self``, the module the init is for), attribute reads with ``getattr``,
numbers, ``or``/``and``/``not``, arithmetic, comparisons, and ``hasattr``/``getattr``/``math.sqrt``/``min``/
``max``/``abs``/``float``/``int``. Local variables are followed through the simple assignments and ``if``
statements that run before the init call in the same function; anything else leaves the argument unknown (then
only the init's family is compared, as before).
"""
from __future__ import annotations

import ast
import math
import operator
from typing import Any

__all__ = ["live_arguments", "call_lines"]


class _Unknown(Exception):
    pass


_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.FloorDiv: operator.floordiv, ast.Pow: operator.pow, ast.Mod: operator.mod}
_CMP = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
        ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not}
_MISSING = object()


def _call(fn: str, args: list, kwargs: dict) -> Any:
    if fn == "hasattr" and len(args) == 2 and isinstance(args[1], str):
        return hasattr(args[0], args[1])
    if fn == "getattr" and len(args) in (2, 3) and isinstance(args[1], str):
        return getattr(args[0], args[1], *args[2:]) if len(args) == 3 else getattr(args[0], args[1])
    nums = all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in args)
    if not nums or kwargs:
        raise _Unknown
    if fn in ("math.sqrt", "sqrt") and len(args) == 1:
        return math.sqrt(args[0])
    if fn in ("min", "max") and args:
        return (min if fn == "min" else max)(args)
    if fn in ("abs", "float", "int") and len(args) == 1:
        return {"abs": abs, "float": float, "int": int}[fn](args[0])
    raise _Unknown


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _eval(node: ast.AST, env: dict) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        v = env.get(node.id, _MISSING)
        if v is _MISSING:
            raise _Unknown
        return v
    if isinstance(node, ast.Attribute):
        obj = _eval(node.value, env)
        if node.attr.startswith("__"):
            raise _Unknown
        try:
            return getattr(obj, node.attr)
        except Exception:  # noqa: BLE001 - a missing attribute leaves the argument unknown
            raise _Unknown from None
    if isinstance(node, ast.BoolOp):
        v: Any = None
        for part in node.values:
            v = _eval(part, env)
            if isinstance(node.op, ast.Or) and v or isinstance(node.op, ast.And) and not v:
                return v
        return v
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not v
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _Unknown
        return -v if isinstance(node.op, ast.USub) else +v
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        a, b = _eval(node.left, env), _eval(node.right, env)
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b)):
            raise _Unknown
        try:
            return _BIN[type(node.op)](a, b)
        except (ArithmeticError, ValueError):
            raise _Unknown from None
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP:
        a, b = _eval(node.left, env), _eval(node.comparators[0], env)
        if not isinstance(node.ops[0], (ast.Is, ast.IsNot)) and not all(
                isinstance(x, (int, float, str, type(None))) for x in (a, b)):
            raise _Unknown
        return _CMP[type(node.ops[0])](a, b)
    if isinstance(node, ast.IfExp):
        return _eval(node.body, env) if _eval(node.test, env) else _eval(node.orelse, env)
    if isinstance(node, ast.Call):
        fn = _dotted(node.func)
        if fn is None:
            raise _Unknown
        args = [_eval(a, env) for a in node.args]
        kwargs = {k.arg: _eval(k.value, env) for k in node.keywords if k.arg}
        return _call(fn, args, kwargs)
    raise _Unknown


def _assigned(stmt: ast.AST) -> set[str]:
    out = set()
    for n in ast.walk(stmt):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            out.add(n.id)
    return out


def _run(stmts: list[ast.stmt], env: dict) -> None:
    """Bind the locals the statements assign (unknown ones are removed from ``env``)."""
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            try:
                env[st.targets[0].id] = _eval(st.value, env)
            except _Unknown:
                env.pop(st.targets[0].id, None)
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value is not None:
            try:
                env[st.target.id] = _eval(st.value, env)
            except _Unknown:
                env.pop(st.target.id, None)
        elif isinstance(st, ast.If):
            try:
                branch = st.body if _eval(st.test, env) else st.orelse
            except _Unknown:
                for name in _assigned(st):
                    env.pop(name, None)
                continue
            _run(branch, env)
        elif isinstance(st, ast.With):
            _run(st.body, env)
        else:
            for name in _assigned(st):
                env.pop(name, None)


# --------------------------------------------------------------------------------------- source of the call
_FILES: dict[str, Any] = {}


def _cst_module(path: str):
    if path not in _FILES:
        try:
            import libcst as cst

            with open(path, encoding="utf-8") as f:
                _FILES[path] = cst.parse_module(f.read())
        except Exception:  # noqa: BLE001
            _FILES[path] = None
    return _FILES[path]


def _locate(path: str, loc: tuple) -> tuple[list, list, Any] | None:
    """(params of the innermost function around ``loc``, the statements of that function before the one that
    holds the call, the cst module) -- None when the path cannot be followed."""
    import libcst as cst

    mod = _cst_module(path)
    if mod is None or not loc:
        return None
    node: Any = mod
    func = None
    stmt_index = None
    steps = list(loc)
    i = 0
    while i < len(steps):
        step = steps[i]
        try:
            node = node[step] if isinstance(step, int) else getattr(node, step)
        except (AttributeError, IndexError, TypeError):
            return None
        if isinstance(node, cst.FunctionDef):
            func = node
            # the next steps are body (IndentedBlock), body (its statements), index
            if steps[i + 1:i + 3] == ["body", "body"] and i + 3 < len(steps) and isinstance(steps[i + 3], int):
                stmt_index = steps[i + 3]
        i += 1
    if func is None or stmt_index is None:
        return None
    params = [p.name.value for p in (*func.params.posonly_params, *func.params.params)]
    before = []
    for st in func.body.body[:stmt_index]:
        try:
            before.extend(ast.parse(mod.code_for_node(st).strip() + "\n").body)
        except SyntaxError:
            return None
    return params, before, mod


def live_arguments(init: Any, path: str | None, owner: Any, module: Any) -> tuple[tuple, dict, str] | None:
    """The init call's arguments with every non-literal one read from the live ``owner`` (``self``) and
    ``module`` (the init's subject), plus a short account (``std=self.config.initializer_range = 0.05``);
    None when any of them cannot be read."""
    from initlint.summary import UNKNOWN

    if not path:
        return None
    found = _locate(path, tuple(init.loc))
    if found is None:
        return None
    params, before, _ = found
    env: dict[str, Any] = {"True": True, "False": False, "None": None}
    if params and owner is not None and params[0] == "self":
        env["self"] = owner
    subject = init.subject.split(".", 1)[0] if init.subject else None
    if subject and subject != "self" and subject in params:
        env[subject] = module
    try:
        _run(before, env)
    except Exception:  # noqa: BLE001 - a property that raises, a recursion: unknown
        return None
    texts = list(init.arg_texts)
    kw_texts = dict(getattr(init, "kwarg_texts", {}) or {})
    args = list(init.args)
    kwargs = dict(init.kwargs)
    account = []

    def value(text: str) -> Any:
        try:
            v = _eval(ast.parse(text.strip(), mode="eval").body, env)
        except (_Unknown, SyntaxError, RecursionError):
            raise _Unknown from None
        except Exception:  # noqa: BLE001
            raise _Unknown from None
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            raise _Unknown
        return v

    try:
        for i, a in enumerate(args):
            if a is UNKNOWN:
                if i >= len(texts):
                    return None
                args[i] = value(texts[i])
                account.append(f"argument {i + 2} from {texts[i].strip()} = {args[i]!r}")
        for k, v in kwargs.items():
            if v is UNKNOWN:
                text = kw_texts.get(k)
                if text is None:
                    return None
                kwargs[k] = value(text)
                account.append(f"{k} from {text.strip()} = {kwargs[k]!r}")
    except _Unknown:
        return None
    return tuple(args), kwargs, ", ".join(account)


def call_lines(path: str, loc: tuple) -> tuple[str, int, int] | None:
    """(file name, first line, last line) of the call at ``loc`` in ``path`` (positions resolved only when
    asked: once per file, for a mismatch)."""
    import os

    import libcst as cst
    from libcst.metadata import PositionProvider

    mod = _cst_module(path) if path else None
    if mod is None:
        return None
    try:
        key = ("positions", path)
        if key not in _FILES:
            _FILES[key] = cst.MetadataWrapper(mod, unsafe_skip_copy=True).resolve(PositionProvider)
        positions = _FILES[key]
        node: Any = mod
        for step in loc:
            node = node[step] if isinstance(step, int) else getattr(node, step)
        pos = positions[node]
    except Exception:  # noqa: BLE001
        return None
    return os.path.basename(path), pos.start.line, pos.end.line
