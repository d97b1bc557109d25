/* broadsheet-add-feed-dialog.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-source.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_ADD_FEED_DIALOG (broadsheet_add_feed_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetAddFeedDialog, broadsheet_add_feed_dialog,
                      BROADSHEET, ADD_FEED_DIALOG, AdwWindow)

BroadsheetAddFeedDialog *broadsheet_add_feed_dialog_new     (GtkWindow               *parent,
                                                             BroadsheetFetcher       *fetcher,
                                                             BroadsheetFeedCache     *cache,
                                                             GListModel              *sources);
void                     broadsheet_add_feed_dialog_set_uri (BroadsheetAddFeedDialog *self,
                                                             const char              *uri);

G_END_DECLS
