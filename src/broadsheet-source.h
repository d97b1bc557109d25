/* broadsheet-source.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BROADSHEET_SOURCE_IDLE,
  BROADSHEET_SOURCE_LOADING,
  BROADSHEET_SOURCE_READY,
  BROADSHEET_SOURCE_FAILED,
} BroadsheetSourceState;

#define BROADSHEET_TYPE_SOURCE_STATE (broadsheet_source_state_get_type ())
GType broadsheet_source_state_get_type (void) G_GNUC_CONST;

#define BROADSHEET_TYPE_SOURCE (broadsheet_source_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetSource, broadsheet_source, BROADSHEET, SOURCE, GObject)

BroadsheetSource      *broadsheet_source_new               (GFile                *file);
BroadsheetSource      *broadsheet_source_new_bundled       (void);
GFile                 *broadsheet_source_get_file          (BroadsheetSource     *self);
const char            *broadsheet_source_get_title         (BroadsheetSource     *self);
GListModel            *broadsheet_source_get_stories       (BroadsheetSource     *self);
BroadsheetSourceState  broadsheet_source_get_state         (BroadsheetSource     *self);
const GError          *broadsheet_source_get_error         (BroadsheetSource     *self);
guint                  broadsheet_source_get_n_skipped     (BroadsheetSource     *self);
void                   broadsheet_source_load_async        (BroadsheetSource     *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean               broadsheet_source_load_finish       (BroadsheetSource     *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
