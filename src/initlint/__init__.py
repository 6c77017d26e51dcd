"""initlint: find weight-initialization bugs in PyTorch model code.

The static checker (``initlint check``) never imports torch. The runtime verifier lives in
``initlint.runtime`` and imports torch lazily.
"""

__version__ = "0.1.0"
