"""The seed tutorial's two Net variants, as written there (examples/seed/)."""

import os

from initlint.engine import check_paths
from initlint.rules import select_rules

from _helpers import ROOT

SEED = os.path.join(ROOT, "examples", "seed")


def run(name, **kw):
    return check_paths([os.path.join(SEED, name)], select_rules(**kw), jobs=1).findings


def layer_reads(findings):
    return sorted(f.message.split("`")[1] for f in findings if f.code == "INI001")


def test_apply_style_undefined_layers():
    findings = run("apply_style.py")
    assert layer_reads(findings) == ["self.layer1", "self.layer2", "self.layer3"]
    assert [f.line for f in findings if f.code == "INI001"] == [24, 25, 26]
    # the seed's Linear layers all have a bias, so the default INI201 stays silent
    assert {f.code for f in findings} == {"INI001"}


def test_loop_style_undefined_layers_and_dead_loop():
    findings = run("loop_style.py")
    assert layer_reads(findings) == ["self.layer1", "self.layer2", "self.layer3"]
    dead = [f for f in findings if f.code == "INI202"]
    assert len(dead) == 1 and dead[0].line == 22
    assert "builds only Linear" in dead[0].message and "initializes nothing" in dead[0].message


def test_apply_style_latent_bias_with_extend_select():
    findings = run("apply_style.py", extend_select=["INI209"])
    latent = [f for f in findings if f.code == "INI209"]
    # the Linear branch's unguarded `nn.init.constant_(m.bias, 0)` is on line 33
    assert 33 in [f.line for f in latent]
    assert all("m.bias" in f.message or "m.weight" in f.message for f in latent)


def test_opt_in_rules_are_off_unless_selected():
    assert "INI209" not in {f.code for f in run("apply_style.py")}
    assert "INI209" not in {f.code for f in run("apply_style.py", select=["INI2"])}
    assert "INI209" in {f.code for f in run("apply_style.py", select=["ALL"])}
