/* broadsheet-image-loader.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-image-cache.h"
#include "broadsheet-image-loader-private.h"
#include "broadsheet-image-loader.h"

/* Loads the photos of stories, for the story view:
 *
 *  - from a memory cache of decoded textures, by address and width, least
 *    recently used dropped first past a byte budget (width × height × 4);
 *  - else, for web photos, from the disk cache of bytes as they came
 *    (broadsheet-image-cache.c), which works offline;
 *  - else from the network through the app's SoupSession, or from a file or
 *    the app's resources (broadsheet-image-fetch.c);
 *  - decoded on a worker thread at the width asked for, within the size and
 *    pixel limits (broadsheet-image-decode.c).
 *
 * Loads that miss the memory cache, shared between callers and cancelled
 * when none is left, are in broadsheet-image-loader-pending.c.
 */

typedef struct
{
  char       *key;
  GdkTexture *texture;
  gsize       size;
  gboolean    web;      /* Its bytes may be in the disk cache. */
  GList       link;     /* In memory_lru; its data is the entry. */
} MemoryEntry;

G_DEFINE_FINAL_TYPE (BroadsheetImageLoader, broadsheet_image_loader, G_TYPE_OBJECT)

static void
memory_entry_free (gpointer data)
{
  MemoryEntry *entry = data;

  g_free (entry->key);
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
memory_remove (BroadsheetImageLoader *self,
               MemoryEntry           *entry)
{
  g_queue_unlink (&self->memory_lru, &entry->link);
  self->memory_used -= entry->size;
  g_hash_table_remove (self->memory, entry->key);
}

static void
memory_trim (BroadsheetImageLoader *self)
{
  while (self->memory_used > self->memory_limit && self->memory_lru.tail != NULL)
    memory_remove (self, self->memory_lru.tail->data);
}

/* Keeps @texture in memory under @key, within the budget. */
void
_broadsheet_image_loader_remember (BroadsheetImageLoader *self,
                                   const char            *key,
                                   gboolean               web,
                                   GdkTexture            *texture)
{
  MemoryEntry *entry;
  gsize size = (gsize)gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  entry = g_hash_table_lookup (self->memory, key);
  if (entry != NULL)
    memory_remove (self, entry);

  /* One that would not fit even alone is shown, never kept. */
  if (size > self->memory_limit)
    return;

  entry = g_new0 (MemoryEntry, 1);
  entry->key = g_strdup (key);
  entry->texture = g_object_ref (texture);
  entry->size = size;
  entry->web = web;
  entry->link.data = entry;
  g_hash_table_insert (self->memory, entry->key, entry);
  g_queue_push_head_link (&self->memory_lru, &entry->link);
  self->memory_used += size;
  memory_trim (self);
}

/* Returns the texture of @key, and marks it used, in memory and on disk. */
static GdkTexture *
memory_lookup (BroadsheetImageLoader *self,
               const char            *key,
               const char            *uri)
{
  MemoryEntry *entry = g_hash_table_lookup (self->memory, key);

  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->memory_lru, &entry->link);
  g_queue_push_head_link (&self->memory_lru, &entry->link);
  if (entry->web)
    broadsheet_image_cache_touch (self->disk, uri);
  return entry->texture;
}

static void
broadsheet_image_loader_dispose (GObject *object)
{
  BroadsheetImageLoader *self = (BroadsheetImageLoader *)object;

  /* Pending loads hold the loader, so none is left here. */
  g_clear_pointer (&self->memory, g_hash_table_unref);
  g_queue_init (&self->memory_lru);
  self->memory_used = 0;
  g_clear_object (&self->disk);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (broadsheet_image_loader_parent_class)->dispose (object);
}

static void
broadsheet_image_loader_finalize (GObject *object)
{
  BroadsheetImageLoader *self = (BroadsheetImageLoader *)object;

  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (broadsheet_image_loader_parent_class)->finalize (object);
}

static void
broadsheet_image_loader_class_init (BroadsheetImageLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_image_loader_dispose;
  object_class->finalize = broadsheet_image_loader_finalize;
}

static void
broadsheet_image_loader_init (BroadsheetImageLoader *self)
{
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, memory_entry_free);
  self->memory_limit = BROADSHEET_IMAGE_LOADER_DEFAULT_MEMORY_LIMIT;
  self->body_limit = BROADSHEET_IMAGE_LOADER_DEFAULT_BODY_LIMIT;
  self->pixel_limit = BROADSHEET_IMAGE_LOADER_DEFAULT_PIXEL_LIMIT;
  self->pending = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Returns a loader that fetches web photos through @session (share the
 * fetcher's: broadsheet_fetcher_get_session()); without one it loads only
 * file and resource photos, and web photos already on disk. Web photos are
 * kept in @cache_dir, or NULL for the user's cache folder.
 */
BroadsheetImageLoader *
broadsheet_image_loader_new (SoupSession *session,
                             const char  *cache_dir)
{
  BroadsheetImageLoader *self;
  g_autofree char *default_dir = NULL;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  if (cache_dir == NULL)
    cache_dir = default_dir = g_build_filename (g_get_user_cache_dir (), "broadsheet", "images",
                                                NULL);

  self = g_object_new (BROADSHEET_TYPE_IMAGE_LOADER, NULL);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  self->disk = broadsheet_image_cache_new (cache_dir, BROADSHEET_IMAGE_LOADER_DEFAULT_DISK_LIMIT);
  return self;
}

/* Sets how many bytes web photos may take on disk; the least recently used
 * go first, never kept ones.
 */
void
broadsheet_image_loader_set_disk_limit (BroadsheetImageLoader *self,
                                        guint64                bytes)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));

  broadsheet_image_cache_set_limit (self->disk, bytes);
}

/* Sets how many bytes of decoded photos are kept in memory. */
void
broadsheet_image_loader_set_memory_limit (BroadsheetImageLoader *self,
                                          gsize                  bytes)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));

  self->memory_limit = bytes;
  memory_trim (self);
}

/* Sets the largest photo file, in bytes, that is read; it applies to loads
 * started afterwards.
 */
void
broadsheet_image_loader_set_body_limit (BroadsheetImageLoader *self,
                                        gsize                  bytes)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));
  g_return_if_fail (bytes > 0 && bytes <= G_MAXUINT);

  self->body_limit = bytes;
}

/* Sets the most pixels (width × height, as the file declares them) a photo
 * may have to be decoded; it applies to loads started afterwards.
 */
void
broadsheet_image_loader_set_pixel_limit (BroadsheetImageLoader *self,
                                         guint64                pixels)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));
  g_return_if_fail (pixels > 0);

  self->pixel_limit = pixels;
}

/* Loads @uri, decoded on a worker thread scaled down (never up) to at most
 * @width pixels wide keeping its proportions (0: its natural size). Memory
 * first (by address and width), then the disk cache (bytes by address, which
 * works offline), then the network or the file. Only http, https, file and
 * resource addresses are loaded; resource photos never touch the network.
 */
void
broadsheet_image_loader_load_async (BroadsheetImageLoader *self,
                                    const char            *uri,
                                    int                    width,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GdkTexture *texture;
  char *key;

  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  width = MAX (width, 0);
  key = g_strdup_printf ("%d %s", width, uri != NULL ? uri : "");

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_image_loader_load_async);
  g_task_set_task_data (task, key, g_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (uri == NULL)
    {
      g_task_return_error (task, _broadsheet_image_error_address (NULL));
      return;
    }

  texture = memory_lookup (self, key, uri);
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      return;
    }

  if (!_broadsheet_image_loader_wait_for (self, task, uri, width, &error))
    g_task_return_error (task, error);
}

/* Returns: (transfer full): the photo, or %NULL with @error set in
 * BROADSHEET_IMAGE_ERROR, or G_IO_ERROR_CANCELLED.
 */
GdkTexture *
broadsheet_image_loader_load_finish (BroadsheetImageLoader  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (BROADSHEET_IS_IMAGE_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_image_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Keeps @uri's bytes on disk, never evicted, while @keep: for the photos of
 * saved stories. It lasts across restarts, and may come before the photo is
 * first loaded.
 */
void
broadsheet_image_loader_keep (BroadsheetImageLoader *self,
                              const char            *uri,
                              gboolean               keep)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_LOADER (self));
  g_return_if_fail (uri != NULL);

  broadsheet_image_cache_keep (self->disk, uri, keep);
}

/* Returns the bytes of decoded photos kept in memory. */
gsize
broadsheet_image_loader_get_memory_used (BroadsheetImageLoader *self)
{
  g_return_val_if_fail (BROADSHEET_IS_IMAGE_LOADER (self), 0);

  return self->memory_used;
}

/* Returns the bytes web photos take on disk. It waits for the disk work
 * asked so far, so it is for tests and benchmarks.
 */
guint64
broadsheet_image_loader_get_disk_used (BroadsheetImageLoader *self)
{
  g_return_val_if_fail (BROADSHEET_IS_IMAGE_LOADER (self), 0);

  return broadsheet_image_cache_get_used (self->disk);
}
