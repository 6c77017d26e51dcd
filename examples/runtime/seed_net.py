"""The seed tutorial's two ways to initialize a model, with ``forward`` fixed (item 6 acceptance case).

    initlint verify examples/runtime/seed_net.py:build            # passes: weight_init was applied
    initlint verify examples/runtime/seed_net.py:build_no_apply   # fails: Linear layers still at PyTorch's default
    initlint verify examples/runtime/seed_net.py:LoopNet --args '[8, 16, 16, 4]'
                                                                  # passes: the loop covers none of its layers
"""
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, in_dim, n_hidden_1, n_hidden_2, out_dim):
        super().__init__()
        self.layer = nn.Sequential(
            nn.Linear(in_dim, n_hidden_1),
            nn.ReLU(True),
            nn.Linear(n_hidden_1, n_hidden_2),
            nn.ReLU(True),
            nn.Linear(n_hidden_2, out_dim)
        )

    def forward(self, x):
        return self.layer(x)


# 1. different init per layer type
def weight_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.constant_(m.bias, 0)
    # conv2d could get its own init too
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
    # batch norm
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.bias, 0)


def build():
    m = Net(8, 16, 16, 4)
    m.apply(weight_init)
    return m


def build_no_apply():
    return Net(8, 16, 16, 4)


# 2. init inside the model with a self.modules() loop (the seed's second Net)
class LoopNet(nn.Module):
    def __init__(self, in_dim, n_hidden_1, n_hidden_2, out_dim):
        super().__init__()

        self.layer = nn.Sequential(
            nn.Linear(in_dim, n_hidden_1),
            nn.ReLU(True),
            nn.Linear(n_hidden_1, n_hidden_2),
            nn.ReLU(True),
            nn.Linear(n_hidden_2, out_dim)
        )
        # parameter init
        for m in self.modules():  # noqa: INI202 - the seed's case, kept on purpose for `initlint verify`
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

    def forward(self, x):
        return self.layer(x)
