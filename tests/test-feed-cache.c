/* test-feed-cache.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "broadsheet-feed-cache.h"

/* The on-disk copy of each feed's last good response. */

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
store (BroadsheetFeedCache  *cache,
       const char           *uri,
       const char           *body,
       const char           *etag,
       const char           *last_modified,
       GError              **error)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;
  g_autoptr(GAsyncResult) result = NULL;

  broadsheet_feed_cache_store_async (cache, uri, bytes, etag, last_modified, NULL, done_cb, &result);
  return broadsheet_feed_cache_store_finish (cache, wait_for (&result), error);
}

static BroadsheetCacheEntry *
load (BroadsheetFeedCache  *cache,
      const char           *uri,
      GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  broadsheet_feed_cache_load_async (cache, uri, NULL, done_cb, &result);
  return broadsheet_feed_cache_load_finish (cache, wait_for (&result), error);
}

static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("broadsheet-test-cache-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

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

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *subdir = g_build_filename (dir, "feeds", NULL);
  g_autoptr(BroadsheetFeedCache) cache = broadsheet_feed_cache_new (subdir);
  g_autoptr(BroadsheetCacheEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *uri = "https://example.org/feed.json";

  g_assert_true (store (cache, uri, "{\"a\": 1}", "\"v1\"", "Fri, 27 Nov 2026 07:00:00 GMT", &error));
  g_assert_no_error (error);

  entry = load (cache, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (entry->bytes, NULL), g_bytes_get_size (entry->bytes),
                   "{\"a\": 1}", 8);
  g_assert_cmpstr (entry->etag, ==, "\"v1\"");
  g_assert_cmpstr (entry->last_modified, ==, "Fri, 27 Nov 2026 07:00:00 GMT");
  g_assert_nonnull (entry->fetched);
  g_clear_pointer (&entry, broadsheet_cache_entry_free);

  /* A 304 confirms the body and updates the validators only. */
  g_assert_true (store (cache, uri, NULL, "\"v2\"", NULL, &error));
  entry = load (cache, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (entry->bytes), ==, 8);
  g_assert_cmpstr (entry->etag, ==, "\"v2\"");
  g_assert_null (entry->last_modified);
  g_clear_pointer (&entry, broadsheet_cache_entry_free);

  broadsheet_feed_cache_remove (cache, uri);
  entry = load (cache, uri, &error);
  g_assert_null (entry);
  g_assert_nonnull (error);

  remove_tree (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BroadsheetFeedCache) cache = broadsheet_feed_cache_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetCacheEntry) entry = load (cache, "https://example.org/never", &error);

  g_assert_null (entry);
  g_assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
                 g_error_matches (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_NOT_FOUND));
  remove_tree (dir);
}

static void
test_separate_feeds (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BroadsheetFeedCache) cache = broadsheet_feed_cache_new (dir);
  g_autoptr(BroadsheetCacheEntry) a = NULL;
  g_autoptr(BroadsheetCacheEntry) b = NULL;

  g_assert_true (store (cache, "https://a.example.org/", "A", NULL, NULL, NULL));
  g_assert_true (store (cache, "https://b.example.org/", "BB", NULL, NULL, NULL));
  a = load (cache, "https://a.example.org/", NULL);
  b = load (cache, "https://b.example.org/", NULL);
  g_assert_cmpuint (g_bytes_get_size (a->bytes), ==, 1);
  g_assert_cmpuint (g_bytes_get_size (b->bytes), ==, 2);
  remove_tree (dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (file, "feeds", NULL);
  g_autoptr(BroadsheetFeedCache) cache = NULL;
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: the store fails with a message. */
  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  cache = broadsheet_feed_cache_new (inside);
  g_assert_false (store (cache, "https://example.org/", "x", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, inside));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-cache/round-trip", test_round_trip);
  g_test_add_func ("/feed-cache/missing", test_missing);
  g_test_add_func ("/feed-cache/separate-feeds", test_separate_feeds);
  g_test_add_func ("/feed-cache/unwritable", test_unwritable);

  return g_test_run ();
}
