import pytest

torch = pytest.importorskip("torch")

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _seeded():
    torch.manual_seed(0)
    yield
