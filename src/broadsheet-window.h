/* broadsheet-window.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-source.h"
#include "broadsheet-story-view.h"

G_BEGIN_DECLS

/* Which stories the headline list shows (Ctrl+1, Ctrl+2, Ctrl+3). */
typedef enum
{
  BROADSHEET_STORY_FILTER_ALL,
  BROADSHEET_STORY_FILTER_UNREAD,
  BROADSHEET_STORY_FILTER_SAVED,
} BroadsheetStoryFilter;

#define BROADSHEET_TYPE_STORY_FILTER (broadsheet_story_filter_get_type ())
GType broadsheet_story_filter_get_type (void) G_GNUC_CONST;

#define BROADSHEET_TYPE_WINDOW (broadsheet_window_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetWindow, broadsheet_window, BROADSHEET, WINDOW, AdwApplicationWindow)

BroadsheetWindow   *broadsheet_window_new           (GtkApplication      *application,
                                                     BroadsheetFetcher   *fetcher,
                                                     BroadsheetFeedCache *cache,
                                                     BroadsheetStore     *store);
void                broadsheet_window_report_store_problem (BroadsheetWindow *self,
                                                     const GError     *problem);
BroadsheetSource   *broadsheet_window_open_uri      (BroadsheetWindow *self,
                                                     const char       *uri,
                                                     gboolean          keep);
BroadsheetSource   *broadsheet_window_find_source   (BroadsheetWindow *self,
                                                     const char       *uri);
void                broadsheet_window_show_source   (BroadsheetWindow *self,
                                                     BroadsheetSource *source);
void                broadsheet_window_refresh       (BroadsheetWindow *self,
                                                     BroadsheetSource *source,
                                                     gboolean          user_started);
GListModel         *broadsheet_window_get_sources   (BroadsheetWindow *self);
GtkSingleSelection *broadsheet_window_get_selection (BroadsheetWindow *self);
BroadsheetStoryView *broadsheet_window_get_story_view (BroadsheetWindow *self);
BroadsheetStoryFilter broadsheet_window_get_filter  (BroadsheetWindow *self);
void                broadsheet_window_set_filter    (BroadsheetWindow      *self,
                                                     BroadsheetStoryFilter  filter);
void                broadsheet_window_search        (BroadsheetWindow *self,
                                                     const char       *text);

G_END_DECLS
