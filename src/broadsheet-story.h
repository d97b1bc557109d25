/* broadsheet-story.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "broadsheet-block.h"
#include "broadsheet-photo.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_STORY (broadsheet_story_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetStory, broadsheet_story, BROADSHEET, STORY, GObject)

BroadsheetStory    *broadsheet_story_new            (const char      *id,
                                                     const char      *headline);
const char         *broadsheet_story_get_id         (BroadsheetStory *self);
const char         *broadsheet_story_get_headline   (BroadsheetStory *self);
const char         *broadsheet_story_get_url        (BroadsheetStory *self);
const char         *broadsheet_story_get_kicker     (BroadsheetStory *self);
const char         *broadsheet_story_get_summary    (BroadsheetStory *self);
const char         *broadsheet_story_get_language   (BroadsheetStory *self);
GDateTime          *broadsheet_story_get_published  (BroadsheetStory *self);
GDateTime          *broadsheet_story_get_updated    (BroadsheetStory *self);
const char * const *broadsheet_story_get_authors    (BroadsheetStory *self);
const char * const *broadsheet_story_get_topics     (BroadsheetStory *self);
BroadsheetPhoto    *broadsheet_story_get_lead_photo (BroadsheetStory *self);
guint               broadsheet_story_get_n_blocks   (BroadsheetStory *self);
BroadsheetBlock    *broadsheet_story_get_block      (BroadsheetStory *self,
                                                     guint            index);
void                broadsheet_story_reserve_blocks (BroadsheetStory *self,
                                                     guint            n);
void                broadsheet_story_add_block      (BroadsheetStory *self,
                                                     BroadsheetBlock *block);
gboolean            broadsheet_story_get_read       (BroadsheetStory *self);
void                broadsheet_story_set_read       (BroadsheetStory *self,
                                                     gboolean         read);
gboolean            broadsheet_story_get_saved      (BroadsheetStory *self);
void                broadsheet_story_set_saved      (BroadsheetStory *self,
                                                     gboolean         saved);
gboolean            broadsheet_story_equal          (BroadsheetStory *a,
                                                     BroadsheetStory *b);

guint64                 broadsheet_story_get_digest   (BroadsheetStory *self);
gulong                  broadsheet_story_connect_marks_changed (BroadsheetStory *story,
                                                                GCallback        callback,
                                                                gpointer         user_data);
guint                   broadsheet_story_hash_id      (gconstpointer    story);
gboolean                broadsheet_story_equal_id     (gconstpointer    a,
                                                       gconstpointer    b);

G_END_DECLS
