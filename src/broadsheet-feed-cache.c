/* broadsheet-feed-cache.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "broadsheet-feed-cache.h"
#include "broadsheet-parallel.h"

/* The last good response of every network feed, on disk, so the next start
 * shows stories before any network and refreshes can be conditional.
 *
 * Each feed has two files named after the SHA-256 of its URI: NAME.json, the
 * body as it came, and NAME.ini, a key file with the URI, ETag, Last-Modified
 * and fetch time. Both are replaced atomically, body first, so a crash leaves
 * either the old pair or a new body with old validators, which only costs one
 * unconditional fetch. All file work runs on worker threads.
 */
struct _BroadsheetFeedCache
{
  GObject parent_instance;

  char *directory;
};

G_DEFINE_FINAL_TYPE (BroadsheetFeedCache, broadsheet_feed_cache, G_TYPE_OBJECT)

#define GROUP "feed"

void
broadsheet_cache_entry_free (BroadsheetCacheEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->bytes, g_bytes_unref);
  g_clear_pointer (&entry->fetched, g_date_time_unref);
  g_free (entry->etag);
  g_free (entry->last_modified);
  g_free (entry);
}

static void
broadsheet_feed_cache_finalize (GObject *object)
{
  BroadsheetFeedCache *self = (BroadsheetFeedCache *)object;

  g_free (self->directory);

  G_OBJECT_CLASS (broadsheet_feed_cache_parent_class)->finalize (object);
}

static void
broadsheet_feed_cache_class_init (BroadsheetFeedCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = broadsheet_feed_cache_finalize;
}

static void
broadsheet_feed_cache_init (BroadsheetFeedCache *self)
{
}

BroadsheetFeedCache *
broadsheet_feed_cache_new (const char *directory)
{
  BroadsheetFeedCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (BROADSHEET_TYPE_FEED_CACHE, NULL);
  self->directory = g_strdup (directory);
  return self;
}

/* Returns a cache in the user's cache directory. */
BroadsheetFeedCache *
broadsheet_feed_cache_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "broadsheet", "feeds",
                                                 NULL);

  return broadsheet_feed_cache_new (directory);
}

const char *
broadsheet_feed_cache_get_directory (BroadsheetFeedCache *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_CACHE (self), NULL);

  return self->directory;
}

static char *
entry_path (BroadsheetFeedCache *self,
            const char          *uri,
            const char          *extension)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strconcat (hash, extension, NULL);

  return g_build_filename (self->directory, name, NULL);
}

static BroadsheetCacheEntry *
load_entry (BroadsheetFeedCache  *self,
            const char           *uri,
            GError              **error)
{
  g_autofree char *meta_path = entry_path (self, uri, ".ini");
  g_autofree char *body_path = entry_path (self, uri, ".json");
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(GMappedFile) body = NULL;
  g_autofree char *stored_uri = NULL;
  g_autoptr(BroadsheetCacheEntry) entry = NULL;
  gint64 fetched;

  if (!g_key_file_load_from_file (meta, meta_path, G_KEY_FILE_NONE, error))
    return NULL;

  /* A hash collision, however unlikely, must not show another feed's stories. */
  stored_uri = g_key_file_get_string (meta, GROUP, "uri", NULL);
  if (g_strcmp0 (stored_uri, uri) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No cache entry for %s", uri);
      return NULL;
    }

  body = g_mapped_file_new (body_path, FALSE, error);
  if (body == NULL)
    return NULL;

  entry = g_new0 (BroadsheetCacheEntry, 1);
  entry->bytes = g_mapped_file_get_bytes (body);
  entry->etag = g_key_file_get_string (meta, GROUP, "etag", NULL);
  entry->last_modified = g_key_file_get_string (meta, GROUP, "last-modified", NULL);
  fetched = g_key_file_get_int64 (meta, GROUP, "fetched", NULL);
  if (fetched > 0)
    entry->fetched = g_date_time_new_from_unix_utc (fetched);

  return g_steal_pointer (&entry);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BroadsheetCacheEntry *entry;
  GError *error = NULL;

  entry = load_entry (source_object, task_data, &error);
  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify)broadsheet_cache_entry_free);
}

/* Loads the cached response for @uri on a worker thread; a feed never cached
 * fails with G_IO_ERROR_NOT_FOUND or G_KEY_FILE_ERROR_NOT_FOUND.
 */
void
broadsheet_feed_cache_load_async (BroadsheetFeedCache *self,
                                  const char          *uri,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BROADSHEET_IS_FEED_CACHE (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_feed_cache_load_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);
  broadsheet_task_run_in_background (task, load_thread);
}

BroadsheetCacheEntry *
broadsheet_feed_cache_load_finish (BroadsheetFeedCache  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_feed_cache_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char   *uri;
  GBytes *bytes;
  char   *etag;
  char   *last_modified;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *store = data;

  g_free (store->uri);
  g_clear_pointer (&store->bytes, g_bytes_unref);
  g_free (store->etag);
  g_free (store->last_modified);
  g_free (store);
}

static gboolean
store_entry (BroadsheetFeedCache  *self,
             StoreData            *store,
             GError              **error)
{
  g_autofree char *meta_path = entry_path (self, store->uri, ".ini");
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the feed cache folder “%s”: %s"),
                   self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* Without a body the old one stays: a 304 only confirms it. */
  if (store->bytes != NULL)
    {
      g_autofree char *body_path = entry_path (self, store->uri, ".json");
      gsize length;
      const char *data = g_bytes_get_data (store->bytes, &length);

      if (!g_file_set_contents_full (body_path, data != NULL ? data : "", length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return FALSE;
    }

  g_key_file_set_string (meta, GROUP, "uri", store->uri);
  if (store->etag != NULL)
    g_key_file_set_string (meta, GROUP, "etag", store->etag);
  if (store->last_modified != NULL)
    g_key_file_set_string (meta, GROUP, "last-modified", store->last_modified);
  g_key_file_set_int64 (meta, GROUP, "fetched", g_date_time_to_unix (now));

  return g_key_file_save_to_file (meta, meta_path, error);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (store_entry (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Stores a good response for @uri; with @bytes NULL (a 304), only the
 * validators and fetch time change.
 */
void
broadsheet_feed_cache_store_async (BroadsheetFeedCache *self,
                                   const char          *uri,
                                   GBytes              *bytes,
                                   const char          *etag,
                                   const char          *last_modified,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreData *store;

  g_return_if_fail (BROADSHEET_IS_FEED_CACHE (self));
  g_return_if_fail (uri != NULL);

  store = g_new0 (StoreData, 1);
  store->uri = g_strdup (uri);
  store->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  store->etag = g_strdup (etag);
  store->last_modified = g_strdup (last_modified);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_feed_cache_store_async);
  g_task_set_task_data (task, store, store_data_free);
  broadsheet_task_run_in_background (task, store_thread);
}

gboolean
broadsheet_feed_cache_store_finish (BroadsheetFeedCache  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_feed_cache_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Forgets @uri, when the user removes the feed. */
void
broadsheet_feed_cache_remove (BroadsheetFeedCache *self,
                              const char          *uri)
{
  g_autofree char *meta_path = NULL;
  g_autofree char *body_path = NULL;

  g_return_if_fail (BROADSHEET_IS_FEED_CACHE (self));
  g_return_if_fail (uri != NULL);

  meta_path = entry_path (self, uri, ".ini");
  body_path = entry_path (self, uri, ".json");
  g_unlink (meta_path);
  g_unlink (body_path);
}
