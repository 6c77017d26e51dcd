"""``initlint verify`` and ``initlint inspect``: argparse registration without importing torch.

Wire into the main CLI with ``initlint.runtime.cli.register(subparsers)``; each subcommand sets
``func(args) -> int`` (0: all pass, 1: any mismatch, 2: error). ``python -m initlint.runtime.cli`` also works.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import Any

__all__ = ["register", "main", "run_verify", "run_inspect"]

EXIT_OK, EXIT_MISMATCH, EXIT_ERROR = 0, 1, 2
_HARD_EXIT = os._exit  # the watchdog's, whatever the target does to os._exit


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", help="path/to/file.py:ClassOrFactory or package.module:ClassOrFactory")
    p.add_argument("--args", default="[]", metavar="JSON", help="positional constructor arguments as a JSON list")
    p.add_argument("--kwargs", default="{}", metavar="JSON", help="keyword constructor arguments as a JSON object")
    p.add_argument("--device", default=None, help="cpu or cuda (default: cuda when available)")
    p.add_argument("--seed", type=int, default=None,
                   help="seed torch's global RNG before building the model (also seeds the subsample)")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    p.add_argument("--alpha", type=float, default=1e-3,
                   help="family-wise false-alarm rate across the model (default 1e-3)")
    p.add_argument("--max-samples", type=int, default=None, help="subsample cap per tensor (default 32768)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="list every tensor with its detail (and show tracebacks of errors)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="give up (exit 2) when importing and building the target takes longer (default 300; 0: "
                        "no limit)")
    p.add_argument("--no-record", dest="record", action="store_false",
                   help="build without recording which operation wrote each tensor (judge by values alone)")


def register(subparsers) -> None:
    """Add the ``verify`` and ``inspect`` subcommands to an argparse subparsers object."""
    pv = subparsers.add_parser(
        "verify", help="build a model and check its parameters against the declared init scheme",
        description="Build TARGET and check every parameter against the declared scheme: --scheme FILE, "
                    "else the init code of the target's own file (self.modules() loops, apply(fn)), "
                    "else PyTorch's defaults.")
    _add_common(pv)
    pv.add_argument("--scheme", default=None, metavar="FILE",
                    help="TOML scheme: a [scheme] table, or pyproject.toml with [tool.initlint.verify.scheme]")
    pv.add_argument("--checkpoint", default=None, metavar="FILE",
                    help="state dict (loaded with weights_only=True): report per parameter whether it still "
                         "equals the pretrained value")
    pv.add_argument("--defaults", action="store_true",
                    help="ignore the declared init code and check against PyTorch's defaults")
    pv.add_argument("--meta", action="store_true",
                    help="build on the meta device, materialize with to_empty(), run the model's init_weights() (or "
                         "every reset_parameters()) and report what stayed unwritten")
    pv.add_argument("--strict-scheme", action="store_true",
                    help="a scheme key that matches no tensor is an error (exit 2), not a warning")
    pv.add_argument("--strict", action="store_true",
                    help="exit 1 when any tensor could not be verified (too small, lazy, not modelled)")
    pv.set_defaults(func=run_verify)
    pi = subparsers.add_parser("inspect", help="name the most likely init scheme of every parameter",
                               description="Build TARGET and fingerprint every parameter.")
    _add_common(pi)
    pi.set_defaults(func=run_inspect)


def _err(msg: str) -> int:
    print(f"initlint: error: {msg}", file=sys.stderr)
    return EXIT_ERROR


def _parse_json(text: str, what: str, kind: type) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"--{what} is not valid JSON: {e}") from None
    if not isinstance(value, kind):
        raise ValueError(f"--{what} must be a JSON {'list' if kind is list else 'object'}")
    return value


def _setup(args) -> tuple[Any, Any, Any]:
    try:
        import torch
    except ImportError:
        raise RuntimeError("the runtime verifier needs torch: pip install 'initlint[runtime]'") from None

    cargs = _parse_json(args.args, "args", list)
    ckwargs = _parse_json(args.kwargs, "kwargs", dict)
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError("--device cuda requested but CUDA is not available")
    _phase(args, f"importing and building {args.target}")
    with contextlib.redirect_stdout(sys.stderr), _watchdog(args), _no_hard_exit(args.target):
        # the target's prints must not break --output-format json: they go to stderr
        return _build(args, cargs, ckwargs, device)


@contextlib.contextmanager
def _watchdog(args):
    """``--timeout``: a constructor that hangs ends the process with exit 2 and a message."""
    import threading

    seconds = getattr(args, "timeout", 0) or 0
    if seconds <= 0:
        yield
        return

    def fire() -> None:
        sys.stderr.write(f"initlint: error: importing and building {args.target} did not finish within "
                         f"{seconds:g} s (--timeout)\n")
        sys.stderr.flush()
        _HARD_EXIT(EXIT_ERROR)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@contextlib.contextmanager
def _no_hard_exit(spec: str):
    """``os._exit`` called while the target is imported or built is reported (exit 2), not obeyed silently."""
    from .target import TargetError

    real = os._exit

    def refuse(code: int = 0) -> None:
        raise TargetError(f"importing or building {spec} called os._exit({code!r})")

    os._exit = refuse
    try:
        yield
    finally:
        os._exit = real


def _build(args, cargs, ckwargs, device) -> tuple[Any, Any, Any]:
    from .target import build_model, resolve_target

    rec_cm: Any = contextlib.nullcontext()
    record = None
    if getattr(args, "record", True):
        from .record import record_build

        rec_cm = record_build()
        record = rec_cm.record
    meta = getattr(args, "meta", False)
    with rec_cm:  # the import too: a model the target's file builds at import time is recorded
        target = resolve_target(args.target)
        model = build_model(target, cargs, ckwargs, device=device, seed=args.seed, meta=meta)
        if meta:
            from .target import materialize

            args.meta_note = f"--meta: built on the meta device, then {materialize(model, device)}"
    on_meta = [n for n, p in list(model.named_parameters()) + list(model.named_buffers())
               if p.device.type == "meta"]
    if on_meta:
        raise ValueError(f"{len(on_meta)} tensor(s) are on the meta device and hold no values (first: "
                         f"{on_meta[0]}): use --meta to have initlint materialize it (to_empty, then its "
                         "init_weights() or every reset_parameters()), or verify a factory that materializes it")
    return target, model, record


def _count(model) -> int:
    return sum(1 for _ in model.parameters()) + sum(1 for _ in model.buffers())


def _emit(report, args) -> None:
    from .report import format_text, problem_groups

    _end_progress(args)  # the line is erased before the report
    if args.output_format == "json":
        doc = report.to_json()
        if report.command == "verify":  # every tensor stays under "parameters"; the grouped view is added
            doc["problems"] = problem_groups(report)
        print(json.dumps(doc, indent=2, default=str))
    else:
        print(format_text(report, verbose=getattr(args, "verbose", False)))


def _guard(fn, args) -> int:
    from .dists import RuntimeSchemeError
    from .target import TargetError

    try:
        return fn(args)
    except (TargetError, RuntimeSchemeError, ValueError, RuntimeError, OSError) as e:
        _end_progress(args)
        if getattr(args, "verbose", False):
            import traceback

            traceback.print_exc()
        return _err(str(e))


def run_verify(args) -> int:
    with _progress(args) as args.phase:
        return _guard(_verify, args)


def run_inspect(args) -> int:
    with _progress(args) as args.phase:
        return _guard(_inspect, args)


class _Ticker:
    """The progress line of ``verify``/``inspect``: the phase and the time so far, on standard error, rewritten
    by a thread every 0.1 s once the run has taken about 2 s, only on a terminal and never with json; erased
    before the report is printed."""

    def __init__(self, progress):
        import threading
        import time

        self.progress = progress
        self.text = "initlint: starting"
        self.t0 = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="initlint-progress", daemon=True)
        self._thread.start()

    def __call__(self, text: str) -> None:
        self.text = f"initlint: {text}"

    def _run(self) -> None:
        import time

        while not self._stop.wait(0.1):
            self.progress.update(0, f"{self.text} ({time.monotonic() - self.t0:.0f} s)")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.progress.close()


@contextlib.contextmanager
def _progress(args):
    """Yield ``phase(text)``: a no-op unless standard error is a terminal and the output is for people."""
    from ..progress import Progress, wanted

    if not wanted(sys.stderr, getattr(args, "output_format", "text")):
        yield lambda text: None
        return
    ticker = _Ticker(Progress(1, stream=sys.stderr))
    try:
        yield ticker
    finally:
        ticker.close()


def _end_progress(args) -> None:
    close = getattr(getattr(args, "phase", None), "close", None)
    if close is not None:
        close()


def _phase(args, text: str) -> None:
    phase = getattr(args, "phase", None)
    if phase is not None:
        phase(text)


def _kw(args) -> dict[str, Any]:
    kw: dict[str, Any] = {"seed": args.seed if args.seed is not None else 0, "alpha": args.alpha}
    if args.max_samples:
        kw["max_samples"] = args.max_samples
    return kw


def _verify(args) -> int:
    from .scheme import load_scheme
    from .verify import verify_model

    scheme = load_scheme(args.scheme) if args.scheme else None  # validate before building
    notes: list[str] = []
    checkpoint = None
    if args.checkpoint:
        from .checkpoint import load_checkpoint

        _phase(args, f"loading {args.checkpoint}")
        checkpoint, ck_notes = load_checkpoint(args.checkpoint)
        notes += ck_notes
    target, model, record = _setup(args)
    from .unwrap import unwrap_model

    model, wrap_notes = unwrap_model(model)  # DataParallel / DDP / torch.compile: the model inside
    notes += wrap_notes
    if checkpoint is not None:
        from .checkpoint import align_checkpoint

        names = [n for n, _ in model.named_parameters(remove_duplicate=False)] + \
                [n for n, _ in model.named_buffers(remove_duplicate=False)]
        checkpoint, ck_notes = align_checkpoint(checkpoint, names)
        if not set(names) & set(checkpoint):
            raise ValueError(f"checkpoint {args.checkpoint}: " + ck_notes[-1].split(": ", 1)[1])
        notes += ck_notes
    if getattr(args, "meta_note", None):
        notes.insert(0, args.meta_note)
    resolver = None
    if scheme is None and not args.defaults:
        from .declared import declared_resolver

        _phase(args, "reading the declared init code")
        resolver, d_notes = declared_resolver(target, model)
        notes += d_notes
    _phase(args, f"verifying {_count(model)} tensor(s)")
    report = verify_model(model, scheme, resolver=resolver, checkpoint=checkpoint, target=args.target,
                          record=record, strict=args.strict, strict_scheme=args.strict_scheme, **_kw(args))
    report.notes[:0] = notes
    _emit(report, args)
    return report.exit_code


def _inspect(args) -> int:
    from .verify import inspect_model

    _, model, _ = _setup(args)
    _phase(args, f"fingerprinting {_count(model)} tensor(s)")
    report = inspect_model(model, target=args.target, **_kw(args))
    _emit(report, args)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="initlint", description="initlint runtime verifier")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
