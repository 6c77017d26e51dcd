"""Hugging Face transformers' ``PreTrainedModel``: rules about that library's own API name it here."""

from __future__ import annotations

PRETRAINED = frozenset({"transformers.PreTrainedModel", "transformers.modeling_utils.PreTrainedModel"})


def is_pretrained_name(qual: str) -> bool:
    """``transformers.PreTrainedModel`` or one of transformers' per-model bases (``transformers.BertPreTrainedModel``,
    ``transformers.models.bert.modeling_bert.BertPreTrainedModel``): every one derives from ``PreTrainedModel``.
    TensorFlow and Flax bases (``TFBertPreTrainedModel``) are not torch modules."""
    if qual in PRETRAINED:
        return True
    last = qual.rsplit(".", 1)[-1]
    return qual.startswith("transformers.") and last.endswith("PreTrainedModel") and not last.startswith(
        ("TF", "Flax"))


def is_pretrained_model(ref, index) -> bool:
    """The class derives from transformers' ``PreTrainedModel`` (named outside the project, or the project is
    transformers itself)."""
    for cls in index.mro(ref):
        if cls is not ref and is_pretrained_name(cls.dotted):
            return True
        for base in cls.info.bases:
            if is_pretrained_name(base):
                return True
    return False


def pretrained_family(index) -> set:
    """``qual`` of every project class that is a ``PreTrainedModel`` or is built by one (its submodules)."""
    from ..index import ClassRef

    def compute():
        out = set()
        for summary in index.files:
            for info in summary.classes:
                ref = ClassRef(info, summary)
                if is_pretrained_model(ref, index):
                    out.add(ref.qual)
                    out.update(c.qual for c in index.reach(ref).classes)
        return out

    return index.cached("hf-family", compute)
