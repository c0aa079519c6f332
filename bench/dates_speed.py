"""Time `python -m timeline dates` over the 256 TempEval-3 training documents as one JSONL file.

The collection is built in a temporary directory from ../shared (never inside the project).
Prints documents per second for the whole process, start-up included, and the in-process rate
of `tag()` alone, plus the import time of timeline.temporal.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tempeval import read_tml, tml_paths  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "tempeval3" / "train"
TARGET_DOCS_PER_SECOND = 200


def write_collection(folder: Path) -> tuple[Path, list]:
    """Return a JSONL collection (id, text, published) of the training documents, and them."""
    docs = [read_tml(p) for p in tml_paths([str(TRAIN)])]
    path = folder / "tempeval3_train.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            record = {"id": d.name, "text": d.text, "published": d.dct.isoformat()}
            out.write(json.dumps(record) + "\n")
    return path, docs


def time_cli(path: Path, runs: int) -> tuple[float, float, int]:
    """Return the best wall and CPU times of the dates command over the collection, and its rows.

    CPU time (user + system of the child) does not grow when other work shares the machine.
    """
    python = ROOT / ".venv" / "bin" / "python"
    best, best_cpu, rows = float("inf"), float("inf"), 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(
            [str(python), "-m", "timeline", "dates", str(path), "--format", "jsonl"],
            cwd=ROOT, capture_output=True, text=True,
        )
        best = min(best, time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
        rows = done.stdout.count("\n")
    return best, best_cpu, rows


def time_import() -> float:
    """Return the wall time of a fresh interpreter importing timeline.temporal."""
    python = ROOT / ".venv" / "bin" / "python"
    code = (
        "import sys, time; t = time.perf_counter(); import timeline.temporal; "
        "heavy = [m for m in ('pandas', 'streamlit', 'plotly', 'dateparser') if m in sys.modules]; "
        "print(time.perf_counter() - t, ','.join(heavy))"
    )
    done = subprocess.run([str(python), "-c", code], cwd=ROOT, capture_output=True, text=True)
    seconds, _, heavy = done.stdout.strip().partition(" ")
    if heavy:
        print(f"importing timeline.temporal also imports: {heavy}")
    return float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from timeline.temporal import tag

    with tempfile.TemporaryDirectory() as tmp:
        path, docs = write_collection(Path(tmp))
        t0 = time.perf_counter()
        for d in docs:
            tag(d.text, d.dct)
        in_process = len(docs) / (time.perf_counter() - t0)
        print(f"tag() in process: {in_process:.0f} docs/s over {len(docs)} documents")
        print(f"import timeline.temporal: {time_import() * 1000:.0f} ms")
        seconds, cpu, rows = time_cli(path, args.runs)
        rate = len(docs) / seconds
        verdict = "ok" if rate >= TARGET_DOCS_PER_SECOND else "BELOW TARGET"
        print(f"python -m timeline dates: {len(docs)} documents, {rows} rows in {seconds:.2f} s "
              f"= {rate:.0f} docs/s, start-up included ({verdict}, target "
              f"{TARGET_DOCS_PER_SECOND}); CPU {cpu:.2f} s = {len(docs) / cpu:.0f} docs/s")
        loadavg = Path("/proc/loadavg")
        load = loadavg.read_text().split()[0] if loadavg.exists() else "?"
        print(f"load average while measuring: {load} (wall time suffers when it exceeds the cores)")


if __name__ == "__main__":
    main()
