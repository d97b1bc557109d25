/* broadsheet-story-archive.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-parallel.h"
#include "broadsheet-story-archive.h"
#include "broadsheet-story-json-writer.h"

/* Between the model and the store: stories go into BroadsheetStore as story
 * JSON (written and read on worker threads, never on the main thread for a
 * whole feed), and a followed story's read and saved marks are written as
 * they change. A saved story is written complete, so it can be read again
 * after its feed is gone.
 */

/* What the archive keeps on a story. Quarks rather than string keys: a
 * refresh sets the last-seen time on every story of a feed, and each string
 * key is looked up in GLib's quark table under a global lock.
 */
static G_DEFINE_QUARK (broadsheet-archive-follow, follow)

static G_DEFINE_QUARK (broadsheet-archive-last-seen, last_seen)

typedef struct
{
  BroadsheetStore *store;
  char            *feed_uri;
  gulong           handler;
} Follow;

static void
follow_free (gpointer data)
{
  Follow *follow = data;

  g_clear_object (&follow->store);
  g_free (follow->feed_uri);
  g_free (follow);
}

static void
marks_changed_cb (BroadsheetStory *story,
                  GParamSpec      *pspec,
                  Follow          *follow)
{
  const char *id = broadsheet_story_get_id (story);

  if (g_str_equal (pspec->name, "read"))
    {
      const char *ids[] = { id, NULL };

      broadsheet_store_set_read (follow->store, follow->feed_uri, ids,
                                 broadsheet_story_get_read (story));
    }
  else if (g_str_equal (pspec->name, "saved"))
    {
      /* One story, so written here: what is saved is the story as shown. */
      g_autofree char *json = NULL;

      if (broadsheet_story_get_saved (story))
        json = broadsheet_story_json_write_story_string (story);
      broadsheet_store_set_saved (follow->store, follow->feed_uri, id, json,
                                  broadsheet_story_get_saved (story));
    }
}

/* Writes @story's read and saved marks to @store as they change, as a story
 * of @feed_uri, until broadsheet_story_archive_unfollow().
 */
void
broadsheet_story_archive_follow (BroadsheetStore *store,
                                 const char      *feed_uri,
                                 BroadsheetStory *story)
{
  Follow *follow;

  g_return_if_fail (BROADSHEET_IS_STORE (store));
  g_return_if_fail (feed_uri != NULL);
  g_return_if_fail (BROADSHEET_IS_STORY (story));

  broadsheet_story_archive_unfollow (story);

  follow = g_new0 (Follow, 1);
  follow->store = g_object_ref (store);
  follow->feed_uri = g_strdup (feed_uri);
  follow->handler = broadsheet_story_connect_marks_changed (story, G_CALLBACK (marks_changed_cb),
                                                            follow);
  g_object_set_qdata_full (G_OBJECT (story), follow_quark (), follow, follow_free);
}

void
broadsheet_story_archive_unfollow (BroadsheetStory *story)
{
  Follow *follow;

  g_return_if_fail (BROADSHEET_IS_STORY (story));

  follow = g_object_get_qdata (G_OBJECT (story), follow_quark ());
  if (follow == NULL)
    return;

  g_clear_signal_handler (&follow->handler, story);
  g_object_set_qdata (G_OBJECT (story), follow_quark (), NULL);
}

/* Returns: (nullable): the feed a followed or loaded story is stored under. */
const char *
broadsheet_story_archive_get_feed_uri (BroadsheetStory *story)
{
  Follow *follow;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), NULL);

  follow = g_object_get_qdata (G_OBJECT (story), follow_quark ());
  if (follow != NULL)
    return follow->feed_uri;
  return g_object_get_data (G_OBJECT (story), "broadsheet-archive-feed-uri");
}

/* Returns: when the story's feed last listed it (Unix seconds), 0 if unknown. */
gint64
broadsheet_story_archive_get_last_seen (BroadsheetStory *story)
{
  gint64 *last_seen;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), 0);

  last_seen = g_object_get_qdata (G_OBJECT (story), last_seen_quark ());
  return last_seen != NULL ? *last_seen : 0;
}

void
broadsheet_story_archive_set_last_seen (BroadsheetStory *story,
                                        gint64           last_seen)
{
  gint64 *value;

  g_return_if_fail (BROADSHEET_IS_STORY (story));

  /* A refresh sets this on every story of the feed: update in place. */
  value = g_object_get_qdata (G_OBJECT (story), last_seen_quark ());
  if (value == NULL)
    {
      value = g_new (gint64, 1);
      g_object_set_qdata_full (G_OBJECT (story), last_seen_quark (), value, g_free);
    }
  *value = last_seen;
}

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  BroadsheetStore *store;
  char            *feed_uri;
  GPtrArray       *stories;   /* BroadsheetStory */
} PutData;

static void
put_data_free (gpointer data)
{
  PutData *put = data;

  g_clear_object (&put->store);
  g_free (put->feed_uri);
  g_clear_pointer (&put->stories, g_ptr_array_unref);
  g_free (put);
}

static void
write_stories_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PutData *put = task_data;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)broadsheet_stored_story_free);

  for (guint i = 0; i < put->stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (put->stories, i);
      g_autofree char *json = broadsheet_story_json_write_story_string (story);
      BroadsheetStoredStory *record = broadsheet_stored_story_new (put->feed_uri,
                                                                   broadsheet_story_get_id (story),
                                                                   json);
      GDateTime *published = broadsheet_story_get_published (story);

      record->published = published != NULL ? g_date_time_to_unix (published) : 0;
      g_ptr_array_add (records, record);
    }

  g_task_return_pointer (task, records, (GDestroyNotify)g_ptr_array_unref);
}

/* Puts on their way to a store (see broadsheet_story_archive_wait_for_puts()). */
static int n_puts_pending;

static void
stories_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PutData *put = g_task_get_task_data (G_TASK (result));
  GPtrArray *records = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The marks as they are now, on the main thread where they change. */
  for (guint i = 0; i < records->len; i++)
    {
      BroadsheetStoredStory *record = g_ptr_array_index (records, i);
      BroadsheetStory *story = g_ptr_array_index (put->stories, i);

      record->read = broadsheet_story_get_read (story);
      record->saved = broadsheet_story_get_saved (story);
    }
  broadsheet_store_take_stories (put->store, put->feed_uri, records);
  g_atomic_int_dec_and_test (&n_puts_pending);
}

/* Waits until every story given to broadsheet_story_archive_put() is queued
 * in its store, so closing the store then writes them: a big feed takes a
 * moment to turn into JSON, and quitting in that moment lost it.
 */
void
broadsheet_story_archive_wait_for_puts (void)
{
  while (g_atomic_int_get (&n_puts_pending) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static gpointer
ref_story (gconstpointer story,
           gpointer      user_data)
{
  return g_object_ref ((gpointer)story);
}

/* Stores @stories (BroadsheetStory) of @feed_uri as the feed lists them now:
 * written as JSON on a worker thread, then queued in @store.
 */
void
broadsheet_story_archive_put (BroadsheetStore *store,
                              const char      *feed_uri,
                              GPtrArray       *stories)
{
  g_autoptr(GTask) task = NULL;
  PutData *put;

  g_return_if_fail (BROADSHEET_IS_STORE (store));
  g_return_if_fail (feed_uri != NULL);

  if (stories == NULL || stories->len == 0)
    return;

  put = g_new0 (PutData, 1);
  put->store = g_object_ref (store);
  put->feed_uri = g_strdup (feed_uri);
  put->stories = g_ptr_array_copy (stories, ref_story, NULL);
  g_ptr_array_set_free_func (put->stories, g_object_unref);

  g_atomic_int_inc (&n_puts_pending);
  task = g_task_new (NULL, NULL, stories_written_cb, NULL);
  g_task_set_source_tag (task, broadsheet_story_archive_put);
  g_task_set_task_data (task, put, put_data_free);
  broadsheet_task_run_in_background (task, write_stories_thread);
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray        *records;
  BroadsheetStory **stories;     /* By record; NULL where one cannot be read. */
  GCancellable     *cancellable;
} Read;

static void
read_story (guint    index,
            gpointer thread_state,
            gpointer user_data)
{
  Read *read = user_data;
  BroadsheetStoredStory *record = g_ptr_array_index (read->records, index);
  g_autoptr(GError) error = NULL;
  BroadsheetStory *story;

  if (g_cancellable_is_cancelled (read->cancellable))
    return;

  /* Relative links and local pictures resolve against the story's feed. */
  story = broadsheet_story_json_read_story (record->json, -1, record->feed_uri, &error);
  if (story == NULL)
    {
      g_warning ("A stored story of %s (%s) could not be read and is left out: %s",
                 record->feed_uri, record->story_id, error->message);
      return;
    }

  broadsheet_story_set_read (story, record->read);
  broadsheet_story_set_saved (story, record->saved);
  broadsheet_story_archive_set_last_seen (story, record->last_seen);
  g_object_set_data_full (G_OBJECT (story), "broadsheet-archive-feed-uri",
                          g_strdup (record->feed_uri), g_free);
  read->stories[index] = story;
}

/* Each stored story is a small document of its own: they are read on every
 * core (a feed's archive holds thousands).
 */
static void
read_stories_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GPtrArray *records = task_data;
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree BroadsheetStory **read_stories = g_new0 (BroadsheetStory *, records->len + 1);
  Read read = { records, read_stories, cancellable };

  broadsheet_parallel_for (records->len, 64, read_story, NULL, NULL, &read);

  for (guint i = 0; i < records->len; i++)
    if (read_stories[i] != NULL)
      g_ptr_array_add (stories, read_stories[i]);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&stories), (GDestroyNotify)g_ptr_array_unref);
}

static void
records_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *records;
  GError *error = NULL;

  if (g_task_get_source_tag (task) == broadsheet_story_archive_load_saved_async)
    records = broadsheet_store_load_saved_finish (BROADSHEET_STORE (object), result, &error);
  else
    records = broadsheet_store_load_feed_finish (BROADSHEET_STORE (object), result, &error);

  if (records == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, records, (GDestroyNotify)g_ptr_array_unref);
  broadsheet_task_run_in_background (task, read_stories_thread);
}

/* Loads the stored stories of @feed_uri that are saved or were listed at or
 * after @not_before (Unix seconds), read and saved marks set, newest first;
 * at most @limit of them, or all when it is -1.
 */
void
broadsheet_story_archive_load_async (BroadsheetStore     *store,
                                     const char          *feed_uri,
                                     gint64               not_before,
                                     int                  limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BROADSHEET_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_story_archive_load_async);
  broadsheet_store_load_feed_async (store, feed_uri, not_before, limit, cancellable,
                                    records_loaded_cb, task);
}

/* Loads the saved stories whose feed is none of @feed_uris: those of feeds
 * the reader removed. broadsheet_story_archive_get_feed_uri() tells theirs.
 */
void
broadsheet_story_archive_load_saved_async (BroadsheetStore     *store,
                                           const char * const  *feed_uris,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BROADSHEET_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_story_archive_load_saved_async);
  broadsheet_store_load_saved_async (store, feed_uris, cancellable, records_loaded_cb, task);
}

/* Returns: (transfer full): the stories, a GPtrArray of BroadsheetStory. */
GPtrArray *
broadsheet_story_archive_load_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
