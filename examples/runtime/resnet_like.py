"""A small conv net initialized torchvision-style; the head bias is zeroed by hand.

    initlint verify examples/runtime/resnet_like.py:build --scheme examples/runtime/scheme.toml   # passes
    initlint verify examples/runtime/resnet_like.py:build_late_bn                                  # fails
    initlint inspect examples/runtime/resnet_like.py:build
"""
import torch.nn as nn


class SmallNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(inplace=True),
            nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.head = nn.Sequential(nn.Linear(64, classes))
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
        nn.init.zeros_(self.head[0].bias)

    def forward(self, x):
        return self.head(self.features(x))


def build():
    return SmallNet()


def build_late_bn():
    """A BatchNorm appended after the init loop ran: the loop declared it, but never reached it."""
    m = SmallNet()
    m.features.append(nn.BatchNorm1d(64))
    with __import__("torch").no_grad():
        m.features[-1].weight.uniform_(0.5, 1.5)  # e.g. a "random gamma" experiment left in
    return m
