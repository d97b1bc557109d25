/* broadsheet-source-archive.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-source-private.h"

/* A source and the store: its first load shows the archived stories (with
 * their read and saved marks) before the feed is read; every merge stores
 * new and changed stories and notes which ones the feed still lists; and
 * stories the feed dropped stay for the retention period.
 */

#define DEFAULT_RETENTION_DAYS 30

/* Keeps the user state of this feed's stories in @store, and keeps stories
 * the feed drops for @retention_days (saved ones for good). Stories shown
 * already are stored now.
 */
void
broadsheet_source_set_store (BroadsheetSource *self,
                             BroadsheetStore  *store,
                             guint             retention_days)
{
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (BROADSHEET_IS_SOURCE (self));
  g_return_if_fail (store == NULL || BROADSHEET_IS_STORE (store));

  self->retention = (gint64)retention_days * 24 * 60 * 60;
  if (!g_set_object (&self->store, store))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->stories)); i++)
    {
      BroadsheetStory *story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_ptr_array_add (stories, story);
      if (store != NULL)
        broadsheet_story_archive_follow (store, self->uri, story);
      else
        broadsheet_story_archive_unfollow (story);
    }

  /* A feed added after a look at it (the Add Feed dialog) has its stories:
   * they are stored now, and the archive has nothing older to show.
   */
  if (store != NULL && stories->len > 0)
    {
      self->archive_tried = TRUE;
      broadsheet_story_archive_put (store, self->uri, stories);
    }
}

gboolean
_broadsheet_source_keeps_dropped (BroadsheetSource *self,
                                  BroadsheetStory  *story,
                                  gint64            now)
{
  gint64 retention = self->retention > 0 ? self->retention
                                         : (gint64)DEFAULT_RETENTION_DAYS * 24 * 60 * 60;

  return broadsheet_story_get_saved (story) ||
         broadsheet_story_archive_get_last_seen (story) >= now - retention;
}

/* After a merge: @changed stories (new or different) are written again;
 * the feed still lists @unchanged_ids.
 */
void
_broadsheet_source_archive_merged (BroadsheetSource   *self,
                                   GPtrArray          *changed,
                                   const char * const *unchanged_ids)
{
  broadsheet_story_archive_put (self->store, self->uri, changed);
  if (unchanged_ids != NULL && unchanged_ids[0] != NULL)
    broadsheet_store_touch_stories (self->store, self->uri, unchanged_ids);
}

/* A feed's archive is shown in two steps: the newest screenful at once,
 * then the rest. Reading 10,000 stored stories takes most of a second, and
 * the first headlines should not wait for the last (docs/performance.md).
 */
#define FIRST_STORIES 100

static void
archive_rest_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BroadsheetSource) self = user_data;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;

  stories = broadsheet_story_archive_load_finish (result, &error);
  if (stories != NULL)
    _broadsheet_source_restore_more (self, stories);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not read the stored stories of %s: %s", self->uri, error->message);
}

/* What a restore carries from its first step to the rest. */
typedef struct
{
  gint64   not_before;  /* Unix seconds: older unsaved stories are not shown. */
  gboolean more;        /* The first step was full: there may be more. */
} Restore;

/* Runs a frame's time later, so usually after the frame that shows the
 * first stories. Not from a low-priority idle: a window that redraws all
 * the time (a spinner, a slow machine) would never let that run.
 */
#define DRAWING_TIME_MS 17

static gboolean
continue_after_drawing_cb (gpointer user_data)
{
  GTask *task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);

  if (restore->more && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    broadsheet_story_archive_load_async (self->store, self->uri, restore->not_before, -1,
                                         g_task_get_cancellable (task), archive_rest_loaded_cb,
                                         g_object_ref (self));

  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
archive_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;

  stories = broadsheet_story_archive_load_finish (result, &error);
  if (stories != NULL)
    _broadsheet_source_restore_stories (self, stories);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The feed itself still loads; the store says what went wrong on its own. */
    g_message ("Could not read the stored stories of %s: %s", self->uri, error->message);

  /* Nothing shown, nothing to draw first: the feed is read at once. */
  if (stories == NULL || stories->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The rest comes while the feed itself is read, but after the window has
   * drawn what it has: reading both takes every core.
   */
  ((Restore *) g_task_get_task_data (task))->more = stories->len == FIRST_STORIES;
  g_timeout_add_full (G_PRIORITY_DEFAULT, DRAWING_TIME_MS, continue_after_drawing_cb,
                      g_steal_pointer (&task), g_object_unref);
}

/* On the first load: shows the stories stored for this feed, if any. */
void
_broadsheet_source_restore_async (BroadsheetSource    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Restore *restore;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 retention = self->retention > 0 ? self->retention
                                         : (gint64)DEFAULT_RETENTION_DAYS * 24 * 60 * 60;

  self->archive_tried = TRUE;
  if (self->store == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  restore = g_new0 (Restore, 1);
  restore->not_before = now - retention;
  g_task_set_task_data (task, restore, g_free);
  broadsheet_story_archive_load_async (self->store, self->uri, restore->not_before, FIRST_STORIES,
                                       cancellable, archive_loaded_cb, task);
}

void
_broadsheet_source_restore_finish (BroadsheetSource *self,
                                   GAsyncResult     *result)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}
