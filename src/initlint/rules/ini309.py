"""INI309 apply-callable-cannot-take-module: ``X.apply(f)`` where ``f`` cannot be called with one module.

``Module.apply(fn)`` calls ``fn(submodule)`` for every submodule. A function or method whose signature is known
and does not accept exactly that one positional argument raises ``TypeError`` on the first call: a method
``init_weights(self)`` bound as ``self.init_weights``, a zero-argument ``lambda``, a function of two required
parameters, a ``staticmethod`` with none.

Fires only on a resolved callee with a known signature: a project function without decorators (other than
``staticmethod``/``classmethod``/``no_grad``), defined once, not overridden by a subclass; or the
``init_weights(self)`` that Hugging Face's ``PreTrainedModel`` provides (a rule about that library's own API).
The receiver must be known to be a module (``Pool.apply(f)`` calls ``f()``).
"""

from __future__ import annotations

from ..index import ClassRef
from ..summary import Signature
from . import Related, Rule
from ._hf import is_pretrained_model, is_pretrained_name

#: decorators that keep the function's signature
TRANSPARENT = frozenset({"staticmethod", "classmethod", "no_grad", "inference_mode", "enable_grad"})


def describe(sig: Signature, bound: int, first: str = "self") -> str:
    required = max(sig.required - bound, 0)
    if sig.required_kwonly:
        return "requires keyword-only arguments"
    if sig.positional is not None and sig.positional - bound == 0:
        return "takes no argument" + (f" besides `{first}`" if bound else "")
    return f"requires {required} positional arguments"


class ApplyCallableCannotTakeModule(Rule):
    code = "INI309"
    name = "apply-callable-cannot-take-module"
    summary = "`X.apply(f)` where `f` cannot be called with one module (TypeError on the first call)"

    def check(self, file, index):
        for apply in file.applies:
            if apply.called:
                continue
            arg = apply.call.args[0]
            if arg.keyword is not None and arg.keyword != "fn":
                continue
            if not self.module_receiver(apply, file, index):
                continue  # `pool.apply(f)`, `df.apply(f)`: another `apply`
            if arg.lambda_sig is not None:
                if not arg.lambda_sig.accepts(1):
                    yield self.finding(
                        file, apply.call.loc,
                        f"`{apply.call.func}(lambda ...)`: the lambda {describe(arg.lambda_sig, 0)}, but `apply`"
                        " calls it with each submodule (TypeError on the first call); give it one parameter,"
                        " the module",
                    )
                continue
            if not arg.key:
                continue
            known = self.callee(arg.key, apply, file, index)
            if known is None:
                continue
            name, sig, bound, related, method, first = known
            if sig.accepts(1, bound):
                continue
            if method and sig.positional is not None and sig.positional - bound == 0:
                advice = f"call it instead (`{arg.key}()`) or give it a module parameter (`def {name}({first}, m)`)"
            else:
                advice = "give it exactly one required parameter, the module (bind the others with" \
                         " `functools.partial`)"
            yield self.finding(
                file, apply.call.loc,
                f"`{apply.call.func}({arg.key})`: `{name}` {describe(sig, bound, first)}, but `apply` calls it with"
                f" each submodule (TypeError on the first call); {advice}",
                None, related,
            )

    @staticmethod
    def module_receiver(apply, file, index) -> bool:
        """The receiver is known to be an ``nn.Module``: ``self`` in a module class, an instance of a project
        module or of a torch container built in the scope, a torch layer or project module assigned to
        ``self.<attr>``."""
        scope = file.function(apply.scope)
        if scope is None:
            return False
        receiver = apply.receiver
        if receiver.startswith("self.") and receiver.count(".") == 1 and scope.cls is not None:
            info = file.cls(scope.cls)
            if info is None:
                return False
            stores = [st for cls in index.mro(ClassRef(info, file)) for m in cls.info.methods.values()
                      for st in m.stores if st.attr == receiver[5:]]
            return bool(stores) and all(
                st.value == "call" and index.module_kind(st.call, file) is not None for st in stores)
        found = index.receiver_classes(receiver, apply.scope, file, apply.call.order)
        if not found:
            return False
        return all(not isinstance(ref, ClassRef) or index.is_module(ref) is True or is_pretrained_model(ref, index)
                   for ref in found)

    def callee(self, key, apply, file, index):
        """(name, signature, bound, related, is_method, bound parameter) of a resolved callee with a known signature, else None."""
        scope = file.function(apply.scope)
        name = key.rsplit(".", 1)[-1]
        if key.startswith("self.") and key.count(".") == 1:
            if scope is None or scope.cls is None:
                return None
            info = file.cls(scope.cls)
            if info is None:
                return None
            ref = ClassRef(info, file)
            for sub in index.subclasses(ref):
                if name in sub.info.attrs or name in sub.info.methods:
                    return None  # overridden: the subclass's signature decides
            defined = index.defined_attrs(ref)
            for cls in index.mro(ref):
                if name in cls.info.attrs:
                    return None  # a class attribute (a callable object, an alias)
                fn = cls.info.methods.get(name)
                if fn is not None:
                    if cls.info is not info and defined is None:
                        return None  # an unknown base earlier in the MRO may define it
                    return self.of_function(fn, cls.file, name)
            if name == "init_weights" and self.reaches_hf(ref, index):
                return (name, Signature(1, 1), 1, [], True, "self")
            return None
        resolved = index._resolve_applied(key, file, apply.scope)
        if resolved is None:
            return None
        fn, where = resolved
        if fn.cls is not None and fn.parent is None:
            return None  # a method reached through another name
        return self.of_function(fn, where, name)

    @staticmethod
    def of_function(fn, where, name):
        if fn.signature is None or any(d not in TRANSPARENT for d in fn.decorators):
            return None
        if sum(1 for s in where.scopes if s.qualname == fn.qualname) > 1:
            return None  # defined twice (in an if/else): which one runs is unknown
        if "property" in fn.decorators:
            return None
        method = fn.cls is not None and fn.parent is None
        bound = 1 if method and "staticmethod" not in fn.decorators and fn.params else 0
        if method and not fn.params and "staticmethod" not in fn.decorators:
            return None  # a method without `self`: broken in another way
        related = [Related(where.path, fn.loc, f"`{name}` is defined here")]
        return name, fn.signature, bound, related, method and bound == 1, fn.params[0] if bound else ""

    @staticmethod
    def reaches_hf(ref, index) -> bool:
        """The class derives from transformers' ``PreTrainedModel`` through bases the index resolves."""
        from ..index import NEUTRAL_BASES
        from ..torchnames import NN

        found = False
        for cls in index.mro(ref):
            for base in index.bases(cls):
                if isinstance(base, str):
                    if is_pretrained_name(base):
                        found = True
                    elif base not in NEUTRAL_BASES and base != NN + "Module":
                        return False  # another external base may define `init_weights`
        return found
