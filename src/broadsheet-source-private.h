/* broadsheet-source-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-feed-document.h"
#include "broadsheet-source.h"
#include "broadsheet-story-archive.h"

G_BEGIN_DECLS

/* Shared by broadsheet-source.c (the object and merging) and
 * broadsheet-source-load.c (reading, fetching, caching and parsing).
 */
struct _BroadsheetSource
{
  GObject parent_instance;

  char                  *uri;
  BroadsheetFetcher     *fetcher;
  BroadsheetFeedCache   *cache;
  char                  *feed_title;
  char                  *custom_title;
  char                  *fallback_title;
  GListStore            *stories;
  BroadsheetStory       *held_story;
  BroadsheetSourceState  state;
  GError                *error;
  guint                  n_skipped;
  guint                  n_unread;
  guint                  n_saved;
  GDateTime             *last_updated;
  char                  *etag;
  char                  *last_modified;
  BroadsheetStore       *store;              /* User state and archive, or NULL. */
  gint64                 retention;          /* Seconds a dropped story stays. */
  guint                  cache_tried : 1;
  guint                  archive_tried : 1;
};

void _broadsheet_source_set_state      (BroadsheetSource       *self,
                                        BroadsheetSourceState   state);
void _broadsheet_source_mark_updated   (BroadsheetSource       *self,
                                        GDateTime              *when);
void _broadsheet_source_merge_document (BroadsheetSource       *self,
                                        BroadsheetFeedDocument *document);
void _broadsheet_source_restore_more    (BroadsheetSource      *self,
                                         GPtrArray             *stories);
void _broadsheet_source_restore_stories (BroadsheetSource      *self,
                                         GPtrArray             *stories);

/* broadsheet-source-archive.c */
gboolean _broadsheet_source_keeps_dropped (BroadsheetSource    *self,
                                           BroadsheetStory     *story,
                                           gint64               now);
void     _broadsheet_source_archive_merged (BroadsheetSource   *self,
                                            GPtrArray          *changed,
                                            const char * const *unchanged_ids);
void     _broadsheet_source_restore_async  (BroadsheetSource   *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
void     _broadsheet_source_restore_finish (BroadsheetSource   *self,
                                            GAsyncResult       *result);

G_END_DECLS
