/* broadsheet-image-loader-pending.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-image-loader-private.h"

/* Loads that missed the memory cache. Loads of one address at one width
 * share one Pending: one disk lookup, fetch and decode, whose texture goes
 * to every caller still waiting (and into the caches).
 *
 * Each caller can cancel its own load, which then ends at once with
 * G_IO_ERROR_CANCELLED. When no caller is left, the Pending's own
 * cancellable stops the transfer (dropping the connection) and a new load of
 * the same photo starts afresh rather than joining one that winds down.
 *
 * The steps: for web photos, the disk cache (bytes as they came, which works
 * offline), else the network; file and resource photos are read directly;
 * then the decoder, on a worker thread. Bytes on disk that no longer decode
 * are dropped and fetched again. Only web photos fetched and decoded are
 * stored on disk. All of this runs on the main thread.
 */

typedef struct
{
  GTask  *task;                 /* The caller's; its task data is the key. */
  gulong  cancelled_handler;
} Waiter;

typedef struct
{
  BroadsheetImageLoader *loader;       /* Owned, while the work runs. */
  char                  *key;
  char                  *uri;
  GUri                  *parsed;
  char                  *source;       /* Host or file name, for errors. */
  gboolean               web;
  int                    width;
  GCancellable          *cancellable;  /* Cancelled when no waiter is left. */
  GPtrArray             *waiters;      /* Waiter. */
  gboolean               from_disk;
  GBytes                *bytes;
} Pending;

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancelled_handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (waiter->task), waiter->cancelled_handler);
  g_object_unref (waiter->task);
  g_free (waiter);
}

static void
pending_free (Pending *pending)
{
  g_assert (pending->waiters->len == 0);

  g_clear_object (&pending->loader);
  g_free (pending->key);
  g_free (pending->uri);
  g_clear_pointer (&pending->parsed, g_uri_unref);
  g_free (pending->source);
  g_clear_object (&pending->cancellable);
  g_ptr_array_unref (pending->waiters);
  g_clear_pointer (&pending->bytes, g_bytes_unref);
  g_free (pending);
}

/* Takes @pending out of the table, if it is still the one new loads join. */
static void
pending_forget (Pending *pending)
{
  GHashTable *table = pending->loader->pending;

  if (g_hash_table_lookup (table, pending->key) == pending)
    g_hash_table_remove (table, pending->key);
}

/* Hands the result to every waiter and frees @pending. */
static void
pending_finish (Pending    *pending,
                GdkTexture *texture,
                GError     *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&pending->waiters);

  pending->waiters = g_ptr_array_new ();
  pending_forget (pending);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = waiters->pdata[i];

      if (texture != NULL)
        g_task_return_pointer (waiter->task, g_object_ref (texture), g_object_unref);
      else
        g_task_return_error (waiter->task, g_error_copy (error));
      waiter_free (waiter);
    }

  pending_free (pending);
}

static void decode_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
decode (Pending *pending)
{
  _broadsheet_image_decode_async (pending->bytes, pending->source, pending->width,
                                  pending->loader->pixel_limit, pending->cancellable, decode_cb,
                                  pending);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;

  pending->bytes = _broadsheet_image_fetch_finish (result, &error);
  if (pending->bytes == NULL)
    {
      pending_finish (pending, NULL, error);
      return;
    }

  pending->from_disk = FALSE;
  decode (pending);
}

static void
fetch (Pending *pending)
{
  _broadsheet_image_fetch_async (pending->loader->session, pending->parsed,
                                 pending->loader->body_limit, pending->cancellable, fetch_cb,
                                 pending);
}

static void
decode_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *pending = user_data;
  BroadsheetImageLoader *self = pending->loader;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = _broadsheet_image_decode_finish (result, &error);
  if (pixbuf == NULL)
    {
      /* What is on disk is unusable (or over a limit now): ask again. */
      if (pending->from_disk && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Dropping the stored photo %s: %s", pending->uri, error->message);
          broadsheet_image_cache_remove (self->disk, pending->uri);
          g_clear_pointer (&pending->bytes, g_bytes_unref);
          pending->from_disk = FALSE;
          fetch (pending);
          return;
        }

      pending_finish (pending, NULL, error);
      return;
    }

  /* Made here, on the main thread, from the finished pixbuf, which the
   * worker no longer touches; it shares the pixbuf's pixels.
   */
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  _broadsheet_image_loader_remember (self, pending->key, pending->web, texture);
  if (pending->web && !pending->from_disk)
    broadsheet_image_cache_store (self->disk, pending->uri, pending->bytes);

  pending_finish (pending, texture, NULL);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;

  pending->bytes = broadsheet_image_cache_lookup_finish (BROADSHEET_IMAGE_CACHE (object), result,
                                                         &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pending_finish (pending, NULL, error);
      return;
    }

  if (pending->bytes == NULL)
    {
      fetch (pending);
      return;
    }

  pending->from_disk = TRUE;
  decode (pending);
}

static gboolean
waiter_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  BroadsheetImageLoader *self = g_task_get_source_object (task);
  Pending *pending = g_hash_table_lookup (self->pending, g_task_get_task_data (task));
  Waiter *waiter = NULL;

  for (guint i = 0; pending != NULL && i < pending->waiters->len; i++)
    if (((Waiter *)pending->waiters->pdata[i])->task == task)
      waiter = g_ptr_array_steal_index (pending->waiters, i);

  /* Finished already. */
  if (waiter == NULL)
    return G_SOURCE_REMOVE;

  g_task_return_error_if_cancelled (task);
  waiter_free (waiter);

  if (pending->waiters->len == 0)
    {
      pending_forget (pending);
      g_cancellable_cancel (pending->cancellable);
    }

  return G_SOURCE_REMOVE;
}

/* Runs in the thread that cancelled, inside g_cancellable_cancel(): go on
 * in the caller's main context, where disconnecting is allowed.
 */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, waiter_cancelled_idle_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static gboolean
is_scheme (const char *scheme,
           const char *expected)
{
  return g_ascii_strcasecmp (scheme, expected) == 0;
}

static Pending *
pending_new (BroadsheetImageLoader  *self,
             const char             *uri,
             int                     width,
             const char             *key,
             GError                **error)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme;
  const char *host;
  Pending *pending;
  gboolean web;

  if (parsed == NULL)
    {
      g_propagate_error (error, _broadsheet_image_error_address (uri));
      return NULL;
    }

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  web = is_scheme (scheme, "http") || is_scheme (scheme, "https");
  if ((web && (host == NULL || *host == '\0')) ||
      (!web && !is_scheme (scheme, "file") && !is_scheme (scheme, "resource")))
    {
      g_propagate_error (error, _broadsheet_image_error_address (web ? NULL : uri));
      return NULL;
    }

  pending = g_new0 (Pending, 1);
  pending->loader = g_object_ref (self);
  pending->key = g_strdup (key);
  pending->uri = g_strdup (uri);
  pending->parsed = g_steal_pointer (&parsed);
  pending->source = _broadsheet_image_source_name (pending->parsed);
  pending->web = web;
  pending->width = width;
  pending->cancellable = g_cancellable_new ();
  pending->waiters = g_ptr_array_new ();
  return pending;
}

/* Makes @task, a load_async() caller whose task data is its key, wait for
 * @uri at @width, with the loads of it already under way or a new one.
 * Fails, before any wait, when @uri is not an address photos load from.
 */
gboolean
_broadsheet_image_loader_wait_for (BroadsheetImageLoader  *self,
                                   GTask                  *task,
                                   const char             *uri,
                                   int                     width,
                                   GError                **error)
{
  const char *key = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Pending *pending = g_hash_table_lookup (self->pending, key);
  gboolean started = FALSE;
  Waiter *waiter;

  if (pending == NULL)
    {
      pending = pending_new (self, uri, width, key, error);
      if (pending == NULL)
        return FALSE;

      g_hash_table_insert (self->pending, pending->key, pending);
      started = TRUE;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_object_ref (task);
  if (cancellable != NULL)
    waiter->cancelled_handler = g_cancellable_connect (cancellable,
                                                       G_CALLBACK (waiter_cancelled_cb),
                                                       g_object_ref (task), g_object_unref);
  g_ptr_array_add (pending->waiters, waiter);

  if (!started)
    return TRUE;

  if (pending->web)
    broadsheet_image_cache_lookup_async (self->disk, uri, self->body_limit, pending->cancellable,
                                         lookup_cb, pending);
  else
    fetch (pending);

  return TRUE;
}
