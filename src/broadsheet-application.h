/* broadsheet-application.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-image-loader.h"
#include "broadsheet-store.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_APPLICATION (broadsheet_application_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetApplication, broadsheet_application,
                      BROADSHEET, APPLICATION, AdwApplication)

BroadsheetApplication *broadsheet_application_new         (GApplicationFlags      flags);
BroadsheetFetcher     *broadsheet_application_get_fetcher (BroadsheetApplication *self);
BroadsheetFeedCache   *broadsheet_application_get_cache   (BroadsheetApplication *self);
BroadsheetStore       *broadsheet_application_get_store   (BroadsheetApplication *self);
BroadsheetImageLoader *broadsheet_application_get_image_loader (BroadsheetApplication *self);
BroadsheetImageLoader *broadsheet_application_get_image_loader_for (GtkWidget *widget);

G_END_DECLS
