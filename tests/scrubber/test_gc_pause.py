"""The cyclic collector waits while the scrubber loads, and is back afterwards (issue 16, ``scrubber.gc_pause``)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrubber.gc_pause import gc_paused


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error() -> None:
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


# A fresh process: the generation of every collection while the engine imports and a Scrubber is built, and
# whether the collector is on after each.
_CHILD = """
import gc, json
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
import scrubber.engine
after_import = (gc.isenabled(), list(collections))
del collections[:]
scrubber.engine.Scrubber().scrub("Bel 06-12345678")
print(json.dumps({"import": after_import, "build": (gc.isenabled(), collections)}))
"""


def test_no_full_collection_while_the_scrubber_loads() -> None:
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, cwd=root)
    phases = json.loads(out.stdout)
    for phase in ("import", "build"):
        enabled, generations = phases[phase]
        assert enabled, phase
        # without the pause, the growing heap makes the collector traverse all of it (generation 2) meanwhile
        assert 2 not in generations, (phase, generations)
