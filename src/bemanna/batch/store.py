"""The results database: SQLite (stdlib sqlite3) in WAL mode, one row per job.

Only the batch's own process writes (workers return plain data), one transaction per
finished job, so a batch killed at any moment leaves every finished job committed and
nothing half-written: a transaction is in the database entirely or not at all. Jobs are keyed
by (instance, scenario); `fingerprint` says what the result depends on (the changed instance
data, the solver parameters and, for a warm start, the passes of the roster it started from),
so a re-run skips a job whose row has the same fingerprint.

Table `jobs`: the job's identity and files, status (`done` / `failed`) and error, the solver's
status and objective, how the solve started (`warm_start`: `bemanna.batch.warm.STARTS`, and
`hinted_from`: the scenario whose roster it started from), every figure of
`bemanna.pricing.figures.FIGURES` as a column (money in öre per year) and all of them again as
a JSON blob, the roster path and timings. Table
`runs`: one row per invocation (backend, planned, skipped, done, failed, start/end).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd

from bemanna.batch.job import JobOutcome, JobSpec
from bemanna.pricing.figures import FIGURES

SCHEMA_VERSION = "3"
"""2: the columns strategy and deterministic_time (the whole SolverParams reaches the row);
3: warm_start and hinted_from (how each solve started). An older database gets the columns
added on open (NULL for its old rows, which were all solved cold)."""
ADDED_IN_2 = (("strategy", "TEXT"), ("deterministic_time", "REAL"))
ADDED_IN_3 = (("warm_start", "TEXT"), ("hinted_from", "TEXT"))


def _figure_columns() -> str:
    return ",\n".join(
        f"  {f.key} {'INTEGER' if f.kind in ('ore',) or f.key == 'violations' else 'REAL'}"
        for f in FIGURES)


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS jobs (
  instance TEXT NOT NULL,
  scenario TEXT NOT NULL,
  instance_path TEXT NOT NULL,
  scenario_path TEXT,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  error TEXT,
  solver_status TEXT,
  objective_ore INTEGER,
  weeks INTEGER,
  time_limit REAL,
  solver_workers INTEGER,
  seed INTEGER,
  strategy TEXT,
  deterministic_time REAL,
  warm_start TEXT,
  hinted_from TEXT,
{_figure_columns()},
  figures TEXT,
  roster_path TEXT,
  started_at TEXT,
  finished_at TEXT,
  solve_seconds REAL,
  job_seconds REAL,
  worker TEXT,
  PRIMARY KEY (instance, scenario)
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  backend TEXT NOT NULL,
  planned INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  stopped INTEGER NOT NULL DEFAULT 0,
  seconds REAL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="milliseconds")


class StoreError(Exception):
    pass


class Store:
    """The batch database. Use as a context manager (closes the connection)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.executescript(SCHEMA)
            version = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a batch database ({exc})") from None
        if version is None:
            self.conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif version[0] in ("1", "2"):
            self._upgrade()
        elif version[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema {version[0]}, expected {SCHEMA_VERSION}")

    def _upgrade(self) -> None:
        """Add the columns a schema-1 or -2 database lacks, in one transaction."""
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            have = {row[1] for row in self.conn.execute("PRAGMA table_info(jobs)")}
            for name, kind in (*ADDED_IN_2, *ADDED_IN_3):
                if name not in have:
                    self.conn.execute(f"ALTER TABLE jobs ADD COLUMN {name} {kind}")
            self.conn.execute("UPDATE meta SET value=? WHERE key='schema'", (SCHEMA_VERSION,))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def finished(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(instance, scenario) -> (fingerprint, status) of every recorded job."""
        rows = self.conn.execute("SELECT instance, scenario, fingerprint, status FROM jobs")
        return {(i, s): (f, st) for i, s, f, st in rows}

    def roster_path(self, instance: str, scenario: str) -> str | None:
        """Where the recorded job's roster was written (None: no row, or no roster)."""
        row = self.conn.execute("SELECT roster_path FROM jobs WHERE instance=? AND scenario=?",
                                (instance, scenario)).fetchone()
        return None if row is None else row[0]

    def record(self, spec: JobSpec, outcome: JobOutcome, instance_path: str,
               scenario_path: str | None, roster_path: str | None,
               start: str | None = None) -> None:
        """Write one finished job (replacing an older row of the same job), atomically.
        `start`: how the solve started (`bemanna.batch.warm.STARTS`)."""
        figures = outcome.figures or {}
        row: dict[str, Any] = {
            "instance": outcome.instance, "scenario": outcome.scenario,
            "instance_path": instance_path, "scenario_path": scenario_path,
            "fingerprint": outcome.fingerprint, "status": outcome.status,
            "error": outcome.error, "solver_status": outcome.solver_status,
            "objective_ore": outcome.objective_ore,
            "weeks": spec.data.get("horizon", {}).get("weeks"),
            "time_limit": spec.params.time_limit, "solver_workers": spec.params.workers,
            "seed": spec.params.seed, "strategy": spec.params.strategy,
            "deterministic_time": spec.params.deterministic_time,
            "warm_start": start, "hinted_from": spec.hinted_from,
            **{f.key: figures.get(f.key) for f in FIGURES},
            "figures": json.dumps(figures) if figures else None,
            "roster_path": roster_path,
            "started_at": _iso(outcome.started), "finished_at": _iso(outcome.finished),
            "solve_seconds": outcome.solve_seconds, "job_seconds": outcome.job_seconds,
            "worker": outcome.host,
        }
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        with self.conn:  # one transaction: BEGIN ... COMMIT (ROLLBACK on error)
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(f"INSERT OR REPLACE INTO jobs ({names}) VALUES ({marks})", row)

    def start_run(self, backend: str, planned: int, skipped: int, started: float) -> int:
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, backend, planned, skipped) VALUES (?, ?, ?, ?)",
                (_iso(started), backend, planned, skipped))
        return int(cursor.lastrowid or 0)

    def end_run(self, run_id: int, done: int, failed: int, stopped: bool,
                seconds: float, finished: float) -> None:
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "UPDATE runs SET finished_at=?, done=?, failed=?, stopped=?, seconds=? "
                "WHERE id=?", (_iso(finished), done, failed, int(stopped), round(seconds, 3),
                               run_id))

    def jobs(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM jobs ORDER BY instance, scenario", self.conn)


def open_existing(path: str | Path) -> Store:
    """Open a database that must already exist (for `batch summary`)."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such database")
    return Store(path)
