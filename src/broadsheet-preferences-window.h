/* broadsheet-preferences-window.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BROADSHEET_TYPE_PREFERENCES_WINDOW (broadsheet_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetPreferencesWindow, broadsheet_preferences_window,
                      BROADSHEET, PREFERENCES_WINDOW, AdwPreferencesWindow)

BroadsheetPreferencesWindow *broadsheet_preferences_window_new (GtkWindow *parent);

G_END_DECLS
