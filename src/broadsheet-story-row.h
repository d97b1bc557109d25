/* broadsheet-story-row.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-story.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_STORY_ROW (broadsheet_story_row_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetStoryRow, broadsheet_story_row, BROADSHEET, STORY_ROW, GtkWidget)

void             broadsheet_story_row_show_menu (BroadsheetStoryRow *self);
GtkWidget       *broadsheet_story_row_get_menu  (BroadsheetStoryRow *self);
BroadsheetStory *broadsheet_story_row_get_story (BroadsheetStoryRow *self);
void             broadsheet_story_row_set_story (BroadsheetStoryRow *self,
                                                 BroadsheetStory    *story);

G_END_DECLS
