/* broadsheet-story-json-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-feed-reader.h"
#include "broadsheet-story.h"

G_BEGIN_DECLS

/* Shared by broadsheet-story-json.c (the feed reader) and
 * broadsheet-story-json-writer.c (single stories, as saved).
 */

BroadsheetStory *_broadsheet_story_json_read_story_node (JsonNode    *node,
                                                         const char  *base_uri,
                                                         GError     **error);

/* For broadsheet-feed-parser.c, which may read a big feed's stories from
 * their bytes.
 */
gboolean _broadsheet_story_json_begin (JsonObject            *root,
                                       const char            *base_uri,
                                       BroadsheetFeedReader  *reader,
                                       GError               **error);

G_END_DECLS
