/* broadsheet-json-check.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Feeds nest a handful of levels deep; anything near this is hostile. */
#define BROADSHEET_JSON_CHECK_MAX_DEPTH 512

#define BROADSHEET_JSON_CHECK_ERROR (broadsheet_json_check_error_quark ())

typedef enum
{
  BROADSHEET_JSON_CHECK_ERROR_EMPTY,
  BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
  BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP,
} BroadsheetJsonCheckError;

GQuark   broadsheet_json_check_error_quark (void);

gboolean broadsheet_json_check             (const char  *data,
                                            gsize        length,
                                            guint        max_depth,
                                            GError     **error);

G_END_DECLS
