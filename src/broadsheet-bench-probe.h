/* broadsheet-bench-probe.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void broadsheet_bench_probe_watch (GtkWidget  *story_list,
                                   GListModel *stories,
                                   GListModel *sources);

G_END_DECLS
