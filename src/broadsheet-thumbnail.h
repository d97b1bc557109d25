/* broadsheet-thumbnail.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-photo.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_THUMBNAIL (broadsheet_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetThumbnail, broadsheet_thumbnail, BROADSHEET, THUMBNAIL, GtkWidget)

BroadsheetPhoto *broadsheet_thumbnail_get_photo (BroadsheetThumbnail *self);
void             broadsheet_thumbnail_set_photo (BroadsheetThumbnail *self,
                                                 BroadsheetPhoto     *photo);
GdkPaintable    *broadsheet_thumbnail_get_paintable (BroadsheetThumbnail *self);

G_END_DECLS
