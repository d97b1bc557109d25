/* broadsheet-json-check-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-json-check.h"

G_BEGIN_DECLS

/* Shared by broadsheet-json-check.c (the grammar) and
 * broadsheet-json-check-errors.c (what is said when it is broken).
 */

typedef struct
{
  const char  *start;  /* The first byte after a byte order mark, if any. */
  const char  *end;
  GError     **error;
} Checker;

/* What the main loop expects next. */
typedef enum
{
  STATE_VALUE,
  STATE_KEY,
  STATE_AFTER_VALUE,
} State;

/* Where an unexpected character turned up, to say what should have been there. */
typedef enum
{
  CONTEXT_VALUE,
  CONTEXT_KEY,
  CONTEXT_COLON,
  CONTEXT_ARRAY_NEXT,
  CONTEXT_OBJECT_NEXT,
  CONTEXT_END,
} Context;

void _broadsheet_json_check_fail            (const Checker            *c,
                                             const char               *pos,
                                             BroadsheetJsonCheckError  code,
                                             const char               *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void _broadsheet_json_check_fail_unexpected (const Checker            *c,
                                             const char               *p,
                                             Context                   context,
                                             const char               *comma);
void _broadsheet_json_check_fail_end        (const Checker            *c,
                                             guint8                    kind);
char *_broadsheet_json_check_describe_char  (const Checker            *c,
                                             const char               *pos);

G_END_DECLS
