"""Batch throughput at 1 and 2 workers and peak memory per process, on a generated corpus.

    python benchmarks/batch_scaling.py --mb 50 --workers 1 2 --big-doc-mb 10

The corpus is made by recombining the sentences of the bundled articles
(``corpora/samples``) into new articles with a seeded random generator, and
written as one JSON Lines file into a fresh temporary folder (under
``--tmp`` when given), removed at the end.  Each run is ``finextract extract
CORPUS -o OUT --workers N`` in a subprocess; peak resident memory of the
main process and of every worker is read from ``/proc/PID/status``
(``VmHWM``, Linux only) while it runs.  Outputs of all runs must be
byte-identical.  ``--big-doc-mb`` also times one single document of that
size (processed in chunks) and reports its peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def sentences() -> list[str]:
    """Every sentence of the bundled articles."""
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        found.extend(s.strip() for s in _SENTENCE.findall(path.read_text("utf-8")) if len(s.strip()) > 4)
    return found


def write_corpus(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """A JSON Lines corpus of about ``megabytes`` MB; return (documents, characters)."""
    rng = random.Random(seed)
    pool = sentences()
    target = int(megabytes * 1_000_000)
    docs = chars = written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            paragraphs = ["".join(rng.choices(pool, k=rng.randint(2, 6))) for _ in range(rng.randint(3, 10))]
            text = "\n".join(paragraphs)
            line = json.dumps({"id": f"gen-{docs:07d}", "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
            chars += len(text)
    return docs, chars


def write_big_document(path: Path, megabytes: float, seed: int = 11) -> int:
    """One plain-text document of about ``megabytes`` MB; return its characters."""
    rng = random.Random(seed)
    pool = sentences()
    target = int(megabytes * 1_000_000)
    chars = written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            line = "".join(rng.choices(pool, k=rng.randint(2, 6))) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            chars += len(line)
    return chars


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _hwm_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _is_worker(pid: int) -> bool:
    try:
        return b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes() and b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def run(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    """One ``finextract extract`` run: seconds and peak memory (MiB) of the main process and each worker."""
    command = [sys.executable, "-m", "finextract", "extract", str(corpus), "-o", str(out), "--workers", str(workers), "--no-progress"]
    peaks: dict[int, int] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid in [proc.pid, *_descendants(proc.pid)]:
                if pid == proc.pid or _is_worker(pid):
                    peaks[pid] = max(peaks.get(pid, 0), _hwm_kib(pid))
            stop.wait(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    thread.join()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"run failed ({proc.returncode}): {err}")
    worker_peaks = [kib for pid, kib in peaks.items() if pid != proc.pid]
    return {
        "seconds": seconds,
        "main_mib": peaks.get(proc.pid, 0) / 1024,
        "worker_mib_max": max(worker_peaks, default=0) / 1024,
        "workers_seen": len(worker_peaks),
        "summary": err.strip().splitlines()[-1] if err.strip() else "",
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    """Generate, run, print a Markdown table, clean up."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default: 50)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default: 1 2)")
    parser.add_argument("--big-doc-mb", type=float, default=0.0, help="also run one single document of this size (default: skip)")
    parser.add_argument("--tmp", help="parent folder for the temporary corpus (default: the system temp folder)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="finextract-bench-", dir=args.tmp))
    try:
        corpus = work / "corpus.jsonl"
        docs, chars = write_corpus(corpus, args.mb)
        size = corpus.stat().st_size
        print(f"corpus: {docs:,} documents, {chars:,} characters, {size / 1e6:.1f} MB", flush=True)
        print("\n| workers | seconds | docs/s | chars/s | speed-up | peak RSS main (MiB) | peak RSS per worker (MiB) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        base = None
        digests = set()
        for n in args.workers:
            out = work / f"out-{n}.jsonl"
            result = run(corpus, out, n)
            digests.add(_sha256(out))
            out.unlink()
            base = base or result["seconds"]
            worker = f"{result['worker_mib_max']:.0f}" if n > 1 else "(in main)"
            print(
                f"| {n} | {result['seconds']:.1f} | {docs / result['seconds']:,.0f} | {chars / result['seconds']:,.0f} | "
                f"{base / result['seconds']:.2f}x | {result['main_mib']:.0f} | {worker} |",
                flush=True,
            )
        print(f"\noutputs identical across worker counts: {len(digests) == 1}")
        if args.big_doc_mb:
            big = work / "big.txt"
            big_chars = write_big_document(big, args.big_doc_mb)
            result = run(big, work / "big-out.jsonl", 1)
            print(
                f"single document: {big.stat().st_size / 1e6:.1f} MB, {big_chars:,} characters, {result['seconds']:.1f} s, "
                f"{big_chars / result['seconds']:,.0f} chars/s, peak RSS {result['main_mib']:.0f} MiB; {result['summary']}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
