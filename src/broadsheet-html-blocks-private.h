/* broadsheet-html-blocks-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "broadsheet-block.h"
#include "broadsheet-html-elements.h"
#include "broadsheet-html-text.h"

G_BEGIN_DECLS

/* Shared by broadsheet-html-blocks.c (the walk) and broadsheet-html-contexts.c
 * (what each kind of context gathers and the blocks it makes).
 */

#define BROADSHEET_HTML_MAX_LIST_DEPTH 8

typedef enum
{
  BROADSHEET_HTML_CONTEXT_FLOW,        /* Paragraphs and blocks: the body, or a figure. */
  BROADSHEET_HTML_CONTEXT_HEADING,
  BROADSHEET_HTML_CONTEXT_LIST,
  BROADSHEET_HTML_CONTEXT_QUOTE,
  BROADSHEET_HTML_CONTEXT_PRE,
  BROADSHEET_HTML_CONTEXT_CAPTION,     /* The figcaption of a figure. */
  BROADSHEET_HTML_CONTEXT_ATTRIBUTION, /* A cite or footer of a blockquote. */
} BroadsheetHtmlContextKind;

typedef struct
{
  gboolean               has_picture;
  BroadsheetHtmlPicture  picture;
  guint                  picture_index;
  BroadsheetRichText    *caption;
  guint                  caption_index;
  guint                  first_block;
} BroadsheetHtmlFigure;

typedef struct
{
  BroadsheetHtmlContextKind  kind;
  xmlNode                   *node;        /* The element that opened it. */
  BroadsheetHtmlText        *text;        /* What it gathers now. */
  BroadsheetBlock           *list;        /* Lists: the block, and the nesting now. */
  guint                      list_depth;
  char                      *attribution; /* Quotes. */
  BroadsheetHtmlFigure      *figure;      /* Figures (a flow context). */
} BroadsheetHtmlContext;

typedef struct
{
  const char *base_uri;
  GPtrArray  *blocks;
  GPtrArray  *contexts; /* BroadsheetHtmlContext, innermost last. */
  GArray     *frames;
  guint       code_depth;
} BroadsheetHtmlWalker;

void                   _broadsheet_html_context_free      (gpointer                   data);
BroadsheetHtmlContext *_broadsheet_html_top_context       (BroadsheetHtmlWalker      *walker);
BroadsheetHtmlContext *_broadsheet_html_push_context      (BroadsheetHtmlWalker      *walker,
                                                           BroadsheetHtmlContextKind  kind,
                                                           xmlNode                   *node);
void                   _broadsheet_html_pop_context       (BroadsheetHtmlWalker      *walker);
void                   _broadsheet_html_flush_paragraph   (BroadsheetHtmlWalker      *walker,
                                                           BroadsheetHtmlContext     *context);
void                   _broadsheet_html_finish_list_item  (BroadsheetHtmlContext     *context);
void                   _broadsheet_html_context_break     (BroadsheetHtmlWalker      *walker,
                                                           BroadsheetHtmlContext     *context,
                                                           guint                      n_newlines);
void                   _broadsheet_html_line_break        (BroadsheetHtmlContext     *context);
void                   _broadsheet_html_add_picture       (BroadsheetHtmlWalker      *walker,
                                                           BroadsheetHtmlContext     *context,
                                                           xmlNode                   *node);

G_END_DECLS
