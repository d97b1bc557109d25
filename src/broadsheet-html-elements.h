/* broadsheet-html-elements.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "broadsheet-block.h"

G_BEGIN_DECLS

/* The allow-list: what an HTML element is to broadsheet-html-blocks. */
typedef enum
{
  BROADSHEET_HTML_INLINE, /* Unknown elements too: their text is kept. */
  BROADSHEET_HTML_DROP,   /* Dropped with their text. */
  BROADSHEET_HTML_BLOCK,
  BROADSHEET_HTML_HEADING,
  BROADSHEET_HTML_LIST,
  BROADSHEET_HTML_ORDERED_LIST,
  BROADSHEET_HTML_LIST_ITEM,
  BROADSHEET_HTML_QUOTE,
  BROADSHEET_HTML_PRE,
  BROADSHEET_HTML_FIGURE,
  BROADSHEET_HTML_FIGCAPTION,
  BROADSHEET_HTML_FOOTER,
  BROADSHEET_HTML_IMAGE,
  BROADSHEET_HTML_RULE,
  BROADSHEET_HTML_BREAK,
  BROADSHEET_HTML_TABLE_ROW,
  BROADSHEET_HTML_TABLE_CELL,
  BROADSHEET_HTML_TABLE_HEADER,
  BROADSHEET_HTML_BOLD,
  BROADSHEET_HTML_ITALIC,
  BROADSHEET_HTML_CITE,
  BROADSHEET_HTML_CODE,
  BROADSHEET_HTML_LINK,
} BroadsheetHtmlElement;

/* An <img>, read. */
typedef struct
{
  char *url;    /* Resolved; NULL when missing or refused. */
  char *alt;
  int   width;  /* Both or neither: 0 unless both are plain positive integers. */
  int   height;
} BroadsheetHtmlPicture;

BroadsheetHtmlElement  broadsheet_html_element_kind         (const xmlNode               *node);
char                  *broadsheet_html_dup_attribute        (xmlNode                     *node,
                                                             const char                  *name);
char                  *broadsheet_html_dup_link             (xmlNode                     *node,
                                                             const char                  *base_uri);
void                   broadsheet_html_picture_read         (BroadsheetHtmlPicture       *picture,
                                                             xmlNode                     *node,
                                                             const char                  *base_uri);
void                   broadsheet_html_picture_clear        (BroadsheetHtmlPicture       *picture);
gboolean               broadsheet_html_picture_is_inline    (const BroadsheetHtmlPicture *picture);
BroadsheetBlock       *broadsheet_html_picture_block_new    (const BroadsheetHtmlPicture *picture,
                                                             const char                  *caption);

G_END_DECLS
