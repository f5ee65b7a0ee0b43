// rpm ≥ 4.16's default database, var/lib/rpm/rpmdb.sqlite: table Packages (hnum, blob), one header
// blob a row. Opened from memory (sqlite3_deserialize through better-sqlite3): nothing of the
// scanned image is written to disk.
import Database from "better-sqlite3";

const MAGIC = Buffer.from("SQLite format 3\0", "latin1");

export function isSqlite(buf: Buffer): boolean {
  return buf.length >= 100 && buf.subarray(0, 16).equals(MAGIC);
}

/**
 * The header blobs, in installation order. rpm keeps its database in WAL mode, which an in-memory
 * database cannot open: it is opened as a rollback-journal database (file format bytes 18 and 19
 * set to 1). Changes still in a -wal file beside it are not seen; rpm checkpoints when it closes.
 */
export function* sqliteHeaderBlobs(buf: Buffer): Generator<Buffer> {
  const db = openReadOnly(buf);
  try {
    const rows = db.prepare("SELECT blob FROM Packages ORDER BY hnum").raw(true).iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      const blob = row[0];
      if (Buffer.isBuffer(blob)) yield blob;
    }
  } finally {
    db.close();
  }
}

/**
 * better-sqlite3 copies the bytes into SQLite's own memory when it opens them. The source shares
 * `buf` with other analyzers, so the WAL bytes are patched only for that synchronous copy and put
 * back at once: no other code runs in between, and the database is not held twice more in memory.
 */
function openReadOnly(buf: Buffer): Database.Database {
  const b18 = buf[18];
  const b19 = buf[19];
  const wal = b18 === 2 || b19 === 2;
  if (wal) {
    buf[18] = 1;
    buf[19] = 1;
  }
  try {
    return new Database(buf, { readonly: true });
  } finally {
    if (wal) {
      buf[18] = b18 as number;
      buf[19] = b19 as number;
    }
  }
}
