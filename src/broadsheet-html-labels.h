/* broadsheet-html-labels.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "broadsheet-block.h"

G_BEGIN_DECLS

char *broadsheet_html_clean_attribution (const char         *text);
void  broadsheet_html_add_quote         (GPtrArray          *blocks,
                                         BroadsheetRichText *text,
                                         const char         *attribution);
void  broadsheet_html_apply_labels      (GPtrArray          *blocks,
                                         guint               first);

G_END_DECLS
