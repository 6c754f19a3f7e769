"""Prepare processes (intake.prepare_pool): worker start-up, memory, and the per-message hand-off.

Each arm runs in a fresh process that first loads the scrubber, as ``serve``'s ``build_core`` does, then:

- start-up: seconds from making the pool until every worker has answered its first message;
- memory: RSS and PSS (``/proc/PID/smaps_rollup``) of the parent and each worker after the messages,
  PSS counting a page shared by k processes as 1/k (what the pool really costs the machine);
- hand-off: one caller sends the bench's messages one at a time (a lone SMTP client); ``p50 pool ms``
  is a message's round trip through a worker, ``p50 inline ms`` the same ``prepare`` and recognition
  in the calling thread; the difference is what crossing the process boundary costs a lone message;
- what crosses: pickled bytes per message each way, and the parent's own microseconds to encode the
  request and decode the result.

    python bench/prepare_pool.py [--processes 1] [--messages 200] [--baseline DIR] [--repeat 3]

``--baseline DIR`` (a checkout, ``git archive <commit> | tar -x -C DIR``, lexicon built or copied there)
runs the same arm with that checkout's pool in the same run, alternating, labelled ``before``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _memory(pid: int) -> dict[str, int]:
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                out[key] = int(rest.split()[0]) // 1024  # MiB
    return out


def _messages(n: int) -> list[object]:
    from email.message import EmailMessage

    from intake.mail.parse import parse_email, to_inbound

    saved = list(sys.path)
    sys.path.insert(0, str(ROOT / "bench"))
    from smtp_intake import BODIES  # the SMTP bench's messages

    sys.path[:] = saved  # smtp_intake puts this checkout first; a spawned worker must import the measured one

    out = []
    for i in range(n):
        m = EmailMessage()
        m["From"], m["To"] = f"klant{i % 50}@example.nl", "support@bench.test"
        m["Subject"], m["Message-ID"] = f"Vraag {i}", f"<pool-{i}@bench.test>"
        m.set_content(BODIES[i % len(BODIES)].format(n=i))
        raw = m.as_bytes()
        out.append(to_inbound(parse_email(raw), raw))
    return out


def _crossing(pool_module: object, msgs: list[object], scrubber: object) -> dict[str, float]:
    """Bytes each way and the parent's encode + decode time, for this checkout's hand-off."""
    from intake.pipeline import IntakeLimits, prepare
    from privacy.recognition import recognize

    sizes_out, sizes_back, parent_us = [], [], []
    for msg in msgs[:30]:
        prepared = prepare(msg, scrubber, IntakeLimits())  # type: ignore[arg-type]
        recognition = recognize(prepared.text)
        encode = getattr(pool_module, "encode_request", None)
        t = time.perf_counter()
        if encode is not None:
            request = encode(msg)
            result = pool_module.encode_result(prepared, recognition, msg)  # type: ignore[attr-defined]
            t = time.perf_counter() - t
            t1 = time.perf_counter()
            pool_module.decode_result(result, msg)  # type: ignore[attr-defined]
            elapsed = time.perf_counter() - t1
            t2 = time.perf_counter()
            encode(msg)
            elapsed += time.perf_counter() - t2
        else:  # ProcessPoolExecutor: the message and the (Prepared, Recognition) pickled whole
            request = pickle.dumps(msg, pickle.HIGHEST_PROTOCOL)
            result = pickle.dumps((prepared, recognition), pickle.HIGHEST_PROTOCOL)
            t1 = time.perf_counter()
            pickle.loads(result)
            pickle.dumps(msg, pickle.HIGHEST_PROTOCOL)
            elapsed = time.perf_counter() - t1
        sizes_out.append(len(request))
        sizes_back.append(len(result))
        parent_us.append(elapsed * 1e6)
    return {"bytes out": statistics.median(sizes_out), "bytes back": statistics.median(sizes_back),
            "parent us": statistics.median(parent_us)}


def arm(processes: int, messages: int) -> dict[str, object]:
    """One arm, in this process: the checkout on ``sys.path`` is the one measured."""
    from intake import prepare_pool
    from intake.pipeline import IntakeLimits, prepare
    from privacy.recognition import recognize
    from scrubber.config import ScrubberConfig
    from scrubber.engine import Scrubber

    scrubber = Scrubber(ScrubberConfig())
    msgs = _messages(messages)
    for msg in msgs[:5]:  # warm, as serve is after its first message
        recognize(prepare(msg, scrubber, IntakeLimits()).text)  # type: ignore[arg-type]
    takes_scrubber = "scrubber" in inspect.signature(prepare_pool.ProcessPreparePool).parameters
    t0 = time.perf_counter()
    pool = prepare_pool.ProcessPreparePool(scrubber if takes_scrubber else scrubber.config,  # type: ignore[arg-type]
                                           IntakeLimits(), processes=processes)
    if processes == 1:
        pool.prepare(msgs[0])  # type: ignore[arg-type]
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(processes) as ex:
            list(ex.map(pool.prepare, msgs[:processes]))
    startup = time.perf_counter() - t0
    if hasattr(pool, "_busy"):
        pool._busy += 1  # as if another message were in flight: a lone one is prepared inline, not measured here
    through, inline = [], []
    for msg in msgs:
        t = time.perf_counter()
        pool.prepare(msg)  # type: ignore[arg-type]
        through.append(time.perf_counter() - t)
        t = time.perf_counter()
        recognize(prepare(msg, scrubber, IntakeLimits()).text)  # type: ignore[arg-type]
        inline.append(time.perf_counter() - t)
    pids = pool.pids() if hasattr(pool, "pids") else list(pool._pool._processes)  # type: ignore[attr-defined]
    workers = [_memory(pid) for pid in pids]
    parent = _memory(os.getpid())
    crossing = _crossing(prepare_pool, msgs, scrubber)
    if hasattr(pool, "_busy"):
        pool._busy -= 1
    pool.close()
    return {"startup s": startup, "p50 pool ms": statistics.median(through) * 1000,
            "p50 inline ms": statistics.median(inline) * 1000, "parent MiB": parent,
            "worker MiB": workers, **crossing}


def _run(root: Path, processes: int, messages: int) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "prepare_pool.py"), "--arm", "--processes",
                          str(processes), "--messages", str(messages)], env=env, cwd=root, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--arm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.arm:
        print(json.dumps(arm(args.processes, args.messages)))
        return
    rows: list[tuple[str, dict[str, object]]] = []
    for _ in range(max(1, args.repeat)):
        if args.baseline is not None:
            rows.append(("before", _run(args.baseline, args.processes, args.messages)))
        rows.append(("now", _run(ROOT, args.processes, args.messages)))
    print(f"{args.processes} process(es), {args.messages} messages one at a time; machine: {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    for label, r in rows:
        workers = r["worker MiB"]
        assert isinstance(workers, list)
        print(f"{label:<7} start-up {r['startup s']:.3f} s | p50 round trip {r['p50 pool ms']:.2f} ms vs inline "
              f"{r['p50 inline ms']:.2f} ms | parent {r['parent MiB']} | workers {workers} | bytes out "
              f"{r['bytes out']:.0f} back {r['bytes back']:.0f} | parent encode+decode {r['parent us']:.0f} us")


if __name__ == "__main__":
    main()
