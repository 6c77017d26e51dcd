"""Locate (and if needed, populate) the model-zoo source used by the benchmarks.

The zoo lives OUTSIDE the repository -- third-party code never goes into it.
Layout (one directory per package, each the unzipped wheel):

    ZOO/wheels/<pkg>-*.whl
    ZOO/<pkg>/<pkg>/...          # package source
    ZOO/<pkg>/<pkg>-*.dist-info

Default location: ``$INITLINT_ZOO`` or ``~/.cache/initlint-zoo``.

    python bench/zoo.py [--zoo DIR] [PKG ...]
"""

from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGES = ("timm", "torchvision", "transformers")


def default_zoo() -> Path:
    env = os.environ.get("INITLINT_ZOO")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/initlint-zoo").expanduser()


def add_zoo_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--zoo",
        type=Path,
        default=None,
        help="zoo directory (default: $INITLINT_ZOO or ~/.cache/initlint-zoo)",
    )


def _find_wheel(wheels: Path, pkg: str) -> Path | None:
    hits = sorted(glob.glob(str(wheels / f"{pkg}-*.whl")))
    return Path(hits[-1]) if hits else None


def ensure_package(zoo: Path, pkg: str, *, quiet: bool = False) -> Path:
    """Return ZOO/<pkg>/<pkg> (the package source), downloading/unzipping if missing."""
    src = zoo / pkg / pkg
    if src.is_dir():
        return src
    wheels = zoo / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    whl = _find_wheel(wheels, pkg)
    if whl is None:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", pkg, "-d", str(wheels)]
        if not quiet:
            print("+", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True)
        whl = _find_wheel(wheels, pkg)
        if whl is None:
            raise SystemExit(f"zoo: no wheel for {pkg} in {wheels} after download")
    if not quiet:
        print(f"zoo: unzipping {whl.name} -> {zoo / pkg}", file=sys.stderr)
    with zipfile.ZipFile(whl) as zf:
        zf.extractall(zoo / pkg)
    if not src.is_dir():
        raise SystemExit(f"zoo: {whl.name} has no top-level {pkg}/ package")
    return src


def ensure_zoo(zoo: Path | None = None, packages=PACKAGES, *, quiet: bool = False) -> dict[str, Path]:
    """Make sure every package is present; return {pkg: package source dir}."""
    zoo = (zoo or default_zoo()).expanduser().resolve()
    zoo.mkdir(parents=True, exist_ok=True)
    return {pkg: ensure_package(zoo, pkg, quiet=quiet) for pkg in packages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_zoo_argument(parser)
    parser.add_argument("packages", nargs="*", default=list(PACKAGES))
    args = parser.parse_args(argv)
    for pkg, path in ensure_zoo(args.zoo, args.packages).items():
        print(f"{pkg}\t{path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
