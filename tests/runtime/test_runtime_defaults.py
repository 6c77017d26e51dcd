"""Every common layer's default reset_parameters, against the layer torch builds."""
import math

import pytest
import torch
import torch.nn as nn

from initlint.runtime import check_tensor, default_expected
from initlint.runtime.verify import collect_parameters

LAYERS = {
    "Linear": lambda: nn.Linear(300, 200),
    "Bilinear": lambda: nn.Bilinear(20, 30, 40),
    "Conv1d": lambda: nn.Conv1d(16, 32, 5),
    "Conv2d": lambda: nn.Conv2d(16, 32, 3),
    "Conv2d_grouped": lambda: nn.Conv2d(32, 64, 3, groups=4),
    "Conv3d": lambda: nn.Conv3d(4, 8, 3),
    "ConvTranspose1d": lambda: nn.ConvTranspose1d(16, 32, 4),
    "ConvTranspose2d": lambda: nn.ConvTranspose2d(64, 32, 4),
    "ConvTranspose2d_grouped": lambda: nn.ConvTranspose2d(32, 64, 3, groups=4),
    "ConvTranspose3d": lambda: nn.ConvTranspose3d(8, 4, 3),
    "BatchNorm1d": lambda: nn.BatchNorm1d(10),
    "BatchNorm2d": lambda: nn.BatchNorm2d(10),
    "BatchNorm3d": lambda: nn.BatchNorm3d(10),
    "LayerNorm": lambda: nn.LayerNorm(10),
    "GroupNorm": lambda: nn.GroupNorm(2, 10),
    "InstanceNorm2d_affine": lambda: nn.InstanceNorm2d(10, affine=True),
    "RMSNorm": lambda: nn.RMSNorm(10),
    "Embedding": lambda: nn.Embedding(100, 64, padding_idx=-1),
    "EmbeddingBag": lambda: nn.EmbeddingBag(100, 64, padding_idx=3),
    "RNN": lambda: nn.RNN(32, 100, 2, bidirectional=True),
    "LSTM": lambda: nn.LSTM(32, 100, 2),
    "LSTM_proj": lambda: nn.LSTM(32, 100, proj_size=20),
    "GRU": lambda: nn.GRU(32, 100),
    "LSTMCell": lambda: nn.LSTMCell(32, 100),
    "MultiheadAttention": lambda: nn.MultiheadAttention(64, 4),
    "MultiheadAttention_kdim": lambda: nn.MultiheadAttention(64, 4, kdim=32, vdim=16, add_bias_kv=True),
    "PReLU": lambda: nn.PReLU(8, init=0.1),
    "TransformerEncoderLayer": lambda: nn.TransformerEncoderLayer(64, 4, 128),
    "Transformer": lambda: nn.Transformer(32, 2, 1, 1, 64),
}


@pytest.mark.parametrize("name", list(LAYERS))
def test_default_passes_and_bounds_are_sharp(name):
    torch.manual_seed(3)
    model = LAYERS[name]()
    for prm in collect_parameters(model):
        t = prm.tensor
        e = default_expected(prm.module, prm.pname, tuple(t.shape), prm.ancestors)
        assert e is not None, prm.names
        res = check_tensor(t, e)
        assert res.verdict in ("pass", "inconclusive"), (prm.names, e.label, res)
        if e.family == "uniform" and t.numel() >= 2000:
            lo, hi = e.support()
            assert float(t.detach().max()) > hi * 0.99 and float(t.detach().min()) < lo * 0.99, (prm.names, e.label)


def test_specific_defaults():
    lin = nn.Linear(300, 200)
    bound = 1 / math.sqrt(300)
    assert default_expected(lin, "weight", lin.weight.shape).support() == pytest.approx((-bound, bound))
    ct = nn.ConvTranspose2d(64, 32, 4)
    assert default_expected(ct, "weight", ct.weight.shape).support()[1] == pytest.approx(1 / math.sqrt(512))
    bil = nn.Bilinear(20, 30, 40)
    assert default_expected(bil, "weight", bil.weight.shape).support()[1] == pytest.approx(1 / math.sqrt(20))
    mha = nn.MultiheadAttention(64, 4)
    ps = {p.names[0]: p for p in collect_parameters(mha)}
    op = ps["out_proj.weight"]
    assert default_expected(op.module, "weight", op.tensor.shape, op.ancestors).support()[1] == pytest.approx(1 / 8)
    ob = ps["out_proj.bias"]
    assert default_expected(ob.module, "bias", ob.tensor.shape, ob.ancestors).family == "constant"
    assert default_expected(mha, "in_proj_weight", (192, 64)).support()[1] == pytest.approx(math.sqrt(1.5 / 64))
    emb = nn.Embedding(10, 4, padding_idx=-2)
    assert default_expected(emb, "weight", (10, 4)).zero_rows == (8,)
    assert default_expected(nn.Identity(), "weight", (3, 3)) is None


def test_wrong_default_is_caught():
    """A Linear initialized with xavier_uniform_ fails its default; an Embedding with a non-zero padding row too."""
    lin = nn.Linear(300, 200)
    nn.init.xavier_uniform_(lin.weight)
    assert check_tensor(lin.weight, default_expected(lin, "weight", lin.weight.shape)).verdict == "fail"
    emb = nn.Embedding(100, 64, padding_idx=0)
    with torch.no_grad():
        emb.weight[0, 3] = 0.5
    assert check_tensor(emb.weight, default_expected(emb, "weight", emb.weight.shape)).verdict == "fail"
