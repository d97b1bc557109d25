/* broadsheet-image-loader.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BROADSHEET_IMAGE_ERROR (broadsheet_image_error_quark ())

typedef enum
{
  BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS,  /* Not http, https, file or resource; a redirect
                                                * elsewhere; or http(s) without a session. */
  BROADSHEET_IMAGE_ERROR_TOO_LARGE,            /* The body is over the body limit. */
  BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS,      /* Declared width × height over the pixel limit. */
  BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE,         /* Corrupt, truncated or of an unknown format. */
  BROADSHEET_IMAGE_ERROR_HTTP,                 /* A status other than 2xx, or too many redirects. */
  BROADSHEET_IMAGE_ERROR_FAILED,               /* The network or a file failed. */
} BroadsheetImageError;

GQuark broadsheet_image_error_quark (void);

#define BROADSHEET_IMAGE_LOADER_DEFAULT_DISK_LIMIT   ((guint64)200 * 1024 * 1024)
#define BROADSHEET_IMAGE_LOADER_DEFAULT_MEMORY_LIMIT ((gsize)64 * 1024 * 1024)
#define BROADSHEET_IMAGE_LOADER_DEFAULT_BODY_LIMIT   ((gsize)20 * 1024 * 1024)
#define BROADSHEET_IMAGE_LOADER_DEFAULT_PIXEL_LIMIT  ((guint64)40 * 1000 * 1000)
#define BROADSHEET_IMAGE_LOADER_MAX_REDIRECTS        5

#define BROADSHEET_TYPE_IMAGE_LOADER (broadsheet_image_loader_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetImageLoader, broadsheet_image_loader, BROADSHEET, IMAGE_LOADER,
                      GObject)

BroadsheetImageLoader *broadsheet_image_loader_new              (SoupSession           *session,
                                                                 const char            *cache_dir);
void                   broadsheet_image_loader_set_disk_limit   (BroadsheetImageLoader *self,
                                                                 guint64                bytes);
void                   broadsheet_image_loader_set_memory_limit (BroadsheetImageLoader *self,
                                                                 gsize                  bytes);
void                   broadsheet_image_loader_set_body_limit   (BroadsheetImageLoader *self,
                                                                 gsize                  bytes);
void                   broadsheet_image_loader_set_pixel_limit  (BroadsheetImageLoader *self,
                                                                 guint64                pixels);
void                   broadsheet_image_loader_load_async       (BroadsheetImageLoader *self,
                                                                 const char            *uri,
                                                                 int                    width,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
GdkTexture            *broadsheet_image_loader_load_finish      (BroadsheetImageLoader *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);
void                   broadsheet_image_loader_keep             (BroadsheetImageLoader *self,
                                                                 const char            *uri,
                                                                 gboolean               keep);
gsize                  broadsheet_image_loader_get_memory_used  (BroadsheetImageLoader *self);
guint64                broadsheet_image_loader_get_disk_used    (BroadsheetImageLoader *self);

G_END_DECLS
