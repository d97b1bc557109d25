/* broadsheet-image-cache.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BROADSHEET_TYPE_IMAGE_CACHE (broadsheet_image_cache_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetImageCache, broadsheet_image_cache, BROADSHEET, IMAGE_CACHE,
                      GObject)

BroadsheetImageCache *broadsheet_image_cache_new           (const char            *directory,
                                                            guint64                limit);
const char           *broadsheet_image_cache_get_directory (BroadsheetImageCache  *self);
void                  broadsheet_image_cache_set_limit     (BroadsheetImageCache  *self,
                                                            guint64                limit);
guint64               broadsheet_image_cache_get_used      (BroadsheetImageCache  *self);
void                  broadsheet_image_cache_lookup_async  (BroadsheetImageCache  *self,
                                                            const char            *uri,
                                                            gsize                  max_size,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
GBytes               *broadsheet_image_cache_lookup_finish (BroadsheetImageCache  *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void                  broadsheet_image_cache_store         (BroadsheetImageCache  *self,
                                                            const char            *uri,
                                                            GBytes                *bytes);
void                  broadsheet_image_cache_touch         (BroadsheetImageCache  *self,
                                                            const char            *uri);
void                  broadsheet_image_cache_remove        (BroadsheetImageCache  *self,
                                                            const char            *uri);
void                  broadsheet_image_cache_keep          (BroadsheetImageCache  *self,
                                                            const char            *uri,
                                                            gboolean               keep);

G_END_DECLS
