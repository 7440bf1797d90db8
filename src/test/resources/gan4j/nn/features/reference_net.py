"""Reference for FrozenGraphFeaturesTest: a small seeded PyTorch network and its features.

Writes little-endian float32 files into the directory given: the weights in TensorFlow's layouts
(conv filters [kh, kw, in, out], dense [in, out] with rows in NHWC flatten order), so the test can
write them as a frozen GraphDef, and PyTorch's own features for two fixed batches: 5 colour
images 3x28x28 taken as they are, and 4 grey 1x24x24 images repeated to 3 channels and resized
bilinearly (align_corners=False) to 28x28 first, as gan4j does.
"""
import sys

import torch
import torch.nn.functional as F

out = sys.argv[1]
torch.manual_seed(20261202)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 16, 3, padding=1)
        self.dense = torch.nn.Linear(16 * 7 * 7, 32)

    def forward(self, x):
        x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(torch.relu(self.conv2(x)), 2)
        return self.dense(torch.flatten(x, 1))


def write(name, tensor):
    tensor.detach().contiguous().numpy().astype("<f4").tofile(f"{out}/{name}.bin")


net = Net().eval()
write("conv1", net.conv1.weight.permute(2, 3, 1, 0))
write("bias1", net.conv1.bias)
write("conv2", net.conv2.weight.permute(2, 3, 1, 0))
write("bias2", net.conv2.bias)
write("dense", net.dense.weight.reshape(32, 16, 7, 7).permute(0, 2, 3, 1).reshape(32, -1).t())
write("bias3", net.dense.bias)
colour = torch.rand(5, 3, 28, 28) * 2 - 1
grey = torch.rand(4, 1, 24, 24) * 2 - 1
with torch.no_grad():
    write("colour", colour)
    write("colour_features", net(colour))
    write("grey", grey)
    resized = F.interpolate(grey.repeat(1, 3, 1, 1), size=(28, 28), mode="bilinear", align_corners=False)
    write("grey_features", net(resized))
