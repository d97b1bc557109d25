/* broadsheet-clock.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BROADSHEET_TYPE_CLOCK (broadsheet_clock_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetClock, broadsheet_clock, BROADSHEET, CLOCK, GObject)

BroadsheetClock *broadsheet_clock_get_default (void);
GDateTime       *broadsheet_clock_get_now     (BroadsheetClock *self);

G_END_DECLS
