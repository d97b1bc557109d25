/* broadsheet-paced-list-model.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BROADSHEET_TYPE_PACED_LIST_MODEL (broadsheet_paced_list_model_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetPacedListModel, broadsheet_paced_list_model,
                      BROADSHEET, PACED_LIST_MODEL, GObject)

BroadsheetPacedListModel *broadsheet_paced_list_model_new         (GListModel               *model);
GListModel               *broadsheet_paced_list_model_get_model   (BroadsheetPacedListModel *self);
void                      broadsheet_paced_list_model_set_widget  (BroadsheetPacedListModel *self,
                                                                   GtkWidget                *widget);
void                      broadsheet_paced_list_model_set_keep    (BroadsheetPacedListModel *self,
                                                                   gpointer                  item);
gboolean                  broadsheet_paced_list_model_reveal_step (BroadsheetPacedListModel *self);
void                      broadsheet_paced_list_model_reveal_all  (BroadsheetPacedListModel *self);
guint                     broadsheet_paced_list_model_get_n_hidden (BroadsheetPacedListModel *self);

G_END_DECLS
