/* broadsheet-story-json-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-story.h"

G_BEGIN_DECLS

/* Shared by broadsheet-story-json.c (the feed reader) and
 * broadsheet-story-json-writer.c (single stories, as saved).
 */

BroadsheetStory *_broadsheet_story_json_read_story_node (JsonNode    *node,
                                                         const char  *base_uri,
                                                         GError     **error);

G_END_DECLS
