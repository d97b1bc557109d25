/* broadsheet-parallel.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*BroadsheetParallelFunc) (guint    index,
                                        gpointer thread_state,
                                        gpointer user_data);

void broadsheet_parallel_for (guint                  n,
                              guint                  min_parallel,
                              BroadsheetParallelFunc func,
                              GFunc                  thread_init,
                              GDestroyNotify         thread_free,
                              gpointer               user_data);

void broadsheet_release_in_thread (gpointer object);
void broadsheet_give_back_memory_soon (void);
void broadsheet_thread_give_way (void);
void broadsheet_task_run_in_background (GTask           *task,
                                        GTaskThreadFunc  func);

G_END_DECLS
