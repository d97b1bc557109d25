/* broadsheet-source.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-store.h"
#include "broadsheet-story.h"

G_BEGIN_DECLS

typedef enum
{
  BROADSHEET_SOURCE_IDLE,
  BROADSHEET_SOURCE_LOADING,
  BROADSHEET_SOURCE_READY,
  BROADSHEET_SOURCE_FAILED,
} BroadsheetSourceState;

#define BROADSHEET_TYPE_SOURCE_STATE (broadsheet_source_state_get_type ())
GType broadsheet_source_state_get_type (void) G_GNUC_CONST;

#define BROADSHEET_BUNDLED_FEED_URI "resource:///app/broadsheet/Broadsheet/sample/stories.json"

#define BROADSHEET_TYPE_SOURCE (broadsheet_source_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetSource, broadsheet_source, BROADSHEET, SOURCE, GObject)

BroadsheetSource      *broadsheet_source_new              (const char           *uri,
                                                           BroadsheetFetcher    *fetcher,
                                                           BroadsheetFeedCache  *cache);
BroadsheetSource      *broadsheet_source_new_bundled      (void);
const char            *broadsheet_source_get_uri          (BroadsheetSource     *self);
gboolean               broadsheet_source_is_remote        (BroadsheetSource     *self);
const char            *broadsheet_source_get_title        (BroadsheetSource     *self);
const char            *broadsheet_source_get_custom_title (BroadsheetSource     *self);
void                   broadsheet_source_set_custom_title (BroadsheetSource     *self,
                                                           const char           *title);
GListModel            *broadsheet_source_get_stories      (BroadsheetSource     *self);
BroadsheetSourceState  broadsheet_source_get_state        (BroadsheetSource     *self);
const GError          *broadsheet_source_get_error        (BroadsheetSource     *self);
guint                  broadsheet_source_get_n_skipped    (BroadsheetSource     *self);
guint                  broadsheet_source_get_n_unread     (BroadsheetSource     *self);
guint                  broadsheet_source_get_n_saved      (BroadsheetSource     *self);
void                   broadsheet_source_set_store        (BroadsheetSource     *self,
                                                           BroadsheetStore      *store,
                                                           guint                 retention_days);
GDateTime             *broadsheet_source_get_last_updated (BroadsheetSource     *self);
void                   broadsheet_source_hold_story       (BroadsheetSource     *self,
                                                           BroadsheetStory      *story);
void                   broadsheet_source_load_async       (BroadsheetSource     *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean               broadsheet_source_load_finish      (BroadsheetSource     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
