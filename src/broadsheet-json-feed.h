/* broadsheet-json-feed.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-feed-document.h"
#include "broadsheet-feed-reader.h"

G_BEGIN_DECLS

gboolean                broadsheet_json_feed_detect (JsonObject  *root);
BroadsheetFeedDocument *broadsheet_json_feed_read   (JsonObject  *root,
                                                     const char  *base_uri,
                                                     GError     **error);

/* For broadsheet-feed-parser.c, which may read a big feed's items from their bytes. */
gboolean _broadsheet_json_feed_begin (JsonObject            *root,
                                      const char            *base_uri,
                                      BroadsheetFeedReader  *reader,
                                      GError               **error);

G_END_DECLS
