/* broadsheet-story-view.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-story.h"

G_BEGIN_DECLS

#define BROADSHEET_STORY_VIEW_MIN_SCALE 0.5
#define BROADSHEET_STORY_VIEW_MAX_SCALE 3.0

#define BROADSHEET_TYPE_STORY_VIEW (broadsheet_story_view_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetStoryView, broadsheet_story_view, BROADSHEET, STORY_VIEW, GtkWidget)

BroadsheetStory *broadsheet_story_view_get_story (BroadsheetStoryView *self);
void             broadsheet_story_view_set_story (BroadsheetStoryView *self,
                                                  BroadsheetStory     *story);
gboolean         broadsheet_story_view_scroll_pages    (BroadsheetStoryView *self,
                                                        double               pages);
void             broadsheet_story_view_reveal          (BroadsheetStoryView *self,
                                                        GtkWidget           *widget);
double           broadsheet_story_view_get_text_scale  (BroadsheetStoryView *self);
void             broadsheet_story_view_set_highlight   (BroadsheetStoryView *self,
                                                        const char          *folded_query);
void             broadsheet_story_view_set_text_scale  (BroadsheetStoryView *self,
                                                        double               scale);

G_END_DECLS
