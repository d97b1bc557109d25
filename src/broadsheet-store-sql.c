/* broadsheet-store-sql.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-store-private.h"

/* The SQL behind each operation of the store, run on its worker thread
 * (broadsheet-store-worker.c) against the schema of broadsheet-store-schema.c.
 * Write statements are prepared once and kept for the life of the connection.
 */

enum {
  STMT_PUT,
  STMT_TOUCH,
  STMT_SET_READ,
  STMT_SAVE,
  STMT_UNSAVE,
  STMT_FORGET,
  STMT_FORGET_FEED,
  STMT_EXPIRE,
};

static const char * const statement_sql[] = {
  [STMT_PUT] =
    "INSERT INTO stories (feed_uri, story_id, json, published, read, saved,"
    "                     first_seen, last_seen, saved_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, CASE WHEN ?6 THEN ?7 END)"
    " ON CONFLICT (feed_uri, story_id) DO UPDATE SET"
    "  json = excluded.json, published = excluded.published, last_seen = excluded.last_seen",
  [STMT_TOUCH] =
    "UPDATE stories SET last_seen = ?3 WHERE feed_uri = ?1 AND story_id = ?2",
  [STMT_SET_READ] =
    "UPDATE stories SET read = ?3 WHERE feed_uri = ?1 AND story_id = ?2",
  [STMT_SAVE] =
    "INSERT INTO stories (feed_uri, story_id, json, saved, saved_at, first_seen, last_seen)"
    " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?4)"
    " ON CONFLICT (feed_uri, story_id) DO UPDATE SET"
    "  json = excluded.json, saved = 1,"
    "  saved_at = CASE WHEN saved <> 0 THEN coalesce (saved_at, excluded.saved_at)"
    "                  ELSE excluded.saved_at END",
  [STMT_UNSAVE] =
    "UPDATE stories SET saved = 0, saved_at = NULL, json = coalesce (?3, json)"
    " WHERE feed_uri = ?1 AND story_id = ?2",
  [STMT_FORGET] =
    "DELETE FROM stories WHERE feed_uri = ?1 AND saved = 0",
  [STMT_FORGET_FEED] =
    "DELETE FROM feeds WHERE uri = ?1",
  [STMT_EXPIRE] =
    "DELETE FROM stories WHERE saved = 0 AND last_seen < ?1",
};

G_STATIC_ASSERT (G_N_ELEMENTS (statement_sql) == STORE_N_STATEMENTS);

#define STORY_COLUMNS "feed_uri, story_id, json, read, saved, published, last_seen"

static int
prepare (StoreWorker   *worker,
         guint          which,
         sqlite3_stmt **stmt)
{
  int rc = SQLITE_OK;

  if (worker->statements[which] == NULL)
    rc = sqlite3_prepare_v3 (worker->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                             &worker->statements[which], NULL);
  else
    sqlite3_reset (worker->statements[which]);

  *stmt = worker->statements[which];
  return rc;
}

/* Runs @stmt; on an error it stays unreset, so the message stays readable. */
static int
step (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return rc;

  sqlite3_reset (stmt);
  return SQLITE_OK;
}

static int
apply_to_ids (StoreWorker *worker,
              StoreOp     *op,
              guint        which,
              gint64       value)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < op->items->len; i++)
    {
      sqlite3_stmt *stmt;

      rc = prepare (worker, which, &stmt);
      if (rc != SQLITE_OK)
        break;
      sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (op->items, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, value);
      rc = step (stmt);
    }

  return rc;
}

/* Applies @op, a write, inside the worker's transaction. */
int
_broadsheet_store_sql_apply (StoreWorker *worker,
                             StoreOp     *op)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  switch (op->kind)
    {
    case STORE_OP_PUT:
      for (guint i = 0; rc == SQLITE_OK && i < op->items->len; i++)
        {
          BroadsheetStoredStory *story = g_ptr_array_index (op->items, i);

          rc = prepare (worker, STMT_PUT, &stmt);
          if (rc != SQLITE_OK)
            break;
          sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, story->story_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, story->json, -1, SQLITE_STATIC);
          if (story->published != 0)
            sqlite3_bind_int64 (stmt, 4, story->published);
          else
            sqlite3_bind_null (stmt, 4);
          sqlite3_bind_int (stmt, 5, !!story->read);
          sqlite3_bind_int (stmt, 6, !!story->saved);
          sqlite3_bind_int64 (stmt, 7, op->time);
          rc = step (stmt);
        }
      return rc;

    case STORE_OP_TOUCH:
      return apply_to_ids (worker, op, STMT_TOUCH, op->time);

    case STORE_OP_SET_READ:
      return apply_to_ids (worker, op, STMT_SET_READ, !!op->flag);

    case STORE_OP_SET_SAVED:
      rc = prepare (worker, op->flag ? STMT_SAVE : STMT_UNSAVE, &stmt);
      if (rc != SQLITE_OK)
        return rc;
      sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, op->story_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, op->text, -1, SQLITE_STATIC);
      if (op->flag)
        sqlite3_bind_int64 (stmt, 4, op->time);
      return step (stmt);

    case STORE_OP_FORGET_FEED:
      rc = prepare (worker, STMT_FORGET, &stmt);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
          rc = step (stmt);
        }
      if (rc == SQLITE_OK)
        rc = prepare (worker, STMT_FORGET_FEED, &stmt);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
          rc = step (stmt);
        }
      return rc;

    case STORE_OP_EXPIRE:
      rc = prepare (worker, STMT_EXPIRE, &stmt);
      if (rc != SQLITE_OK)
        return rc;
      sqlite3_bind_int64 (stmt, 1, op->time);
      return step (stmt);

    case STORE_OP_FLUSH:
    case STORE_OP_OPEN:
    case STORE_OP_LOAD_FEED:
    case STORE_OP_LOAD_SAVED:
    case STORE_OP_EXEC:
    case STORE_OP_QUIT:
    default:
      g_assert_not_reached ();
    }
}

static BroadsheetStoredStory *
read_story (sqlite3_stmt *stmt)
{
  BroadsheetStoredStory *story = g_new0 (BroadsheetStoredStory, 1);

  story->feed_uri = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  story->story_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  story->json = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  story->read = sqlite3_column_int (stmt, 3) != 0;
  story->saved = sqlite3_column_int (stmt, 4) != 0;
  story->published = sqlite3_column_int64 (stmt, 5);
  story->last_seen = sqlite3_column_int64 (stmt, 6);
  return story;
}

/* Runs @op, a load, into *@stories. */
int
_broadsheet_store_sql_load (StoreWorker  *worker,
                            StoreOp      *op,
                            GPtrArray   **stories)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) skip = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql;
  int rc;

  if (op->kind == STORE_OP_LOAD_FEED)
    sql = "SELECT " STORY_COLUMNS " FROM stories"
          " WHERE feed_uri = ?1 AND (saved <> 0 OR last_seen >= ?2)"
          " ORDER BY published DESC, story_id LIMIT ?3";
  else
    sql = "SELECT " STORY_COLUMNS " FROM stories WHERE saved <> 0"
          " ORDER BY saved_at DESC, feed_uri, story_id";

  rc = sqlite3_prepare_v2 (worker->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && op->kind == STORE_OP_LOAD_FEED)
    {
      sqlite3_bind_text (stmt, 1, op->feed_uri, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, op->time);
      sqlite3_bind_int (stmt, 3, op->limit);
    }
  else if (rc == SQLITE_OK)
    {
      skip = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < op->items->len; i++)
        g_hash_table_add (skip, g_ptr_array_index (op->items, i));
    }

  loaded = g_ptr_array_new_with_free_func ((GDestroyNotify)broadsheet_stored_story_free);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (skip == NULL || !g_hash_table_contains (skip, sqlite3_column_text (stmt, 0)))
        g_ptr_array_add (loaded, read_story (stmt));
      rc = SQLITE_OK;
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  *stories = g_steal_pointer (&loaded);
  return SQLITE_OK;
}

void
_broadsheet_store_sql_finalize (StoreWorker *worker)
{
  for (guint i = 0; i < STORE_N_STATEMENTS; i++)
    g_clear_pointer (&worker->statements[i], sqlite3_finalize);
}
