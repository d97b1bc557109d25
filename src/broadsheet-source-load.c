/* broadsheet-source-load.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-parallel.h"
#include "broadsheet-source-private.h"

/* Loading a source: a local feed is read with GIO; a network feed is fetched
 * conditionally with the validators of the last good response, which is kept
 * in the cache; on the first load the cached copy is shown before the network
 * answers. The bytes are parsed on a worker thread and merged on the main
 * thread.
 */

/* What one load carries from step to step. */
typedef struct
{
  GBytes *bytes;
  char   *etag;
  char   *last_modified;
  gsize   n_parsed;  /* Bytes handed to the parser, cached copy included. */
} LoadData;

/* After parsing this much, the freed memory is worth handing back; a small
 * feed (the bundled one at start-up) leaves nothing to trim.
 */
#define GIVE_BACK_MIN_SIZE (256 * 1024)

static void
give_back_memory_if_big (GTask *task)
{
  LoadData *load = g_task_get_task_data (task);

  if (load->n_parsed >= GIVE_BACK_MIN_SIZE)
    broadsheet_give_back_memory_soon ();
}

/* Parses @bytes for this load, counting them. */
static void
parse_bytes (GTask               *task,
             GBytes              *bytes,
             const char          *base_uri,
             GAsyncReadyCallback  callback)
{
  LoadData *load = g_task_get_task_data (task);

  load->n_parsed += g_bytes_get_size (bytes);
  broadsheet_feed_parser_parse_async (bytes, base_uri, g_task_get_cancellable (task),
                                      callback, g_object_ref (task));
}

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_free (load->etag);
  g_free (load->last_modified);
  g_free (load);
}

static void
fail (BroadsheetSource *self,
      GTask            *task,
      GError           *error)
{
  g_clear_error (&self->error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gboolean has_stories = g_list_model_get_n_items (G_LIST_MODEL (self->stories)) > 0;

      _broadsheet_source_set_state (self, has_stories ? BROADSHEET_SOURCE_READY
                                                      : BROADSHEET_SOURCE_IDLE);
    }
  else
    {
      self->error = g_error_copy (error);
      _broadsheet_source_set_state (self, BROADSHEET_SOURCE_FAILED);
    }
  give_back_memory_if_big (task);
  g_task_return_error (task, error);
}

static void
succeed (BroadsheetSource *self,
         GTask            *task)
{
  g_clear_error (&self->error);
  _broadsheet_source_mark_updated (self, NULL);
  _broadsheet_source_set_state (self, BROADSHEET_SOURCE_READY);
  give_back_memory_if_big (task);
  g_task_return_boolean (task, TRUE);
}

static void
cache_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The feed is on screen either way; a full disk only costs the next cold start. */
  if (!broadsheet_feed_cache_store_finish (BROADSHEET_FEED_CACHE (object), result, &error))
    g_message ("Could not cache a feed: %s", error->message);
}

static void
remember_response (BroadsheetSource *self,
                   LoadData         *load)
{
  /* A 304 without validators keeps the ones we had. */
  if (load->etag != NULL || load->bytes != NULL)
    {
      g_free (self->etag);
      self->etag = g_strdup (load->etag);
    }
  if (load->last_modified != NULL || load->bytes != NULL)
    {
      g_free (self->last_modified);
      self->last_modified = g_strdup (load->last_modified);
    }

  if (self->cache != NULL)
    broadsheet_feed_cache_store_async (self->cache, self->uri, load->bytes,
                                       self->etag, self->last_modified,
                                       NULL, cache_stored_cb, NULL);
}

static void
parse_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  GError *error = NULL;

  document = broadsheet_feed_parser_parse_finish (result, &error);
  if (document == NULL)
    {
      fail (self, task, error);
      return;
    }

  _broadsheet_source_merge_document (self, document);
  broadsheet_release_in_thread (g_steal_pointer (&document));
  if (broadsheet_source_is_remote (self))
    remember_response (self, load);
  succeed (self, task);
}

static void
parse (GTask      *task,
       GBytes     *bytes,
       const char *base_uri)
{
  parse_bytes (task, bytes, base_uri, parse_cb);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  LoadData *load = g_task_get_task_data (task);
  g_autoptr(BroadsheetFetchResult) fetched = NULL;
  GError *error = NULL;

  fetched = broadsheet_fetcher_fetch_finish (BROADSHEET_FETCHER (object), result, &error);
  if (fetched == NULL)
    {
      fail (self, task, error);
      return;
    }

  load->etag = g_strdup (fetched->etag);
  load->last_modified = g_strdup (fetched->last_modified);

  if (fetched->not_modified)
    {
      remember_response (self, load);
      succeed (self, task);
      return;
    }

  load->bytes = g_bytes_ref (fetched->bytes);
  parse (task, load->bytes, fetched->final_uri != NULL ? fetched->final_uri : self->uri);
}

static void
fetch (BroadsheetSource *self,
       GTask            *task)
{
  if (self->fetcher == NULL)
    {
      fail (self, task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("This feed is on the web, but Broadsheet was "
                                               "started without network access")));
      return;
    }

  broadsheet_fetcher_fetch_async (self->fetcher, self->uri, self->etag, self->last_modified,
                                  g_task_get_cancellable (task), fetch_cb, g_object_ref (task));
}

static void
cached_parse_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = broadsheet_feed_parser_parse_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, task, g_steal_pointer (&error));
      return;
    }

  /* A cache we cannot read is as good as none: the network decides. */
  if (document != NULL)
    {
      _broadsheet_source_merge_document (self, document);
      broadsheet_release_in_thread (g_steal_pointer (&document));
    }
  else
    g_message ("Ignoring the cached copy of %s: %s", self->uri, error->message);

  fetch (self, task);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(BroadsheetCacheEntry) entry = NULL;

  entry = broadsheet_feed_cache_load_finish (BROADSHEET_FEED_CACHE (object), result, NULL);
  if (entry == NULL)
    {
      fetch (self, task);
      return;
    }

  self->etag = g_strdup (entry->etag);
  self->last_modified = g_strdup (entry->last_modified);
  if (entry->fetched != NULL)
    _broadsheet_source_mark_updated (self, entry->fetched);

  /* Parsed even when the archive's stories are on screen: the cached copy
   * also has the feed's title, and merging keeps the archive's objects.
   */
  parse_bytes (task, entry->bytes, self->uri, cached_parse_cb);
}

static void
load_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Could not read “%s”: "), name);
      fail (self, task, error);
      return;
    }

  parse (task, bytes, self->uri);
}

/* Loads the feed again. While it loads the old stories stay; on success the
 * new ones are merged in, on failure the old ones are kept and the error is
 * kept for display. The first load of a network feed shows its cached
 * stories, if any, before it goes to the network.
 */
static void
load_feed (BroadsheetSource *self,
           GTask            *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (!broadsheet_source_is_remote (self))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (self->uri);

      g_file_load_bytes_async (file, cancellable, load_bytes_cb, g_object_ref (task));
    }
  else if (self->cache != NULL && !self->cache_tried)
    {
      self->cache_tried = TRUE;
      broadsheet_feed_cache_load_async (self->cache, self->uri, cancellable,
                                        cache_loaded_cb, g_object_ref (task));
    }
  else
    {
      fetch (self, task);
    }
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = BROADSHEET_SOURCE (object);

  _broadsheet_source_restore_finish (self, result);
  if (g_task_return_error_if_cancelled (task))
    {
      _broadsheet_source_set_state (self, g_list_model_get_n_items (G_LIST_MODEL (self->stories)) > 0
                                          ? BROADSHEET_SOURCE_READY : BROADSHEET_SOURCE_IDLE);
      return;
    }
  load_feed (self, task);
}

/* Loads the feed again. While it loads the old stories stay; on success the
 * new ones are merged in, on failure the old ones are kept and the error is
 * kept for display. The first load shows the stories stored for the feed
 * (or, for a network feed without any, its cached response) before the feed
 * is read.
 */
void
broadsheet_source_load_async (BroadsheetSource    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BROADSHEET_IS_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_source_load_async);
  g_task_set_task_data (task, g_new0 (LoadData, 1), load_data_free);

  _broadsheet_source_set_state (self, BROADSHEET_SOURCE_LOADING);

  if (self->store != NULL && !self->archive_tried)
    _broadsheet_source_restore_async (self, cancellable, restored_cb, g_steal_pointer (&task));
  else
    load_feed (self, task);
}

gboolean
broadsheet_source_load_finish (BroadsheetSource  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
