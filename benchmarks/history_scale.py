"""History over 100,000 cases, on both engines: the first page, searches, and the window's longest pause.

    python benchmarks/history_scale.py [--cases 100000] [--runs 7]

SQLite: a desk's own file. PostgreSQL: a throwaway cluster on 127.0.0.1 (Debian's ``postgresql``
programs; skipped without them), read through a desk's login as the app reads it. Each figure is
the median of ``--runs`` tries, beside its floor: a plain ``SELECT`` of the same page through the
same driver, with no case built from the rows. Searches: a name, a whole account ID (found by the
masked form a case keeps), an IMEI, a day. Then the real History window, offscreen, is opened and
searched while a 5 ms heartbeat timer runs on the window's thread: the longest gap between two
beats is the longest pause a user could feel (target: under 50 ms), beside the same heartbeat in
a bare event loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MIRECOVERY_HOME", tempfile.mkdtemp(prefix="mirecovery-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mirecovery_gui.store.cases import COLUMNS, READ_COLUMNS, Case, CaseLog, CaseQuery, Outcome, search_clauses
from mirecovery_gui.store.database import Database

PAGE = 100
TARGET_MS = 50
FIRST = ["Budi", "Siti", "Rina", "Joko", "Dewi", "Agus", "Wati", "Andi", "Sari", "Putri", "Eko", "Ani", "Dian"]
LAST = ["Santoso", "Rahayu", "Wijaya", "Lestari", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho"]


@dataclass(frozen=True)
class Search:
    label: str
    query: CaseQuery


def sample_cases(count: int, seed: int = 7) -> tuple[list[tuple[object, ...]], dict[str, str]]:
    """``count`` cases spread over two years, and what the searches look for (taken from the middle)."""
    random_ = random.Random(seed)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    rows = []
    wanted: dict[str, str] = {}
    for number in range(count):
        opened = start + dt.timedelta(minutes=number * 10)
        account = str(random_.randint(10**9, 10**10 - 1))
        imei = "35" + str(random_.randint(10**12, 10**13 - 1))
        name = f"{random_.choice(FIRST)} {random_.choice(LAST)} {number}"
        case = Case(
            "live",
            id=uuid.UUID(int=random_.getrandbits(128)).hex,
            opened_at=opened.isoformat(timespec="seconds"),
            updated_at=opened.isoformat(timespec="seconds"),
            identifier_kind="account_id",
            identifier_masked=f"{account[:2]}******{account[-2:]}",
            customer_name=name,
            imei=imei,
            outcome=random_.choice(list(Outcome)),
            staff=random_.choice(["Sari", "Andi", "Budi"]),
            desk=random_.choice(["Front", "Back", "Depok"]),
        )
        rows.append(case.row())
        if number == count // 2:
            wanted = {"name": name, "account": account, "imei": imei, "day": opened.date().isoformat()}
    return rows, wanted


def searches(wanted: dict[str, str]) -> list[Search]:
    day = dt.date.fromisoformat(wanted["day"])
    return [
        Search("first page", CaseQuery(limit=PAGE)),
        Search("name", CaseQuery(text=wanted["name"], limit=PAGE)),
        Search("whole account ID", CaseQuery(text=wanted["account"], limit=PAGE)),
        Search("IMEI", CaseQuery(text=wanted["imei"], limit=PAGE)),
        Search("a day", CaseQuery(since=day, until=day, limit=PAGE)),
        Search("nothing matches", CaseQuery(text="zzzz-no-such-customer", limit=PAGE)),
    ]


def median_ms(work: Callable[[], object], runs: int) -> tuple[float, object]:
    result: object = None
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def floor_sql(query: CaseQuery, placeholder: str) -> tuple[str, list[object]]:
    where, params = search_clauses(query)
    sql = f"SELECT {READ_COLUMNS} FROM cases {where} ORDER BY opened_at DESC, id DESC LIMIT {PAGE}"
    return sql.replace("?", placeholder), params


# --- the engines ------------------------------------------------------------------------------------------------


def sqlite_log(folder: Path, rows: list[tuple[object, ...]]) -> tuple[CaseLog, sqlite3.Connection]:
    database = Database(folder / "cases.sqlite3")
    raw = sqlite3.connect(folder / "cases.sqlite3")
    marks = ", ".join("?" * len(rows[0]))
    raw.executemany(f"INSERT INTO cases ({COLUMNS}) VALUES ({marks})", rows)
    raw.commit()
    return CaseLog(database, "Front"), raw


def postgres_log(folder: Path, rows: list[tuple[object, ...]], server: Any) -> tuple[Any, Any, Any]:
    import psycopg

    from mirecovery_gui.store.shop_database import DESK_ROLE, ShopAddress, init_roles, remember_password
    from mirecovery_gui.store.shop_log import ShopCaseLog, ShopLink

    name = server.create_database()
    with psycopg.connect(server.url(name), autocommit=True) as owner:
        init_roles(owner)
        with owner.cursor().copy(f"COPY cases ({COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        owner.execute("ANALYZE cases")
        password = uuid.uuid4().hex
        owner.execute(f"CREATE ROLE bench_desk LOGIN PASSWORD '{password}' IN ROLE {DESK_ROLE}")
    address = ShopAddress.parse(server.tcp_url(name, "bench_desk"))
    remember_password(address, password)
    link = ShopLink(address, Database(folder / "desk.sqlite3"), "Front")
    link.wait_reachable(10.0)
    raw = psycopg.connect(host="127.0.0.1", port=server.port, dbname=name, user="bench_desk", password=password)
    return ShopCaseLog(link), raw, link


# --- the window -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pauses:
    open_ms: float  # from asking for the window to its first page shown
    open_pause_ms: float  # the longest pause meanwhile (the window's own first paint is in it)
    search_ms: float  # a whole account ID searched
    work_pause_ms: float  # the longest pause while searching, clearing and reading the next page


def window_pauses(case_log: CaseLog, wanted: dict[str, str]) -> Pauses:
    """The real History window, offscreen, with a 5 ms heartbeat on the window's thread."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from mirecovery_gui.gui.history import HistoryWindow
    from mirecovery_gui.store.drafts import DraftStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    beats: list[int] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: beats.append(clock.elapsed()))

    def wait(condition: Callable[[], bool], limit_s: float = 60.0) -> None:
        deadline = time.monotonic() + limit_s
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(1)
        poll.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
        poll.start()
        loop.exec()
        poll.stop()

    def longest(since: int) -> float:
        recent = [beat for beat in beats if beat >= since]
        return max((later - earlier for earlier, later in itertools.pairwise(recent)), default=0)

    clock.start()
    timer.start()
    wait(lambda: len(beats) > 3)
    began, start_beat = time.perf_counter(), clock.elapsed()
    history = HistoryWindow(case_log, DraftStore(case_log.database), lambda: [], lambda _ids: None)
    history.show()
    wait(lambda: not history.searching)
    open_ms = (time.perf_counter() - began) * 1000
    open_pause = longest(start_beat)
    work_beat = clock.elapsed()
    began = time.perf_counter()
    history.search_input.setText(wanted.get("account", "6187483211"))
    history.refresh()
    wait(lambda: not history.searching)
    search_ms = (time.perf_counter() - began) * 1000
    history.search_input.clear()
    history.refresh()
    wait(lambda: not history.searching)
    bar = history.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # the next page, as scrolling asks for it
    wait(lambda: not history.searching)
    wait(lambda: False, 0.1)  # the last paint
    timer.stop()
    work_pause = longest(work_beat)
    history.reads.shut()
    history.close()
    history.deleteLater()
    app.processEvents()
    return Pauses(open_ms, open_pause, search_ms, work_pause)


def bare_loop_pause(seconds: float = 2.0) -> float:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    beats: list[int] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: beats.append(clock.elapsed()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    clock.start()
    timer.start()
    loop.exec()
    timer.stop()
    app.processEvents()
    return max((later - earlier for earlier, later in itertools.pairwise(beats)), default=0)


def report(engine: str, case_log: CaseLog, floor: Callable[[str, list[object]], object], placeholder: str,
           wanted: dict[str, str], runs: int) -> None:  # fmt: skip
    print(f"\n{engine}: {'search':<22} {'app ms':>8} {'floor ms':>9} {'ratio':>6} {'found':>6}")
    for search in searches(wanted):
        app_ms, found = median_ms(lambda search=search: case_log.search(search.query), runs)
        sql, params = floor_sql(search.query, placeholder)
        floor_ms, _ = median_ms(lambda sql=sql, params=params: floor(sql, params), runs)
        count = len(found) if isinstance(found, list) else 0
        print(
            f"{engine}: {search.label:<22} {app_ms:8.1f} {floor_ms:9.1f} {app_ms / max(floor_ms, 0.01):6.2f} {count:6d}"
        )
    pauses = window_pauses(case_log, wanted)
    verdict = "met" if pauses.work_pause_ms < TARGET_MS else "NOT met"
    print(
        f"{engine}: History window opened with its first page in {pauses.open_ms:.0f} ms (longest pause "
        f"{pauses.open_pause_ms:.0f} ms, its own first paint included); an account ID found in "
        f"{pauses.search_ms:.0f} ms; searching, clearing and reading the next page: longest pause "
        f"{pauses.work_pause_ms:.0f} ms (target < {TARGET_MS} ms: {verdict})"
    )


def empty_window_floor(folder: Path) -> None:
    """The same window on a log with no case: what opening it costs whatever the log holds."""
    database = Database(folder / "empty.sqlite3")
    pauses = window_pauses(CaseLog(database, "Front"), {})
    print(
        f"floor: the History window on an empty log opened in {pauses.open_ms:.0f} ms, longest pause "
        f"{pauses.open_pause_ms:.0f} ms; searching and clearing: longest pause {pauses.work_pause_ms:.0f} ms"
    )
    database.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    began = time.perf_counter()
    rows, wanted = sample_cases(args.cases)
    print(f"{args.cases} cases made in {time.perf_counter() - began:.1f} s; page = {PAGE} rows")
    print(f"bare event loop: longest pause {bare_loop_pause():.0f} ms (the floor for the window's pauses)")
    folder = Path(tempfile.mkdtemp(prefix="mirecovery-bench-history-"))
    empty_window_floor(folder)

    case_log, raw = sqlite_log(folder, rows)

    def sqlite_floor(sql: str, params: list[object]) -> object:
        return raw.execute(sql, params).fetchall()

    report("SQLite", case_log, sqlite_floor, "?", wanted, args.runs)
    raw.close()
    case_log.database.close()

    try:
        from tests.pg.cluster import throwaway_cluster

        cluster = throwaway_cluster()
        server = cluster.__enter__()
    except (FileNotFoundError, ImportError) as exc:
        print(f"\nPostgreSQL: skipped ({exc})")
        return 0
    try:
        shop_log, shop_raw, link = postgres_log(folder, rows, server)

        def postgres_floor(sql: str, params: list[object]) -> object:
            return shop_raw.execute(sql, params).fetchall()

        report("PostgreSQL", shop_log, postgres_floor, "%s", wanted, args.runs)
        shop_raw.close()
        shop_log.close()
        link.close()
        link.database.close()
    finally:
        cluster.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
