/* broadsheet-html-blocks.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "broadsheet-html-blocks-private.h"
#include "broadsheet-html-blocks.h"
#include "broadsheet-html-labels.h"

/* Turns a feed's HTML (JSON Feed content_html) into body blocks. libxml2's
 * HTML parser builds the tree, repairing bad markup as browsers do, and the
 * walk below reads it against an allow-list (broadsheet-html-elements): only
 * element names, text and a few attributes are read, so no markup, style or
 * script ever reaches the blocks, which hold plain text and spans.
 *
 * The walk follows parent and sibling pointers and keeps its own bounded
 * stack, so deep trees cannot overflow the thread's stack; elements deeper
 * than MAX_DEPTH give only their words. Elements open contexts
 * (broadsheet-html-contexts), each gathering one kind of block.
 */

#define MAX_DEPTH 256
#define CELL_SEPARATOR " · "

/* XML_PARSE_HUGE: without it libxml2 2.9 stops at 256 levels of nesting and
 * silently drops the rest of the document. HTML_PARSE_NOBLANKS is not used:
 * it drops spaces between inline elements ("a<sup>1</sup> <i>b</i>").
 */
#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                       HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

enum {
  FRAME_FLUSH = 1 << 0,
  FRAME_CONTEXT = 1 << 1,
  FRAME_SPAN = 1 << 2,
  FRAME_CODE = 1 << 3,
  FRAME_LIST_LEVEL = 1 << 4,
  FRAME_LIST_ITEM = 1 << 5,
  FRAME_PARAGRAPH_BREAK = 1 << 6,
  FRAME_LINE_BREAK = 1 << 7,
};

/* What entering an element did, undone when leaving it. */
typedef struct
{
  xmlNode            *node;
  guint               flags;
  BroadsheetHtmlText *span_text;
} Frame;

static void
open_span (Frame                 *frame,
           BroadsheetHtmlContext *context,
           BroadsheetSpanStyle    style,
           const char            *url)
{
  broadsheet_html_text_open_span (context->text, style, url);
  frame->flags |= FRAME_SPAN;
  frame->span_text = context->text;
}

static void
enter_flow_block (BroadsheetHtmlWalker  *walker,
                  BroadsheetHtmlContext *context,
                  xmlNode               *node,
                  BroadsheetHtmlElement  kind,
                  Frame                 *frame)
{
  BroadsheetHtmlContext *inner;

  _broadsheet_html_flush_paragraph (walker, context);

  switch (kind)
    {
    case BROADSHEET_HTML_HEADING:
      _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_HEADING, node);
      break;

    case BROADSHEET_HTML_LIST:
    case BROADSHEET_HTML_ORDERED_LIST:
      inner = _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_LIST, node);
      inner->list = broadsheet_block_new (BROADSHEET_BLOCK_LIST);
      broadsheet_block_set_ordered (inner->list, kind == BROADSHEET_HTML_ORDERED_LIST);
      break;

    case BROADSHEET_HTML_QUOTE:
      _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_QUOTE, node);
      break;

    case BROADSHEET_HTML_PRE:
      _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_PRE, node);
      break;

    case BROADSHEET_HTML_FIGURE:
      inner = _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_FLOW, node);
      inner->figure = g_new0 (BroadsheetHtmlFigure, 1);
      inner->figure->first_block = walker->blocks->len;
      break;

    case BROADSHEET_HTML_FIGCAPTION:
      if (context->figure != NULL && node->parent == context->node)
        {
          _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_CAPTION, node);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      frame->flags |= FRAME_FLUSH;
      return;
    }

  frame->flags |= FRAME_CONTEXT;
}

static void
enter_inner_block (BroadsheetHtmlWalker  *walker,
                   BroadsheetHtmlContext *context,
                   xmlNode               *node,
                   BroadsheetHtmlElement  kind,
                   Frame                 *frame)
{
  if (context->kind == BROADSHEET_HTML_CONTEXT_LIST &&
      (kind == BROADSHEET_HTML_LIST || kind == BROADSHEET_HTML_ORDERED_LIST ||
       kind == BROADSHEET_HTML_LIST_ITEM))
    {
      /* A nested list's items follow their parent item, one level deeper. */
      _broadsheet_html_finish_list_item (context);
      if (kind == BROADSHEET_HTML_LIST_ITEM)
        {
          frame->flags |= FRAME_LIST_ITEM;
        }
      else
        {
          context->list_depth++;
          frame->flags |= FRAME_LIST_LEVEL;
        }
      return;
    }

  if (context->kind == BROADSHEET_HTML_CONTEXT_QUOTE && kind == BROADSHEET_HTML_FOOTER &&
      node->parent == context->node)
    {
      _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_ATTRIBUTION, node);
      frame->flags |= FRAME_CONTEXT;
      return;
    }

  if (kind == BROADSHEET_HTML_LIST_ITEM || kind == BROADSHEET_HTML_TABLE_ROW)
    {
      _broadsheet_html_context_break (walker, context, 1);
      frame->flags |= FRAME_LINE_BREAK;
    }
  else
    {
      _broadsheet_html_context_break (walker, context, 2);
      frame->flags |= FRAME_PARAGRAPH_BREAK;
    }
}

/* Returns whether to walk the element's children. */
static gboolean
enter_element (BroadsheetHtmlWalker *walker,
               xmlNode              *node,
               Frame                *frame)
{
  BroadsheetHtmlContext *context = _broadsheet_html_top_context (walker);
  BroadsheetHtmlElement kind = broadsheet_html_element_kind (node);
  g_autofree char *url = NULL;

  switch (kind)
    {
    case BROADSHEET_HTML_DROP:
      return FALSE;

    case BROADSHEET_HTML_BREAK:
      _broadsheet_html_line_break (context);
      return FALSE;

    case BROADSHEET_HTML_IMAGE:
      _broadsheet_html_add_picture (walker, context, node);
      return FALSE;

    case BROADSHEET_HTML_RULE:
      if (context->kind == BROADSHEET_HTML_CONTEXT_FLOW)
        {
          _broadsheet_html_flush_paragraph (walker, context);
          g_ptr_array_add (walker->blocks, broadsheet_block_new (BROADSHEET_BLOCK_RULE));
        }
      else
        {
          _broadsheet_html_context_break (walker, context, 2);
        }
      return FALSE;

    case BROADSHEET_HTML_INLINE:
      return TRUE;

    case BROADSHEET_HTML_BOLD:
      open_span (frame, context, BROADSHEET_SPAN_BOLD, NULL);
      return TRUE;

    case BROADSHEET_HTML_ITALIC:
      open_span (frame, context, BROADSHEET_SPAN_ITALIC, NULL);
      return TRUE;

    case BROADSHEET_HTML_CODE:
      open_span (frame, context, BROADSHEET_SPAN_CODE, NULL);
      frame->flags |= FRAME_CODE;
      walker->code_depth++;
      return TRUE;

    case BROADSHEET_HTML_LINK:
      /* A refused address (javascript: and the like) keeps the text. */
      url = broadsheet_html_dup_link (node, walker->base_uri);
      if (url != NULL)
        open_span (frame, context, BROADSHEET_SPAN_LINK, url);
      return TRUE;

    case BROADSHEET_HTML_CITE:
      if (context->kind == BROADSHEET_HTML_CONTEXT_QUOTE && node->parent == context->node)
        {
          _broadsheet_html_push_context (walker, BROADSHEET_HTML_CONTEXT_ATTRIBUTION, node);
          frame->flags |= FRAME_CONTEXT;
        }
      else
        {
          open_span (frame, context, BROADSHEET_SPAN_ITALIC, NULL);
        }
      return TRUE;

    case BROADSHEET_HTML_TABLE_CELL:
    case BROADSHEET_HTML_TABLE_HEADER:
      broadsheet_html_text_set_separator (context->text, CELL_SEPARATOR);
      if (kind == BROADSHEET_HTML_TABLE_HEADER)
        open_span (frame, context, BROADSHEET_SPAN_BOLD, NULL);
      return TRUE;

    default:
      break;
    }

  if (context->kind == BROADSHEET_HTML_CONTEXT_FLOW)
    enter_flow_block (walker, context, node, kind, frame);
  else
    enter_inner_block (walker, context, node, kind, frame);
  return TRUE;
}

static void
leave_element (BroadsheetHtmlWalker *walker,
               const Frame          *frame)
{
  BroadsheetHtmlContext *context;

  if (frame->flags & FRAME_SPAN)
    broadsheet_html_text_close_span (frame->span_text);
  if (frame->flags & FRAME_CODE)
    walker->code_depth--;
  if (frame->flags & FRAME_CONTEXT)
    _broadsheet_html_pop_context (walker);

  context = _broadsheet_html_top_context (walker);
  if (frame->flags & FRAME_FLUSH)
    _broadsheet_html_flush_paragraph (walker, context);
  if (frame->flags & (FRAME_LIST_LEVEL | FRAME_LIST_ITEM))
    _broadsheet_html_finish_list_item (context);
  if (frame->flags & FRAME_LIST_LEVEL)
    context->list_depth--;
  if (frame->flags & FRAME_PARAGRAPH_BREAK)
    _broadsheet_html_context_break (walker, context, 2);
  if (frame->flags & FRAME_LINE_BREAK)
    _broadsheet_html_context_break (walker, context, 1);
}

static gboolean
is_inline (BroadsheetHtmlElement kind)
{
  return kind == BROADSHEET_HTML_INLINE || kind == BROADSHEET_HTML_BOLD ||
         kind == BROADSHEET_HTML_ITALIC || kind == BROADSHEET_HTML_CITE ||
         kind == BROADSHEET_HTML_CODE || kind == BROADSHEET_HTML_LINK ||
         kind == BROADSHEET_HTML_IMAGE;
}

/* Returns whether to walk the node's children. */
static gboolean
visit (BroadsheetHtmlWalker *walker,
       xmlNode              *node,
       guint                 depth)
{
  BroadsheetHtmlContext *context = _broadsheet_html_top_context (walker);
  BroadsheetHtmlElement kind;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      gboolean in_code = walker->code_depth > 0 || context->kind == BROADSHEET_HTML_CONTEXT_PRE;

      if (node->content != NULL)
        broadsheet_html_text_append (context->text, (const char *)node->content, !in_code);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (depth < MAX_DEPTH)
    {
      Frame frame = { node, 0, NULL };
      gboolean descend = enter_element (walker, node, &frame);

      g_array_append_val (walker->frames, frame);
      return descend;
    }

  /* Too deep to read as structure: only the words, and no hidden ones. */
  kind = broadsheet_html_element_kind (node);
  if (kind == BROADSHEET_HTML_DROP)
    return FALSE;
  if (kind == BROADSHEET_HTML_BREAK)
    _broadsheet_html_line_break (context);
  else if (!is_inline (kind))
    broadsheet_html_text_append_space (context->text);
  return TRUE;
}

static void
leave (BroadsheetHtmlWalker *walker,
       xmlNode              *node)
{
  Frame frame;

  if (walker->frames->len == 0 ||
      g_array_index (walker->frames, Frame, walker->frames->len - 1).node != node)
    return;

  frame = g_array_index (walker->frames, Frame, walker->frames->len - 1);
  g_array_set_size (walker->frames, walker->frames->len - 1);
  leave_element (walker, &frame);
}

static void
walk (BroadsheetHtmlWalker *walker,
      xmlNode              *root)
{
  xmlNode *node = root;
  guint depth = 0;

  while (node != NULL)
    {
      if (visit (walker, node, depth) && node->children != NULL)
        {
          node = node->children;
          depth++;
          continue;
        }

      /* Leave the node, and each ancestor whose last child it ends. */
      for (;;)
        {
          leave (walker, node);
          if (node == root)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          depth--;
        }
    }
}

/* Some feeds wrap the whole body in a CDATA section, as in RSS. libxml2's
 * HTML parser does not know CDATA: mid-text it keeps the markers as text
 * (broadsheet-html-text drops them), and at the very start it loses the "<".
 */
static void
unwrap_cdata (const char **html,
              gsize       *length)
{
  const char *start = *html;
  const char *end = *html + *length;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (end - start >= 12 && strncmp (start, "<![CDATA[", 9) == 0 && strncmp (end - 3, "]]>", 3) == 0)
    {
      *html = start + 9;
      *length = end - 3 - *html;
    }
}

static gpointer
init_parser_cb (G_GNUC_UNUSED gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/* Appends to @blocks (BroadsheetBlock *, owned by the array) the body of @html,
 * resolving relative links and pictures against @base_uri (the item URL, else
 * the feed's home page; may be %NULL).
 */
void
broadsheet_html_append_blocks (const char *html,
                               gsize       length,
                               const char *base_uri,
                               GPtrArray  *blocks)
{
  static GOnce init_once = G_ONCE_INIT;
  g_autofree char *valid = NULL;
  BroadsheetHtmlWalker walker = { base_uri, blocks, NULL, NULL, 0 };
  guint first_block;
  htmlDocPtr doc;
  xmlNode *root;

  g_return_if_fail (html != NULL || length == 0);
  g_return_if_fail (blocks != NULL);

  if (length == 0 || length > G_MAXINT)
    return;

  g_once (&init_once, init_parser_cb, NULL);

  /* libxml2 passes invalid UTF-8 through, and stops at a NUL byte. */
  if (!g_utf8_validate_len (html, length, NULL))
    {
      valid = g_utf8_make_valid (html, length);
      html = valid;
      length = strlen (valid);
    }
  unwrap_cdata (&html, &length);
  if (length == 0)
    return;

  doc = htmlReadMemory (html, (int)length, NULL, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL)
    return;

  root = xmlDocGetRootElement (doc);
  if (root != NULL)
    {
      first_block = blocks->len;
      walker.contexts = g_ptr_array_new_with_free_func (_broadsheet_html_context_free);
      walker.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
      _broadsheet_html_push_context (&walker, BROADSHEET_HTML_CONTEXT_FLOW, NULL);

      walk (&walker, root);

      _broadsheet_html_flush_paragraph (&walker, _broadsheet_html_top_context (&walker));
      g_assert (walker.contexts->len == 1 && walker.frames->len == 0);
      g_ptr_array_unref (walker.contexts);
      g_array_unref (walker.frames);

      broadsheet_html_apply_labels (blocks, first_block);
    }

  xmlFreeDoc (doc);
}
