"""What initlint knows about torch, as plain data (torch is never imported here).

Names are fully qualified the way the summary resolves them: ``torch.nn.Linear``,
``torch.nn.init.xavier_normal_``. ``canonical`` folds the long spellings
(``torch.nn.modules.linear.Linear``) onto the short public ones.
"""

from __future__ import annotations

INIT = "torch.nn.init."

#: initializers of torch.nn.init (public, in-place) -> their positional parameter names after the tensor
INIT_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "uniform_": ("a", "b", "generator"),
    "normal_": ("mean", "std", "generator"),
    "trunc_normal_": ("mean", "std", "a", "b", "generator"),
    "constant_": ("val",),
    "ones_": (),
    "zeros_": (),
    "eye_": (),
    "dirac_": ("groups",),
    "xavier_uniform_": ("gain", "generator"),
    "xavier_normal_": ("gain", "generator"),
    "kaiming_uniform_": ("a", "mode", "nonlinearity", "generator"),
    "kaiming_normal_": ("a", "mode", "nonlinearity", "generator"),
    "orthogonal_": ("gain", "generator"),
    "sparse_": ("sparsity", "std", "generator"),
}

#: deprecated aliases (FutureWarning) -> replacement
DEPRECATED_INIT: dict[str, str] = {
    name: name + "_"
    for name in (
        "uniform", "normal", "constant", "eye", "dirac", "xavier_uniform", "xavier_normal",
        "kaiming_uniform", "kaiming_normal", "orthogonal", "sparse",
    )
}
#: names that never existed without the underscore (AttributeError at run time) -> replacement
MISSING_INIT: dict[str, str] = {"zeros": "zeros_", "ones": "ones_", "trunc_normal": "trunc_normal_"}

#: initializers that need a tensor of at least two dimensions (fan or matrix based)
FAN_INITS = frozenset(
    {"xavier_uniform_", "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "eye_",
     "sparse_", "dirac_"}
)

#: nonlinearities accepted by torch.nn.init.calculate_gain
GAIN_NONLINEARITIES = frozenset(
    {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
     "sigmoid", "tanh", "relu", "leaky_relu", "selu"}
)
FAN_MODES = frozenset({"fan_in", "fan_out"})

#: torch functions that reparametrize a module's tensor (``weight`` unless ``name=`` says otherwise): the module
#: they return computes that tensor from others at every forward, so writing it in place is lost
REPARAMETRIZE = frozenset(
    {"torch.nn.utils.weight_norm", "torch.nn.utils.spectral_norm", "torch.nn.utils.parametrizations.weight_norm",
     "torch.nn.utils.parametrizations.spectral_norm", "torch.nn.utils.weight_norm.weight_norm",
     "torch.nn.utils.spectral_norm.spectral_norm"}
)

#: tensor methods that write a parameter in place the way initializers do
INPLACE_INIT_METHODS = frozenset(
    {"normal_", "uniform_", "zero_", "fill_", "copy_", "bernoulli_", "log_normal_", "exponential_",
     "cauchy_", "geometric_", "random_", "fill_diagonal_"}
)

#: initializers imported by name from other libraries (timm's ``trunc_normal_``, ``lecun_normal_``), without
#: their trailing underscore
NAMED_INITIALIZERS = frozenset({"trunc_normal", "lecun_normal", "variance_scaling", "xavier_uniform", "xavier_normal",
                                "kaiming_uniform", "kaiming_normal", "orthogonal", "normal", "uniform", "constant",
                                "zeros", "ones"})

NN = "torch.nn."

FAMILIES: dict[str, tuple[str, ...]] = {
    "batchnorm": ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm"),
    "conv": ("Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"),
    "instancenorm": ("InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"),
    "rnn": ("RNN", "LSTM", "GRU"),
}
#: abstract torch bases an isinstance branch may name; each covers these concrete members
ABSTRACT_COVERS: dict[str, tuple[str, ...]] = {
    "modules.batchnorm._BatchNorm": ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm"),
    "modules.batchnorm._NormBase": ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm",
                                    "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"),
    "modules.conv._ConvNd": ("Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d",
                             "ConvTranspose3d"),
    "modules.conv._ConvTransposeNd": ("ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"),
    "modules.instancenorm._InstanceNorm": ("InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"),
    "RNNBase": ("RNN", "LSTM", "GRU"),
    "modules.rnn.RNNBase": ("RNN", "LSTM", "GRU"),
    "Module": (),  # matches everything; handled by the caller
}

#: layer types that own parameters by default, with the optional ones and the keyword that removes them.
#: (keyword, default) -> the parameters that keyword switches off.
PARAMETERIZED: dict[str, dict[str, tuple[str, bool]]] = {
    "Linear": {"bias": ("bias", True)},
    "Bilinear": {"bias": ("bias", True)},
    "LazyLinear": {"bias": ("bias", True)},
    **{c: {"bias": ("bias", True)} for c in FAMILIES["conv"]},
    **{c: {"weight": ("affine", True), "bias": ("affine", True)} for c in FAMILIES["batchnorm"]},
    **{c: {"weight": ("affine", False), "bias": ("affine", False)} for c in FAMILIES["instancenorm"]},
    "GroupNorm": {"weight": ("affine", True), "bias": ("affine", True)},
    "LayerNorm": {"weight": ("elementwise_affine", True), "bias": ("elementwise_affine", True)},
    "RMSNorm": {"weight": ("elementwise_affine", True)},
    "Embedding": {},
    "EmbeddingBag": {},
    "PReLU": {},
    "MultiheadAttention": {},
    "RNN": {},
    "LSTM": {},
    "GRU": {},
    "RNNCell": {},
    "LSTMCell": {},
    "GRUCell": {},
    "Transformer": {},
    "TransformerEncoderLayer": {},
    "TransformerDecoderLayer": {},
}
#: LayerNorm's bias can also be switched off alone (torch >= 2.1)
EXTRA_OFF_SWITCH = {"LayerNorm": {"bias": "bias"}}

NORM_TYPES = frozenset(
    FAMILIES["batchnorm"] + FAMILIES["instancenorm"] + ("GroupNorm", "LayerNorm", "RMSNorm", "LocalResponseNorm")
)

#: torch layer types without ``.weight``/``.bias`` attributes of their own
NO_WEIGHT_ATTR = frozenset(
    {"RNN", "LSTM", "GRU", "MultiheadAttention", "Sequential", "ModuleList", "ModuleDict", "Transformer",
     "TransformerEncoder", "TransformerDecoder", "TransformerEncoderLayer", "TransformerDecoderLayer"}
)

#: attributes every nn.Module instance has (instance state, methods and public API)
MODULE_ATTRS = frozenset(
    """T_destination _apply _backward_hooks _backward_pre_hooks _buffers _call_impl _compiled_call_impl
    _forward_hooks _forward_hooks_always_called _forward_hooks_with_kwargs _forward_pre_hooks
    _forward_pre_hooks_with_kwargs _get_backward_hooks _get_backward_pre_hooks _get_name _is_full_backward_hook
    _load_from_state_dict _load_state_dict_post_hooks _load_state_dict_pre_hooks _maybe_warn_non_full_backward_hook
    _modules _named_members _non_persistent_buffers_set _parameters _register_load_state_dict_pre_hook
    _register_state_dict_hook _replicate_for_data_parallel _save_to_state_dict _slow_forward _state_dict_hooks
    _state_dict_pre_hooks _version _wrapped_call_impl add_module apply bfloat16 buffers call_super_init children
    compile cpu cuda double dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter
    get_submodule half ipu load_state_dict modules mtia named_buffers named_children named_modules
    named_parameters parameters register_backward_hook register_buffer register_forward_hook
    register_forward_pre_hook register_full_backward_hook register_full_backward_pre_hook
    register_load_state_dict_post_hook register_load_state_dict_pre_hook register_module register_parameter
    register_state_dict_post_hook register_state_dict_pre_hook requires_grad_ set_extra_state set_submodule
    share_memory state_dict to to_empty train training type xpu zero_grad _is_hf_initialized""".split()
)


def canonical(qual: str | None) -> str | None:
    """Fold ``torch.nn.modules.linear.Linear`` to ``torch.nn.Linear`` and ``torch.nn.init`` paths alike."""
    if not qual or not qual.startswith("torch."):
        return qual
    if qual.startswith("torch.nn.modules."):
        last = qual.rsplit(".", 1)[-1]
        if last in PARAMETERIZED or last in NO_WEIGHT_ATTR or last in NORM_TYPES or last == "Module":
            return NN + last
    return qual


def torch_layer(qual: str | None) -> str | None:
    """The short layer name (``Linear``) for a qualified torch layer type, else None."""
    if qual and qual.startswith(NN) and qual.count(".") == 2:
        return qual[len(NN):]
    return None


def covered_members(qual: str) -> tuple[str, ...] | None:
    """Concrete torch layer names an isinstance type covers, or None when it is not a torch type."""
    if not qual.startswith(NN):
        return None
    rest = qual[len(NN):]
    if rest in ABSTRACT_COVERS:
        return ABSTRACT_COVERS[rest]
    if "." not in rest:
        return (rest,)
    return ABSTRACT_COVERS.get(rest, ())


def family_of(layer: str) -> str | None:
    for fam, members in FAMILIES.items():
        if layer in members:
            return fam
    return None


def materialized(layer: str) -> str:
    """``LazyLinear`` becomes ``Linear`` at its first forward (``LazyConv2d`` -> ``Conv2d``, ...)."""
    if layer.startswith("Lazy") and layer[4:] in PARAMETERIZED:
        return layer[4:]
    return layer
