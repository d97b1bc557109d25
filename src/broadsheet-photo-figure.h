/* broadsheet-photo-figure.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-photo.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_PHOTO_FIGURE (broadsheet_photo_figure_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetPhotoFigure, broadsheet_photo_figure,
                      BROADSHEET, PHOTO_FIGURE, GtkWidget)

GtkWidget       *broadsheet_photo_figure_new       (BroadsheetPhoto       *photo);
BroadsheetPhoto *broadsheet_photo_figure_get_photo (BroadsheetPhotoFigure *self);
void             broadsheet_photo_figure_set_photo (BroadsheetPhotoFigure *self,
                                                    BroadsheetPhoto       *photo);

G_END_DECLS
