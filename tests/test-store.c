/* test-store.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "broadsheet-store-private.h"

/* The store of saved stories, read marks and the archive: round trips,
 * batching, migration, and every way opening or writing can go wrong,
 * including a SIGKILL in the middle of writing.
 */

#define FEED "https://example.org/feed.json"
#define OTHER_FEED "https://example.net/other.json"

static char *test_binary;

/* Helpers. */

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
open_store (BroadsheetStore  *store,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  broadsheet_store_open_async (store, NULL, done_cb, &result);
  return broadsheet_store_open_finish (store, wait_for (&result), error);
}

/* A store on @path, opened without problems. */
static BroadsheetStore *
new_store (const char *path)
{
  BroadsheetStore *store = broadsheet_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  g_assert_null (broadsheet_store_get_problem (store));
  g_assert_false (broadsheet_store_get_read_only (store));
  return store;
}

static gboolean
flush (BroadsheetStore  *store,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  broadsheet_store_flush_async (store, NULL, done_cb, &result);
  return broadsheet_store_flush_finish (store, wait_for (&result), error);
}

static void
assert_flush (BroadsheetStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (flush (store, &error));
  g_assert_no_error (error);
}

static GPtrArray *
load_feed (BroadsheetStore *store,
           const char      *feed_uri,
           gint64           not_before)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *stories;

  broadsheet_store_load_feed_async (store, feed_uri, not_before, -1, NULL, done_cb, &result);
  stories = broadsheet_store_load_feed_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stories);
  return stories;
}

static GPtrArray *
load_saved (BroadsheetStore    *store,
            const char * const *feed_uris)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *stories;

  broadsheet_store_load_saved_async (store, feed_uris, NULL, done_cb, &result);
  stories = broadsheet_store_load_saved_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stories);
  return stories;
}

static BroadsheetStoredStory *
find (GPtrArray  *stories,
      const char *story_id)
{
  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStoredStory *story = g_ptr_array_index (stories, i);

      if (g_strcmp0 (story->story_id, story_id) == 0)
        return story;
    }
  return NULL;
}

static GPtrArray *
new_stories (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)broadsheet_stored_story_free);
}

static BroadsheetStoredStory *
add_story (GPtrArray  *stories,
           const char *story_id,
           const char *json,
           gint64      published)
{
  BroadsheetStoredStory *story = broadsheet_stored_story_new (NULL, story_id, json);

  story->published = published;
  g_ptr_array_add (stories, story);
  return story;
}

static void
write_failed_cb (BroadsheetStore *store,
                 const GError    *error,
                 gpointer         user_data)
{
  GError **out = user_data;

  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
wait_for_error (GError **error)
{
  while (*error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("broadsheet-test-store-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_chmod (dir, 0700);
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* The one file in @dir whose name starts with @prefix and has no -wal or -shm. */
static char *
find_file (const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  char *found = NULL;
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        {
          g_assert_null (found);
          found = g_build_filename (dir, name, NULL);
        }
    }
  return found;
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static char *
remove_spaces (char *text)
{
  char *to = text;

  for (const char *from = text; *from != '\0'; from++)
    if (*from != ' ')
      *to++ = *from;
  *to = '\0';
  return text;
}

static const char step_1_schema[] =
  "CREATE TABLE stories ("
  "  feed_uri TEXT NOT NULL, story_id TEXT NOT NULL, json TEXT NOT NULL, published INTEGER,"
  "  read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (feed_uri, story_id));"
  "PRAGMA user_version = 1;";

/* Round trips. */

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  const char *read_ids[] = { "b", "c", NULL };
  BroadsheetStoredStory *story;

  g_assert_cmpstr (broadsheet_store_get_path (store), ==, path);
  {
    g_autoptr(BroadsheetStore) unopened = broadsheet_store_new (NULL);
    g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "broadsheet",
                                                      "broadsheet.db", NULL);

    g_assert_cmpstr (broadsheet_store_get_path (unopened), ==, default_path);
  }

  add_story (stories, "a", "{\"id\": \"a\"}", 1700000000);
  add_story (stories, "b", "{\"id\": \"b\"}", 1700000100)->read = TRUE;
  add_story (stories, "c", "{\"id\": \"c\"}", 0)->saved = TRUE;
  broadsheet_store_put_stories (store, FEED, stories);
  assert_flush (store);

  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 3);
  /* Newest first, unknown times last. */
  g_assert_cmpstr (((BroadsheetStoredStory *)loaded->pdata[0])->story_id, ==, "b");
  g_assert_cmpstr (((BroadsheetStoredStory *)loaded->pdata[2])->story_id, ==, "c");
  story = find (loaded, "a");
  g_assert_cmpstr (story->feed_uri, ==, FEED);
  g_assert_cmpstr (story->json, ==, "{\"id\": \"a\"}");
  g_assert_cmpint (story->published, ==, 1700000000);
  g_assert_cmpint (story->last_seen, >, 0);
  g_assert_false (story->read);
  g_assert_false (story->saved);
  g_assert_true (find (loaded, "b")->read);
  g_assert_true (find (loaded, "c")->saved);
  g_assert_cmpint (find (loaded, "c")->published, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Put again: new JSON, but the stored marks win over the given ones. */
  g_ptr_array_set_size (stories, 0);
  add_story (stories, "a", "{\"id\": \"a\", \"v\": 2}", 1700000200);
  add_story (stories, "b", "{\"id\": \"b\", \"v\": 2}", 1700000100);
  add_story (stories, "c", "{\"id\": \"c\", \"v\": 2}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_set_read (store, FEED, read_ids, FALSE);
  broadsheet_store_set_read (store, FEED, (const char * const[]){ "a", NULL }, TRUE);
  broadsheet_store_set_saved (store, FEED, "a", "{\"id\": \"a\", \"full\": true}", TRUE);
  broadsheet_store_set_saved (store, FEED, "c", NULL, FALSE);
  assert_flush (store);

  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 3);
  story = find (loaded, "a");
  g_assert_cmpstr (story->json, ==, "{\"id\": \"a\", \"full\": true}");
  g_assert_cmpint (story->published, ==, 1700000200);
  g_assert_true (story->read);
  g_assert_true (story->saved);
  g_assert_false (find (loaded, "b")->read);
  g_assert_false (find (loaded, "b")->saved);
  g_assert_cmpstr (find (loaded, "c")->json, ==, "{\"id\": \"c\", \"v\": 2}");
  g_assert_false (find (loaded, "c")->saved);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_cmpuint (load_feed (store, OTHER_FEED, 0)->len, ==, 0);

  /* Saving a story never stored before stores it. */
  broadsheet_store_set_saved (store, OTHER_FEED, "x", "{\"id\": \"x\"}", TRUE);
  /* Closing commits what is queued. */
  broadsheet_store_close (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = new_store (path);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_assert_true (find (loaded, "a")->saved);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_feed (store, OTHER_FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (find (loaded, "x")->json, ==, "{\"id\": \"x\"}");
  g_assert_true (find (loaded, "x")->saved);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_saved_outlive_feed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  const char *live[] = { OTHER_FEED, NULL };
  const char *both[] = { FEED, OTHER_FEED, NULL };

  _broadsheet_store_set_now (store, 1000);
  add_story (stories, "kept", "{\"short\": true}", 900);
  add_story (stories, "gone", "{}", 900);
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_put_stories (store, OTHER_FEED, stories);
  broadsheet_store_set_saved (store, FEED, "kept", "{\"whole\": \"story\"}", TRUE);
  broadsheet_store_set_saved (store, OTHER_FEED, "kept", "{\"other\": 1}", TRUE);
  broadsheet_store_forget_feed (store, FEED);
  assert_flush (store);

  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (find (loaded, "kept")->json, ==, "{\"whole\": \"story\"}");
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Saved stories never expire; the rest of a forgotten feed is gone. */
  _broadsheet_store_set_now (store, 5000);
  broadsheet_store_expire (store, 4000);
  assert_flush (store);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (find (loaded, "kept")->json, ==, "{\"whole\": \"story\"}");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_feed (store, OTHER_FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Saved stories of removed feeds: only those whose feed is not listed. */
  loaded = load_saved (store, live);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (find (loaded, "kept")->feed_uri, ==, FEED);
  g_assert_cmpstr (find (loaded, "kept")->json, ==, "{\"whole\": \"story\"}");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_saved (store, both);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_saved (store, NULL);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Unsaved, a story of a removed feed expires like any other. */
  broadsheet_store_set_saved (store, FEED, "kept", NULL, FALSE);
  broadsheet_store_expire (store, 4000);
  assert_flush (store);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_retention (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  const char *still_listed[] = { "b", NULL };

  _broadsheet_store_set_now (store, 1000);
  add_story (stories, "a", "{}", 0);
  add_story (stories, "b", "{}", 0);
  add_story (stories, "c", "{}", 0)->saved = TRUE;
  broadsheet_store_put_stories (store, FEED, stories);
  _broadsheet_store_set_now (store, 2000);
  broadsheet_store_touch_stories (store, FEED, still_listed);
  assert_flush (store);

  /* Loading: saved ones, and those seen since the limit. */
  loaded = load_feed (store, FEED, 1500);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_nonnull (find (loaded, "b"));
  g_assert_cmpint (find (loaded, "b")->last_seen, ==, 2000);
  g_assert_nonnull (find (loaded, "c"));
  g_assert_cmpint (find (loaded, "c")->last_seen, ==, 1000);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Expiring: a, last seen before the limit and not saved. */
  broadsheet_store_expire (store, 1500);
  assert_flush (store);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_null (find (loaded, "a"));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Putting refreshes last_seen too. */
  _broadsheet_store_set_now (store, 3000);
  g_ptr_array_set_size (stories, 0);
  add_story (stories, "c", "{}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_expire (store, 2500);
  assert_flush (store);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpint (find (loaded, "c")->last_seen, ==, 3000);
  g_assert_true (find (loaded, "c")->saved);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

/* Batching. */

static char **
make_ids (guint n)
{
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup_printf ("story-%05u", i);
  return ids;
}

static guint
count_read (BroadsheetStore *store)
{
  g_autoptr(GPtrArray) loaded = load_feed (store, FEED, 0);
  guint n = 0;

  for (guint i = 0; i < loaded->len; i++)
    n += ((BroadsheetStoredStory *)loaded->pdata[i])->read;
  return n;
}

static void
test_batch (void)
{
  const guint n = 10000;
  guint n_separate = g_test_perf () ? n : 500;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_auto(GStrv) ids = make_ids (n);
  g_autoptr(GTimer) timer = g_timer_new ();
  double one_call;
  double separate;
  guint commits;

  for (guint i = 0; i < n; i++)
    add_story (stories, ids[i], "{\"headline\": \"A story\"}", 1700000000 + i);
  broadsheet_store_put_stories (store, FEED, stories);
  assert_flush (store);

  /* Ten thousand marks in one call: one transaction. */
  commits = _broadsheet_store_get_n_commits (store);
  g_timer_start (timer);
  broadsheet_store_set_read (store, FEED, (const char * const *)ids, TRUE);
  assert_flush (store);
  one_call = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (_broadsheet_store_get_n_commits (store), ==, commits + 1);
  g_assert_cmpuint (count_read (store), ==, n);

  /* The same one transaction at a time, waiting for each. */
  commits = _broadsheet_store_get_n_commits (store);
  g_timer_start (timer);
  for (guint i = 0; i < n_separate; i++)
    {
      broadsheet_store_set_read (store, FEED, (const char * const[]){ ids[i], NULL }, FALSE);
      assert_flush (store);
    }
  separate = g_timer_elapsed (timer, NULL) * n / n_separate;
  g_assert_cmpuint (_broadsheet_store_get_n_commits (store), ==, commits + n_separate);
  g_assert_cmpuint (count_read (store), ==, n - n_separate);

  g_test_message ("Marking %u stories read: %.1f ms in one call (one transaction); "
                  "%.0f ms as %u separate transactions%s; ratio %.0f",
                  n, one_call * 1000, separate * 1000, n,
                  n_separate < n ? " (extrapolated from fewer, run with -m perf for all)" : "",
                  separate / one_call);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_batch_separate_calls (void)
{
  const guint n = 10000;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_auto(GStrv) ids = make_ids (n);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    add_story (stories, ids[i], "{}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_close (store);
  g_clear_object (&store);

  /* Ten thousand separate calls queued together (here before opening, so
   * that the worker cannot wake in between) commit as one transaction.
   */
  store = broadsheet_store_new (path);
  for (guint i = 0; i < n; i++)
    broadsheet_store_set_read (store, FEED, (const char * const[]){ ids[i], NULL }, TRUE);
  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  assert_flush (store);
  g_assert_cmpuint (_broadsheet_store_get_n_commits (store), ==, 1);
  g_assert_cmpuint (count_read (store), ==, n);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

/* Migration. */

static void
test_migrate (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *journal_mode = NULL;
  g_autoptr(BroadsheetStore) store = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3 *db;

  db = raw_open (path);
  raw_exec (db, step_1_schema);
  raw_exec (db, "INSERT INTO stories VALUES ('" FEED "', 'a', '{\"a\": 1}', 1700000000, 1, 0);"
                "INSERT INTO stories VALUES ('" FEED "', 'b', '{\"b\": 2}', NULL, 0, 1);"
                "INSERT INTO stories VALUES ('" OTHER_FEED "', 'c', '{\"c\": 3}', 5, 1, 1);");
  sqlite3_close (db);

  store = new_store (path);
  loaded = load_feed (store, FEED, before);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (find (loaded, "a")->json, ==, "{\"a\": 1}");
  g_assert_cmpint (find (loaded, "a")->published, ==, 1700000000);
  g_assert_true (find (loaded, "a")->read);
  g_assert_false (find (loaded, "a")->saved);
  g_assert_cmpstr (find (loaded, "b")->json, ==, "{\"b\": 2}");
  g_assert_cmpint (find (loaded, "b")->published, ==, 0);
  g_assert_false (find (loaded, "b")->read);
  g_assert_true (find (loaded, "b")->saved);
  /* Version 1 rows count as seen at the upgrade, so none expires at once. */
  g_assert_cmpint (find (loaded, "a")->last_seen, >=, before);
  broadsheet_store_expire (store, before - 1);
  broadsheet_store_close (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, _broadsheet_store_db_latest ());
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM stories"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM stories"
                                " WHERE first_seen >= strftime('%s', 'now') - 60"
                                " AND last_seen = first_seen"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM stories WHERE saved_at IS NOT NULL"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM stories WHERE saved = 0"
                                " AND saved_at IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM feeds"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master"
                                " WHERE type = 'index' AND name = 'stories_expiry'"), ==, 1);
  /* Step 3: the newest screenful comes from an index, not a sort of all. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master"
                                " WHERE type = 'index' AND name = 'stories_newest'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('feeds')"), ==, 4);
  journal_mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  schema = raw_text (db, "SELECT group_concat (sql, ';') FROM"
                         " (SELECT sql FROM sqlite_master ORDER BY name)");
  sqlite3_close (db);

  /* The same schema as a database created now. */
  store = new_store (fresh_path);
  g_assert_finalize_object (g_steal_pointer (&store));
  db = raw_open (fresh_path);
  fresh_schema = raw_text (db, "SELECT group_concat (sql, ';') FROM"
                               " (SELECT sql FROM sqlite_master ORDER BY name)");
  sqlite3_close (db);
  /* Ignoring the layout of version 1's SQL, typed again above. */
  g_strdelimit (schema, "\n", ' ');
  g_strdelimit (fresh_schema, "\n", ' ');
  g_assert_cmpstr (remove_spaces (schema), ==, remove_spaces (fresh_schema));

  remove_tree (dir);
}

/* Writes on a read-only store fail through "write-failed" and the flush. */
static void
assert_writes_refused (BroadsheetStore *store)
{
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GError) failed = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (store, "write-failed", G_CALLBACK (write_failed_cb), &failed);
  add_story (stories, "new", "{}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_set_saved (store, FEED, "new", "{}", TRUE);
  g_assert_false (flush (store, &error));
  g_assert_error (error, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_READ_ONLY);
  wait_for_error (&failed);
  g_assert_error (failed, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (failed->message, broadsheet_store_get_path (store)));
  g_assert_nonnull (strstr (failed->message, "read-only"));
  g_signal_handler_disconnect (store, handler);
}

static void
test_too_new (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BroadsheetStore) store = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_length, after_length;
  const GError *problem;
  sqlite3 *db;

  /* A future version that still reads like this one, in rollback journal mode. */
  db = raw_open (path);
  raw_exec (db, step_1_schema);
  raw_exec (db, "ALTER TABLE stories ADD COLUMN last_seen INTEGER;"
                "ALTER TABLE stories ADD COLUMN saved_at INTEGER;"
                "CREATE TABLE future (x);"
                "INSERT INTO stories VALUES ('" FEED "', 'a', '{}', 1, 1, 1, 10, 10);"
                "PRAGMA user_version = 99;");
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  store = broadsheet_store_new (path);
  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  g_assert_true (broadsheet_store_get_read_only (store));
  problem = broadsheet_store_get_problem (store);
  g_assert_error ((GError *)problem, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (problem->message, path));
  g_assert_nonnull (strstr (problem->message, "newer version"));
  g_test_message ("Too new: %s", problem->message);

  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_true (find (loaded, "a")->saved);
  assert_writes_refused (store);
  broadsheet_store_close (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_null (find_file (dir, "broadsheet.db.corrupt"));
  remove_tree (dir);
}

/* Damage. */

static void
assert_set_aside (const char *dir,
                  const char *path,
                  const char *original,
                  gsize       original_length)
{
  g_autoptr(BroadsheetStore) store = broadsheet_store_new (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *kept = NULL;
  gsize kept_length;
  const GError *problem;

  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  g_assert_false (broadsheet_store_get_read_only (store));
  problem = broadsheet_store_get_problem (store);
  g_assert_error ((GError *)problem, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CORRUPT);
  g_test_message ("Damaged: %s", problem->message);

  copy = find_file (dir, "broadsheet.db.corrupt-");
  g_assert_nonnull (copy);
  g_assert_true (g_regex_match_simple ("broadsheet\\.db\\.corrupt-[0-9]{8}-[0-9]{6}$", copy, 0, 0));
  g_assert_nonnull (strstr (problem->message, copy));
  g_assert_true (g_file_get_contents (copy, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, original, original_length);

  /* The new database works. */
  add_story (stories, "a", "{}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  assert_flush (store);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = new_store (path);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_corrupt_garbage (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *new_wal = NULL;
  char garbage[8192];

  for (gsize i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  g_assert_true (g_file_set_contents (wal, "not a wal either", -1, NULL));

  assert_set_aside (dir, path, garbage, sizeof garbage);

  /* The -wal went with it, and the new database has none of it. */
  copy = find_file (dir, "broadsheet.db.corrupt-");
  copy_wal = g_strconcat (copy, "-wal", NULL);
  g_assert_true (g_file_get_contents (copy_wal, &kept_wal, NULL, NULL));
  g_assert_cmpstr (kept_wal, ==, "not a wal either");
  if (g_file_get_contents (wal, &new_wal, NULL, NULL))
    g_assert_cmpstr (new_wal, !=, "not a wal either");

  remove_tree (dir);
}

static void
test_corrupt_truncated (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);

      add_story (stories, id, "{\"headline\": \"Some words to fill the pages with\"}", i);
    }
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_close (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  length /= 2;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_set_aside (dir, path, contents, length);
  remove_tree (dir);
}

/* Locks held by another connection. */

static void
test_locked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const GError *problem;
  sqlite3 *db;

  add_story (stories, "a", "{}", 0)->saved = TRUE;
  broadsheet_store_put_stories (store, FEED, stories);
  broadsheet_store_close (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* A writer holds the (WAL) database: reading still works. */
  db = raw_open (path);
  raw_exec (db, "BEGIN EXCLUSIVE; DELETE FROM stories;");

  store = broadsheet_store_new (path);
  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
  g_assert_true (broadsheet_store_get_read_only (store));
  problem = broadsheet_store_get_problem (store);
  g_assert_error ((GError *)problem, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (problem->message, path));
  g_test_message ("Locked: %s (after %.1f s)", problem->message, g_timer_elapsed (timer, NULL));
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  assert_writes_refused (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  raw_exec (db, "ROLLBACK; PRAGMA journal_mode = DELETE;");

  /* In rollback journal mode an exclusive lock keeps readers out too. */
  raw_exec (db, "BEGIN EXCLUSIVE; DELETE FROM stories;");
  g_timer_start (timer);
  store = broadsheet_store_new (path);
  g_assert_false (open_store (store, &error));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
  g_assert_error (error, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("Locked out: %s (after %.1f s)", error->message, g_timer_elapsed (timer, NULL));
  g_assert_true (broadsheet_store_get_read_only (store));
  g_assert_finalize_object (g_steal_pointer (&store));
  raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  /* Once the lock is gone, the store writes again and the story is there. */
  store = new_store (path);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

/* Read-only at an older version: migrated in memory, the file left alone. */
static void
test_locked_old_version (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3 *db;

  db = raw_open (path);
  raw_exec (db, "PRAGMA journal_mode = WAL;");
  raw_exec (db, step_1_schema);
  raw_exec (db, "INSERT INTO stories VALUES ('" FEED "', 'a', '{\"a\": 1}', 5, 1, 1);"
                "BEGIN EXCLUSIVE;"
                "INSERT INTO stories VALUES ('" FEED "', 'b', '{}', 6, 0, 0);");

  store = broadsheet_store_new (path);
  g_assert_true (open_store (store, &error));
  g_assert_no_error (error);
  g_assert_true (broadsheet_store_get_read_only (store));
  g_assert_error ((GError *)broadsheet_store_get_problem (store),
                  BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_LOCKED);
  loaded = load_feed (store, FEED, before);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (find (loaded, "a")->json, ==, "{\"a\": 1}");
  g_assert_true (find (loaded, "a")->read);
  g_assert_cmpint (find (loaded, "a")->last_seen, >=, before);
  g_assert_finalize_object (g_steal_pointer (&store));

  raw_exec (db, "COMMIT");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM stories"), ==, 2);
  sqlite3_close (db);
  remove_tree (dir);
}

/* Read-only files and folders. */

/* Opens @path, expecting a read-only store with @n_stories stories and a
 * problem naming the path.
 */
static void
check_read_only (const char *path,
                 guint       n_stories)
{
  g_autoptr(BroadsheetStore) store = broadsheet_store_new (path);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const GError *problem;
  gboolean opened;

  opened = open_store (store, &error);
  g_assert_no_error (error);
  g_assert_true (opened);
  g_assert_true (broadsheet_store_get_read_only (store));
  problem = broadsheet_store_get_problem (store);
  g_assert_error ((GError *)problem, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (problem->message, path));
  g_assert_nonnull (strstr (problem->message, "won’t be kept"));
  printf ("# Read-only: %s\n", problem->message);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, n_stories);
  assert_writes_refused (store);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The checks in a read-only folder @dir, whose broadsheet.db has one story;
 * run as a user that permissions apply to.
 */
static void
check_read_only_dir (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "broadsheet.db", NULL);

  check_read_only (path, 1);
  /* No database, and none can be made: an empty one, read-only. */
  check_read_only (missing, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
child_as_nobody (gpointer user_data)
{
  struct passwd *nobody = user_data;

  if (setgroups (0, NULL) != 0 || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
    _exit (77);
}

static void
test_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *inner = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (inner, "broadsheet.db", NULL);
  g_autofree char *file_dir = g_build_filename (dir, "file", NULL);
  g_autofree char *file_path = g_build_filename (file_dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = NULL;
  g_autoptr(GPtrArray) stories = new_stories ();
  struct passwd *nobody = NULL;

  add_story (stories, "a", "{}", 0);
  store = new_store (path);
  broadsheet_store_put_stories (store, FEED, stories);
  g_assert_finalize_object (g_steal_pointer (&store));
  store = new_store (file_path);
  broadsheet_store_put_stories (store, FEED, stories);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_cmpint (g_chmod (inner, 0500), ==, 0);
  g_assert_cmpint (g_chmod (file_path, 0400), ==, 0);

  if (access (inner, W_OK) != 0)
    {
      check_read_only_dir (inner);
      check_read_only (file_path, 1);
      remove_tree (dir);
      return;
    }

  /* Root writes anywhere: run the checks in a child as nobody. */
  nobody = getpwnam ("nobody");
  if (nobody == NULL)
    {
      remove_tree (dir);
      g_test_skip ("Running as root, and there is no user “nobody” to run as");
      return;
    }

  g_assert_cmpint (chown (dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (chown (inner, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (chown (file_dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (chown (file_path, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;

      /* LeakSanitizer cannot stop the world without ptrace rights. */
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
      g_subprocess_launcher_set_child_setup (launcher, child_as_nobody, nobody, NULL);
      child = g_subprocess_launcher_spawn (launcher, &error, test_binary, "--read-only-checks",
                                           inner, file_path, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_exited (child) && g_subprocess_get_exit_status (child) == 77)
        g_test_skip ("Running as root, and could not switch to the user “nobody”");
      else
        g_assert_true (g_subprocess_get_successful (child));
    }

  remove_tree (dir);
}

static int
run_read_only_checks (const char *dir,
                      const char *file_path)
{
  if (access (dir, W_OK) == 0)
    {
      printf ("# Could still write to %s\n", dir);
      return 1;
    }

  check_read_only_dir (dir);
  check_read_only (file_path, 1);
  return 0;
}

/* A full disk, simulated with max_page_count: reported, kept and retried. */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');

  g_signal_connect (store, "write-failed", G_CALLBACK (write_failed_cb), &failed);
  add_story (stories, "small", "{}", 0);
  broadsheet_store_put_stories (store, FEED, stories);
  assert_flush (store);

  _broadsheet_store_exec (store, "PRAGMA max_page_count = 1");
  broadsheet_store_set_saved (store, FEED, "big", big, TRUE);
  broadsheet_store_set_read (store, FEED, (const char * const[]){ "small", NULL }, TRUE);
  g_assert_false (flush (store, &error));
  g_assert_error (error, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_NO_SPACE);
  wait_for_error (&failed);
  g_assert_error (failed, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (failed->message, path));
  g_assert_nonnull (strstr (failed->message, "disk is full"));
  g_test_message ("Disk full: %s", failed->message);
  g_assert_false (broadsheet_store_get_read_only (store));
  g_clear_error (&error);
  g_clear_error (&failed);

  /* Still refused: the writes are kept, not lost. */
  g_assert_false (flush (store, &error));
  g_assert_error (error, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_NO_SPACE);
  g_clear_error (&error);
  wait_for_error (&failed);
  g_clear_error (&failed);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_false (find (loaded, "small")->read);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Space again: the next flush commits them. */
  _broadsheet_store_exec (store, "PRAGMA max_page_count = 1073741823");
  assert_flush (store);
  g_assert_null (failed);
  loaded = load_feed (store, FEED, 0);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (find (loaded, "big")->json, ==, big);
  g_assert_true (find (loaded, "small")->read);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_closed (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autoptr(BroadsheetStore) store = new_store (path);
  g_autoptr(GError) failed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "write-failed", G_CALLBACK (write_failed_cb), &failed);
  broadsheet_store_close (store);
  broadsheet_store_close (store);

  broadsheet_store_forget_feed (store, FEED);
  wait_for_error (&failed);
  g_assert_error (failed, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CLOSED);

  broadsheet_store_load_feed_async (store, FEED, 0, -1, NULL, done_cb, &result);
  g_assert_null (broadsheet_store_load_feed_finish (store, wait_for (&result), &error));
  g_assert_error (error, BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CLOSED);
  g_clear_object (&result);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

/* SIGKILL while writing: every batch reported done is on disk. */

#define WRITER_STORIES 20

typedef struct
{
  BroadsheetStore *store;
  int              round;
  int              queued;
} Writer;

static void writer_flush_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
writer_queue (Writer *writer)
{
  g_autoptr(GPtrArray) stories = new_stories ();
  g_autoptr(GPtrArray) read = g_ptr_array_new ();
  int batch = ++writer->queued;

  for (int i = 0; i < WRITER_STORIES; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%d-b%d-s%d", writer->round, batch, i);
      g_autofree char *json = g_strdup_printf ("{\"batch\": %d, \"padding\": \"%0500d\"}",
                                               batch, i);
      BroadsheetStoredStory *story = add_story (stories, id, json, batch);

      if (i % 2 == 0)
        g_ptr_array_add (read, story->story_id);
    }
  g_ptr_array_add (read, NULL);

  broadsheet_store_put_stories (writer->store, FEED, stories);
  broadsheet_store_set_read (writer->store, FEED, (const char * const *)read->pdata, TRUE);
  broadsheet_store_set_saved (writer->store, FEED,
                              ((BroadsheetStoredStory *)stories->pdata[1])->story_id,
                              "{\"saved\": true}", TRUE);
  broadsheet_store_flush_async (writer->store, NULL, writer_flush_cb, writer);
}

static void
writer_flush_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;
  static int done;

  if (!broadsheet_store_flush_finish (writer->store, result, &error))
    {
      fprintf (stderr, "Writer: %s\n", error->message);
      exit (1);
    }

  printf ("done %d\n", ++done);
  fflush (stdout);

  /* Never outlive a parent that failed before killing. */
  if (done >= 2000)
    exit (2);
  writer_queue (writer);
}

/* The child: writes batches, always one committing and one queued, until killed. */
static int
run_writer (const char *path,
            int         round)
{
  Writer writer = { NULL, round, 0 };
  g_autoptr(GError) error = NULL;

  writer.store = broadsheet_store_new (path);
  if (!open_store (writer.store, &error))
    {
      fprintf (stderr, "Writer: %s\n", error->message);
      return 1;
    }

  writer_queue (&writer);
  writer_queue (&writer);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_sigkill (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "broadsheet.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(BroadsheetStore) store = NULL;

  for (int round = 1; round <= 3; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *round_arg = g_strdup_printf ("%d", round);
      int kill_after = g_test_rand_int_range (3, 40);
      int done = 0;
      gboolean killed = FALSE;
      goffset wal_size;
      GStatBuf buf;
      char *line;
      sqlite3 *db;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, test_binary,
                                "--store-writer", path, round_arg, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
        {
          int n = 0;

          g_assert_cmpint (sscanf (line, "done %d", &n), ==, 1);
          g_assert_cmpint (n, ==, done + 1);
          done = n;
          g_free (line);

          if (!killed && done >= kill_after)
            {
              /* Land somewhere inside the next commit. */
              g_usleep (g_test_rand_int_range (0, 3000));
              g_subprocess_send_signal (child, SIGKILL);
              killed = TRUE;
            }
        }
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      wal_size = g_stat (wal, &buf) == 0 ? buf.st_size : 0;

      db = raw_open (path);
      {
        g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

        g_assert_cmpstr (check, ==, "ok");
      }
      for (int batch = 1; batch <= done; batch++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*), sum(read), sum(saved)"
                                                  " FROM stories WHERE published = %d"
                                                  " AND story_id LIKE 'r%d-b%d-s%%'",
                                                  batch, round, batch);
          sqlite3_stmt *stmt = NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, WRITER_STORIES);
          g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, WRITER_STORIES / 2);
          g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
          sqlite3_finalize (stmt);
        }
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM stories WHERE published > %d"
                                                " AND story_id LIKE 'r%d-%%'", done, round);

        g_test_message ("Round %d: killed after %d batches reported done, with a %" G_GINT64_FORMAT
                        "-byte WAL and %" G_GINT64_FORMAT " stories of later batches committed",
                        round, done, (gint64)wal_size, raw_int (db, sql));
      }
      sqlite3_close (db);

      /* And the store opens it without a problem. */
      store = new_store (path);
      g_assert_finalize_object (g_steal_pointer (&store));
    }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--store-writer") == 0)
    return run_writer (argv[2], atoi (argv[3]));
  if (argc == 4 && g_strcmp0 (argv[1], "--read-only-checks") == 0)
    return run_read_only_checks (argv[2], argv[3]);

  test_binary = g_file_read_link ("/proc/self/exe", NULL);
  if (test_binary == NULL)
    test_binary = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/round-trip", test_round_trip);
  g_test_add_func ("/store/saved-outlive-feed", test_saved_outlive_feed);
  g_test_add_func ("/store/retention", test_retention);
  g_test_add_func ("/store/batch", test_batch);
  g_test_add_func ("/store/batch-separate-calls", test_batch_separate_calls);
  g_test_add_func ("/store/migrate", test_migrate);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/corrupt-garbage", test_corrupt_garbage);
  g_test_add_func ("/store/corrupt-truncated", test_corrupt_truncated);
  g_test_add_func ("/store/locked", test_locked);
  g_test_add_func ("/store/locked-old-version", test_locked_old_version);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/disk-full", test_disk_full);
  g_test_add_func ("/store/closed", test_closed);
  g_test_add_func ("/store/sigkill", test_sigkill);

  return g_test_run ();
}
