/* broadsheet-label-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void broadsheet_label_set_optional_text (GtkLabel   *label,
                                         const char *text);

G_END_DECLS
