/* broadsheet-feed-cache.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GBytes    *bytes;          /* The last good response. */
  char      *etag;
  char      *last_modified;
  GDateTime *fetched;        /* When it was last fetched or confirmed (304). */
} BroadsheetCacheEntry;

void broadsheet_cache_entry_free (BroadsheetCacheEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetCacheEntry, broadsheet_cache_entry_free)

#define BROADSHEET_TYPE_FEED_CACHE (broadsheet_feed_cache_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetFeedCache, broadsheet_feed_cache, BROADSHEET, FEED_CACHE, GObject)

BroadsheetFeedCache  *broadsheet_feed_cache_new           (const char           *directory);
BroadsheetFeedCache  *broadsheet_feed_cache_new_default   (void);
const char           *broadsheet_feed_cache_get_directory (BroadsheetFeedCache  *self);
void                  broadsheet_feed_cache_load_async    (BroadsheetFeedCache  *self,
                                                           const char           *uri,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
BroadsheetCacheEntry *broadsheet_feed_cache_load_finish   (BroadsheetFeedCache  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                  broadsheet_feed_cache_store_async   (BroadsheetFeedCache  *self,
                                                           const char           *uri,
                                                           GBytes               *bytes,
                                                           const char           *etag,
                                                           const char           *last_modified,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              broadsheet_feed_cache_store_finish  (BroadsheetFeedCache  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                  broadsheet_feed_cache_remove        (BroadsheetFeedCache  *self,
                                                           const char           *uri);

G_END_DECLS
