/* broadsheet-feed-document.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "broadsheet-story.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_FEED_DOCUMENT (broadsheet_feed_document_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetFeedDocument, broadsheet_feed_document,
                      BROADSHEET, FEED_DOCUMENT, GObject)

BroadsheetFeedDocument *broadsheet_feed_document_new               (const char             *title);
const char             *broadsheet_feed_document_get_title         (BroadsheetFeedDocument *self);
const char             *broadsheet_feed_document_get_home_page_url (BroadsheetFeedDocument *self);
void                    broadsheet_feed_document_set_home_page_url (BroadsheetFeedDocument *self,
                                                                    const char             *url);
const char             *broadsheet_feed_document_get_description   (BroadsheetFeedDocument *self);
void                    broadsheet_feed_document_set_description   (BroadsheetFeedDocument *self,
                                                                    const char             *description);
GPtrArray              *broadsheet_feed_document_get_stories       (BroadsheetFeedDocument *self);
void                    broadsheet_feed_document_add_story         (BroadsheetFeedDocument *self,
                                                                    BroadsheetStory        *story);
guint                   broadsheet_feed_document_get_n_skipped     (BroadsheetFeedDocument *self);
const char * const     *broadsheet_feed_document_get_skip_reasons  (BroadsheetFeedDocument *self);
void                    broadsheet_feed_document_skip              (BroadsheetFeedDocument *self,
                                                                    const char             *format,
                                                                    ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
