"""The seed tutorial's first variant, as written there: an init function applied to the model.

Only the imports and the sizes are added so that the file runs. initlint finds:
INI001 (``forward`` calls ``self.layer1..3``; ``__init__`` defines only ``self.layer``) and, with
``--extend-select INI209``, the unguarded ``m.bias`` in ``weight_init``.
"""
import torch.nn as nn

in_dim, n_hidden_1, n_hidden_2, out_dim = 8, 16, 16, 4


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
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        return x
 
 # 1. 根据网络层的不同定义不同的初始化方式     
def weight_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.constant_(m.bias, 0)
    # 也可以判断是否为 conv2d,使用相应的初始化方式 
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
     # 是否为批归一化层
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.bias, 0)

# 2. 初始化网络结构        
model = Net(in_dim, n_hidden_1, n_hidden_2, out_dim)

# 3. 将 weight_init 应用在子模块上
model.apply(weight_init)
# torch 中的 apply 函数通过可以不断遍历 model 的各个模块。实际上其使用的是深度优先算法
