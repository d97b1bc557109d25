/* broadsheet-feed-parser.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "broadsheet-feed-document.h"

G_BEGIN_DECLS

#define BROADSHEET_FEED_ERROR (broadsheet_feed_error_quark ())

typedef enum
{
  BROADSHEET_FEED_ERROR_INVALID_JSON,
  BROADSHEET_FEED_ERROR_NOT_A_FEED,
  BROADSHEET_FEED_ERROR_UNSUPPORTED_VERSION,
} BroadsheetFeedError;

GQuark                  broadsheet_feed_error_quark        (void);

BroadsheetFeedDocument *broadsheet_feed_parser_parse        (GBytes               *bytes,
                                                             const char           *base_uri,
                                                             GError              **error);
void                    broadsheet_feed_parser_parse_async  (GBytes               *bytes,
                                                             const char           *base_uri,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
BroadsheetFeedDocument *broadsheet_feed_parser_parse_finish (GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
