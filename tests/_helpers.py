import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def codes_of(findings):
    return [f.code for f in findings]
