"""Import benchmark (docs/import-formats.md, issue 4): the importer against its floor, side by side, in one run.

    python -m bench.bench_import [--postgres URL] [--repeat 3] [--rows 100000]

Floor = reading the file with python-calamine + a bare bulk insert of the same rows into `measurement`
(Core insert on SQLite, COPY on PostgreSQL), each on a fresh database. The importer's figure is the whole
`import_file` (hostile-file checks, reading, parsing, validation, comparison, measurements and their audit
events, commit). Each figure is the median of `--repeat` runs, each run in a fresh process, which also gives
its peak memory (ru_maxrss, so calamine's own allocations count). Results go to stdout as a Markdown table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus.xlsx import SheetSpec, Styled, write_xlsx

MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


# --- workbooks ---------------------------------------------------------------------------------------------------
def _resaved(variant: str) -> dict:
    """An extra part that changes the file's bytes (and sha256) but not its content: a file saved again."""
    return {"docProps/custom.xml": f"<Properties><saved>{variant}</saved></Properties>"} if variant else {}


def long_workbook(path: Path, rows: int, variant: str = "") -> list[tuple[str, dt.date, float]]:
    """Código | Periodo | Valor, one row per measurement: 400 monthly indicators × rows/400 months."""
    rng = random.Random(7)
    per_indicator = rows // 400
    data = [(f"K{i:03d}", dt.date(2000 + m // 12, m % 12 + 1, 1), round(rng.uniform(0, 10_000), 2))
            for i in range(400) for m in range(per_indicator)]
    write_xlsx(path, [SheetSpec("Mediciones", [["Código", "Periodo", "Valor"]] + [list(r) for r in data])],
               extra_parts=_resaved(variant))
    return data


def wide_workbook(path: Path, indicators: int = 1000, months: int = 60, variant: str = "") -> list:
    """Two title rows, a header of month dates (mmm-yy), one row per indicator named, not coded."""
    rng = random.Random(8)
    periods = [dt.date(2021 + m // 12, m % 12 + 1, 1) for m in range(months)]
    rows = [["Tablero de indicadores"], ["Cifras al cierre de cada mes"],
            ["Indicador"] + [Styled(p, "month") for p in periods] + ["Total"]]
    data = []
    for i in range(indicators):
        values = [round(rng.uniform(0, 1000), 2) for _ in periods]
        rows.append([f"Indicador número {i}"] + values + [round(sum(values), 2)])
        data += [(f"W{i:04d}", p, v) for p, v in zip(periods, values)]
    write_xlsx(path, [SheetSpec("Tablero", rows)], extra_parts=_resaved(variant))
    return data


def bomb(path: Path, megabytes: int = 400) -> None:
    """A zip whose one sheet inflates to `megabytes` MB from a few hundred kB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            block = b"<row>" + b" " * (1024 * 1024 - 11) + b"</row>"
            for _ in range(megabytes):
                entry.write(block)


# --- databases ---------------------------------------------------------------------------------------------------
def fresh_database(backend: str, postgres_url: str | None, folder: Path) -> str:
    from mios_dashboard.db import make_engine
    from mios_dashboard.schema import upgrade_to_head

    if backend == "sqlite":
        url = f"sqlite:///{folder / f'bench-{uuid.uuid4().hex[:8]}.db'}"
    else:
        from sqlalchemy import text

        schema = f"bench_import_{uuid.uuid4().hex[:8]}"
        admin = make_engine(postgres_url)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        url = f"{postgres_url}{'&' if '?' in postgres_url else '?'}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    _indicators(engine)
    engine.dispose()
    return url


def drop_database(url: str) -> None:
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        return
    from sqlalchemy import text

    from mios_dashboard.db import make_engine

    schema = url.rsplit("%3D", 1)[1]
    admin = make_engine(url.split("?")[0])
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _indicators(engine) -> None:
    from sqlalchemy import insert

    from mios_dashboard.models import Indicator

    base = dict(description="", unit="", direction="higher", frequency="monthly", aggregation="sum",
                green_threshold=1.0, yellow_threshold=0.9, weight=1.0, decimals=1, active=True)
    rows = [dict(base, code=f"K{i:03d}", name=f"Indicador K{i:03d}") for i in range(400)]
    rows += [dict(base, code=f"W{i:04d}", name=f"Indicador número {i}") for i in range(1000)]
    with engine.begin() as connection:
        connection.execute(insert(Indicator.__table__), rows)


# --- measured operations (each in a child process) ------------------------------------------------------------
def op_read(path: str) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def op_openpyxl(path: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                _ = cell.value, cell.number_format
    book.close()


def op_floor(path: str, url: str, kind: str) -> None:
    """Read with calamine, then a bare bulk insert of the same rows (codes mapped by a dict)."""
    from python_calamine import CalamineWorkbook
    from sqlalchemy import insert, select

    from mios_dashboard.db import make_engine
    from mios_dashboard.models import ImportBatch, Indicator, Measurement

    engine = make_engine(url)
    book = CalamineWorkbook.from_path(path)
    rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    with engine.begin() as connection:
        ids = dict(connection.execute(select(Indicator.code, Indicator.id)).all())
        names = dict(connection.execute(select(Indicator.name, Indicator.id)).all())
        batch = connection.execute(insert(ImportBatch.__table__).returning(ImportBatch.__table__.c.id), dict(
            file_name="floor", sha256="0" * 64, size_bytes=0, imported_by="bench", status="accepted", sheets=[],
            errors=[])).scalar_one()
        if kind == "long":
            values = [(ids[r[0]], r[1], r[2]) for r in rows[1:]]
        else:
            header = rows[2]
            values = [(names[r[0]], header[c], r[c]) for r in rows[3:] for c in range(1, len(header) - 1)]
        if engine.dialect.name == "postgresql":
            raw = connection.connection.driver_connection
            with raw.cursor() as cursor, cursor.copy(
                    "COPY measurement (indicator_id, period, value, source, import_batch_id, entered_by) FROM STDIN"
            ) as copy:
                for indicator_id, period, value in values:
                    copy.write_row((indicator_id, period, value, "import", batch, "bench"))
        else:
            connection.execute(insert(Measurement.__table__).execution_options(render_nulls=True), [
                dict(indicator_id=i, period=p, value=v, comment=None, source="import", import_batch_id=batch,
                     entered_by="bench") for i, p, v in values])
    engine.dispose()


def op_import(path: str, url: str, dry_run: bool = False) -> None:
    from mios_dashboard.db import make_engine, make_session_factory, session_scope
    from mios_dashboard.services.imports.import_file import import_file

    engine = make_engine(url)
    with session_scope(make_session_factory(engine), actor="bench") as session:
        result = import_file(session, path, actor="bench", dry_run=dry_run)
    engine.dispose()
    if not result.accepted and "bomb" not in path:
        raise SystemExit(f"refused: {result.messages()[:3]}")


def warm() -> None:
    """What a running server has loaded already: modules and the ORM's mapper configuration (not timed)."""
    import python_calamine  # noqa: F401
    from sqlalchemy.orm import configure_mappers

    import mios_dashboard.db
    import mios_dashboard.models
    import mios_dashboard.services.imports.import_file  # noqa: F401

    configure_mappers()


def _child(queue, name: str, args: tuple, prepare: tuple | None) -> None:
    try:
        warm()
        if prepare is not None:  # e.g. a dry run of a one-row file: SQLAlchemy's compiled-statement cache,
            globals()[prepare[0]](*prepare[1])  # as warm as in a server process that has served one request
        start = time.perf_counter()
        globals()[name](*args)
        elapsed = time.perf_counter() - start
        queue.put((elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    except BaseException as exc:  # the parent must not wait for a result that never comes
        queue.put(exc)
        raise


def measure(name: str, *args, prepare: tuple | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of one operation in a fresh process, after an untimed `prepare` (name, args)."""
    context = mp.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue, name, args, prepare))
    process.start()
    result = queue.get(timeout=600)
    process.join()
    if isinstance(result, BaseException):
        raise RuntimeError(  # noqa: TRY004 - the child's failure, re-raised here; not a type check
            f"{name} failed in its process") from result
    return result


def baseline_memory() -> float:
    return measure("op_nothing")[1]


def op_nothing() -> None:
    import python_calamine  # noqa: F401

    import mios_dashboard.services.imports.import_file  # noqa: F401


def median(name: str, repeat: int, *args) -> tuple[float, float]:
    runs = [measure(name, *args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


# --- the run -----------------------------------------------------------------------------------------------------
def run(backends: list[str], postgres_url: str | None, repeat: int, rows: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="mios-bench-import-"))
    files = {"long": folder / "long.xlsx", "wide": folder / "wide.xlsx"}
    copies = {"long": folder / "long-again.xlsx", "wide": folder / "wide-again.xlsx"}
    long_workbook(files["long"], rows)
    long_workbook(copies["long"], rows, variant="saved again")
    wide_workbook(files["wide"])
    wide_workbook(copies["wide"], variant="saved again")
    tiny = folder / "tiny.xlsx"
    write_xlsx(tiny, [SheetSpec("Mediciones", [["Código", "Periodo", "Valor"], ["K000", dt.date(2030, 1, 1), 1.0]])])
    print(f"workbooks: long {files['long'].stat().st_size / 1e6:.1f} MB ({rows} rows), "
          f"wide {files['wide'].stat().st_size / 1e6:.2f} MB (1,000 × 60)")
    base = baseline_memory()
    print(f"baseline process: {base:.0f} MB\n")
    print("| workbook | backend | read (calamine) | openpyxl read-only | floor (read + bare insert) | import | "
          "import / floor | re-import, same bytes | re-import, saved again | saved again / read | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, path in files.items():
        read = median("op_read", repeat, str(path))[0]
        slow = median("op_openpyxl", 1, str(path))[0]
        for backend in backends:
            floors, imports, reimports, resaved, peaks = [], [], [], [], []
            for _ in range(repeat):
                url = fresh_database(backend, postgres_url, folder)
                floors.append(measure("op_floor", str(path), url, kind)[0])
                drop_database(url)
                url = fresh_database(backend, postgres_url, folder)
                warm_up = ("op_import", (str(tiny), url, True))
                seconds, peak = measure("op_import", str(path), url, prepare=warm_up)
                imports.append(seconds)
                peaks.append(peak)
                reimports.append(measure("op_import", str(path), url, prepare=warm_up)[0])
                seconds, peak = measure("op_import", str(copies[kind]), url, prepare=warm_up)
                resaved.append(seconds)
                peaks.append(peak)
                drop_database(url)
            floor, imported, again, other = (statistics.median(x) for x in (floors, imports, reimports, resaved))
            print(f"| {kind} | {backend} | {read:.2f} s | {slow:.2f} s | {floor:.2f} s | {imported:.2f} s | "
                  f"{imported / floor:.2f}× | {again:.3f} s | {other:.2f} s | {other / read:.2f}× | {max(peaks):.0f} |")
    bomb_path = folder / "bomb.xlsx"
    bomb(bomb_path)
    url = fresh_database("sqlite", None, folder)
    seconds, peak = measure("op_import", str(bomb_path), url, prepare=("op_import", (str(tiny), url, True)))
    inflated = sum(i.file_size for i in zipfile.ZipFile(bomb_path).infolist())
    print(f"\ndecompression bomb: {bomb_path.stat().st_size / 1e3:.0f} kB → {inflated / 1e6:.0f} MB declared; "
          f"refused in {seconds * 1000:.0f} ms, peak {peak:.0f} MB (baseline {base:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("MIOS_TEST_POSTGRES_URL"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    run(backends, args.postgres, args.repeat, args.rows)


if __name__ == "__main__":
    main()
