/* broadsheet-block-widgets.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-block.h"

G_BEGIN_DECLS

GtkWidget *broadsheet_block_widget_new   (BroadsheetBlock *block);
gboolean   broadsheet_open_web_link      (GtkWidget       *widget,
                                          const char      *uri);

G_END_DECLS
