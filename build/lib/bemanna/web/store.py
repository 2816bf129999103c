"""The workbench's state in one SQLite file: plans, instance versions, solve jobs, rosters.

stdlib sqlite3 in WAL mode (readers never wait for the solver thread's writes). The schema
carries a version number in `meta`; `SCHEMA` below is version 1 and a store of a newer
version is refused rather than misread. Every call opens its own short connection, so the
store is safe to use from the request threads and the solve worker alike.

Instance data is stored as the validated instance's JSON (`Instance.model_dump(mode="json",
exclude_defaults=True)`), rosters as the `bemanna-roster/1` dict, both as JSON text.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS plans (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id),
    number INTEGER NOT NULL, data TEXT NOT NULL, note TEXT NOT NULL, created TEXT NOT NULL,
    UNIQUE (plan_id, number));
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id),
    version_id INTEGER NOT NULL REFERENCES versions(id), status TEXT NOT NULL,
    time_limit REAL NOT NULL, hint_roster_id INTEGER, created TEXT NOT NULL,
    started TEXT, finished TEXT, progress TEXT NOT NULL DEFAULT '[]',
    message TEXT NOT NULL DEFAULT '', roster_id INTEGER, outcome TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS rosters (
    id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id),
    version_id INTEGER NOT NULL REFERENCES versions(id), job_id INTEGER,
    data TEXT NOT NULL, summary TEXT NOT NULL, created TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS versions_plan ON versions (plan_id, number);
CREATE INDEX IF NOT EXISTS rosters_plan ON rosters (plan_id, id);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, id);
"""

JOB_QUEUED, JOB_RUNNING, JOB_DONE = "queued", "running", "done"
JOB_STOPPED, JOB_INTERRUPTED, JOB_FAILED = "stopped", "interrupted", "failed"
JOB_OPEN = (JOB_QUEUED, JOB_RUNNING)


class StoreError(Exception):
    """The data folder holds a store this version cannot read."""


class VersionConflict(Exception):
    """A save based on an older version than the plan's latest (another tab saved first)."""

    def __init__(self, latest: int) -> None:
        self.latest = latest
        super().__init__(f"the plan is at version {latest}")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Version:
    id: int
    plan_id: int
    number: int
    data: dict[str, Any]
    note: str
    created: str


@dataclass(frozen=True)
class Job:
    id: int
    plan_id: int
    version_id: int
    status: str
    time_limit: float
    hint_roster_id: int | None
    created: str
    started: str | None
    finished: str | None
    progress: list[list[float]]
    """[search seconds, objective öre, bound öre, unix time reported] per improving roster."""
    message: str
    roster_id: int | None
    outcome: dict[str, Any]
    """Status of the solve and, without a roster, its findings or conflicting employees."""


@dataclass(frozen=True)
class StoredRoster:
    id: int
    plan_id: int
    version_id: int
    job_id: int | None
    data: dict[str, Any]
    summary: dict[str, Any]
    created: str


class Store:
    """All reads and writes of the workbench's database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{path}: schema version {row[0]} is newer than this "
                                 f"bemanna's {SCHEMA_VERSION}")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        try:
            with db:
                yield db
        finally:
            db.close()

    # --- plans and versions ---------------------------------------------------------------

    def create_plan(self, name: str, data: dict[str, Any], note: str) -> int:
        with self._db() as db:
            plan_id = db.execute("INSERT INTO plans (name, created) VALUES (?, ?)",
                                 (name, now())).lastrowid
            assert plan_id is not None
            db.execute("INSERT INTO versions (plan_id, number, data, note, created) "
                       "VALUES (?, 1, ?, ?, ?)", (plan_id, json.dumps(data), note, now()))
        return plan_id

    def plans(self) -> list[dict[str, Any]]:
        with self._db() as db:
            return [dict(r) for r in db.execute("SELECT id, name, created FROM plans "
                                                "ORDER BY id")]

    def plan_name(self, plan_id: int) -> str | None:
        with self._db() as db:
            row = db.execute("SELECT name FROM plans WHERE id=?", (plan_id,)).fetchone()
        return None if row is None else str(row[0])

    def add_version(self, plan_id: int, data: dict[str, Any], note: str,
                    based_on: int | None) -> Version:
        """A new version after the latest; with `based_on`, refuse (VersionConflict) when
        the latest is not that number (optimistic concurrency)."""
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            latest = db.execute("SELECT COALESCE(MAX(number), 0) FROM versions WHERE "
                                "plan_id=?", (plan_id,)).fetchone()[0]
            if based_on is not None and based_on != latest:
                raise VersionConflict(latest)
            db.execute("INSERT INTO versions (plan_id, number, data, note, created) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (plan_id, latest + 1, json.dumps(data), note, now()))
        version = self.version(plan_id, latest + 1)
        assert version is not None
        return version

    def version(self, plan_id: int, number: int | None = None) -> Version | None:
        """The plan's version `number`, or its latest."""
        with self._db() as db:
            if number is None:
                row = db.execute("SELECT * FROM versions WHERE plan_id=? ORDER BY number DESC "
                                 "LIMIT 1", (plan_id,)).fetchone()
            else:
                row = db.execute("SELECT * FROM versions WHERE plan_id=? AND number=?",
                                 (plan_id, number)).fetchone()
        return None if row is None else _version(row)

    def version_by_id(self, version_id: int) -> Version | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM versions WHERE id=?", (version_id,)).fetchone()
        return None if row is None else _version(row)

    def versions(self, plan_id: int) -> list[dict[str, Any]]:
        """Number, note and time of every version, newest first (no data)."""
        with self._db() as db:
            return [dict(r) for r in db.execute(
                "SELECT id, number, note, created FROM versions WHERE plan_id=? "
                "ORDER BY number DESC", (plan_id,))]

    # --- jobs ------------------------------------------------------------------------------

    def add_job(self, plan_id: int, version_id: int, time_limit: float,
                hint_roster_id: int | None) -> int:
        with self._db() as db:
            job_id = db.execute(
                "INSERT INTO jobs (plan_id, version_id, status, time_limit, hint_roster_id, "
                "created) VALUES (?, ?, ?, ?, ?, ?)",
                (plan_id, version_id, JOB_QUEUED, time_limit, hint_roster_id, now())).lastrowid
        assert job_id is not None
        return job_id

    def job(self, job_id: int) -> Job | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM jobs WHERE id=?", (job_id,)).fetchone()
        return None if row is None else _job(row)

    def jobs(self, plan_id: int | None = None, statuses: tuple[str, ...] = ()) -> list[Job]:
        sql, args = "SELECT * FROM jobs WHERE 1=1", list[object]()
        if plan_id is not None:
            sql += " AND plan_id=?"
            args.append(plan_id)
        if statuses:
            sql += f" AND status IN ({','.join('?' * len(statuses))})"
            args += list(statuses)
        with self._db() as db:
            return [_job(r) for r in db.execute(sql + " ORDER BY id", args)]

    def update_job(self, job_id: int, **fields: Any) -> None:
        for key in ("progress", "outcome"):
            if key in fields:
                fields[key] = json.dumps(fields[key])
        names = ", ".join(f"{k}=?" for k in fields)
        with self._db() as db:
            db.execute(f"UPDATE jobs SET {names} WHERE id=?", (*fields.values(), job_id))

    def interrupt_running(self) -> int:
        """At start: jobs left running by a server that stopped mid-solve are interrupted."""
        with self._db() as db:
            cur = db.execute("UPDATE jobs SET status=?, finished=?, message=? WHERE status=?",
                             (JOB_INTERRUPTED, now(), "the server stopped during the solve",
                              JOB_RUNNING))
        return cur.rowcount

    # --- rosters ---------------------------------------------------------------------------

    def add_roster(self, plan_id: int, version_id: int, job_id: int | None,
                   data: dict[str, Any], summary: dict[str, Any]) -> int:
        with self._db() as db:
            roster_id = db.execute(
                "INSERT INTO rosters (plan_id, version_id, job_id, data, summary, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (plan_id, version_id, job_id, json.dumps(data), json.dumps(summary),
                 now())).lastrowid
        assert roster_id is not None
        return roster_id

    def roster(self, roster_id: int) -> StoredRoster | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM rosters WHERE id=?", (roster_id,)).fetchone()
        return None if row is None else _roster(row)

    def latest_roster(self, plan_id: int) -> StoredRoster | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM rosters WHERE plan_id=? ORDER BY id DESC LIMIT 1",
                             (plan_id,)).fetchone()
        return None if row is None else _roster(row)

    def roster_summaries(self) -> dict[int, dict[str, Any]]:
        """The latest roster's summary per plan (the portfolio overview), without the data."""
        with self._db() as db:
            rows = db.execute("SELECT r.plan_id, r.id, r.summary FROM rosters r JOIN "
                              "(SELECT plan_id, MAX(id) AS id FROM rosters GROUP BY plan_id) m "
                              "ON r.id = m.id").fetchall()
        return {int(r[0]): {"roster_id": int(r[1]), **json.loads(r[2])} for r in rows}


def _version(row: sqlite3.Row) -> Version:
    return Version(row["id"], row["plan_id"], row["number"], json.loads(row["data"]),
                   row["note"], row["created"])


def _job(row: sqlite3.Row) -> Job:
    return Job(row["id"], row["plan_id"], row["version_id"], row["status"], row["time_limit"],
               row["hint_roster_id"], row["created"], row["started"], row["finished"],
               json.loads(row["progress"]), row["message"], row["roster_id"],
               json.loads(row["outcome"]))


def _roster(row: sqlite3.Row) -> StoredRoster:
    return StoredRoster(row["id"], row["plan_id"], row["version_id"], row["job_id"],
                        json.loads(row["data"]), json.loads(row["summary"]), row["created"])
