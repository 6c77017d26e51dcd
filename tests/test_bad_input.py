"""Bad input yields a diagnostic or a skip with a reason: never a traceback, and the rest is checked."""

import os
import subprocess
import sys

import pytest

from initlint.cli import main

BUGGY = "import torch.nn as nn\nclass N(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n"


def check(tmp_path, capsys, *extra):
    (tmp_path / "buggy.py").write_text(BUGGY)
    code = main(["check", str(tmp_path), "--output-format", "concise", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "buggy.py:4:16: INI001" in out  # the good file is still checked
    return code, out, err


def test_syntax_error(tmp_path, capsys):
    (tmp_path / "bad.py").write_text("def f(:\n    pass\n")
    code, out, _ = check(tmp_path, capsys)
    assert code == 1 and "bad.py:1:7: INI900 syntax error: invalid syntax" in out  # CPython's position and words


def test_non_utf8_without_cookie(tmp_path, capsys):
    (tmp_path / "latin.py").write_bytes("x = 'caf\xe9'\n".encode("latin-1"))
    code, out, _ = check(tmp_path, capsys)
    assert "latin.py:1:1: INI900 cannot decode as utf-8" in out and "coding cookie" in out


def test_latin1_with_cookie_is_checked(tmp_path, capsys):
    src = "# -*- coding: latin-1 -*-\n# caf\xe9\nimport torch.nn as nn\nclass M(nn.Module):\n    def f(self):\n        return self.gone\n"
    (tmp_path / "cookie.py").write_bytes(src.encode("latin-1"))
    _, out, _ = check(tmp_path, capsys)
    assert "cookie.py:6:16: INI001" in out


def test_bom_and_crlf(tmp_path, capsys):
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + BUGGY.replace("self.fc", "self.g").encode())
    (tmp_path / "crlf.py").write_bytes(BUGGY.replace("self.fc", "self.h").replace("\n", "\r\n").encode())
    _, out, _ = check(tmp_path, capsys)
    assert "bom.py:4:16: INI001 `self.g`" in out
    assert "crlf.py:4:16: INI001 `self.h`" in out


def test_nul_byte(tmp_path, capsys):
    (tmp_path / "nul.py").write_bytes(b"x = 1\ny = '\x00'\n")
    _, out, _ = check(tmp_path, capsys)
    assert "nul.py:2:1: INI900 source contains a NUL byte" in out


def test_empty_file(tmp_path, capsys):
    (tmp_path / "empty.py").write_text("")
    _, out, _ = check(tmp_path, capsys)
    assert "empty.py" not in out


def test_large_generated_file(tmp_path, capsys):
    # generated files are mostly data: long literals, few tokens per byte
    rows = [f'ROW_{i} = "{"%064x" % (i * 2654435761)}"' for i in range(66_000)]
    rows.append("w = nn.init.xavier_uniform(torch.empty(3, 3))")
    (tmp_path / "big.py").write_text("import torch\nimport torch.nn as nn\n" + "\n".join(rows) + "\n")
    assert (tmp_path / "big.py").stat().st_size > 5_000_000
    _, out, _ = check(tmp_path, capsys)
    assert "big.py:66003:5: INI101" in out


def test_deeply_nested_expression(tmp_path, capsys):
    (tmp_path / "deep.py").write_text("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    (tmp_path / "neg.py").write_text("x = " + "-" * 5000 + "1\n")
    _, out, _ = check(tmp_path, capsys)
    assert "deep.py:1:" in out and "INI900" in out
    # 5000 unary minuses: CPython itself refuses them ("maximum recursion depth exceeded during compilation"),
    # and libcst would take seconds; reported as nested too deeply, like CPython does
    assert "neg.py:1:1: INI900 code nested too deeply" in out


def test_brackets_in_strings_are_not_nesting(tmp_path, capsys):
    (tmp_path / "pattern.py").write_text("PATTERN = '" + "(" * 400 + "'\n# " + "[" * 400 + "\n")
    _, out, _ = check(tmp_path, capsys)
    assert "pattern.py" not in out


def test_directory_named_like_a_file(tmp_path, capsys):
    (tmp_path / "x.py").mkdir()
    (tmp_path / "x.py" / "inner.py").write_text(BUGGY.replace("self.fc", "self.inner"))
    _, out, _ = check(tmp_path, capsys)
    assert "inner.py:4:16: INI001" in out


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked.py"
    locked.write_text("x = 1\n")
    import builtins

    real_open = builtins.open

    def fake_open(path, *args, **kwargs):  # root can read a chmod 000 file, so deny it here
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    _, _, err = check(tmp_path, capsys)
    assert f"skipped {locked}: permission denied" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path, capsys):
    locked = tmp_path / "locked.py"
    locked.write_text("x = 1\n")
    locked.chmod(0)
    _, _, err = check(tmp_path, capsys)
    assert "permission denied" in err


def test_symlink_loop(tmp_path, capsys):
    os.symlink(tmp_path / "loop_a.py", tmp_path / "loop_b.py")
    os.symlink(tmp_path / "loop_b.py", tmp_path / "loop_a.py")
    os.symlink(tmp_path, tmp_path / "self_dir")  # a directory loop is not followed
    _, _, err = check(tmp_path, capsys)
    assert "loop_a.py: broken symbolic link or symlink loop" in err


def test_missing_path_is_a_clear_message(tmp_path, capsys):
    (tmp_path / "buggy.py").write_text(BUGGY)
    code = main(["check", str(tmp_path / "nope"), str(tmp_path)])
    _, err = capsys.readouterr()
    assert "nope: no such file or directory" in err and code == 2  # a typo must not pass CI


def test_cli_subprocess_never_prints_a_traceback(tmp_path):
    (tmp_path / "bad.py").write_bytes(b"\xff\xfe garbage (((")
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", str(tmp_path)], capture_output=True,
                          text=True)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout
    assert "INI900" in proc.stdout


def test_parse_skips_node_validation_only_while_parsing():
    import libcst as cst

    from initlint.source import Source, parse

    module = parse(Source("m.py", "x = (1,  2)\n", "utf-8", "\n"))
    assert module.code == "x = (1,  2)\n"
    with pytest.raises(cst.CSTValidationError):  # hand-built nodes (the fixer's) are still validated
        cst.Name("not an identifier")
