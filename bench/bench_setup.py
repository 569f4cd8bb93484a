"""Setup benchmark (docs/import-formats.md#setup-workbook): a whole company set up from one workbook.

    PYTHONPATH=. python bench/bench_setup.py [--repeat 5] [--profile]

The workbook (20 processes, 40 objectives, 200 indicators, 24 months of values: 4,800 measurements), written
with openpyxl to a temporary file once, is imported into an empty SQLite database (migrated, the four
perspectives seeded) on each run: the whole `import_file` — reading, the four sheets' validation,
processes, objectives, indicators and measurements with their audit events, and the commit. The preview is
the same call with dry_run (the page's and `import --dry-run`'s). Each figure is the median of `--repeat`
runs, each on a fresh database, in this process (the imports warmed once first). Target: ≤ 1.5 s.
`--profile` prints the top of a cProfile of one import.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.integration.imports.setup_books import company_workbook

TARGET_SECONDS = 1.5
SIZES = {"processes": 20, "objectives": 40, "indicators": 200, "months": 24}


def fresh_database(folder: Path) -> str:
    from mios_dashboard.db import make_engine
    from mios_dashboard.schema import upgrade_to_head

    url = f"sqlite:///{folder / f'setup-{uuid.uuid4().hex[:8]}.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    return url


def import_once(path: Path, url: str, dry_run: bool) -> float:
    """Seconds for one import_file in its own transaction (the commit included)."""
    from mios_dashboard.db import make_engine, make_session_factory, session_scope
    from mios_dashboard.services.imports.import_file import import_file

    engine = make_engine(url)
    factory = make_session_factory(engine)
    started = time.perf_counter()
    with session_scope(factory, actor="bench") as session:
        result = import_file(session, path, actor="bench", dry_run=dry_run)
    elapsed = time.perf_counter() - started
    engine.dispose()
    if not result.accepted:
        raise SystemExit(f"refused: {result.messages()[:3]}")
    expected = (SIZES["processes"], SIZES["objectives"], SIZES["indicators"], SIZES["indicators"] * SIZES["months"])
    if (result.processes_created, result.objectives_created, result.indicators_created,
            result.measurements_inserted) != expected:
        raise SystemExit(f"unexpected counts: {result.summary('en')}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mios-bench-setup-") as name:
        folder = Path(name)
        started = time.perf_counter()
        path = company_workbook(folder / "empresa.xlsx", **SIZES)
        written = time.perf_counter() - started
        import_once(path, fresh_database(folder), dry_run=False)  # warm: imports, calamine, the ORM mappers
        imports = [import_once(path, fresh_database(folder), dry_run=False) for _ in range(args.repeat)]
        previews = [import_once(path, fresh_database(folder), dry_run=True) for _ in range(args.repeat)]
        size_kb = path.stat().st_size / 1024
        print(f"Setup workbook: {SIZES['processes']} processes, {SIZES['objectives']} objectives, "
              f"{SIZES['indicators']} indicators, {SIZES['indicators'] * SIZES['months']:,} measurements "
              f"({size_kb:,.0f} KB, written by openpyxl in {written:.2f} s)")
        print()
        print("| step | median (s) | min (s) | max (s) | target |")
        print("|---|---:|---:|---:|---|")
        for label, figures in (("import into an empty SQLite database", imports),
                               ("preview (dry run)", previews)):
            median = statistics.median(figures)
            verdict = f"≤ {TARGET_SECONDS} s: {'met' if median <= TARGET_SECONDS else 'MISSED'}" \
                if label.startswith("import") else ""
            print(f"| {label} | {median:.3f} | {min(figures):.3f} | {max(figures):.3f} | {verdict} |")
        print(f"\nmedian of {args.repeat} runs each, each on a fresh database")
        if args.profile:
            profile = cProfile.Profile()
            url = fresh_database(folder)
            profile.enable()
            import_once(path, url, dry_run=False)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
