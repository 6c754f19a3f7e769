"""The cyclic garbage collector paused while the scrubber loads (issue 16: start-up under 2 s).

Loading the scrubber creates a few hundred thousand objects that live as long as the process: the modules of
Presidio and spaCy (and thinc, numpy, pydantic under them), our compiled patterns, the lexicon. While they
are made, the collector runs every 700 net allocations and, as the heap grows, every so often a full
collection that traverses all of them again and frees next to nothing: 0.12-0.17 s of the 1.1-1.3 s of CPU a
fresh process took to import, build a ``Scrubber`` and scrub once, and 0.57 s of the 3.4 s ``serve`` took to
answer SMTP (measured with ``gc.callbacks``, 2026-12-06). Reference counting still frees every object that is
not part of a cycle, so the memory meanwhile stays the same but for the few cycles made (VmHWM +1 MB); they
are collected once the collector is back.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; nothing changes if it was off already.

    The collector is process-wide: a pause that starts while another thread holds one ends that one's too,
    which costs only the time saved, never a result.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def freeze_for_fork() -> None:
    """Everything alive now out of the cyclic collector's reach, before forking worker processes (issue 19).

    A forked child shares its parent's pages until either writes to them. A collection writes to the header
    of every object it traverses (``gc_refs``), so one full collection in either process would copy nearly
    every page of the scrubber's hundred thousand objects; frozen objects are never traversed (the
    ``gc.freeze`` documentation's advice for fork without exec). No collection first: it took 0.33 s and
    found nothing to free after the scrubber loaded (2026-12-07), so the few cycles frozen with the rest
    cost less than that. The parent stays frozen too: the frozen objects (modules, the loaded scrubber) live
    as long as the process anyway. Reference counts still change the pages the code touches; only the
    collector's sweep over all of them is avoided.
    """
    gc.freeze()
