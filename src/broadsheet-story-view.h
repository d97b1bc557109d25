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

#define BROADSHEET_TYPE_STORY_VIEW (broadsheet_story_view_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetStoryView, broadsheet_story_view, BROADSHEET, STORY_VIEW, GtkWidget)

BroadsheetStory *broadsheet_story_view_get_story (BroadsheetStoryView *self);
void             broadsheet_story_view_set_story (BroadsheetStoryView *self,
                                                  BroadsheetStory     *story);

G_END_DECLS
