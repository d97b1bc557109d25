/* broadsheet-story-archive.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-store.h"
#include "broadsheet-story.h"

G_BEGIN_DECLS

void        broadsheet_story_archive_follow          (BroadsheetStore     *store,
                                                      const char          *feed_uri,
                                                      BroadsheetStory     *story);
void        broadsheet_story_archive_unfollow        (BroadsheetStory     *story);
const char *broadsheet_story_archive_get_feed_uri    (BroadsheetStory     *story);
gint64      broadsheet_story_archive_get_last_seen   (BroadsheetStory     *story);
void        broadsheet_story_archive_set_last_seen   (BroadsheetStory     *story,
                                                      gint64               last_seen);

void        broadsheet_story_archive_wait_for_puts   (void);
void        broadsheet_story_archive_put             (BroadsheetStore     *store,
                                                      const char          *feed_uri,
                                                      GPtrArray           *stories);

void        broadsheet_story_archive_load_async      (BroadsheetStore     *store,
                                                      const char          *feed_uri,
                                                      gint64               not_before,
                                                      int                  limit,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
void        broadsheet_story_archive_load_saved_async (BroadsheetStore    *store,
                                                      const char * const  *feed_uris,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *broadsheet_story_archive_load_finish     (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
