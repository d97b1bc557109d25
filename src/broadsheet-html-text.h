/* broadsheet-html-text.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "broadsheet-rich-text.h"

G_BEGIN_DECLS

/* Builds one block's text from HTML text nodes: white space collapsed like a
 * browser (or kept, for preformatted text) and styled spans in document order.
 * Used by the broadsheet-html-* files only.
 */
typedef struct _BroadsheetHtmlText BroadsheetHtmlText;

BroadsheetHtmlText *broadsheet_html_text_new            (gboolean             preformatted);
void                broadsheet_html_text_free           (BroadsheetHtmlText  *self);
void                broadsheet_html_text_append         (BroadsheetHtmlText  *self,
                                                         const char          *text,
                                                         gboolean             strip_cdata);
void                broadsheet_html_text_append_space   (BroadsheetHtmlText  *self);
void                broadsheet_html_text_append_break   (BroadsheetHtmlText  *self);
void                broadsheet_html_text_end_line       (BroadsheetHtmlText  *self,
                                                         guint                n_newlines);
void                broadsheet_html_text_set_separator  (BroadsheetHtmlText  *self,
                                                         const char          *separator);
void                broadsheet_html_text_open_span      (BroadsheetHtmlText  *self,
                                                         BroadsheetSpanStyle  style,
                                                         const char          *url);
void                broadsheet_html_text_close_span     (BroadsheetHtmlText  *self);
BroadsheetRichText *broadsheet_html_text_finish         (BroadsheetHtmlText  *self);

BroadsheetRichText *broadsheet_html_rich_text_slice     (const BroadsheetRichText *text,
                                                         guint                     start,
                                                         guint                     end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetHtmlText, broadsheet_html_text_free)

G_END_DECLS
