/* broadsheet-time-format.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *broadsheet_format_relative_time (GDateTime          *time,
                                       GDateTime          *now);
char *broadsheet_format_updated_time  (GDateTime          *time,
                                       GDateTime          *now);
char *broadsheet_format_exact_time    (GDateTime          *time);
char *broadsheet_format_byline        (const char * const *authors);

G_END_DECLS
