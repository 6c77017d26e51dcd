"""INI303 init-function-called-in-apply: ``X.apply(f())`` calls the init function instead of passing it."""

from __future__ import annotations

from . import Fix, Related, Rule


class InitFunctionCalledInApply(Rule):
    code = "INI303"
    name = "init-function-called-in-apply"
    summary = "`X.apply(f())` calls the init function instead of passing it"
    fixable = True

    def check(self, file, index):
        for apply in file.applies:
            if not apply.called:
                continue
            arg = apply.call.args[0]
            callee = arg.call
            resolved = index._resolve_applied(callee.rsplit(".", 1)[-1] if callee and "." not in callee else callee,
                                              file, apply.scope) if callee else None
            if resolved is None:
                continue
            fn, where = resolved
            if fn.returns_callable or not fn.params:
                continue
            first = fn.params[1] if fn.is_instance_method and len(fn.params) > 1 else fn.params[0]
            uses_module = any((i.subject or "").split(".")[0] == first for i in fn.inits) or any(
                c.subject == first and c.kind in ("isinstance", "classname", "typeeq")
                for ev in [*fn.calls, *fn.inits] for c in ev.conds)
            if not uses_module:
                continue
            name = callee.rsplit(".", 1)[-1]
            fix = None
            if arg.call_nargs == 0:
                fix = Fix(f"Pass `{name}` itself", "safe", [(apply.call.loc + ("args", 0, "value"), "uncall", "")])
            yield self.finding(
                file, apply.call.loc,
                f"`{apply.call.func}({name}(...))` calls `{name}` instead of passing it: `apply` needs the"
                f" function (TypeError: missing argument `{first}`); write `{apply.call.func}({name})`",
                fix, [Related(where.path, fn.loc, f"`{name}` takes the module as `{first}`: defined here")],
            )
