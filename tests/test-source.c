/* test-source.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-source.h"
#include "broadsheet-store.h"
#include "broadsheet-story-archive.h"
#include "broadsheet-story.h"

/* Loading a source keeps what the user already sees when a load fails. */

typedef struct
{
  char  *dir;
  GFile *file;
  char  *uri;
} Fixture;

static void
copy_feed (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = g_file_get_path (fixture->file);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("broadsheet-test-source-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  path = g_build_filename (fixture->dir, "feed.json", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->uri = g_file_get_uri (fixture->file);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->file);

  g_unlink (path);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->uri);
  g_free (fixture->dir);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = broadsheet_source_load_finish (BROADSHEET_SOURCE (object), result, error);

  g_assert_true (ok == (*error == NULL));
  /* Mark that the callback ran, whatever it returned. */
  g_object_set_data (object, "done", GINT_TO_POINTER (TRUE));
}

static GError *
load (BroadsheetSource *source,
      GCancellable     *cancellable)
{
  GError *error = NULL;

  g_object_set_data (G_OBJECT (source), "done", NULL);
  broadsheet_source_load_async (source, cancellable, load_cb, &error);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_LOADING);
  while (g_object_get_data (G_OBJECT (source), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);

  return error;
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(GError) error = NULL;

  copy_feed (fixture, "complete.json");
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "feed.json");

  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_READY);
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Complete Test Feed");
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);
  g_assert_null (broadsheet_source_get_error (source));
}

static void
test_failure_keeps_stories (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(BroadsheetStory) first = NULL;
  g_autoptr(BroadsheetStory) again = NULL;
  GError *error = NULL;

  copy_feed (fixture, "complete.json");
  error = load (source, NULL);
  g_assert_no_error (error);

  first = g_list_model_get_item (broadsheet_source_get_stories (source), 0);
  broadsheet_story_set_read (first, TRUE);
  broadsheet_story_set_saved (first, TRUE);

  copy_feed (fixture, "broken.json");
  error = load (source, NULL);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
  g_clear_error (&error);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_FAILED);
  g_assert_nonnull (broadsheet_source_get_error (source));
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);

  /* A good load later clears the error and keeps the user's state by id. */
  copy_feed (fixture, "complete.json");
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_null (broadsheet_source_get_error (source));
  again = g_list_model_get_item (broadsheet_source_get_stories (source), 0);
  g_assert_cmpstr (broadsheet_story_get_id (again), ==, broadsheet_story_get_id (first));
  g_assert_true (broadsheet_story_get_read (again));
  g_assert_true (broadsheet_story_get_saved (again));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(GError) error = NULL;

  error = load (source, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not read “"));
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_FAILED);
}

static void
test_skipped_count (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(GError) error = NULL;

  copy_feed (fixture, "mixed.json");
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_source_get_n_skipped (source), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  copy_feed (fixture, "complete.json");
  g_cancellable_cancel (cancellable);
  error = load (source, cancellable);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Cancelling is not a failure to show. */
  g_assert_null (broadsheet_source_get_error (source));
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_IDLE);
}

static BroadsheetStory *
find_story (BroadsheetSource *source,
            const char       *id)
{
  GListModel *stories = broadsheet_source_get_stories (source);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories, i);

      if (g_str_equal (broadsheet_story_get_id (story), id))
        return story;
    }
  return NULL;
}

static void
write_feed (Fixture    *fixture,
            const char *stories)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *json =
    g_strdup_printf ("{ \"format\": \"broadsheet-story-json\", \"version\": 1, "
                     "\"title\": \"Merge\", \"stories\": [ %s ] }", stories);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

static void
count_change (guint *n_changes)
{
  (*n_changes)++;
}

/* A refresh compares stories by digest (broadsheet_story_get_digest()):
 * a change anywhere in a story, however deep, must still replace it, and
 * the user's marks must not count as a change.
 */
static void
test_merge_sees_every_change (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *base =
    "{ \"id\": \"s\", \"headline\": \"H\", \"published\": \"2026-11-27T10:00:00Z\", "
    "\"topics\": [\"a\", \"b\"], "
    "\"lead_photo\": {\"url\": \"https://example.org/p.jpg\", \"credit\": \"C\"}, "
    "\"body\": [{\"type\": \"paragraph\", \"text\": \"Some text\", "
    "\"spans\": [{\"offset\": 0, \"length\": 4, \"style\": \"bold\"}]}, "
    "{\"type\": \"list\", \"items\": [\"one\", {\"text\": \"two\", \"depth\": 1}]}, "
    "{\"type\": \"go_deeper\", \"title\": \"More\", \"url\": \"https://example.org/m\"}] }";
  const char *changes[][2] = {
    { "\"Some text\"", "\"Some text!\"" },
    { "\"style\": \"bold\"", "\"style\": \"italic\"" },
    { "\"depth\": 1", "\"depth\": 2" },
    { "\"credit\": \"C\"", "\"credit\": \"D\"" },
    { "[\"a\", \"b\"]", "[\"b\", \"a\"]" },
    { "10:00:00Z", "10:00:01Z" },
    { "example.org/m", "example.org/n" },
  };
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  GError *error = NULL;
  guint n_changes = 0;

  write_feed (fixture, base);
  error = load (source, NULL);
  g_assert_no_error (error);
  g_signal_connect_swapped (broadsheet_source_get_stories (source), "items-changed",
                            G_CALLBACK (count_change), &n_changes);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GString) changed = g_string_new (base);
      BroadsheetStory *before = find_story (source, "s");

      /* Marks are not content: the same story stays, and the list does not
       * even say it changed.
       */
      broadsheet_story_set_read (before, !broadsheet_story_get_read (before));
      write_feed (fixture, base);
      n_changes = 0;
      error = load (source, NULL);
      g_assert_no_error (error);
      g_assert_true (find_story (source, "s") == before);
      g_assert_cmpuint (n_changes, ==, 0);

      g_assert_cmpuint (g_string_replace (changed, changes[i][0], changes[i][1], 1), ==, 1);
      write_feed (fixture, changed->str);
      error = load (source, NULL);
      g_assert_no_error (error);
      g_assert_false (find_story (source, "s") == before);

      write_feed (fixture, base);
      error = load (source, NULL);
      g_assert_no_error (error);
    }
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static guint
n_stored (BroadsheetStore *store,
          const char      *uri)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) stored = NULL;

  broadsheet_store_load_feed_async (store, uri, 0, -1, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stored = broadsheet_store_load_feed_finish (store, result, NULL);
  return stored != NULL ? stored->len : 0;
}

/* A big archive comes back in two steps: the newest hundred at once, then
 * the rest, with their marks, and nothing twice.
 */
static void
test_archive_in_two_steps (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "store.db", NULL);
  BroadsheetStore *store = broadsheet_store_new (db);
  g_autoptr(BroadsheetSource) first = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(BroadsheetSource) again = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GString) stories = g_string_new (NULL);
  GListModel *restored;
  GError *error = NULL;

  broadsheet_store_open_async (store, NULL, result_cb, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (broadsheet_store_open_finish (store, opened, NULL));

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (stories, "%s{ \"id\": \"s%u\", \"headline\": \"Story %u\", "
                            "\"published\": \"2026-11-%02uT10:%02u:00Z\" }",
                            i > 0 ? ", " : "", i, i, 27 - i / 60, i % 60);
  write_feed (fixture, stories->str);
  broadsheet_source_set_store (first, store, 30);
  error = load (first, NULL);
  g_assert_no_error (error);
  broadsheet_story_set_read (find_story (first, "s240"), TRUE);
  while (n_stored (store, fixture->uri) < 250)
    g_main_context_iteration (NULL, FALSE);

  /* Offline: only the store has the stories now. */
  copy_feed (fixture, "broken.json");
  broadsheet_source_set_store (again, store, 30);
  error = load (again, NULL);
  g_assert_nonnull (error);
  g_clear_error (&error);
  restored = broadsheet_source_get_stories (again);
  g_assert_cmpuint (g_list_model_get_n_items (restored), >=, 100);

  while (g_list_model_get_n_items (restored) < 250)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      g_assert_nonnull (find_story (again, id));
    }
  g_assert_true (broadsheet_story_get_read (find_story (again, "s240")));
  g_assert_cmpuint (broadsheet_source_get_n_unread (again), ==, 249);
  g_assert_cmpuint (g_list_model_get_n_items (restored), ==, 250);

  g_clear_object (&first);
  g_clear_object (&again);
  g_clear_object (&store);
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix == '\0' ? "-wal" :
                                                       g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (db, suffix, NULL);

      g_unlink (file);
    }
}

static void
test_merge_by_id (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  BroadsheetStory *same, *changed, *held;
  GError *error = NULL;

  write_feed (fixture, "{ \"id\": \"same\", \"headline\": \"Same\" },"
                       "{ \"id\": \"changed\", \"headline\": \"Before\" },"
                       "{ \"id\": \"held\", \"headline\": \"Being read\" },"
                       "{ \"id\": \"dropped\", \"headline\": \"Dropped\" }");
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_source_get_n_unread (source), ==, 4);

  same = find_story (source, "same");
  changed = find_story (source, "changed");
  held = find_story (source, "held");
  broadsheet_story_set_read (changed, TRUE);
  broadsheet_story_set_read (held, TRUE);
  g_assert_cmpuint (broadsheet_source_get_n_unread (source), ==, 2);
  broadsheet_source_hold_story (source, held);

  write_feed (fixture, "{ \"id\": \"new\", \"headline\": \"New\" },"
                       "{ \"id\": \"same\", \"headline\": \"Same\" },"
                       "{ \"id\": \"changed\", \"headline\": \"After\" },"
                       "{ \"id\": \"held\", \"headline\": \"Changed while read\" }");
  error = load (source, NULL);
  g_assert_no_error (error);

  /* Unchanged stories keep their objects, so selections and rows stay. */
  g_assert_true (find_story (source, "same") == same);
  /* A changed story updates, keeping the user's state. */
  g_assert_false (find_story (source, "changed") == changed);
  g_assert_cmpstr (broadsheet_story_get_headline (find_story (source, "changed")), ==, "After");
  g_assert_true (broadsheet_story_get_read (find_story (source, "changed")));
  /* The story being read stays exactly as the reader sees it. */
  g_assert_true (find_story (source, "held") == held);
  g_assert_cmpstr (broadsheet_story_get_headline (held), ==, "Being read");
  g_assert_nonnull (find_story (source, "new"));
  g_assert_null (find_story (source, "dropped"));
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 4);
  /* new and same are unread; changed and held were read. */
  g_assert_cmpuint (broadsheet_source_get_n_unread (source), ==, 2);

  /* Even when the feed drops it, the story being read stays. */
  write_feed (fixture, "{ \"id\": \"same\", \"headline\": \"Same\" }");
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_true (find_story (source, "held") == held);
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);

  /* Let go of it, and the next refresh drops it. */
  broadsheet_source_hold_story (source, NULL);
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_null (find_story (source, "held"));
  g_assert_cmpuint (broadsheet_source_get_n_unread (source), ==, 1);
}

static void
test_titles (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (fixture->uri, NULL, NULL);
  g_autoptr(BroadsheetSource) web = broadsheet_source_new ("https://news.example.org/feed.json",
                                                           NULL, NULL);
  GError *error = NULL;

  g_assert_cmpstr (broadsheet_source_get_title (web), ==, "news.example.org");
  g_assert_true (broadsheet_source_is_remote (web));
  g_assert_false (broadsheet_source_is_remote (source));

  copy_feed (fixture, "complete.json");
  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Complete Test Feed");

  broadsheet_source_set_custom_title (source, "  My name  ");
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "My name");
  broadsheet_source_set_custom_title (source, "   ");
  g_assert_null (broadsheet_source_get_custom_title (source));
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Complete Test Feed");
}

static void
test_bundled (void)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new_bundled ();
  g_autoptr(GError) error = NULL;

  error = load (source, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Broadsheet Sample Stories");
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), >=, 12);
  g_assert_finalize_object (g_steal_pointer (&source));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/source/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/source/failure-keeps-stories", Fixture, NULL,
              fixture_set_up, test_failure_keeps_stories, fixture_tear_down);
  g_test_add ("/source/missing-file", Fixture, NULL,
              fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/source/skipped-count", Fixture, NULL,
              fixture_set_up, test_skipped_count, fixture_tear_down);
  g_test_add ("/source/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/source/merge-sees-every-change", Fixture, NULL,
              fixture_set_up, test_merge_sees_every_change, fixture_tear_down);
  g_test_add ("/source/archive-in-two-steps", Fixture, NULL,
              fixture_set_up, test_archive_in_two_steps, fixture_tear_down);
  g_test_add ("/source/merge-by-id", Fixture, NULL,
              fixture_set_up, test_merge_by_id, fixture_tear_down);
  g_test_add ("/source/titles", Fixture, NULL, fixture_set_up, test_titles, fixture_tear_down);
  g_test_add_func ("/source/bundled", test_bundled);

  return g_test_run ();
}
