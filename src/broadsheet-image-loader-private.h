/* broadsheet-image-loader-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "broadsheet-image-cache.h"
#include "broadsheet-image-loader.h"

G_BEGIN_DECLS

/* Shared by broadsheet-image-loader.c (the object, its settings and the
 * memory cache) and broadsheet-image-loader-pending.c (loads under way).
 */
struct _BroadsheetImageLoader
{
  GObject parent_instance;

  SoupSession          *session;
  BroadsheetImageCache *disk;

  GHashTable           *memory;        /* Key → MemoryEntry. */
  GQueue                memory_lru;    /* Most recently used first. */
  gsize                 memory_used;
  gsize                 memory_limit;

  gsize                 body_limit;
  guint64               pixel_limit;

  GHashTable           *pending;       /* Key → Pending, while new loads may join it. */
};

void      _broadsheet_image_loader_remember (BroadsheetImageLoader  *self,
                                             const char             *key,
                                             gboolean                web,
                                             GdkTexture             *texture);
gboolean  _broadsheet_image_loader_wait_for (BroadsheetImageLoader  *self,
                                             GTask                  *task,
                                             const char             *uri,
                                             int                     width,
                                             GError                **error);

/* What the loader says when a photo cannot be shown (broadsheet-image-errors.c).
 * @source is a host, or a file name for local photos.
 */
char      *_broadsheet_image_source_name          (GUri         *uri);
GError    *_broadsheet_image_error_address        (const char   *uri);
GError    *_broadsheet_image_error_redirect_scheme (const char  *host);
GError    *_broadsheet_image_error_offline        (const char   *host);
GError    *_broadsheet_image_error_too_large      (const char   *source,
                                                   gsize         limit);
GError    *_broadsheet_image_error_too_many_pixels (const char  *source,
                                                   int           width,
                                                   int           height);
GError    *_broadsheet_image_error_damaged        (const char   *source);
GError    *_broadsheet_image_error_unknown_format (const char   *source);
GError    *_broadsheet_image_error_status         (const char   *host,
                                                   guint         status,
                                                   const char   *reason);
GError    *_broadsheet_image_error_redirects      (const char   *host);
GError    *_broadsheet_image_error_truncated      (const char   *host);
GError    *_broadsheet_image_error_network        (const char   *host,
                                                   GError       *error,
                                                   gboolean      bad_certificate);
GError    *_broadsheet_image_error_file           (const char   *source,
                                                   GError       *error);

/* Getting a photo's bytes from the network or a file (broadsheet-image-fetch.c).
 * @session may be %NULL for file and resource addresses.
 */
void       _broadsheet_image_fetch_async          (SoupSession          *session,
                                                   GUri                 *uri,
                                                   gsize                 max_size,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GBytes    *_broadsheet_image_fetch_finish         (GAsyncResult         *result,
                                                   GError              **error);

/* Decoding on a worker thread (broadsheet-image-decode.c). */
void       _broadsheet_image_decode_async         (GBytes               *bytes,
                                                   const char           *source,
                                                   int                   width,
                                                   guint64               max_pixels,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GdkPixbuf *_broadsheet_image_decode_finish        (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
