/* broadsheet-story-json.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-feed-document.h"

G_BEGIN_DECLS

#define BROADSHEET_STORY_JSON_FORMAT "broadsheet-story-json"
#define BROADSHEET_STORY_JSON_VERSION 1

BroadsheetFeedDocument *broadsheet_story_json_read (JsonObject  *root,
                                                    const char  *base_uri,
                                                    GError     **error);

G_END_DECLS
