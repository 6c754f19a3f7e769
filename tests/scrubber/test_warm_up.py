"""A new ``Scrubber`` has loaded every list its recognizers load lazily (issue 19, ``Scrubber.warm_up``).

A lazily loaded list (a ``functools.lru_cache`` function without arguments) that the warm-up text does not
reach is loaded by the first message that needs it, by every worker thread that meets such a message
before the first load finished: this test names it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from typing import Any

import scrubber.recognizers
from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber


def _lazy_loaders() -> dict[str, Any]:
    for info in pkgutil.walk_packages(scrubber.recognizers.__path__, "scrubber.recognizers."):
        importlib.import_module(info.name)
    found: dict[str, Any] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("scrubber."):
            continue
        for attr, obj in vars(module).items():
            wrapped = getattr(obj, "__wrapped__", None)
            if (hasattr(obj, "cache_info") and wrapped is not None and getattr(obj, "__module__", None) == name
                    and not inspect.signature(wrapped).parameters):
                found[f"{name}.{attr}"] = obj
    return found


# the learned credential scorer's lists: loaded only by a scrubber that has it on (off by default, scrubber/config.py)
_CREDENTIAL_MODEL = ("scrubber.credential_model.", "scrubber.credential_features.")


def test_a_new_scrubber_has_loaded_every_lazily_loaded_list() -> None:
    loaders = _lazy_loaders()
    # the loaders the warm-up text was written for (issue 19): the test sees them
    assert {"scrubber.recognizers.secret_phrases._common_words", "scrubber.recognizers.prose_words._ordinary_words",
            "scrubber.recognizers.address_blocks._countries"} <= set(loaders)
    for loader in loaders.values():
        loader.cache_clear()
    Scrubber()
    assert [name for name, loader in loaders.items()
            if loader.cache_info().currsize == 0 and not name.startswith(_CREDENTIAL_MODEL)] == []


def test_a_scrubber_with_the_credential_model_on_has_loaded_its_lists_too() -> None:
    importlib.import_module("scrubber.credential_model")
    loaders = _lazy_loaders()
    assert any(name.startswith(_CREDENTIAL_MODEL) for name in loaders)
    for loader in loaders.values():
        loader.cache_clear()
    Scrubber(ScrubberConfig.model_validate({"placeholder_key": "test-key-not-secret", "credential_model": True}))
    assert [name for name, loader in loaders.items() if loader.cache_info().currsize == 0] == []


def test_warming_up_changes_no_result(real_scrubber: Scrubber) -> None:
    text = "Mijn wachtwoord is Zomer2024! en mijn BSN 111222333; bel Jan de Vries op 06-12345678."
    before = real_scrubber.analyze(text)
    real_scrubber.warm_up()
    assert real_scrubber.analyze(text) == before
