/* broadsheet-rich-text.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BROADSHEET_SPAN_BOLD,
  BROADSHEET_SPAN_ITALIC,
  BROADSHEET_SPAN_CODE,
  BROADSHEET_SPAN_LINK,
} BroadsheetSpanStyle;

typedef struct
{
  guint               offset; /* In Unicode characters. */
  guint               length; /* In Unicode characters. */
  BroadsheetSpanStyle style;
  char               *url;    /* Only for links. */
} BroadsheetSpan;

#define BROADSHEET_TYPE_RICH_TEXT (broadsheet_rich_text_get_type ())

typedef struct _BroadsheetRichText BroadsheetRichText;

GType               broadsheet_rich_text_get_type    (void) G_GNUC_CONST;
BroadsheetRichText *broadsheet_rich_text_new         (const char               *text);
BroadsheetRichText *broadsheet_rich_text_ref         (BroadsheetRichText       *self);
void                broadsheet_rich_text_unref       (BroadsheetRichText       *self);
const char         *broadsheet_rich_text_get_text    (const BroadsheetRichText *self);
guint               broadsheet_rich_text_get_n_spans (const BroadsheetRichText *self);
const BroadsheetSpan *broadsheet_rich_text_get_span  (const BroadsheetRichText *self,
                                                      guint                     index);
gboolean            broadsheet_rich_text_add_span    (BroadsheetRichText       *self,
                                                      guint                     offset,
                                                      guint                     length,
                                                      BroadsheetSpanStyle       style,
                                                      const char               *url);
char               *broadsheet_rich_text_to_markup   (const BroadsheetRichText *self);
gboolean            broadsheet_rich_text_equal       (const BroadsheetRichText *a,
                                                      const BroadsheetRichText *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetRichText, broadsheet_rich_text_unref)

guint64             broadsheet_rich_text_digest     (const BroadsheetRichText *self,
                                                     guint64                   digest);

G_END_DECLS
