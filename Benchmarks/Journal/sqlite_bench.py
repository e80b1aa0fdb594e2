#!/usr/bin/env python3
"""SQLite side of the journal benchmark: WAL, synchronous=FULL, one commit per BATCH rows.

usage: sqlite_bench.py DB RECORDS BATCH SIZE
prints: records_per_second write_bytes   (write_bytes from /proc/self/io, this process only)
"""
import os
import sqlite3
import sys
import time


def write_bytes():
    with open("/proc/self/io") as io:
        for line in io:
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
    return -1


def main():
    path, records, batch, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE records (sequence INTEGER PRIMARY KEY, payload BLOB NOT NULL)")
    # The payload is the record size minus the 16 bytes the journal spends on framing, so both
    # store the same payload bytes.
    payload = b"x" * (size - 16)
    before = write_bytes()
    start = time.monotonic()
    sequence = 0
    for _ in range(records // batch):
        db.execute("BEGIN")
        for _ in range(batch):
            sequence += 1
            db.execute("INSERT INTO records VALUES (?, ?)", (sequence, payload))
        db.execute("COMMIT")
    seconds = time.monotonic() - start
    db.close()
    print(f"{records / seconds:.0f} {write_bytes() - before}")


if __name__ == "__main__":
    main()
