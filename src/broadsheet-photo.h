/* broadsheet-photo.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BROADSHEET_TYPE_PHOTO (broadsheet_photo_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetPhoto, broadsheet_photo, BROADSHEET, PHOTO, GObject)

BroadsheetPhoto *broadsheet_photo_new          (const char      *url);
const char      *broadsheet_photo_get_url      (BroadsheetPhoto *self);
const char      *broadsheet_photo_get_caption  (BroadsheetPhoto *self);
const char      *broadsheet_photo_get_credit   (BroadsheetPhoto *self);
const char      *broadsheet_photo_get_alt_text (BroadsheetPhoto *self);
int              broadsheet_photo_get_width    (BroadsheetPhoto *self);
int              broadsheet_photo_get_height   (BroadsheetPhoto *self);
gboolean         broadsheet_photo_equal        (BroadsheetPhoto *a,
                                                BroadsheetPhoto *b);

guint64          broadsheet_photo_digest (BroadsheetPhoto *self,
                                          guint64          digest);

G_END_DECLS
