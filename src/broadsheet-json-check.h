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

/* Where a value lies in the checked bytes: [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} BroadsheetJsonSpan;

/* An array that is a member of the root object, and where its elements lie. */
typedef struct
{
  char               *name;      /* The member's name as written, escapes kept. */
  BroadsheetJsonSpan  span;      /* The array, brackets included. */
  GArray             *elements;  /* BroadsheetJsonSpan, one per element. */
} BroadsheetJsonRootArray;

void     broadsheet_json_root_array_free   (BroadsheetJsonRootArray *array);

GQuark   broadsheet_json_check_error_quark (void);

gboolean broadsheet_json_check             (const char  *data,
                                            gsize        length,
                                            guint        max_depth,
                                            GError     **error);
gboolean broadsheet_json_check_outline     (const char  *data,
                                            gsize        length,
                                            guint        max_depth,
                                            GPtrArray  **root_arrays,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetJsonRootArray, broadsheet_json_root_array_free)

G_END_DECLS
