/* broadsheet-story-json-writer.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-story.h"

G_BEGIN_DECLS

JsonNode        *broadsheet_story_json_write_story        (BroadsheetStory  *story);
char            *broadsheet_story_json_write_story_string (BroadsheetStory  *story);
BroadsheetStory *broadsheet_story_json_read_story         (const char       *json,
                                                           gssize            length,
                                                           const char       *base_uri,
                                                           GError          **error);

G_END_DECLS
