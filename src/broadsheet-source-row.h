/* broadsheet-source-row.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-source.h"

G_BEGIN_DECLS

#define BROADSHEET_TYPE_SOURCE_ROW (broadsheet_source_row_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetSourceRow, broadsheet_source_row, BROADSHEET, SOURCE_ROW, GtkListBoxRow)

GtkWidget        *broadsheet_source_row_new        (BroadsheetSource    *source);
BroadsheetSource *broadsheet_source_row_get_source (BroadsheetSourceRow *self);

G_END_DECLS
