/* broadsheet-html-contexts.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-html-blocks-private.h"
#include "broadsheet-html-labels.h"

/* The contexts of the HTML walk. Each gathers one kind of block: the flow
 * context paragraphs (and, for a figure, its picture and caption), the others
 * one heading, list, quote, preformatted text, caption or attribution. Where
 * a context cannot hold a block, a break in its text stands in for it.
 */

static void
figure_free (BroadsheetHtmlFigure *figure)
{
  broadsheet_html_picture_clear (&figure->picture);
  g_clear_pointer (&figure->caption, broadsheet_rich_text_unref);
  g_free (figure);
}

void
_broadsheet_html_context_free (gpointer data)
{
  BroadsheetHtmlContext *context = data;

  broadsheet_html_text_free (context->text);
  g_clear_object (&context->list);
  g_free (context->attribution);
  g_clear_pointer (&context->figure, figure_free);
  g_free (context);
}

BroadsheetHtmlContext *
_broadsheet_html_top_context (BroadsheetHtmlWalker *walker)
{
  return g_ptr_array_index (walker->contexts, walker->contexts->len - 1);
}

BroadsheetHtmlContext *
_broadsheet_html_push_context (BroadsheetHtmlWalker     *walker,
                               BroadsheetHtmlContextKind kind,
                               xmlNode                  *node)
{
  BroadsheetHtmlContext *context = g_new0 (BroadsheetHtmlContext, 1);

  context->kind = kind;
  context->node = node;
  context->text = broadsheet_html_text_new (kind == BROADSHEET_HTML_CONTEXT_PRE);
  g_ptr_array_add (walker->contexts, context);
  return context;
}

static void
emit_text_block (BroadsheetHtmlWalker *walker,
                 BroadsheetBlockKind   kind,
                 BroadsheetRichText   *text)
{
  BroadsheetBlock *block = broadsheet_block_new (kind);

  broadsheet_block_set_text (block, text);
  g_ptr_array_add (walker->blocks, block);
}

void
_broadsheet_html_flush_paragraph (BroadsheetHtmlWalker  *walker,
                                  BroadsheetHtmlContext *context)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_html_text_finish (context->text);

  if (text != NULL)
    emit_text_block (walker, BROADSHEET_BLOCK_PARAGRAPH, text);
}

void
_broadsheet_html_finish_list_item (BroadsheetHtmlContext *context)
{
  g_autoptr(BroadsheetRichText) item = broadsheet_html_text_finish (context->text);

  if (item != NULL)
    broadsheet_block_add_nested_item (context->list, item,
                                      MIN (context->list_depth, BROADSHEET_HTML_MAX_LIST_DEPTH));
}

/* A break between blocks inside something that becomes one block. */
void
_broadsheet_html_context_break (BroadsheetHtmlWalker  *walker,
                                BroadsheetHtmlContext *context,
                                guint                  n_newlines)
{
  switch (context->kind)
    {
    case BROADSHEET_HTML_CONTEXT_FLOW:
      _broadsheet_html_flush_paragraph (walker, context);
      break;

    case BROADSHEET_HTML_CONTEXT_QUOTE:
      broadsheet_html_text_end_line (context->text, n_newlines);
      break;

    case BROADSHEET_HTML_CONTEXT_LIST:
    case BROADSHEET_HTML_CONTEXT_PRE:
      broadsheet_html_text_end_line (context->text, 1);
      break;

    case BROADSHEET_HTML_CONTEXT_HEADING:
    case BROADSHEET_HTML_CONTEXT_CAPTION:
    case BROADSHEET_HTML_CONTEXT_ATTRIBUTION:
    default:
      broadsheet_html_text_append_space (context->text);
      break;
    }
}

void
_broadsheet_html_line_break (BroadsheetHtmlContext *context)
{
  if (context->kind == BROADSHEET_HTML_CONTEXT_HEADING ||
      context->kind == BROADSHEET_HTML_CONTEXT_CAPTION ||
      context->kind == BROADSHEET_HTML_CONTEXT_ATTRIBUTION)
    broadsheet_html_text_append_space (context->text);
  else
    broadsheet_html_text_append_break (context->text);
}

void
_broadsheet_html_add_picture (BroadsheetHtmlWalker  *walker,
                              BroadsheetHtmlContext *context,
                              xmlNode               *node)
{
  BroadsheetHtmlPicture picture = { NULL, };
  BroadsheetBlock *block;

  broadsheet_html_picture_read (&picture, node, walker->base_uri);

  /* A list, quote or heading cannot hold a picture: its words join the text. */
  if (context->kind != BROADSHEET_HTML_CONTEXT_FLOW || broadsheet_html_picture_is_inline (&picture))
    {
      if (picture.alt != NULL)
        broadsheet_html_text_append (context->text, picture.alt, FALSE);
      broadsheet_html_picture_clear (&picture);
      return;
    }

  _broadsheet_html_flush_paragraph (walker, context);

  /* A figure's first picture waits for the caption, which may come after it. */
  if (context->figure != NULL && !context->figure->has_picture)
    {
      context->figure->has_picture = TRUE;
      context->figure->picture = picture;
      context->figure->picture_index = walker->blocks->len;
      return;
    }

  block = broadsheet_html_picture_block_new (&picture, NULL);
  if (block != NULL)
    g_ptr_array_add (walker->blocks, block);
  broadsheet_html_picture_clear (&picture);
}

static void
finish_figure (BroadsheetHtmlWalker  *walker,
               BroadsheetHtmlContext *context)
{
  BroadsheetHtmlFigure *figure = context->figure;
  const char *caption = NULL;

  _broadsheet_html_flush_paragraph (walker, context);
  if (figure->caption != NULL)
    caption = broadsheet_rich_text_get_text (figure->caption);

  if (figure->has_picture)
    {
      BroadsheetBlock *block = broadsheet_html_picture_block_new (&figure->picture, caption);

      if (block != NULL)
        g_ptr_array_insert (walker->blocks, figure->picture_index, block);
      return;
    }

  if (figure->caption == NULL)
    return;

  /* <figure><blockquote>…</blockquote><figcaption>— Name</figcaption></figure> */
  for (guint i = walker->blocks->len; i > figure->first_block; i--)
    {
      BroadsheetBlock *block = g_ptr_array_index (walker->blocks, i - 1);
      g_autofree char *attribution = NULL;

      if (broadsheet_block_get_kind (block) != BROADSHEET_BLOCK_QUOTE ||
          broadsheet_block_get_attribution (block) != NULL)
        continue;

      attribution = broadsheet_html_clean_attribution (caption);
      if (attribution == NULL)
        break;
      broadsheet_block_set_attribution (block, attribution);
      return;
    }

  {
    BroadsheetBlock *block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);

    broadsheet_block_set_text (block, figure->caption);
    g_ptr_array_insert (walker->blocks, figure->caption_index, block);
  }
}

/* Ends the innermost context, adding what it built to the blocks. */
void
_broadsheet_html_pop_context (BroadsheetHtmlWalker *walker)
{
  BroadsheetHtmlContext *context = _broadsheet_html_top_context (walker);
  BroadsheetHtmlContext *parent = g_ptr_array_index (walker->contexts, walker->contexts->len - 2);
  g_autoptr(BroadsheetRichText) text = NULL;

  switch (context->kind)
    {
    case BROADSHEET_HTML_CONTEXT_FLOW:
      finish_figure (walker, context);
      break;

    case BROADSHEET_HTML_CONTEXT_HEADING:
      text = broadsheet_html_text_finish (context->text);
      if (text != NULL)
        emit_text_block (walker, BROADSHEET_BLOCK_HEADING, text);
      break;

    case BROADSHEET_HTML_CONTEXT_PRE:
      text = broadsheet_html_text_finish (context->text);
      if (text != NULL)
        emit_text_block (walker, BROADSHEET_BLOCK_PREFORMATTED, text);
      break;

    case BROADSHEET_HTML_CONTEXT_LIST:
      _broadsheet_html_finish_list_item (context);
      if (broadsheet_block_get_n_items (context->list) > 0)
        g_ptr_array_add (walker->blocks, g_steal_pointer (&context->list));
      break;

    case BROADSHEET_HTML_CONTEXT_QUOTE:
      text = broadsheet_html_text_finish (context->text);
      broadsheet_html_add_quote (walker->blocks, text, context->attribution);
      break;

    case BROADSHEET_HTML_CONTEXT_CAPTION:
      g_clear_pointer (&parent->figure->caption, broadsheet_rich_text_unref);
      parent->figure->caption = broadsheet_html_text_finish (context->text);
      parent->figure->caption_index = walker->blocks->len;
      break;

    case BROADSHEET_HTML_CONTEXT_ATTRIBUTION:
      text = broadsheet_html_text_finish (context->text);
      if (text != NULL)
        {
          const char *words = broadsheet_rich_text_get_text (text);
          char *joined = parent->attribution == NULL ? g_strdup (words) :
                         g_strconcat (parent->attribution, " ", words, NULL);

          g_free (parent->attribution);
          parent->attribution = joined;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  g_ptr_array_remove_index (walker->contexts, walker->contexts->len - 1);
}

