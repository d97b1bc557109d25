/* broadsheet-store-schema.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "broadsheet-store-private.h"

/* Opening the store's database, on its worker thread: the schema's history,
 * the checks, and what happens when the file cannot be used as it is.
 *
 * Every open runs PRAGMA quick_check and takes the write lock once (to
 * migrate, or just to see that writing works). A database written by a newer
 * Broadsheet, locked by another program, in a read-only file or folder or on
 * a full disk is then opened read-only and never written (one at an older
 * version is copied into memory and migrated there). A damaged one is
 * renamed, with its -wal, -shm or -journal, to NAME.corrupt-YYYYMMDD-HHMMSS
 * before a new one starts, so nothing the user saved is ever deleted.
 */

/* Negative, so as never to be taken for an SQLite result code. */
#define RC_TOO_NEW  (-1)  /* user_version is past the last migration. */
#define RC_FOREIGN  (-2)  /* Tables, but no user_version: not ours. */

/* The schema's history, one step per version, each applied in its own
 * transaction together with PRAGMA user_version. Never edit a step that has
 * shipped: add one.
 */
static const char * const migrations[] = {
  /* 1: stories as the caller serialised them, with the user's marks. */
  "CREATE TABLE stories ("
  "  feed_uri TEXT NOT NULL,"
  "  story_id TEXT NOT NULL,"
  "  json TEXT NOT NULL,"
  "  published INTEGER,"
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  saved INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (feed_uri, story_id)"
  ");",

  /* 2: an archive with retention, and feed metadata. Version 1 did not know
   * when stories were seen, so they count as first and last seen at the
   * upgrade: none expires before its feed had a chance to list it again.
   * Saved ones count as saved then.
   */
  "ALTER TABLE stories ADD COLUMN first_seen INTEGER;"
  "ALTER TABLE stories ADD COLUMN last_seen INTEGER;"
  "ALTER TABLE stories ADD COLUMN saved_at INTEGER;"
  "UPDATE stories SET"
  "  first_seen = CAST(strftime('%s', 'now') AS INTEGER),"
  "  last_seen = CAST(strftime('%s', 'now') AS INTEGER),"
  "  saved_at = CASE WHEN saved <> 0 THEN CAST(strftime('%s', 'now') AS INTEGER) END;"
  "CREATE INDEX stories_expiry ON stories (last_seen) WHERE saved = 0;"
  "CREATE INDEX stories_saved ON stories (saved_at) WHERE saved <> 0;"
  "CREATE TABLE feeds ("
  "  uri TEXT PRIMARY KEY,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_fetched INTEGER"
  ");",

  /* 3: a feed's newest stories straight from an index, so the first
   * screenful of a big archive is read without sorting all of it
   * (docs/performance.md).
   */
  "CREATE INDEX stories_newest ON stories (feed_uri, published DESC, story_id);",
};

int
_broadsheet_store_db_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The primary result code, or one of ours. */
static int
primary (int rc)
{
  return rc < 0 ? rc : rc & 0xff;
}

static int
failed (sqlite3  *db,
        int       rc,
        char    **detail)
{
  int saved_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  g_free (*detail);
  if (saved_errno != 0 && primary (rc) != SQLITE_CORRUPT && primary (rc) != SQLITE_NOTADB)
    *detail = g_strdup (g_strerror (saved_errno));
  else if (db != NULL)
    *detail = g_strdup (sqlite3_errmsg (db));
  else
    *detail = g_strdup (sqlite3_errstr (rc));
  return rc;
}

static int
exec (sqlite3     *db,
      const char  *sql,
      char       **detail)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? rc : failed (db, rc, detail);
}

/* Runs @sql and gives the first column of its first row. */
static int
query (sqlite3     *db,
       const char  *sql,
       int         *number,
       char       **text,
       char       **detail)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (number != NULL)
        *number = sqlite3_column_int (stmt, 0);
      if (text != NULL)
        *text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    {
      rc = SQLITE_OK;
    }
  else
    {
      failed (db, rc, detail);
    }

  sqlite3_finalize (stmt);
  return rc;
}

/* Checks a database's version and structure before anything writes to it. */
static int
check (sqlite3  *db,
       int      *version,
       char    **detail)
{
  g_autofree char *result = NULL;
  int n_tables = 0;
  int rc;

  rc = query (db, "PRAGMA user_version", version, NULL, detail);
  if (rc == SQLITE_OK && *version == 0)
    {
      rc = query (db, "SELECT count(*) FROM sqlite_master", &n_tables, NULL, detail);
      if (rc == SQLITE_OK && n_tables > 0)
        return RC_FOREIGN;
    }
  if (rc == SQLITE_OK && *version > 0)
    {
      rc = query (db, "PRAGMA quick_check(1)", NULL, &result, detail);
      if (rc == SQLITE_OK && g_strcmp0 (result, "ok") != 0)
        {
          g_free (*detail);
          *detail = g_steal_pointer (&result);
          return SQLITE_CORRUPT;
        }
    }

  return rc;
}

/* Applies every step after the database's version, each in one transaction.
 * On a database already current this only takes and releases the write lock,
 * which tells whether writes are possible at all.
 */
static int
migrate (sqlite3  *db,
         char    **detail)
{
  for (;;)
    {
      int version = 0;
      int rc;

      rc = exec (db, "BEGIN IMMEDIATE", detail);
      if (rc != SQLITE_OK)
        return rc;

      /* Read again under the lock, in case another process migrated meanwhile. */
      rc = query (db, "PRAGMA user_version", &version, NULL, detail);
      if (rc == SQLITE_OK && version >= _broadsheet_store_db_latest ())
        {
          rc = exec (db, "COMMIT", detail);
          if (rc == SQLITE_OK)
            return version > _broadsheet_store_db_latest () ? RC_TOO_NEW : SQLITE_OK;
        }
      else if (rc == SQLITE_OK)
        {
          g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

          g_debug ("Migrating %s to version %d", sqlite3_db_filename (db, "main"), version + 1);
          rc = exec (db, migrations[version], detail);
          if (rc == SQLITE_OK)
            rc = exec (db, set_version, detail);
          if (rc == SQLITE_OK)
            rc = exec (db, "COMMIT", detail);
          if (rc == SQLITE_OK)
            continue;
        }

      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }
}

static int
open_file (const char  *path,
           int          flags,
           sqlite3    **db,
           char       **detail)
{
  int rc = sqlite3_open_v2 (path, db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      failed (*db, rc, detail);
      g_clear_pointer (db, sqlite3_close);
      return rc;
    }

  sqlite3_extended_result_codes (*db, 1);
  sqlite3_busy_timeout (*db, STORE_BUSY_TIMEOUT_MS);
  /* Until the file passed every check, closing must leave it and its -wal
   * as they were: no checkpoint, no deleting the -wal.
   */
  sqlite3_db_config (*db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  return rc;
}

/* Opens @path for reading and writing, checked and migrated. */
static int
open_writable (const char  *path,
               sqlite3    **out,
               char       **detail)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_free (*detail);
      *detail = g_strdup (g_strerror (saved_errno));
      return saved_errno == ENOSPC ? SQLITE_FULL : SQLITE_CANTOPEN;
    }

  rc = open_file (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db, detail);
  if (rc != SQLITE_OK)
    return rc;

  /* SQLite quietly opens a write-protected file read-only. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_free (*detail);
      *detail = g_strdup (g_strerror (EACCES));
      rc = SQLITE_READONLY;
    }

  if (rc == SQLITE_OK)
    rc = check (db, &version, detail);
  if (rc == SQLITE_OK && version > _broadsheet_store_db_latest ())
    rc = RC_TOO_NEW;
  if (rc == SQLITE_OK)
    rc = query (db, "PRAGMA journal_mode = WAL", NULL, &mode, detail);
  if (rc == SQLITE_OK && g_strcmp0 (mode, "wal") != 0)
    g_debug ("%s stays in journal mode %s", path, mode);
  if (rc == SQLITE_OK)
    rc = exec (db, "PRAGMA synchronous = FULL", detail);
  if (rc == SQLITE_OK)
    rc = migrate (db, detail);

  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      return rc;
    }

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  *out = db;
  return rc;
}

/* Copies @source into @dest, waiting for locks up to the busy timeout. */
static int
copy_database (sqlite3  *source,
               sqlite3  *dest,
               char    **detail)
{
  gint64 deadline = g_get_monotonic_time () + STORE_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return failed (dest, sqlite3_errcode (dest), detail);

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((primary (rc) == SQLITE_BUSY || primary (rc) == SQLITE_LOCKED) &&
          g_get_monotonic_time () < deadline)
        g_usleep (20 * G_TIME_SPAN_MILLISECOND);
      else if (rc != SQLITE_OK)
        break;
    }
  while (TRUE);

  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;

  g_free (*detail);
  *detail = g_strdup (sqlite3_errstr (rc));
  return rc;
}

/* Whether a -wal or -journal holds changes not yet in @path itself. */
static gboolean
has_pending_changes (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      GStatBuf buf;

      if (g_stat (name, &buf) == 0 && buf.st_size > 0)
        return TRUE;
    }

  return FALSE;
}

/* Opens @path for reading only, never writing to it or its -wal. When it is
 * at an older version (or missing), it is copied into an in-memory database
 * (or one is made) and migrated there, so that the same queries work.
 */
static int
open_read_only (const char  *path,
                sqlite3    **out,
                char       **detail)
{
  sqlite3 *source = NULL;
  sqlite3 *db = NULL;
  int version = 0;
  int rc = SQLITE_OK;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      rc = open_file (path, SQLITE_OPEN_READONLY, &source, detail);
      if (rc == SQLITE_OK)
        rc = query (source, "PRAGMA user_version", &version, NULL, detail);

      /* A WAL database whose -shm cannot be made (in a read-only folder)
       * can still be read as immutable, which is right if nothing is pending.
       */
      if ((primary (rc) == SQLITE_READONLY || primary (rc) == SQLITE_CANTOPEN) &&
          !has_pending_changes (path))
        {
          g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
          g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

          g_clear_pointer (&source, sqlite3_close);
          rc = open_file (immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &source, detail);
        }

      if (rc == SQLITE_OK)
        rc = check (source, &version, detail);
      if (rc == SQLITE_OK && version >= _broadsheet_store_db_latest ())
        {
          *out = g_steal_pointer (&source);
          return rc;
        }
    }

  if (rc == SQLITE_OK)
    rc = open_file (":memory:", SQLITE_OPEN_READWRITE, &db, detail);
  if (rc == SQLITE_OK && source != NULL)
    rc = copy_database (source, db, detail);
  g_clear_pointer (&source, sqlite3_close);
  if (rc == SQLITE_OK)
    rc = migrate (db, detail);
  if (rc == SQLITE_OK)
    rc = exec (db, "PRAGMA query_only = 1", detail);

  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      return rc;
    }

  *out = db;
  return rc;
}

/* Renames @path, with its -wal, -shm or -journal, to
 * PATH.corrupt-YYYYMMDD-HHMMSS, and returns the new name.
 */
static char *
set_aside (const char  *path,
           char       **detail)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  guint moved;

  for (guint n = 2; g_file_test (copy, G_FILE_TEST_EXISTS); n++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (g_rename (path, copy) != 0)
    {
      int saved_errno = errno;

      g_free (*detail);
      *detail = g_strdup (g_strerror (saved_errno));
      return NULL;
    }

  /* A -wal left behind would be replayed into the new database. */
  for (moved = 0; moved < G_N_ELEMENTS (companions); moved++)
    {
      g_autofree char *from = g_strconcat (path, companions[moved], NULL);
      g_autofree char *to = g_strconcat (copy, companions[moved], NULL);
      int saved_errno;

      if (!g_file_test (from, G_FILE_TEST_EXISTS) || g_rename (from, to) == 0)
        continue;

      saved_errno = errno;
      g_free (*detail);
      *detail = g_strdup (g_strerror (saved_errno));

      /* Put everything back as it was. */
      while (moved-- > 0)
        {
          g_autofree char *back = g_strconcat (path, companions[moved], NULL);
          g_autofree char *gone = g_strconcat (copy, companions[moved], NULL);

          g_rename (gone, back);
        }
      g_rename (copy, path);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static StoreMessage
read_only_message (int rc)
{
  switch (primary (rc))
    {
    case RC_TOO_NEW:
      return STORE_MESSAGE_TOO_NEW;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return STORE_MESSAGE_LOCKED;

    case SQLITE_FULL:
      return STORE_MESSAGE_NO_SPACE;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_IOERR:
      return STORE_MESSAGE_READ_ONLY;

    default:
      return STORE_MESSAGE_OPEN_FAILED;
    }
}

static gboolean
is_corrupt (int rc)
{
  return primary (rc) == SQLITE_CORRUPT || primary (rc) == SQLITE_NOTADB || rc == RC_FOREIGN;
}

sqlite3 *
_broadsheet_store_db_open (const char  *path,
                           gboolean    *read_only,
                           GError     **problem,
                           GError     **error)
{
  g_autoptr(GError) corrupt = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *read_only_detail = NULL;
  StoreMessage message;
  sqlite3 *db = NULL;
  int rc;

  rc = open_writable (path, &db, &detail);
  if (is_corrupt (rc))
    {
      g_autofree char *copy = NULL;

      g_message ("The database %s is damaged (%s); setting it aside", path, detail);
      copy = set_aside (path, &detail);
      if (copy == NULL)
        {
          g_propagate_error (error, _broadsheet_store_error_new (STORE_MESSAGE_CORRUPT_NOT_KEPT,
                                                                 path, detail));
          return NULL;
        }
      corrupt = _broadsheet_store_error_new (STORE_MESSAGE_CORRUPT_KEPT, path, copy);
      rc = open_writable (path, &db, &detail);
    }

  if (rc == SQLITE_OK)
    {
      *read_only = FALSE;
      *problem = g_steal_pointer (&corrupt);
      return db;
    }

  message = read_only_message (rc);
  if (message == STORE_MESSAGE_OPEN_FAILED)
    {
      g_propagate_error (error, _broadsheet_store_error_new (message, path, detail));
      return NULL;
    }

  /* SQLite's words for a folder that cannot be written are about the database. */
  if (message == STORE_MESSAGE_READ_ONLY)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int saved_errno = g_access (dir, W_OK) == 0 ? 0 : errno;

      if (saved_errno == EACCES || saved_errno == EROFS)
        {
          g_free (detail);
          detail = g_strdup (g_strerror (saved_errno));
        }
    }

  g_debug ("Opening %s read-only: %s", path, detail);
  rc = open_read_only (path, &db, &read_only_detail);
  if (rc != SQLITE_OK)
    {
      if (message == STORE_MESSAGE_LOCKED || primary (rc) == SQLITE_BUSY ||
          primary (rc) == SQLITE_LOCKED)
        message = STORE_MESSAGE_LOCKED_UNREADABLE;
      else if (is_corrupt (rc))
        message = STORE_MESSAGE_CORRUPT_NOT_KEPT;
      else
        {
          message = STORE_MESSAGE_OPEN_FAILED;
          g_free (detail);
          detail = g_steal_pointer (&read_only_detail);
        }
      g_propagate_error (error, _broadsheet_store_error_new (message, path, detail));
      return NULL;
    }

  *read_only = TRUE;
  *problem = _broadsheet_store_error_new (message, path, detail);
  if (corrupt != NULL)
    g_prefix_error (problem, "%s ", corrupt->message);
  return db;
}
