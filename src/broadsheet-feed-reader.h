/* broadsheet-feed-reader.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "broadsheet-feed-document.h"
#include "broadsheet-json-check.h"

G_BEGIN_DECLS

/* Reads one element of a feed's list of stories. Returns the story, or NULL
 * with *skip_reason set to why it was skipped (translated). Runs on any
 * thread.
 */
typedef BroadsheetStory *(*BroadsheetReadElementFunc) (JsonNode  *element,
                                                       guint      index,
                                                       gpointer   data,
                                                       char     **skip_reason);

/* Why the story at 1-based @number was skipped for repeating an id. */
typedef char *(*BroadsheetRepeatReasonFunc) (guint number);

/* How one feed format reads its stories; the format's reader fills it in
 * once it has read the feed's own fields into @document.
 */
typedef struct
{
  BroadsheetFeedDocument     *document;
  const char                 *list_member;   /* "stories", "items" */
  BroadsheetReadElementFunc   read_element;
  BroadsheetRepeatReasonFunc  repeat_reason;
  gpointer                    data;
  GDestroyNotify              data_free;
} BroadsheetFeedReader;

/* A format's reader: reads the feed's own fields of @root into @reader. */
typedef gboolean (*BroadsheetFeedBeginFunc) (JsonObject            *root,
                                             const char            *base_uri,
                                             BroadsheetFeedReader  *reader,
                                             GError               **error);

BroadsheetFeedDocument *broadsheet_feed_reader_read       (BroadsheetFeedBeginFunc  begin,
                                                           JsonObject              *root,
                                                           const char              *base_uri,
                                                           GError                 **error);
void                    broadsheet_feed_reader_clear      (BroadsheetFeedReader *reader);
BroadsheetFeedDocument *broadsheet_feed_reader_read_array (BroadsheetFeedReader *reader,
                                                           JsonArray            *elements);
BroadsheetFeedDocument *broadsheet_feed_reader_read_spans (BroadsheetFeedReader *reader,
                                                           const char           *data,
                                                           GArray               *spans);

G_END_DECLS
