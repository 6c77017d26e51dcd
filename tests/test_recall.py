"""Recall: each pitfall of the survey (shared/research/pitfalls.md) that a rule covers is caught in realistic
code written in several styles, and its corrected twin is not.

Styles: ``apply`` (an init function applied with ``model.apply(f)``), ``loop`` (an in-model
``for m in self.modules()`` loop), ``method`` (a method on the model, e.g. ``_init_weights`` or
``reset_parameters`` called from ``__init__``), ``script`` (module-level code); for pitfalls that are not about
init code, ``forward`` and ``helper`` name the method that shows the bug.

A case the rules miss (or a correct twin they flag) is an ``xfail(strict=True)`` with the precise gap, so the
table records it and the test fails once the gap is closed without updating it.
"""

import textwrap

import pytest

from initlint.engine import check_source
from initlint.rules import select_rules

RULES = select_rules(["ALL"])


def findings(src):
    return check_source(textwrap.dedent(src), "case.py", RULES)


CASES = [
    # ---- #1 init of a None bias / norm weight -------------------------------------------------------------
    (1, "INI201", "apply", """
        import torch.nn as nn

        class ConvBNReLU(nn.Module):
            def __init__(self, in_ch, out_ch):
                super().__init__()
                self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(out_ch)
                self.relu = nn.ReLU(inplace=True)

            def forward(self, x):
                return self.relu(self.bn(self.conv(x)))

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

        model = ConvBNReLU(3, 64)
        model.apply(weights_init)
    """, """
        import torch.nn as nn

        class ConvBNReLU(nn.Module):
            def __init__(self, in_ch, out_ch):
                super().__init__()
                self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(out_ch)
                self.relu = nn.ReLU(inplace=True)

            def forward(self, x):
                return self.relu(self.bn(self.conv(x)))

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

        model = ConvBNReLU(3, 64)
        model.apply(weights_init)
    """),
    (1, "INI201", "loop", """
        import torch.nn as nn

        class Encoder(nn.Module):
            def __init__(self, dim=256):
                super().__init__()
                self.proj = nn.Linear(dim, dim)
                self.norm = nn.LayerNorm(dim, elementwise_affine=False)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                    elif isinstance(m, nn.LayerNorm):
                        m.weight.data.fill_(1.0)
                        m.bias.data.zero_()

            def forward(self, x):
                return self.norm(self.proj(x))
    """, """
        import torch.nn as nn

        class Encoder(nn.Module):
            def __init__(self, dim=256):
                super().__init__()
                self.proj = nn.Linear(dim, dim)
                self.norm = nn.LayerNorm(dim, elementwise_affine=False)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                    elif isinstance(m, nn.LayerNorm) and m.elementwise_affine:
                        m.weight.data.fill_(1.0)
                        m.bias.data.zero_()

            def forward(self, x):
                return self.norm(self.proj(x))
    """),
    (1, "INI201", "method", """
        import torch.nn as nn

        class StemNet(nn.Module):
            def __init__(self, num_classes=10):
                super().__init__()
                self.stem = nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False)
                self.norm = nn.GroupNorm(8, 32, affine=False)
                self.head = nn.Linear(32, num_classes)
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.GroupNorm):
                        nn.init.constant_(m.weight, 1)
                        nn.init.constant_(m.bias, 0)
                    elif isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, 0, 0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                x = self.norm(self.stem(x)).relu()
                return self.head(x.mean((2, 3)))
    """, """
        import torch.nn as nn

        class StemNet(nn.Module):
            def __init__(self, num_classes=10):
                super().__init__()
                self.stem = nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False)
                self.norm = nn.GroupNorm(8, 32, affine=False)
                self.head = nn.Linear(32, num_classes)
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.GroupNorm) and m.affine:
                        nn.init.constant_(m.weight, 1)
                        nn.init.constant_(m.bias, 0)
                    elif isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, 0, 0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                x = self.norm(self.stem(x)).relu()
                return self.head(x.mean((2, 3)))
    """),
    (1, "INI209", "apply", """
        import torch.nn as nn

        def init_linear(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

        class MLP(nn.Module):
            def __init__(self, d_in, d_hidden, d_out):
                super().__init__()
                self.fc1 = nn.Linear(d_in, d_hidden)
                self.fc2 = nn.Linear(d_hidden, d_out)
                self.apply(init_linear)

            def forward(self, x):
                return self.fc2(self.fc1(x).relu())
    """, """
        import torch.nn as nn

        def init_linear(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class MLP(nn.Module):
            def __init__(self, d_in, d_hidden, d_out):
                super().__init__()
                self.fc1 = nn.Linear(d_in, d_hidden)
                self.fc2 = nn.Linear(d_hidden, d_out)
                self.apply(init_linear)

            def forward(self, x):
                return self.fc2(self.fc1(x).relu())
    """),
    # ---- #2 fan-based init on a 1-D tensor ------------------------------------------------------------------
    (2, "INI102", "loop", """
        import torch.nn as nn

        class TextClassifier(nn.Module):
            def __init__(self, vocab, dim, classes):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.fc = nn.Linear(dim, classes)
                for p in self.parameters():
                    nn.init.xavier_uniform_(p)

            def forward(self, tokens):
                return self.fc(self.embed(tokens).mean(1))
    """, """
        import torch.nn as nn

        class TextClassifier(nn.Module):
            def __init__(self, vocab, dim, classes):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.fc = nn.Linear(dim, classes)
                for p in self.parameters():
                    if p.dim() > 1:
                        nn.init.xavier_uniform_(p)

            def forward(self, tokens):
                return self.fc(self.embed(tokens).mean(1))
    """),
    (2, "INI102", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight)
                nn.init.kaiming_normal_(m.bias)

        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
        model.apply(init_weights)
    """),
    (2, "INI102", "method", """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.ln = nn.LayerNorm(dim)
                self.fc = nn.Linear(dim, dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.orthogonal_(self.fc.weight)
                nn.init.orthogonal_(self.fc.bias)

            def forward(self, x):
                return x + self.fc(self.ln(x))
    """, """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.ln = nn.LayerNorm(dim)
                self.fc = nn.Linear(dim, dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.orthogonal_(self.fc.weight)
                nn.init.zeros_(self.fc.bias)

            def forward(self, x):
                return x + self.fc(self.ln(x))
    """),
    (2, "INI102", "method", """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.ln = nn.LayerNorm(dim)
                self.fc = nn.Linear(dim, dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.orthogonal_(self.fc.weight)
                nn.init.orthogonal_(self.ln.weight)

            def forward(self, x):
                return x + self.fc(self.ln(x))
    """, """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.ln = nn.LayerNorm(dim)
                self.fc = nn.Linear(dim, dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.orthogonal_(self.fc.weight)
                nn.init.ones_(self.ln.weight)

            def forward(self, x):
                return x + self.fc(self.ln(x))
    """),
    (2, "INI102", "script", """
        import torch.nn as nn

        rnn = nn.GRU(128, 256, batch_first=True)
        for name, param in rnn.named_parameters():
            nn.init.orthogonal_(param)
    """, """
        import torch.nn as nn

        rnn = nn.GRU(128, 256, batch_first=True)
        for name, param in rnn.named_parameters():
            if "weight" in name:
                nn.init.orthogonal_(param)
            else:
                nn.init.zeros_(param)
    """),
    # ---- #3 init after loading pretrained weights ------------------------------------------------------------
    (3, "INI301", "script", """
        import torch
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(3, 16, 3, padding=1)
                self.fc = nn.Linear(16, 10)

            def forward(self, x):
                return self.fc(self.conv(x).mean((2, 3)))

        def weight_init(m):
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = Net()
        model.load_state_dict(torch.load("checkpoint.pth", map_location="cpu"))
        model.apply(weight_init)
    """, """
        import torch
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(3, 16, 3, padding=1)
                self.fc = nn.Linear(16, 10)

            def forward(self, x):
                return self.fc(self.conv(x).mean((2, 3)))

        def weight_init(m):
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = Net()
        model.apply(weight_init)
        model.load_state_dict(torch.load("checkpoint.pth", map_location="cpu"))
    """),
    (3, "INI301", "apply", """
        import torch.nn as nn
        import torchvision

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        def build_model(num_classes):
            model = torchvision.models.resnet50(pretrained=True)
            model.fc = nn.Linear(2048, num_classes)
            model.apply(init_weights)
            return model
    """, """
        import torch.nn as nn
        import torchvision

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        def build_model(num_classes):
            model = torchvision.models.resnet50(pretrained=True)
            model.fc = nn.Linear(2048, num_classes)
            model.fc.apply(init_weights)
            return model
    """),
    (3, "INI301", "method", """
        import torch
        import torch.nn as nn

        class Detector(nn.Module):
            def __init__(self):
                super().__init__()
                self.backbone = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU())
                self.head = nn.Conv2d(64, 5, 1)

            def init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.head(self.backbone(x))

        def resume(path):
            model = Detector()
            model.load_state_dict(torch.load(path)["model"])
            model.init_weights()
            return model
    """, """
        import torch
        import torch.nn as nn

        class Detector(nn.Module):
            def __init__(self):
                super().__init__()
                self.backbone = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU())
                self.head = nn.Conv2d(64, 5, 1)

            def init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.head(self.backbone(x))

        def resume(path):
            model = Detector()
            model.init_weights()
            model.load_state_dict(torch.load(path)["model"])
            return model
    """),
    (3, "INI301", "script", """
        import torch.nn as nn
        import torchvision

        model = torchvision.models.resnet18(weights="IMAGENET1K_V1")
        model.fc = nn.Linear(512, 7)
        for m in model.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.zeros_(m.bias)
    """, """
        import torch.nn as nn
        import torchvision

        model = torchvision.models.resnet18(weights="IMAGENET1K_V1")
        model.fc = nn.Linear(512, 7)
        for m in model.fc.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.zeros_(m.bias)
    """),
    (3, "INI305", "loop", """
        import torch.nn as nn
        import torchvision

        class Seg(nn.Module):
            def __init__(self, num_classes=21):
                super().__init__()
                self.backbone = torchvision.models.resnet18(pretrained=True)
                self.backbone.fc = nn.Identity()
                self.head = nn.Conv2d(512, num_classes, 1)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

            def forward(self, x):
                return self.head(self.backbone(x)[:, :, None, None])
    """, """
        import torch.nn as nn
        import torchvision

        class Seg(nn.Module):
            def __init__(self, num_classes=21):
                super().__init__()
                self.backbone = torchvision.models.resnet18(pretrained=True)
                self.backbone.fc = nn.Identity()
                self.head = nn.Conv2d(512, num_classes, 1)
                for m in self.head.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

            def forward(self, x):
                return self.head(self.backbone(x)[:, :, None, None])
    """),
    (3, "INI305", "apply", """
        import torch.nn as nn
        from transformers import AutoModel

        class SentenceClassifier(nn.Module):
            def __init__(self, name, num_labels):
                super().__init__()
                self.encoder = AutoModel.from_pretrained(name)
                self.classifier = nn.Linear(768, num_labels)
                self.apply(self._init_weights)

            def _init_weights(self, module):
                if isinstance(module, nn.Linear):
                    module.weight.data.normal_(mean=0.0, std=0.02)
                    if module.bias is not None:
                        module.bias.data.zero_()

            def forward(self, input_ids, attention_mask):
                out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
                return self.classifier(out.last_hidden_state[:, 0])
    """, """
        import torch.nn as nn
        from transformers import AutoModel

        class SentenceClassifier(nn.Module):
            def __init__(self, name, num_labels):
                super().__init__()
                self.encoder = AutoModel.from_pretrained(name)
                self.classifier = nn.Linear(768, num_labels)
                self.classifier.apply(self._init_weights)

            def _init_weights(self, module):
                if isinstance(module, nn.Linear):
                    module.weight.data.normal_(mean=0.0, std=0.02)
                    if module.bias is not None:
                        module.bias.data.zero_()

            def forward(self, input_ids, attention_mask):
                out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
                return self.classifier(out.last_hidden_state[:, 0])
    """),
    # ---- #4 in-place edits of parameters with autograd on ------------------------------------------------------
    (4, "INI107", "apply", """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                m.weight.normal_(0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                m.weight.normal_(1.0, 0.02)
                m.bias.fill_(0)

        netD = nn.Sequential(nn.Conv2d(3, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2))
        netD.apply(weights_init)
    """, """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, 0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.normal_(m.weight, 1.0, 0.02)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

        netD = nn.Sequential(nn.Conv2d(3, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2))
        netD.apply(weights_init)
    """),
    (4, "INI107", "loop", """
        import torch.nn as nn

        class Critic(nn.Module):
            def __init__(self, obs_dim, hidden=64):
                super().__init__()
                self.fc1 = nn.Linear(obs_dim, hidden)
                self.v = nn.Linear(hidden, 1)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.orthogonal_(m.weight)
                        if m.bias is not None:
                            m.bias.zero_()

            def forward(self, x):
                return self.v(self.fc1(x).tanh())
    """, """
        import torch
        import torch.nn as nn

        class Critic(nn.Module):
            def __init__(self, obs_dim, hidden=64):
                super().__init__()
                self.fc1 = nn.Linear(obs_dim, hidden)
                self.v = nn.Linear(hidden, 1)
                with torch.no_grad():
                    for m in self.modules():
                        if isinstance(m, nn.Linear):
                            nn.init.orthogonal_(m.weight)
                            if m.bias is not None:
                                m.bias.zero_()

            def forward(self, x):
                return self.v(self.fc1(x).tanh())
    """),
    (4, "INI107", "method", """
        import torch
        import torch.nn as nn

        class ScaledResidual(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc = nn.Linear(dim, dim)
                self.gamma = nn.Parameter(torch.ones(dim))
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.xavier_uniform_(self.fc.weight)
                nn.init.zeros_(self.fc.bias)
                self.gamma = self.gamma * 0.1

            def forward(self, x):
                return x + self.gamma * self.fc(x)
    """, """
        import torch
        import torch.nn as nn

        class ScaledResidual(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc = nn.Linear(dim, dim)
                self.gamma = nn.Parameter(torch.ones(dim))
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.xavier_uniform_(self.fc.weight)
                nn.init.zeros_(self.fc.bias)
                nn.init.constant_(self.gamma, 0.1)

            def forward(self, x):
                return x + self.gamma * self.fc(x)
    """),
    (4, "INI107", "script", """
        import torch.nn as nn

        edge = nn.Conv2d(1, 1, 2, bias=False)
        edge.weight[0, 0, 0, 0] = 1
        edge.weight[0, 0, 1, 1] = -1
    """, """
        import torch
        import torch.nn as nn

        edge = nn.Conv2d(1, 1, 2, bias=False)
        with torch.no_grad():
            edge.weight.zero_()
            edge.weight[0, 0, 0, 0] = 1
            edge.weight[0, 0, 1, 1] = -1
    """),
    # ---- #5 deprecated / non-existent nn.init names -----------------------------------------------------------
    (5, "INI101", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_normal(m.weight)
                if m.bias is not None:
                    nn.init.constant(m.bias, 0)

        model = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 1))
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_normal_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

        model = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 1))
        model.apply(init_weights)
    """),
    (5, "INI101", "loop", """
        import torch.nn as nn
        from torch.nn import init

        class VQAModel(nn.Module):
            def __init__(self, q_dim, v_dim, answers):
                super().__init__()
                self.q_proj = nn.Linear(q_dim, 1024)
                self.v_proj = nn.Linear(v_dim, 1024)
                self.classifier = nn.Linear(1024, answers)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        init.xavier_uniform(m.weight)
                        if m.bias is not None:
                            init.zeros(m.bias)

            def forward(self, q, v):
                return self.classifier(self.q_proj(q) * self.v_proj(v))
    """, """
        import torch.nn as nn
        from torch.nn import init

        class VQAModel(nn.Module):
            def __init__(self, q_dim, v_dim, answers):
                super().__init__()
                self.q_proj = nn.Linear(q_dim, 1024)
                self.v_proj = nn.Linear(v_dim, 1024)
                self.classifier = nn.Linear(1024, answers)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            init.zeros_(m.bias)

            def forward(self, q, v):
                return self.classifier(self.q_proj(q) * self.v_proj(v))
    """),
    (5, "INI101", "script", """
        import torch
        import torch.nn as nn

        W = torch.empty(256, 128)
        nn.init.orthogonal(W)
        b = torch.empty(256)
        nn.init.zeros(b)
    """, """
        import torch
        import torch.nn as nn

        W = torch.empty(256, 128)
        nn.init.orthogonal_(W)
        b = torch.empty(256)
        nn.init.zeros_(b)
    """),
    # ---- #6 class-name string dispatch (DCGAN tutorial) -------------------------------------------------------
    (6, "INI203", "apply", """
        import torch.nn as nn

        class ConvBlock(nn.Module):
            def __init__(self, cin, cout):
                super().__init__()
                self.conv = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(cout)

            def forward(self, x):
                return self.bn(self.conv(x)).relu()

        class Discriminator(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Sequential(ConvBlock(3, 64), ConvBlock(64, 128))
                self.out = nn.Conv2d(128, 1, 4)

            def forward(self, x):
                return self.out(self.body(x))

        def weights_init(m):
            classname = m.__class__.__name__
            if classname.find("Conv") != -1:
                nn.init.normal_(m.weight.data, 0.0, 0.02)
            elif classname.find("BatchNorm") != -1:
                nn.init.normal_(m.weight.data, 1.0, 0.02)
                nn.init.constant_(m.bias.data, 0)

        netD = Discriminator()
        netD.apply(weights_init)
    """, """
        import torch.nn as nn

        class ConvBlock(nn.Module):
            def __init__(self, cin, cout):
                super().__init__()
                self.conv = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(cout)

            def forward(self, x):
                return self.bn(self.conv(x)).relu()

        class Discriminator(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Sequential(ConvBlock(3, 64), ConvBlock(64, 128))
                self.out = nn.Conv2d(128, 1, 4)

            def forward(self, x):
                return self.out(self.body(x))

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight.data, 0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.normal_(m.weight.data, 1.0, 0.02)
                nn.init.constant_(m.bias.data, 0)

        netD = Discriminator()
        netD.apply(weights_init)
    """),
    (6, "INI203", "loop", """
        import torch.nn as nn

        class Generator(nn.Module):
            def __init__(self, nz=100, ngf=64):
                super().__init__()
                self.main = nn.Sequential(
                    nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
                    nn.BatchNorm2d(ngf * 2),
                    nn.ReLU(True),
                    nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
                    nn.Tanh(),
                )
                for m in self.modules():
                    classname = type(m).__name__
                    if "Conv2d" in classname:
                        nn.init.normal_(m.weight, 0.0, 0.02)
                    elif "BatchNorm" in classname:
                        nn.init.normal_(m.weight, 1.0, 0.02)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, z):
                return self.main(z)
    """, """
        import torch.nn as nn

        class Generator(nn.Module):
            def __init__(self, nz=100, ngf=64):
                super().__init__()
                self.main = nn.Sequential(
                    nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
                    nn.BatchNorm2d(ngf * 2),
                    nn.ReLU(True),
                    nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
                    nn.Tanh(),
                )
                for m in self.modules():
                    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                        nn.init.normal_(m.weight, 0.0, 0.02)
                    elif isinstance(m, nn.BatchNorm2d) and m.affine:
                        nn.init.normal_(m.weight, 1.0, 0.02)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, z):
                return self.main(z)
    """),
    # ---- #7 plain list / dict of layers ---------------------------------------------------------------------
    (7, "INI002", "apply", """
        import torch.nn as nn

        class DeepMLP(nn.Module):
            def __init__(self, dim=64, depth=4):
                super().__init__()
                self.layers = [nn.Linear(dim, dim) for _ in range(depth)]
                self.out = nn.Linear(dim, 1)

            def forward(self, x):
                for layer in self.layers:
                    x = layer(x).relu()
                return self.out(x)

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = DeepMLP()
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        class DeepMLP(nn.Module):
            def __init__(self, dim=64, depth=4):
                super().__init__()
                self.layers = nn.ModuleList([nn.Linear(dim, dim) for _ in range(depth)])
                self.out = nn.Linear(dim, 1)

            def forward(self, x):
                for layer in self.layers:
                    x = layer(x).relu()
                return self.out(x)

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = DeepMLP()
        model.apply(init_weights)
    """),
    (7, "INI002", "loop", """
        import torch.nn as nn

        class MultiTaskHead(nn.Module):
            def __init__(self, dim, tasks):
                super().__init__()
                self.heads = {name: nn.Linear(dim, n) for name, n in tasks.items()}
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return {name: head(x) for name, head in self.heads.items()}
    """, """
        import torch.nn as nn

        class MultiTaskHead(nn.Module):
            def __init__(self, dim, tasks):
                super().__init__()
                self.heads = nn.ModuleDict({name: nn.Linear(dim, n) for name, n in tasks.items()})
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return {name: head(x) for name, head in self.heads.items()}
    """),
    (7, "INI002", "method", """
        import torch.nn as nn

        class FPN(nn.Module):
            def __init__(self, in_channels=(256, 512, 1024), out_channels=256):
                super().__init__()
                self.lateral = []
                for c in in_channels:
                    self.lateral.append(nn.Conv2d(c, out_channels, 1))
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, feats):
                return [conv(f) for conv, f in zip(self.lateral, feats)]
    """, """
        import torch.nn as nn

        class FPN(nn.Module):
            def __init__(self, in_channels=(256, 512, 1024), out_channels=256):
                super().__init__()
                self.lateral = nn.ModuleList()
                for c in in_channels:
                    self.lateral.append(nn.Conv2d(c, out_channels, 1))
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, feats):
                return [conv(f) for conv, f in zip(self.lateral, feats)]
    """),
    # ---- #8 embedding padding row overwritten ----------------------------------------------------------------
    (8, "INI205", "apply", """
        import torch.nn as nn

        class LSTMTagger(nn.Module):
            def __init__(self, vocab, dim, tags, pad_idx=0):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim, padding_idx=pad_idx)
                self.out = nn.Linear(dim, tags)

            def forward(self, tokens):
                return self.out(self.embed(tokens))

        def init_weights(m):
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, mean=0.0, std=0.02)
            elif isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = LSTMTagger(30000, 300, 17)
        model.apply(init_weights)
    """, """
        import torch
        import torch.nn as nn

        class LSTMTagger(nn.Module):
            def __init__(self, vocab, dim, tags, pad_idx=0):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim, padding_idx=pad_idx)
                self.out = nn.Linear(dim, tags)

            def forward(self, tokens):
                return self.out(self.embed(tokens))

        def init_weights(m):
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, mean=0.0, std=0.02)
                if m.padding_idx is not None:
                    with torch.no_grad():
                        m.weight[m.padding_idx].zero_()
            elif isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = LSTMTagger(30000, 300, 17)
        model.apply(init_weights)
    """),
    (8, "INI205", "loop", """
        import torch.nn as nn

        class BagOfWords(nn.Module):
            def __init__(self, vocab, dim, classes, pad_idx):
                super().__init__()
                self.tok = nn.Embedding(vocab, dim, padding_idx=pad_idx)
                self.fc = nn.Linear(dim, classes)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                    elif isinstance(m, nn.Embedding):
                        m.weight.data.uniform_(-0.1, 0.1)

            def forward(self, tokens):
                return self.fc(self.tok(tokens).mean(1))
    """, """
        import torch.nn as nn

        class BagOfWords(nn.Module):
            def __init__(self, vocab, dim, classes, pad_idx):
                super().__init__()
                self.tok = nn.Embedding(vocab, dim, padding_idx=pad_idx)
                self.fc = nn.Linear(dim, classes)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                    elif isinstance(m, nn.Embedding):
                        m.weight.data.uniform_(-0.1, 0.1)
                        if m.padding_idx is not None:
                            m.weight.data[m.padding_idx].zero_()

            def forward(self, tokens):
                return self.fc(self.tok(tokens).mean(1))
    """),
    (8, "INI205", "method", """
        import torch.nn as nn

        class Graphormer(nn.Module):
            def __init__(self, num_atoms, dim):
                super().__init__()
                self.atom_encoder = nn.Embedding(num_atoms, dim)
                self.apply(self._init_params)

            def _init_params(self, module):
                if isinstance(module, nn.Embedding):
                    module.weight.data.normal_(mean=0.0, std=0.02)
                    module.weight.data[module.padding_idx].zero_()

            def forward(self, atoms):
                return self.atom_encoder(atoms).sum(1)
    """, """
        import torch.nn as nn

        class Graphormer(nn.Module):
            def __init__(self, num_atoms, dim):
                super().__init__()
                self.atom_encoder = nn.Embedding(num_atoms, dim)
                self.apply(self._init_params)

            def _init_params(self, module):
                if isinstance(module, nn.Embedding):
                    module.weight.data.normal_(mean=0.0, std=0.02)
                    if module.padding_idx is not None:
                        module.weight.data[module.padding_idx].zero_()

            def forward(self, atoms):
                return self.atom_encoder(atoms).sum(1)
    """),
    # ---- #9 parameter built from uninitialized memory ----------------------------------------------------------
    (9, "INI004", "method", """
        import math
        import torch
        import torch.nn as nn

        class LSoftmaxLinear(nn.Module):
            def __init__(self, input_features, output_features, margin):
                super().__init__()
                self.margin = margin
                self.weight = nn.Parameter(torch.Tensor(input_features, output_features))

            def reset_parameters(self):
                nn.init.kaiming_normal_(self.weight.data.t())

            def forward(self, x):
                return x.mm(self.weight) * math.cos(self.margin)
    """, """
        import math
        import torch
        import torch.nn as nn

        class LSoftmaxLinear(nn.Module):
            def __init__(self, input_features, output_features, margin):
                super().__init__()
                self.margin = margin
                self.weight = nn.Parameter(torch.Tensor(input_features, output_features))
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_normal_(self.weight.data.t())

            def forward(self, x):
                return x.mm(self.weight) * math.cos(self.margin)
    """),
    (9, "INI004", "loop", """
        import torch
        import torch.nn as nn

        class GATLayer(nn.Module):
            def __init__(self, in_dim, out_dim, heads):
                super().__init__()
                self.proj = nn.Linear(in_dim, heads * out_dim, bias=False)
                self.att_src = nn.Parameter(torch.empty(1, heads, out_dim))
                self.att_dst = nn.Parameter(torch.empty(1, heads, out_dim))
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)

            def forward(self, x):
                h = self.proj(x)
                return h, (self.att_src * self.att_dst).sum(-1)
    """, """
        import torch
        import torch.nn as nn

        class GATLayer(nn.Module):
            def __init__(self, in_dim, out_dim, heads):
                super().__init__()
                self.proj = nn.Linear(in_dim, heads * out_dim, bias=False)
                self.att_src = nn.Parameter(torch.empty(1, heads, out_dim))
                self.att_dst = nn.Parameter(torch.empty(1, heads, out_dim))
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                nn.init.xavier_uniform_(self.att_src)
                nn.init.xavier_uniform_(self.att_dst)

            def forward(self, x):
                h = self.proj(x)
                return h, (self.att_src * self.att_dst).sum(-1)
    """),
    # ---- #10 attribute read but never defined -----------------------------------------------------------------
    (10, "INI001", "forward", """
        import torch.nn as nn

        class QNet(nn.Module):
            def __init__(self, n_obs, n_actions):
                super().__init__()
                self.layer1 = nn.Linear(n_obs, 128)
                self.layer2 = nn.Linear(128, 128)
                # self.fc_actions = nn.Linear(128, n_actions)

            def forward(self, x):
                x = self.layer2(self.layer1(x).relu()).relu()
                return self.fc_actions(x)
    """, """
        import torch.nn as nn

        class QNet(nn.Module):
            def __init__(self, n_obs, n_actions):
                super().__init__()
                self.layer1 = nn.Linear(n_obs, 128)
                self.layer2 = nn.Linear(128, 128)
                self.fc_actions = nn.Linear(128, n_actions)

            def forward(self, x):
                x = self.layer2(self.layer1(x).relu()).relu()
                return self.fc_actions(x)
    """),
    (10, "INI001", "helper", """
        import torch.nn as nn

        class PretrainedWrapper(nn.Module):
            def __init__(self, features, num_classes):
                super().__init__()
                self.features = features
                self.last_linear = nn.Linear(2048, num_classes)
                self.avg_pool = nn.AdaptiveAvgPool2d(1)

            def logits(self, x):
                x = self.avgpool(x).flatten(1)
                return self.last_linear(x)

            def forward(self, x):
                return self.logits(self.features(x))
    """, """
        import torch.nn as nn

        class PretrainedWrapper(nn.Module):
            def __init__(self, features, num_classes):
                super().__init__()
                self.features = features
                self.last_linear = nn.Linear(2048, num_classes)
                self.avg_pool = nn.AdaptiveAvgPool2d(1)

            def logits(self, x):
                x = self.avg_pool(x).flatten(1)
                return self.last_linear(x)

            def forward(self, x):
                return self.logits(self.features(x))
    """),
    # ---- #11 layer defined but never used (opt-in) ------------------------------------------------------------
    (11, "INI005", "forward", """
        import torch.nn as nn

        class FCOSHead(nn.Module):
            def __init__(self, in_channels, num_classes):
                super().__init__()
                self.cls_logits = nn.Conv2d(in_channels, num_classes, 3, padding=1)
                self.bbox_pred = nn.Conv2d(in_channels, 4, 3, padding=1)
                self.centerness = nn.Conv2d(in_channels, 1, 3, padding=1)

            def forward(self, x):
                return self.cls_logits(x), self.bbox_pred(x)
    """, """
        import torch.nn as nn

        class FCOSHead(nn.Module):
            def __init__(self, in_channels, num_classes):
                super().__init__()
                self.cls_logits = nn.Conv2d(in_channels, num_classes, 3, padding=1)
                self.bbox_pred = nn.Conv2d(in_channels, 4, 3, padding=1)
                self.centerness = nn.Conv2d(in_channels, 1, 3, padding=1)

            def forward(self, x):
                return self.cls_logits(x), self.bbox_pred(x), self.centerness(x)
    """),
    (11, "INI005", "helper", """
        import torch.nn as nn

        class VideoTransformerHead(nn.Module):
            def __init__(self, dim, num_classes):
                super().__init__()
                self.norm = nn.LayerNorm(dim)
                self.time_proj = nn.Linear(dim, dim)
                self.head = nn.Linear(dim, num_classes)

            def pool(self, x):
                return self.norm(x).mean(1)

            def forward(self, x):
                return self.head(self.pool(x))
    """, """
        import torch.nn as nn

        class VideoTransformerHead(nn.Module):
            def __init__(self, dim, num_classes):
                super().__init__()
                self.norm = nn.LayerNorm(dim)
                self.time_proj = nn.Linear(dim, dim)
                self.head = nn.Linear(dim, num_classes)

            def pool(self, x):
                return self.time_proj(self.norm(x)).mean(1)

            def forward(self, x):
                return self.head(self.pool(x))
    """),
    # ---- #12 init function never applied ----------------------------------------------------------------------
    (12, "INI304", "apply", """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)

        class UNetLite(nn.Module):
            def __init__(self):
                super().__init__()
                self.enc = nn.Conv2d(3, 32, 3, padding=1)
                self.dec = nn.Conv2d(32, 1, 1)

            def forward(self, x):
                return self.dec(self.enc(x).relu())

        model = UNetLite()
    """, """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)

        class UNetLite(nn.Module):
            def __init__(self):
                super().__init__()
                self.enc = nn.Conv2d(3, 32, 3, padding=1)
                self.dec = nn.Conv2d(32, 1, 1)

            def forward(self, x):
                return self.dec(self.enc(x).relu())

        model = UNetLite()
        model.apply(weights_init)
    """),
    (12, "INI304", "method", """
        import torch.nn as nn

        class SeeInTheDark(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(4, 32, 3, padding=1)
                self.conv2 = nn.Conv2d(32, 12, 1)

            def _initialize_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        m.weight.data.normal_(0.0, 0.02)
                        if m.bias is not None:
                            m.bias.data.zero_()

            def forward(self, x):
                return self.conv2(self.conv1(x))
    """, """
        import torch.nn as nn

        class SeeInTheDark(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(4, 32, 3, padding=1)
                self.conv2 = nn.Conv2d(32, 12, 1)
                self._initialize_weights()

            def _initialize_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        m.weight.data.normal_(0.0, 0.02)
                        if m.bias is not None:
                            m.bias.data.zero_()

            def forward(self, x):
                return self.conv2(self.conv1(x))
    """),
    (12, "INI304", "script", """
        import torch.nn as nn

        def init_params(net):
            for m in net.modules():
                if isinstance(m, nn.Linear):
                    nn.init.xavier_uniform_(m.weight)
                    if m.bias is not None:
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

        net = nn.Sequential(nn.Linear(2048, 1024), nn.ReLU(), nn.Linear(1024, 3129))
    """, """
        import torch.nn as nn

        def init_params(net):
            for m in net.modules():
                if isinstance(m, nn.Linear):
                    nn.init.xavier_uniform_(m.weight)
                    if m.bias is not None:
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

        net = nn.Sequential(nn.Linear(2048, 1024), nn.ReLU(), nn.Linear(1024, 3129))
        init_params(net)
    """),
    # ---- #13 one module instance repeated ---------------------------------------------------------------------
    (13, "INI003", "method", """
        import torch.nn as nn

        class ResidualStack(nn.Module):
            def __init__(self, channels, n_layers):
                super().__init__()
                self.convs = nn.ModuleList([nn.Conv2d(channels, channels, 3, padding=1)] * n_layers)

            def forward(self, x):
                for conv in self.convs:
                    x = x + conv(x).relu()
                return x
    """, """
        import torch.nn as nn

        class ResidualStack(nn.Module):
            def __init__(self, channels, n_layers):
                super().__init__()
                self.convs = nn.ModuleList([nn.Conv2d(channels, channels, 3, padding=1) for _ in range(n_layers)])

            def forward(self, x):
                for conv in self.convs:
                    x = x + conv(x).relu()
                return x
    """),
    (13, "INI003", "script", """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, d):
                super().__init__()
                self.fc = nn.Linear(d, d)

            def forward(self, x):
                return x + self.fc(x).relu()

        encoder = nn.Sequential(*[Block(256)] * 6)
    """, """
        import torch.nn as nn

        class Block(nn.Module):
            def __init__(self, d):
                super().__init__()
                self.fc = nn.Linear(d, d)

            def forward(self, x):
                return x + self.fc(x).relu()

        encoder = nn.Sequential(*[Block(256) for _ in range(6)])
    """),
    (13, "INI003", "loop", """
        import torch.nn as nn

        class Encoder(nn.Module):
            def __init__(self, dim, depth):
                super().__init__()
                ff = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
                self.layers = nn.ModuleList([ff for _ in range(depth)])
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                for layer in self.layers:
                    x = x + layer(x)
                return x
    """, """
        import torch.nn as nn

        class Encoder(nn.Module):
            def __init__(self, dim, depth):
                super().__init__()
                self.layers = nn.ModuleList(
                    [nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim)) for _ in range(depth)]
                )
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                for layer in self.layers:
                    x = x + layer(x)
                return x
    """),
    # ---- #16 parent loop overrides a child's deliberate init (opt-in) -------------------------------------------
    (16, "INI308", "loop", """
        import torch.nn as nn

        class BasicBlock(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.conv = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(channels)
                nn.init.zeros_(self.bn.weight)

            def forward(self, x):
                return (x + self.bn(self.conv(x))).relu()

        class ResNetLite(nn.Module):
            def __init__(self, channels=64, depth=4):
                super().__init__()
                self.blocks = nn.Sequential(*[BasicBlock(channels) for _ in range(depth)])
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.blocks(x)
    """, """
        import torch.nn as nn

        class BasicBlock(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.conv = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
                self.bn = nn.BatchNorm2d(channels)

            def forward(self, x):
                return (x + self.bn(self.conv(x))).relu()

        class ResNetLite(nn.Module):
            def __init__(self, channels=64, depth=4):
                super().__init__()
                self.blocks = nn.Sequential(*[BasicBlock(channels) for _ in range(depth)])
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)
                for m in self.modules():
                    if isinstance(m, BasicBlock):
                        nn.init.zeros_(m.bn.weight)

            def forward(self, x):
                return self.blocks(x)
    """),
    (16, "INI308", "method", """
        import math
        import torch.nn as nn

        class LoRALinear(nn.Module):
            def __init__(self, d_in, d_out, rank=8):
                super().__init__()
                self.base = nn.Linear(d_in, d_out)
                self.lora_A = nn.Linear(d_in, rank, bias=False)
                self.lora_B = nn.Linear(rank, d_out, bias=False)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
                nn.init.zeros_(self.lora_B.weight)

            def forward(self, x):
                return self.base(x) + self.lora_B(self.lora_A(x))

        class AdapterMLP(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.up = LoRALinear(dim, 4 * dim)
                self.down = LoRALinear(4 * dim, dim)
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.02)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.down(self.up(x).relu())
    """, """
        import math
        import torch.nn as nn

        class LoRALinear(nn.Module):
            def __init__(self, d_in, d_out, rank=8):
                super().__init__()
                self.base = nn.Linear(d_in, d_out)
                self.lora_A = nn.Linear(d_in, rank, bias=False)
                self.lora_B = nn.Linear(rank, d_out, bias=False)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
                nn.init.zeros_(self.lora_B.weight)

            def forward(self, x):
                return self.base(x) + self.lora_B(self.lora_A(x))

        class AdapterMLP(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.up = LoRALinear(dim, 4 * dim)
                self.down = LoRALinear(4 * dim, dim)
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.02)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                for m in self.modules():
                    if isinstance(m, LoRALinear):
                        m.reset_parameters()

            def forward(self, x):
                return self.down(self.up(x).relu())
    """),
    (16, "INI308", "method", """
        import torch.nn as nn

        class Bottleneck(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.conv1 = nn.Conv2d(channels, channels, 1, bias=False)
                self.bn1 = nn.BatchNorm2d(channels)
                self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
                self.bn2 = nn.BatchNorm2d(channels)
                nn.init.zeros_(self.bn2.weight)

            def forward(self, x):
                y = self.bn1(self.conv1(x)).relu()
                return (x + self.bn2(self.conv2(y))).relu()

        class Backbone(nn.Module):
            def __init__(self, channels=256, depth=3):
                super().__init__()
                self.layers = nn.Sequential(*[Bottleneck(channels) for _ in range(depth)])
                self.init_weights()

            def init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.constant_(m.weight, 1)
                        nn.init.constant_(m.bias, 0)

            def forward(self, x):
                return self.layers(x)
    """, """
        import torch.nn as nn

        class Bottleneck(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.conv1 = nn.Conv2d(channels, channels, 1, bias=False)
                self.bn1 = nn.BatchNorm2d(channels)
                self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
                self.bn2 = nn.BatchNorm2d(channels)

            def forward(self, x):
                y = self.bn1(self.conv1(x)).relu()
                return (x + self.bn2(self.conv2(y))).relu()

        class Backbone(nn.Module):
            def __init__(self, channels=256, depth=3):
                super().__init__()
                self.layers = nn.Sequential(*[Bottleneck(channels) for _ in range(depth)])
                self.init_weights()

            def init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.constant_(m.weight, 1)
                        nn.init.constant_(m.bias, 0)
                for m in self.modules():
                    if isinstance(m, Bottleneck):
                        nn.init.constant_(m.bn2.weight, 0)

            def forward(self, x):
                return self.layers(x)
    """),
    # ---- #17 init on a reparametrized weight ------------------------------------------------------------------
    (17, "INI306", "script", """
        import torch.nn as nn
        from torch.nn.utils import weight_norm

        def conv1d_wn(in_channels, out_channels, kernel_size, dilation=1):
            padding = (kernel_size - 1) * dilation // 2
            conv = weight_norm(nn.Conv1d(in_channels, out_channels, kernel_size, dilation=dilation, padding=padding))
            nn.init.normal_(conv.weight, 0.0, 0.01)
            return conv
    """, """
        import torch.nn as nn
        from torch.nn.utils import weight_norm

        def conv1d_wn(in_channels, out_channels, kernel_size, dilation=1):
            padding = (kernel_size - 1) * dilation // 2
            conv = nn.Conv1d(in_channels, out_channels, kernel_size, dilation=dilation, padding=padding)
            nn.init.normal_(conv.weight, 0.0, 0.01)
            return weight_norm(conv)
    """),
    (17, "INI306", "apply", """
        import torch.nn as nn
        from torch.nn.utils import weight_norm

        def init_weights(m, mean=0.0, std=0.01):
            if isinstance(m, nn.Conv1d):
                m.weight.data.normal_(mean, std)

        ups = nn.ModuleList()
        for i, (u, k) in enumerate(zip([8, 8, 2, 2], [16, 16, 4, 4])):
            ups.append(weight_norm(nn.ConvTranspose1d(512 // (2 ** i), 256 // (2 ** i), k, u, padding=(k - u) // 2)))
        post = weight_norm(nn.Conv1d(32, 1, 7, padding=3))
        post.apply(init_weights)
    """, """
        import torch.nn as nn
        from torch.nn.utils import weight_norm

        def init_weights(m, mean=0.0, std=0.01):
            if isinstance(m, nn.Conv1d):
                m.weight.data.normal_(mean, std)

        ups = nn.ModuleList()
        for i, (u, k) in enumerate(zip([8, 8, 2, 2], [16, 16, 4, 4])):
            ups.append(weight_norm(nn.ConvTranspose1d(512 // (2 ** i), 256 // (2 ** i), k, u, padding=(k - u) // 2)))
        post = nn.Conv1d(32, 1, 7, padding=3)
        post.apply(init_weights)
        post = weight_norm(post)
    """),
    # the parametrized spectral_norm: `weight` is computed at every access, so the init is lost (torch's
    # hook-based spectral_norm shares storage with `weight_orig` until the first forward, and an init written in
    # `__init__` reaches it: see the INI306 pair in tests/test_precision_fixes7.py)
    (17, "INI306", "method", """
        import torch.nn as nn
        from torch.nn.utils.parametrizations import spectral_norm

        class SNDiscriminator(nn.Module):
            def __init__(self, ch=64):
                super().__init__()
                self.conv1 = spectral_norm(nn.Conv2d(3, ch, 3, padding=1))
                self.conv2 = spectral_norm(nn.Conv2d(ch, 1, 4))
                nn.init.xavier_uniform_(self.conv1.weight)
                nn.init.xavier_uniform_(self.conv2.weight)

            def forward(self, x):
                return self.conv2(nn.functional.leaky_relu(self.conv1(x), 0.1))
    """, """
        import torch.nn as nn
        from torch.nn.utils.parametrizations import spectral_norm

        class SNDiscriminator(nn.Module):
            def __init__(self, ch=64):
                super().__init__()
                conv1 = nn.Conv2d(3, ch, 3, padding=1)
                conv2 = nn.Conv2d(ch, 1, 4)
                nn.init.xavier_uniform_(conv1.weight)
                nn.init.xavier_uniform_(conv2.weight)
                self.conv1 = spectral_norm(conv1)
                self.conv2 = spectral_norm(conv2)

            def forward(self, x):
                return self.conv2(nn.functional.leaky_relu(self.conv1(x), 0.1))
    """),
    (17, "INI306", "method", """
        import torch.nn as nn
        from torch.nn.utils.parametrizations import weight_norm

        class TemporalBlock(nn.Module):
            def __init__(self, n_in, n_out, kernel_size, dilation):
                super().__init__()
                self.conv1 = weight_norm(nn.Conv1d(n_in, n_out, kernel_size, dilation=dilation))
                self.conv2 = weight_norm(nn.Conv1d(n_out, n_out, kernel_size, dilation=dilation))
                self.init_weights()

            def init_weights(self):
                self.conv1.weight.data.normal_(0, 0.01)
                self.conv2.weight.data.normal_(0, 0.01)

            def forward(self, x):
                return self.conv2(self.conv1(x).relu()).relu()
    """, """
        import torch.nn as nn
        from torch.nn.utils.parametrizations import weight_norm

        class TemporalBlock(nn.Module):
            def __init__(self, n_in, n_out, kernel_size, dilation):
                super().__init__()
                conv1 = nn.Conv1d(n_in, n_out, kernel_size, dilation=dilation)
                conv2 = nn.Conv1d(n_out, n_out, kernel_size, dilation=dilation)
                conv1.weight.data.normal_(0, 0.01)
                conv2.weight.data.normal_(0, 0.01)
                self.conv1 = weight_norm(conv1)
                self.conv2 = weight_norm(conv2)

            def forward(self, x):
                return self.conv2(self.conv1(x).relu()).relu()
    """),
    # ---- #18 unsupported nonlinearity / mode -----------------------------------------------------------------
    (18, "INI103", "apply", """
        import torch.nn as nn

        def init_vit(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="gelu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        mlp = nn.Sequential(nn.Linear(768, 3072), nn.GELU(), nn.Linear(3072, 768))
        mlp.apply(init_vit)
    """, """
        import torch.nn as nn

        def init_vit(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        mlp = nn.Sequential(nn.Linear(768, 3072), nn.GELU(), nn.Linear(3072, 768))
        mlp.apply(init_vit)
    """),
    (18, "INI103", "loop", """
        import torch.nn as nn

        class SmallCNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
                self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fanout", nonlinearity="ReLU")
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.conv2(self.conv1(x).relu()).relu()
    """, """
        import torch.nn as nn

        class SmallCNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
                self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.conv2(self.conv1(x).relu()).relu()
    """),
    (18, "INI103", "method", """
        import torch.nn as nn

        class SwiGLU(nn.Module):
            def __init__(self, dim, hidden):
                super().__init__()
                self.w1 = nn.Linear(dim, hidden, bias=False)
                self.w2 = nn.Linear(hidden, dim, bias=False)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.w1.weight, nonlinearity="silu")
                nn.init.kaiming_uniform_(self.w2.weight, nonlinearity="linear")

            def forward(self, x):
                return self.w2(nn.functional.silu(self.w1(x)))
    """, """
        import torch.nn as nn

        class SwiGLU(nn.Module):
            def __init__(self, dim, hidden):
                super().__init__()
                self.w1 = nn.Linear(dim, hidden, bias=False)
                self.w2 = nn.Linear(hidden, dim, bias=False)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.w1.weight, nonlinearity="relu")
                nn.init.kaiming_uniform_(self.w2.weight, nonlinearity="linear")

            def forward(self, x):
                return self.w2(nn.functional.silu(self.w1(x)))
    """),
    # ---- #19 kaiming a= read as a gain; nonlinearity mismatch (opt-in) ---------------------------------------
    (19, "INI104", "apply", """
        import torch.nn as nn

        def he_init(m):
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, a=nn.init.calculate_gain("relu"))
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        net = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(16 * 30 * 30, 10))
        net.apply(he_init)
    """, """
        import torch.nn as nn

        def he_init(m):
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        net = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(16 * 30 * 30, 10))
        net.apply(he_init)
    """),
    (19, "INI104", "loop", """
        import math
        import torch.nn as nn

        class PGGANBlock(nn.Module):
            def __init__(self, cin, cout):
                super().__init__()
                self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
                self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
                self.act = nn.LeakyReLU(0.2)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, a=math.sqrt(2))
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.act(self.conv2(self.act(self.conv1(x))))
    """, """
        import torch.nn as nn

        class PGGANBlock(nn.Module):
            def __init__(self, cin, cout):
                super().__init__()
                self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
                self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
                self.act = nn.LeakyReLU(0.2)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, a=0.2, nonlinearity="leaky_relu")
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.act(self.conv2(self.act(self.conv1(x))))
    """),
    (19, "INI104", "method", """
        import torch.nn as nn

        class Policy(nn.Module):
            def __init__(self, obs_dim, act_dim):
                super().__init__()
                self.fc = nn.Linear(obs_dim, 256)
                self.out = nn.Linear(256, act_dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.fc.weight, a=0.01, nonlinearity="relu")
                nn.init.zeros_(self.fc.bias)
                nn.init.xavier_uniform_(self.out.weight)
                nn.init.zeros_(self.out.bias)

            def forward(self, x):
                return self.out(self.fc(x).relu())
    """, """
        import torch.nn as nn

        class Policy(nn.Module):
            def __init__(self, obs_dim, act_dim):
                super().__init__()
                self.fc = nn.Linear(obs_dim, 256)
                self.out = nn.Linear(256, act_dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.kaiming_uniform_(self.fc.weight, a=0.01, nonlinearity="leaky_relu")
                nn.init.zeros_(self.fc.bias)
                nn.init.xavier_uniform_(self.out.weight)
                nn.init.zeros_(self.out.bias)

            def forward(self, x):
                return self.out(nn.functional.leaky_relu(self.fc(x), 0.01))
    """),
    (19, "INI108", "loop", """
        import torch.nn as nn

        class PolicyNet(nn.Module):
            def __init__(self, obs_dim, act_dim, hidden=64):
                super().__init__()
                self.net = nn.Sequential(
                    nn.Linear(obs_dim, hidden), nn.Tanh(),
                    nn.Linear(hidden, hidden), nn.Tanh(),
                    nn.Linear(hidden, act_dim),
                )
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.net(x)
    """, """
        import torch.nn as nn

        class PolicyNet(nn.Module):
            def __init__(self, obs_dim, act_dim, hidden=64):
                super().__init__()
                self.net = nn.Sequential(
                    nn.Linear(obs_dim, hidden), nn.Tanh(),
                    nn.Linear(hidden, hidden), nn.Tanh(),
                    nn.Linear(hidden, act_dim),
                )
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_normal_(m.weight, gain=nn.init.calculate_gain("tanh"))
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.net(x)
    """),
    (19, "INI108", "apply", """
        import torch.nn as nn

        class GeluMLP(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc1 = nn.Linear(dim, 4 * dim)
                self.act = nn.GELU()
                self.fc2 = nn.Linear(4 * dim, dim)

            def forward(self, x):
                return self.fc2(self.act(self.fc1(x)))

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = GeluMLP(512)
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        class GeluMLP(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc1 = nn.Linear(dim, 4 * dim)
                self.act = nn.GELU()
                self.fc2 = nn.Linear(4 * dim, dim)

            def forward(self, x):
                return self.fc2(self.act(self.fc1(x)))

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = GeluMLP(512)
        model.apply(init_weights)
    """),
    # ---- #20 trunc_normal_ bounds are absolute (opt-in) ------------------------------------------------------
    (20, "INI106", "method", """
        import torch
        import torch.nn as nn

        class PatchEmbedViT(nn.Module):
            def __init__(self, dim=384, num_patches=196, num_classes=1000):
                super().__init__()
                self.proj = nn.Conv2d(3, dim, 16, 16)
                self.pos_embed = nn.Parameter(torch.zeros(1, num_patches, dim))
                self.head = nn.Linear(dim, num_classes)
                nn.init.trunc_normal_(self.pos_embed, std=0.02)
                self.apply(self._init_weights)

            def _init_weights(self, m):
                if isinstance(m, nn.Linear):
                    nn.init.trunc_normal_(m.weight, std=0.02)
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                x = self.proj(x).flatten(2).transpose(1, 2) + self.pos_embed
                return self.head(x.mean(1))
    """, """
        import torch
        import torch.nn as nn

        class PatchEmbedViT(nn.Module):
            def __init__(self, dim=384, num_patches=196, num_classes=1000):
                super().__init__()
                self.proj = nn.Conv2d(3, dim, 16, 16)
                self.pos_embed = nn.Parameter(torch.zeros(1, num_patches, dim))
                self.head = nn.Linear(dim, num_classes)
                nn.init.trunc_normal_(self.pos_embed, std=0.02, a=-0.04, b=0.04)
                self.apply(self._init_weights)

            def _init_weights(self, m):
                if isinstance(m, nn.Linear):
                    nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                x = self.proj(x).flatten(2).transpose(1, 2) + self.pos_embed
                return self.head(x.mean(1))
    """),
    (20, "INI106", "loop", """
        import torch.nn as nn

        class MixerBlock(nn.Module):
            def __init__(self, dim, tokens):
                super().__init__()
                self.token_mix = nn.Linear(tokens, tokens)
                self.channel_mix = nn.Linear(dim, dim)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.trunc_normal_(m.weight, std=0.02)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                x = x + self.token_mix(x.transpose(1, 2)).transpose(1, 2)
                return x + self.channel_mix(x)
    """, """
        import torch.nn as nn

        class MixerBlock(nn.Module):
            def __init__(self, dim, tokens):
                super().__init__()
                self.token_mix = nn.Linear(tokens, tokens)
                self.channel_mix = nn.Linear(dim, dim)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.trunc_normal_(m.weight, std=0.02, a=-2 * 0.02, b=2 * 0.02)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                x = x + self.token_mix(x.transpose(1, 2)).transpose(1, 2)
                return x + self.channel_mix(x)
    """),
    # ---- #23 isinstance / type coverage gaps -----------------------------------------------------------------
    (23, "INI204", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if type(m) == nn.Linear:
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class AttnPool(nn.Module):
            def __init__(self, dim, heads):
                super().__init__()
                self.attn = nn.MultiheadAttention(dim, heads)
                self.fc = nn.Linear(dim, dim)

            def forward(self, x):
                return self.fc(self.attn(x, x, x)[0])

        model = AttnPool(256, 8)
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class AttnPool(nn.Module):
            def __init__(self, dim, heads):
                super().__init__()
                self.attn = nn.MultiheadAttention(dim, heads)
                self.fc = nn.Linear(dim, dim)

            def forward(self, x):
                return self.fc(self.attn(x, x, x)[0])

        model = AttnPool(256, 8)
        model.apply(init_weights)
    """),
    (23, "INI204", "loop", """
        import torch.nn as nn

        class SameConv(nn.Conv2d):
            def __init__(self, cin, cout, k):
                super().__init__(cin, cout, k, padding=k // 2)

        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = SameConv(3, 16, 3)
                self.fc = nn.Linear(16, 10)
                for m in self.modules():
                    if type(m) is nn.Conv2d:
                        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                    elif m.__class__ == nn.Linear:
                        nn.init.normal_(m.weight, std=0.01)

            def forward(self, x):
                return self.fc(self.conv(x).relu().mean((2, 3)))
    """, """
        import torch.nn as nn

        class SameConv(nn.Conv2d):
            def __init__(self, cin, cout, k):
                super().__init__(cin, cout, k, padding=k // 2)

        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = SameConv(3, 16, 3)
                self.fc = nn.Linear(16, 10)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                    elif isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.01)

            def forward(self, x):
                return self.fc(self.conv(x).relu().mean((2, 3)))
    """),
    (23, "INI206", "apply", """
        import torch.nn as nn

        class Seq2Seq(nn.Module):
            def __init__(self, vocab, dim):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.rnn = nn.LSTM(dim, dim, batch_first=True)
                self.out = nn.Linear(dim, vocab)

            def forward(self, tokens):
                h, _ = self.rnn(self.embed(tokens))
                return self.out(h)

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.LSTM):
                nn.init.orthogonal_(m.weight)
                nn.init.zeros_(m.bias)

        model = Seq2Seq(10000, 256)
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        class Seq2Seq(nn.Module):
            def __init__(self, vocab, dim):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.rnn = nn.LSTM(dim, dim, batch_first=True)
                self.out = nn.Linear(dim, vocab)

            def forward(self, tokens):
                h, _ = self.rnn(self.embed(tokens))
                return self.out(h)

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.LSTM):
                for name, param in m.named_parameters():
                    if "weight" in name:
                        nn.init.xavier_uniform_(param)
                    else:
                        nn.init.zeros_(param)

        model = Seq2Seq(10000, 256)
        model.apply(init_weights)
    """),
    (23, "INI206", "apply", """
        import torch.nn as nn

        class Seq2Seq(nn.Module):
            def __init__(self, vocab, dim):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.rnn = nn.LSTM(dim, dim, batch_first=True)
                self.out = nn.Linear(dim, vocab)

            def forward(self, tokens):
                h, _ = self.rnn(self.embed(tokens))
                return self.out(h)

        def init_weights(m):
            if isinstance(m, (nn.Linear, nn.LSTM)):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = Seq2Seq(10000, 256)
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        class Seq2Seq(nn.Module):
            def __init__(self, vocab, dim):
                super().__init__()
                self.embed = nn.Embedding(vocab, dim)
                self.rnn = nn.LSTM(dim, dim, batch_first=True)
                self.out = nn.Linear(dim, vocab)

            def forward(self, tokens):
                h, _ = self.rnn(self.embed(tokens))
                return self.out(h)

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.LSTM):
                for name, param in m.named_parameters():
                    if "weight" in name:
                        nn.init.xavier_uniform_(param)
                    else:
                        nn.init.zeros_(param)

        model = Seq2Seq(10000, 256)
        model.apply(init_weights)
    """),
    (23, "INI206", "loop", """
        import torch.nn as nn

        class TransformerPool(nn.Module):
            def __init__(self, dim, heads):
                super().__init__()
                self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
                self.norm = nn.LayerNorm(dim)
                for m in self.modules():
                    if isinstance(m, nn.MultiheadAttention):
                        nn.init.xavier_uniform_(m.weight)
                    elif isinstance(m, nn.LayerNorm):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.norm(x + self.attn(x, x, x)[0])
    """, """
        import torch.nn as nn

        class TransformerPool(nn.Module):
            def __init__(self, dim, heads):
                super().__init__()
                self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
                self.norm = nn.LayerNorm(dim)
                for m in self.modules():
                    if isinstance(m, nn.MultiheadAttention):
                        nn.init.xavier_uniform_(m.in_proj_weight)
                        nn.init.xavier_uniform_(m.out_proj.weight)
                    elif isinstance(m, nn.LayerNorm):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.norm(x + self.attn(x, x, x)[0])
    """),
    (23, "INI202", "apply", """
        import torch.nn as nn

        class DCGenerator(nn.Module):
            def __init__(self, nz=100):
                super().__init__()
                self.net = nn.Sequential(
                    nn.ConvTranspose2d(nz, 128, 4, 1, 0, bias=False),
                    nn.BatchNorm2d(128),
                    nn.ReLU(True),
                    nn.ConvTranspose2d(128, 3, 4, 2, 1, bias=False),
                    nn.Tanh(),
                )

            def forward(self, z):
                return self.net(z)

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, 0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.normal_(m.weight, 1.0, 0.02)
                nn.init.zeros_(m.bias)

        netG = DCGenerator()
        netG.apply(weights_init)
    """, """
        import torch.nn as nn

        class DCGenerator(nn.Module):
            def __init__(self, nz=100):
                super().__init__()
                self.net = nn.Sequential(
                    nn.ConvTranspose2d(nz, 128, 4, 1, 0, bias=False),
                    nn.BatchNorm2d(128),
                    nn.ReLU(True),
                    nn.ConvTranspose2d(128, 3, 4, 2, 1, bias=False),
                    nn.Tanh(),
                )

            def forward(self, z):
                return self.net(z)

        def weights_init(m):
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                nn.init.normal_(m.weight, 0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.normal_(m.weight, 1.0, 0.02)
                nn.init.zeros_(m.bias)

        netG = DCGenerator()
        netG.apply(weights_init)
    """),
    (23, "INI202", "loop", """
        import torch.nn as nn

        class SyncBNNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(3, 64, 3, padding=1, bias=False)
                self.bn = nn.SyncBatchNorm(64)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.normal_(m.weight, 1.0, 0.02)
                        nn.init.constant_(m.bias, 0)

            def forward(self, x):
                return self.bn(self.conv(x)).relu()
    """, """
        import torch.nn as nn
        from torch.nn.modules.batchnorm import _BatchNorm

        class SyncBNNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(3, 64, 3, padding=1, bias=False)
                self.bn = nn.SyncBatchNorm(64)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    elif isinstance(m, (nn.BatchNorm2d, nn.SyncBatchNorm)):
                        nn.init.normal_(m.weight, 1.0, 0.02)
                        nn.init.constant_(m.bias, 0)

            def forward(self, x):
                return self.bn(self.conv(x)).relu()
    """),
    # ---- #28 orthogonal init of the stacked LSTM/GRU gates (opt-in) ------------------------------------------
    (28, "INI208", "method", """
        import torch.nn as nn

        class RecurrentPolicy(nn.Module):
            def __init__(self, obs_dim, hidden, act_dim):
                super().__init__()
                self.lstm = nn.LSTM(obs_dim, hidden)
                self.pi = nn.Linear(hidden, act_dim)
                self.reset_parameters()

            def reset_parameters(self):
                nn.init.orthogonal_(self.lstm.weight_ih_l0)
                nn.init.orthogonal_(self.lstm.weight_hh_l0)
                nn.init.zeros_(self.lstm.bias_ih_l0)
                nn.init.zeros_(self.lstm.bias_hh_l0)
                nn.init.orthogonal_(self.pi.weight, gain=0.01)
                nn.init.zeros_(self.pi.bias)

            def forward(self, x, state):
                h, state = self.lstm(x, state)
                return self.pi(h), state
    """, """
        import torch.nn as nn

        class RecurrentPolicy(nn.Module):
            def __init__(self, obs_dim, hidden, act_dim):
                super().__init__()
                self.lstm = nn.LSTM(obs_dim, hidden)
                self.pi = nn.Linear(hidden, act_dim)
                self.reset_parameters()

            def reset_parameters(self):
                for w in self.lstm.weight_ih_l0.data.chunk(4, 0):
                    nn.init.orthogonal_(w)
                for w in self.lstm.weight_hh_l0.data.chunk(4, 0):
                    nn.init.orthogonal_(w)
                nn.init.zeros_(self.lstm.bias_ih_l0)
                nn.init.zeros_(self.lstm.bias_hh_l0)
                nn.init.orthogonal_(self.pi.weight, gain=0.01)
                nn.init.zeros_(self.pi.bias)

            def forward(self, x, state):
                h, state = self.lstm(x, state)
                return self.pi(h), state
    """),
    (28, "INI208", "loop", """
        import torch.nn as nn

        class GRUEncoder(nn.Module):
            def __init__(self, dim, hidden):
                super().__init__()
                self.gru = nn.GRU(dim, hidden, num_layers=2, batch_first=True)
                for name, param in self.gru.named_parameters():
                    if "weight_hh" in name:
                        nn.init.orthogonal_(param)
                    elif "weight_ih" in name:
                        nn.init.xavier_uniform_(param)
                    elif "bias" in name:
                        nn.init.zeros_(param)

            def forward(self, x):
                return self.gru(x)[0]
    """, """
        import torch.nn as nn

        class GRUEncoder(nn.Module):
            def __init__(self, dim, hidden):
                super().__init__()
                self.gru = nn.GRU(dim, hidden, num_layers=2, batch_first=True)
                for name, param in self.gru.named_parameters():
                    if "weight_hh" in name:
                        for gate in param.data.chunk(3, 0):
                            nn.init.orthogonal_(gate)
                    elif "weight_ih" in name:
                        nn.init.xavier_uniform_(param)
                    elif "bias" in name:
                        nn.init.zeros_(param)

            def forward(self, x):
                return self.gru(x)[0]
    """),
    (28, "INI208", "script", """
        import torch.nn as nn

        lstm = nn.LSTM(64, 128)
        nn.init.xavier_uniform_(lstm.weight_ih_l0)
        nn.init.orthogonal_(lstm.weight_hh_l0)
        nn.init.zeros_(lstm.bias_ih_l0)
        nn.init.zeros_(lstm.bias_hh_l0)
    """, """
        import torch.nn as nn

        lstm = nn.LSTM(64, 128)
        nn.init.xavier_uniform_(lstm.weight_ih_l0)
        for gate in lstm.weight_hh_l0.data.chunk(4, 0):
            nn.init.orthogonal_(gate)
        nn.init.zeros_(lstm.bias_ih_l0)
        nn.init.zeros_(lstm.bias_hh_l0)
    """),
    (28, "INI208", "apply", """
        import torch.nn as nn

        class SpeechEncoder(nn.Module):
            def __init__(self, n_mels, hidden):
                super().__init__()
                self.rnn = nn.GRU(n_mels, hidden, batch_first=True)
                self.proj = nn.Linear(hidden, hidden)

            def forward(self, x):
                return self.proj(self.rnn(x)[0])

        def init_rnn(m):
            if isinstance(m, nn.GRU):
                nn.init.xavier_uniform_(m.weight_ih_l0)
                nn.init.orthogonal_(m.weight_hh_l0)
                nn.init.zeros_(m.bias_ih_l0)
                nn.init.zeros_(m.bias_hh_l0)

        encoder = SpeechEncoder(80, 256)
        encoder.apply(init_rnn)
    """, """
        import torch.nn as nn

        class SpeechEncoder(nn.Module):
            def __init__(self, n_mels, hidden):
                super().__init__()
                self.rnn = nn.GRU(n_mels, hidden, batch_first=True)
                self.proj = nn.Linear(hidden, hidden)

            def forward(self, x):
                return self.proj(self.rnn(x)[0])

        def init_rnn(m):
            if isinstance(m, nn.GRU):
                nn.init.xavier_uniform_(m.weight_ih_l0)
                for gate in m.weight_hh_l0.data.chunk(3, 0):
                    nn.init.orthogonal_(gate)
                nn.init.zeros_(m.bias_ih_l0)
                nn.init.zeros_(m.bias_hh_l0)

        encoder = SpeechEncoder(80, 256)
        encoder.apply(init_rnn)
    """),
    # ---- #29 apply(f()) calls the init function -------------------------------------------------------------
    (29, "INI303", "script", """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

        model = nn.Sequential(nn.Conv2d(3, 64, 3, bias=False), nn.ReLU(), nn.Conv2d(64, 21, 1, bias=False))
        model.apply(weights_init())
    """, """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

        model = nn.Sequential(nn.Conv2d(3, 64, 3, bias=False), nn.ReLU(), nn.Conv2d(64, 21, 1, bias=False))
        model.apply(weights_init)
    """),
    (29, "INI303", "method", """
        import torch.nn as nn

        class LawClassifier(nn.Module):
            def __init__(self, dim, classes):
                super().__init__()
                self.fc1 = nn.Linear(dim, dim)
                self.fc2 = nn.Linear(dim, classes)
                self.apply(self.init_weights())

            def init_weights(self, module):
                if isinstance(module, nn.Linear):
                    nn.init.normal_(module.weight, std=0.02)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)

            def forward(self, x):
                return self.fc2(self.fc1(x).tanh())
    """, """
        import torch.nn as nn

        class LawClassifier(nn.Module):
            def __init__(self, dim, classes):
                super().__init__()
                self.fc1 = nn.Linear(dim, dim)
                self.fc2 = nn.Linear(dim, classes)
                self.apply(self.init_weights)

            def init_weights(self, module):
                if isinstance(module, nn.Linear):
                    nn.init.normal_(module.weight, std=0.02)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)

            def forward(self, x):
                return self.fc2(self.fc1(x).tanh())
    """),
    (29, "INI303", "apply", """
        import torch.nn as nn

        def normal_init(m, std=0.02):
            if isinstance(m, (nn.Conv3d, nn.Linear)):
                nn.init.normal_(m.weight, 0.0, std)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        def build(in_ch=1, classes=2):
            net = nn.Sequential(nn.Conv3d(in_ch, 16, 3), nn.ReLU(), nn.Flatten(), nn.LazyLinear(classes))
            net.apply(normal_init(std=0.01))
            return net
    """, """
        import functools
        import torch.nn as nn

        def normal_init(m, std=0.02):
            if isinstance(m, (nn.Conv3d, nn.Linear)):
                nn.init.normal_(m.weight, 0.0, std)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        def build(in_ch=1, classes=2):
            net = nn.Sequential(nn.Conv3d(in_ch, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(16 * 6 * 6 * 6, classes))
            net.apply(functools.partial(normal_init, std=0.01))
            return net
    """),
    # ---- #30 uniform_ bounds reversed (normal_ arguments pasted) ---------------------------------------------
    (30, "INI103", "apply", """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.uniform_(m.weight.data, 1.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.normal_(m.weight.data, 1.0, 0.02)
                nn.init.constant_(m.bias.data, 0.0)

        net = nn.Sequential(nn.Conv2d(3, 32, 3, bias=False), nn.BatchNorm2d(32), nn.ReLU())
        net.apply(weights_init)
    """, """
        import torch.nn as nn

        def weights_init(m):
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight.data, 0.0, 0.02)
            elif isinstance(m, nn.BatchNorm2d) and m.affine:
                nn.init.normal_(m.weight.data, 1.0, 0.02)
                nn.init.constant_(m.bias.data, 0.0)

        net = nn.Sequential(nn.Conv2d(3, 32, 3, bias=False), nn.BatchNorm2d(32), nn.ReLU())
        net.apply(weights_init)
    """),
    (30, "INI103", "script", """
        import torch
        import torch.nn as nn

        domain_embed = torch.empty(3, 128)
        nn.init.uniform_(domain_embed, 0.1, -0.1)
    """, """
        import torch
        import torch.nn as nn

        domain_embed = torch.empty(3, 128)
        nn.init.uniform_(domain_embed, -0.1, 0.1)
    """),
    (30, "INI103", "loop", """
        import torch.nn as nn

        class Critic(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc = nn.Linear(dim, 1)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.uniform_(m.weight, 3e-3, -3e-3)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.fc(x)
    """, """
        import torch.nn as nn

        class Critic(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.fc = nn.Linear(dim, 1)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.uniform_(m.weight, -3e-3, 3e-3)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.fc(x)
    """),
    # ---- #31 a module passed instead of its tensor -----------------------------------------------------------
    (31, "INI105", "method", """
        import torch.nn as nn

        class RNNModel(nn.Module):
            def __init__(self, ntoken, ninp, nhid):
                super().__init__()
                self.encoder = nn.Embedding(ntoken, ninp)
                self.rnn = nn.LSTM(ninp, nhid)
                self.decoder = nn.Linear(nhid, ntoken)
                self.init_weights()

            def init_weights(self):
                initrange = 0.1
                nn.init.uniform_(self.encoder.weight, -initrange, initrange)
                nn.init.zeros_(self.decoder)
                nn.init.uniform_(self.decoder.weight, -initrange, initrange)

            def forward(self, x, hidden):
                out, hidden = self.rnn(self.encoder(x), hidden)
                return self.decoder(out), hidden
    """, """
        import torch.nn as nn

        class RNNModel(nn.Module):
            def __init__(self, ntoken, ninp, nhid):
                super().__init__()
                self.encoder = nn.Embedding(ntoken, ninp)
                self.rnn = nn.LSTM(ninp, nhid)
                self.decoder = nn.Linear(nhid, ntoken)
                self.init_weights()

            def init_weights(self):
                initrange = 0.1
                nn.init.uniform_(self.encoder.weight, -initrange, initrange)
                nn.init.zeros_(self.decoder.bias)
                nn.init.uniform_(self.decoder.weight, -initrange, initrange)

            def forward(self, x, hidden):
                out, hidden = self.rnn(self.encoder(x), hidden)
                return self.decoder(out), hidden
    """),
    (31, "INI105", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 1))
        model.apply(init_weights)
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 1))
        model.apply(init_weights)
    """),
    (31, "INI105", "loop", """
        import torch.nn as nn

        class Autoencoder(nn.Module):
            def __init__(self, dim, code):
                super().__init__()
                self.enc = nn.Linear(dim, code)
                self.dec = nn.Linear(code, dim)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.kaiming_uniform_(m, nonlinearity="relu")

            def forward(self, x):
                return self.dec(self.enc(x).relu())
    """, """
        import torch.nn as nn

        class Autoencoder(nn.Module):
            def __init__(self, dim, code):
                super().__init__()
                self.enc = nn.Linear(dim, code)
                self.dec = nn.Linear(code, dim)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")

            def forward(self, x):
                return self.dec(self.enc(x).relu())
    """),
    # ---- #32 init loop before the layers exist ----------------------------------------------------------------
    (32, "INI302", "loop", """
        import torch.nn as nn

        class TinyNet(nn.Module):
            def __init__(self):
                super().__init__()
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                self.fc1 = nn.Linear(16, 32)
                self.fc2 = nn.Linear(32, 2)

            def forward(self, x):
                return self.fc2(self.fc1(x).relu())
    """, """
        import torch.nn as nn

        class TinyNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc1 = nn.Linear(16, 32)
                self.fc2 = nn.Linear(32, 2)
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.xavier_uniform_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.fc2(self.fc1(x).relu())
    """),
    (32, "INI302", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class Head(nn.Module):
            def __init__(self, cin, classes):
                super().__init__()
                self.apply(init_weights)
                self.conv = nn.Conv2d(cin, cin, 3, padding=1)
                self.cls = nn.Conv2d(cin, classes, 1)

            def forward(self, x):
                return self.cls(self.conv(x).relu())
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class Head(nn.Module):
            def __init__(self, cin, classes):
                super().__init__()
                self.conv = nn.Conv2d(cin, cin, 3, padding=1)
                self.cls = nn.Conv2d(cin, classes, 1)
                self.apply(init_weights)

            def forward(self, x):
                return self.cls(self.conv(x).relu())
    """),
    (32, "INI302", "method", """
        import torch.nn as nn

        class Classifier(nn.Module):
            def __init__(self, dim, classes):
                super().__init__()
                self._init_weights()
                self.hidden = nn.Linear(dim, dim)
                self.out = nn.Linear(dim, classes)

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.out(self.hidden(x).relu())
    """, """
        import torch.nn as nn

        class Classifier(nn.Module):
            def __init__(self, dim, classes):
                super().__init__()
                self.hidden = nn.Linear(dim, dim)
                self.out = nn.Linear(dim, classes)
                self._init_weights()

            def _init_weights(self):
                for m in self.modules():
                    if isinstance(m, nn.Linear):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.out(self.hidden(x).relu())
    """),
    # ---- #33 lazy modules initialized before the dry-run forward ---------------------------------------------
    (33, "INI307", "apply", """
        import torch
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = nn.Sequential(nn.Flatten(), nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
        model.apply(init_weights)
        logits = model(torch.randn(4, 1, 28, 28))
    """, """
        import torch
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        model = nn.Sequential(nn.Flatten(), nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
        model(torch.randn(4, 1, 28, 28))
        model.apply(init_weights)
    """),
    (33, "INI307", "script", """
        import torch
        import torch.nn as nn

        class LazyMLP(nn.Module):
            def __init__(self, num_classes):
                super().__init__()
                self.fc1 = nn.LazyLinear(256)
                self.fc2 = nn.LazyLinear(num_classes)

            def forward(self, x):
                return self.fc2(torch.relu(self.fc1(x.flatten(1))))

        model = LazyMLP(num_classes=10)
        for name, param in model.named_parameters():
            if "weight" in name:
                nn.init.kaiming_uniform_(param, nonlinearity="relu")
        logits = model(torch.randn(8, 1, 28, 28))
    """, """
        import torch
        import torch.nn as nn

        class LazyMLP(nn.Module):
            def __init__(self, num_classes):
                super().__init__()
                self.fc1 = nn.LazyLinear(256)
                self.fc2 = nn.LazyLinear(num_classes)

            def forward(self, x):
                return self.fc2(torch.relu(self.fc1(x.flatten(1))))

        model = LazyMLP(num_classes=10)
        model(torch.randn(1, 1, 28, 28))
        for name, param in model.named_parameters():
            if "weight" in name:
                nn.init.kaiming_uniform_(param, nonlinearity="relu")
        logits = model(torch.randn(8, 1, 28, 28))
    """),
    (33, "INI307", "loop", """
        import torch
        import torch.nn as nn

        class LazyCNN(nn.Module):
            def __init__(self, classes):
                super().__init__()
                self.conv = nn.LazyConv2d(32, 3, padding=1)
                self.fc = nn.LazyLinear(classes)
                for m in self.modules():
                    if isinstance(m, (nn.Conv2d, nn.Linear)):
                        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")

            def forward(self, x):
                return self.fc(self.conv(x).relu().flatten(1))
    """, """
        import torch
        import torch.nn as nn

        class LazyCNN(nn.Module):
            def __init__(self, classes, example_input):
                super().__init__()
                self.conv = nn.LazyConv2d(32, 3, padding=1)
                self.fc = nn.LazyLinear(classes)
                self(example_input)
                for m in self.modules():
                    if isinstance(m, (nn.Conv2d, nn.Linear)):
                        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")

            def forward(self, x):
                return self.fc(self.conv(x).relu().flatten(1))
    """),
    # ---- #34 copy-paste slip: same tensor initialized twice ---------------------------------------------------
    (34, "INI207", "apply", """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.weight, 0)

        net = nn.Sequential(nn.Conv2d(3, 64, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU())
        net.apply(init_weights)
    """, """
        import torch.nn as nn

        def init_weights(m):
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

        net = nn.Sequential(nn.Conv2d(3, 64, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU())
        net.apply(init_weights)
    """),
    (34, "INI207", "loop", """
        import torch.nn as nn

        class ASPPHead(nn.Module):
            def __init__(self, cin, classes):
                super().__init__()
                self.conv = nn.Conv2d(cin, 256, 3, padding=6, dilation=6, bias=False)
                self.bn = nn.BatchNorm2d(256)
                self.cls = nn.Conv2d(256, classes, 1)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.normal_(m.weight, std=0.01)
                        nn.init.normal_(m.weight, std=0.01)
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.cls(self.bn(self.conv(x)).relu())
    """, """
        import torch.nn as nn

        class ASPPHead(nn.Module):
            def __init__(self, cin, classes):
                super().__init__()
                self.conv = nn.Conv2d(cin, 256, 3, padding=6, dilation=6, bias=False)
                self.bn = nn.BatchNorm2d(256)
                self.cls = nn.Conv2d(256, classes, 1)
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.normal_(m.weight, std=0.01)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)
                    elif isinstance(m, nn.BatchNorm2d):
                        nn.init.ones_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.cls(self.bn(self.conv(x)).relu())
    """),
    # ---- #35 requires_grad=False does not protect a frozen pretrained part -------------------------------------
    (35, "INI305", "loop", """
        import torch.nn as nn
        import torchvision

        class AdaptiveLUT(nn.Module):
            def __init__(self, n_ranks=3):
                super().__init__()
                self.backbone = torchvision.models.resnet18(weights="IMAGENET1K_V1")
                self.backbone.fc = nn.Linear(512, n_ranks)
                for p in self.backbone.parameters():
                    p.requires_grad = False
                for m in self.modules():
                    if isinstance(m, nn.Conv2d):
                        nn.init.xavier_normal_(m.weight)
                        if m.bias is not None:
                            nn.init.zeros_(m.bias)

            def forward(self, x):
                return self.backbone(x)
    """, """
        import torch.nn as nn
        import torchvision

        class AdaptiveLUT(nn.Module):
            def __init__(self, n_ranks=3):
                super().__init__()
                self.backbone = torchvision.models.resnet18(weights="IMAGENET1K_V1")
                self.backbone.fc = nn.Linear(512, n_ranks)
                for p in self.backbone.parameters():
                    p.requires_grad = False
                nn.init.xavier_normal_(self.backbone.fc.weight)
                nn.init.zeros_(self.backbone.fc.bias)

            def forward(self, x):
                return self.backbone(x)
    """),
    (35, "INI305", "apply", """
        import torch.nn as nn
        import timm

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class FrozenViTProbe(nn.Module):
            def __init__(self, classes):
                super().__init__()
                self.encoder = timm.create_model("vit_small_patch16_224", pretrained=True, num_classes=0)
                self.encoder.requires_grad_(False)
                self.head = nn.Linear(384, classes)
                self.apply(init_weights)

            def forward(self, x):
                return self.head(self.encoder(x))
    """, """
        import torch.nn as nn
        import timm

        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

        class FrozenViTProbe(nn.Module):
            def __init__(self, classes):
                super().__init__()
                self.encoder = timm.create_model("vit_small_patch16_224", pretrained=True, num_classes=0)
                self.encoder.requires_grad_(False)
                self.head = nn.Linear(384, classes)
                self.head.apply(init_weights)

            def forward(self, x):
                return self.head(self.encoder(x))
    """),
    # ---- #36 `apply` given a callable that cannot take a module (issue 9) -------------------------------------
    (36, "INI309", "method", """
        import torch.nn as nn
        from transformers import BertModel, BertPreTrainedModel

        class BertForMultiLable(BertPreTrainedModel):
            def __init__(self, config):
                super().__init__(config)
                self.bert = BertModel(config)
                self.dropout = nn.Dropout(config.hidden_dropout_prob)
                self.classifier = nn.Linear(config.hidden_size, config.num_labels)
                self.apply(self.init_weights)
    """, """
        import torch.nn as nn
        from transformers import BertModel, BertPreTrainedModel

        class BertForMultiLable(BertPreTrainedModel):
            def __init__(self, config):
                super().__init__(config)
                self.bert = BertModel(config)
                self.dropout = nn.Dropout(config.hidden_dropout_prob)
                self.classifier = nn.Linear(config.hidden_size, config.num_labels)
                self.init_weights()
    """),
    (36, "INI309", "script", """
        import torch.nn as nn

        def init_weights(m, std):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=std)

        model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))
        model.apply(init_weights)
    """, """
        import functools
        import torch.nn as nn

        def init_weights(m, std):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=std)

        model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))
        model.apply(functools.partial(init_weights, std=0.02))
    """),
    # ---- #37 mmcv/mmengine module helpers given a tensor (issue 9) --------------------------------------------
    (37, "INI109", "method", """
        import torch.nn as nn
        from mmcv.cnn import constant_init, kaiming_init

        class Neck(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.lateral = nn.Conv2d(channels, 256, 1)
                self.bn = nn.BatchNorm2d(256)

            def init_weights(self):
                kaiming_init(self.lateral.weight)
                constant_init(self.bn.weight, 1)
    """, """
        import torch.nn as nn
        from mmcv.cnn import constant_init, kaiming_init

        class Neck(nn.Module):
            def __init__(self, channels):
                super().__init__()
                self.lateral = nn.Conv2d(channels, 256, 1)
                self.bn = nn.BatchNorm2d(256)

            def init_weights(self):
                kaiming_init(self.lateral)
                constant_init(self.bn, 1)
    """),
    # ---- #38 RNN init hard-coded to layer 0 (issue 9) ---------------------------------------------------------
    (38, "INI110", "method", """
        import torch.nn as nn

        class Regressor(nn.Module):
            def __init__(self, n_in, hidden, forget_bias=3.0):
                super().__init__()
                self.lstm = nn.LSTM(n_in, hidden, num_layers=2, batch_first=True)
                self.head = nn.Linear(hidden, 1)
                self.forget_bias = forget_bias
                self._reset_parameters()

            def _reset_parameters(self):
                hidden = self.lstm.hidden_size
                self.lstm.bias_hh_l0.data[hidden:2 * hidden] = self.forget_bias
                nn.init.zeros_(self.lstm.bias_ih_l0)
    """, """
        import torch.nn as nn

        class Regressor(nn.Module):
            def __init__(self, n_in, hidden, forget_bias=3.0):
                super().__init__()
                self.lstm = nn.LSTM(n_in, hidden, num_layers=2, batch_first=True)
                self.head = nn.Linear(hidden, 1)
                self.forget_bias = forget_bias
                self._reset_parameters()

            def _reset_parameters(self):
                hidden = self.lstm.hidden_size
                for name, param in self.lstm.named_parameters():
                    if "bias_ih" in name:
                        nn.init.zeros_(param)
    """),
    # ---- #39 tied weights re-initialized through the other name (issue 9) -------------------------------------
    (39, "INI310", "method", """
        import torch.nn as nn

        class TransformerLM(nn.Module):
            def __init__(self, vocab, d_model, tie=True):
                super().__init__()
                self.encoder = nn.Embedding(vocab, d_model)
                self.body = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model, 4), 2)
                self.decoder = nn.Linear(d_model, vocab)
                if tie:
                    self.decoder.weight = self.encoder.weight
                self.init_weights()

            def init_weights(self):
                nn.init.normal_(self.encoder.weight, std=1.0)
                nn.init.normal_(self.decoder.weight, std=0.02)
                nn.init.zeros_(self.decoder.bias)
    """, """
        import torch.nn as nn

        class TransformerLM(nn.Module):
            def __init__(self, vocab, d_model, tie=True):
                super().__init__()
                self.encoder = nn.Embedding(vocab, d_model)
                self.body = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model, 4), 2)
                self.decoder = nn.Linear(d_model, vocab)
                if tie:
                    self.decoder.weight = self.encoder.weight
                self.init_weights()

            def init_weights(self):
                nn.init.normal_(self.encoder.weight, std=1.0)
                nn.init.zeros_(self.decoder.bias)
    """),
]

# Cases the rules do not handle today: (pitfall, code, style) -> the precise gap. Strict xfail, so closing a gap
# without updating this table fails the run.
GAPS: dict = {}


def _case_ids():
    """``p01-INI201-apply``; a second case of the same pitfall, rule and style gets ``-2``."""
    seen = {}
    for pitfall, code, style, _, _ in CASES:
        base = f"p{pitfall:02d}-{code}-{style}"
        seen[base] = seen.get(base, 0) + 1
        yield base if seen[base] == 1 else f"{base}-{seen[base]}"


def _params():
    for case_id, (pitfall, code, style, buggy, fixed) in zip(_case_ids(), CASES):
        gap = GAPS.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        yield pytest.param(pitfall, code, style, buggy, fixed, id=case_id, marks=marks)


def test_case_ids_are_unique():
    ids = list(_case_ids())
    assert len(ids) == len(set(ids))
    assert set(GAPS) <= set(ids)


@pytest.mark.parametrize("pitfall, code, style, buggy, fixed", list(_params()))
def test_recall(pitfall, code, style, buggy, fixed):
    got_buggy = findings(buggy)
    assert code in [f.code for f in got_buggy], f"p{pitfall:02d} {style}: {code} not reported; got {got_buggy}"
    got_fixed = [f for f in findings(fixed) if f.code == code]
    assert got_fixed == [], f"p{pitfall:02d} {style}: {code} reported on the corrected twin: {got_fixed}"
