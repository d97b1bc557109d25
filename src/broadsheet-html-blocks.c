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

#include "broadsheet-html-blocks.h"
#include "broadsheet-uri.h"

/* Turns a story's HTML into body blocks, without a web engine. libxml2's
 * HTML parser builds the tree (recovering from broken markup as browsers do)
 * and an allow-list walk keeps what a reader shows: paragraphs, headings,
 * lists, quotes, figures, code, rules, tables as text rows, and bold,
 * italic, code and link ranges. Scripts, styles, frames and forms are dropped
 * with their text; other unknown elements keep their text. Nothing from the
 * HTML is ever passed on as markup.
 */

#define MAX_DEPTH 256

typedef struct
{
  guint               offset;
  guint               length;
  BroadsheetSpanStyle style;
  char               *url;
} PendingSpan;

typedef struct
{
  const char *base_uri;
  GPtrArray  *blocks;
  GString    *text;       /* The paragraph being gathered. */
  guint       n_chars;
  gboolean    last_space;
  GArray     *spans;      /* PendingSpan, in document order. */
} Walk;

static void
pending_span_clear (gpointer data)
{
  PendingSpan *span = data;

  g_free (span->url);
}

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is_named (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char * const dropped[] = {
  "script", "style", "iframe", "object", "embed", "form", "input", "button", "select",
  "textarea", "noscript", "template", "svg", "math", "head", "title", "meta", "link", "audio",
  "video", "canvas", "map", NULL
};

static const char * const containers[] = {
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "body", "html",
  "address", "details", "summary", "center", "dl", "dt", "dd", "caption", NULL
};

static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup ((const char *)value));
  xmlFree (value);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Appends text as a browser shows it: runs of white space become one space. */
static void
append_text (Walk       *walk,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (walk->last_space || walk->n_chars == 0)
            continue;
          g_string_append_c (walk->text, ' ');
          walk->last_space = TRUE;
        }
      else
        {
          g_string_append_unichar (walk->text, c);
          walk->last_space = FALSE;
        }
      walk->n_chars++;
    }
}

static void
append_break (Walk *walk)
{
  if (walk->n_chars == 0)
    return;
  if (walk->last_space)
    {
      /* A space before a line break is not shown. */
      g_string_truncate (walk->text, walk->text->len - 1);
      walk->n_chars--;
    }
  g_string_append_c (walk->text, '\n');
  walk->n_chars++;
  walk->last_space = TRUE;
}

static BroadsheetRichText *
take_text (Walk  *walk,
           guint  skip_chars)
{
  BroadsheetRichText *rich_text;
  const char *start;
  guint n_chars = walk->n_chars;

  /* Drop trailing white space, and @skip_chars from the start. */
  while (n_chars > 0 && (walk->text->str[walk->text->len - 1] == ' ' ||
                         walk->text->str[walk->text->len - 1] == '\n'))
    {
      g_string_truncate (walk->text, walk->text->len - 1);
      n_chars--;
    }

  start = g_utf8_offset_to_pointer (walk->text->str, MIN (skip_chars, n_chars));
  while (*start == ' ' && skip_chars < n_chars)
    {
      start++;
      skip_chars++;
    }

  rich_text = broadsheet_rich_text_new (start);
  for (guint i = 0; i < walk->spans->len; i++)
    {
      PendingSpan *span = &g_array_index (walk->spans, PendingSpan, i);
      guint end = MIN (span->offset + span->length, n_chars);

      if (span->offset < skip_chars || end <= span->offset)
        continue;
      broadsheet_rich_text_add_span (rich_text, span->offset - skip_chars, end - span->offset,
                                     span->style, span->url);
    }

  g_string_truncate (walk->text, 0);
  g_array_set_size (walk->spans, 0);
  walk->n_chars = 0;
  walk->last_space = FALSE;
  return rich_text;
}

static gboolean
text_is_blank (Walk *walk)
{
  for (const char *p = walk->text->str; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      return FALSE;
  return TRUE;
}

static void
discard_text (Walk *walk)
{
  g_string_truncate (walk->text, 0);
  g_array_set_size (walk->spans, 0);
  walk->n_chars = 0;
  walk->last_space = FALSE;
}

/* "<b>Why it matters:</b> …" is a labelled paragraph; "<b>Go deeper:</b>
 * <a>…</a>" alone is a Go deeper link. Returns the length of the label in
 * characters, or 0.
 */
static guint
leading_label (Walk  *walk,
               char **label)
{
  PendingSpan *first;
  g_autofree char *text = NULL;

  if (walk->spans->len == 0)
    return 0;
  first = &g_array_index (walk->spans, PendingSpan, 0);
  if (first->style != BROADSHEET_SPAN_BOLD || first->offset != 0 || first->length < 2)
    return 0;

  text = g_strndup (walk->text->str,
                    g_utf8_offset_to_pointer (walk->text->str, first->length) - walk->text->str);
  g_strstrip (text);
  if (!g_str_has_suffix (text, ":") || first->length >= walk->n_chars)
    return 0;

  *label = g_steal_pointer (&text);
  return first->length;
}

static void
flush_paragraph (Walk                *walk,
                 BroadsheetBlockKind  kind)
{
  g_autoptr(BroadsheetRichText) text = NULL;
  g_autofree char *label = NULL;
  guint skip = 0;
  BroadsheetBlock *block;

  if (text_is_blank (walk))
    {
      discard_text (walk);
      return;
    }

  if (kind == BROADSHEET_BLOCK_PARAGRAPH)
    skip = leading_label (walk, &label);
  text = take_text (walk, skip);

  if (label != NULL && broadsheet_rich_text_get_n_spans (text) == 1)
    {
      const BroadsheetSpan *link = broadsheet_rich_text_get_span (text, 0);
      const char *rest = broadsheet_rich_text_get_text (text);

      if (link->style == BROADSHEET_SPAN_LINK && link->offset == 0 &&
          link->length == g_utf8_strlen (rest, -1) && g_str_has_prefix (link->url, "http") &&
          g_ascii_strncasecmp (label, "go deeper", 9) == 0)
        {
          block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
          broadsheet_block_set_label (block, label);
          broadsheet_block_set_title (block, rest);
          broadsheet_block_set_url (block, link->url);
          g_ptr_array_add (walk->blocks, block);
          return;
        }
    }

  block = broadsheet_block_new (kind);
  broadsheet_block_set_label (block, label);
  broadsheet_block_set_text (block, text);
  g_ptr_array_add (walk->blocks, block);
}

static void walk_children (Walk    *walk,
                           xmlNode *node,
                           guint    depth);

static void
walk_inline (Walk    *walk,
             xmlNode *node,
             guint    depth)
{
  PendingSpan span = { walk->n_chars, 0, BROADSHEET_SPAN_BOLD, NULL };
  gboolean styled = TRUE;
  guint index;

  if (is_named (node, "b") || is_named (node, "strong"))
    span.style = BROADSHEET_SPAN_BOLD;
  else if (is_named (node, "i") || is_named (node, "em") || is_named (node, "cite"))
    span.style = BROADSHEET_SPAN_ITALIC;
  else if (is_named (node, "code") || is_named (node, "kbd") || is_named (node, "samp") ||
           is_named (node, "tt"))
    span.style = BROADSHEET_SPAN_CODE;
  else if (is_named (node, "a"))
    {
      g_autofree char *href = attribute (node, "href");

      span.style = BROADSHEET_SPAN_LINK;
      if (href != NULL && g_ascii_strncasecmp (href, "mailto:", 7) == 0)
        span.url = g_steal_pointer (&href);
      else
        span.url = broadsheet_uri_resolve_link (walk->base_uri, href);
      styled = span.url != NULL;
    }
  else
    styled = FALSE;

  /* Reserve the span's place first, so outer spans come before inner ones. */
  index = walk->spans->len;
  if (styled)
    g_array_append_val (walk->spans, span);
  else
    g_free (span.url);

  walk_children (walk, node, depth + 1);

  if (styled)
    {
      PendingSpan *placed = &g_array_index (walk->spans, PendingSpan, index);

      /* A leading space belongs to the text before the span. */
      if (placed->offset < walk->n_chars)
        placed->length = walk->n_chars - placed->offset;
    }
}

static char *
plain_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content != NULL ? (const char *)content : "");

  xmlFree (content);
  return text;
}

static char *
collapsed_text (xmlNode *node)
{
  g_autofree char *raw = plain_text (node);
  g_auto(GStrv) words = g_strsplit_set (raw, " \t\r\n\f", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }
  return g_string_free (text, FALSE);
}

static int
dimension (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = attribute (node, name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &number, NULL))
    return 0;
  return (int)number;
}

static xmlNode *
find_descendant (xmlNode    *node,
                 const char *name,
                 guint       depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      xmlNode *found;

      if (is_named (child, name))
        return child;
      if ((found = find_descendant (child, name, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

static void
add_image (Walk    *walk,
           xmlNode *img,
           xmlNode *caption)
{
  g_autofree char *src = attribute (img, "src");
  g_autofree char *url = broadsheet_uri_resolve_media (walk->base_uri, src);
  g_autofree char *alt = attribute (img, "alt");
  g_autofree char *caption_text = caption != NULL ? collapsed_text (caption) : NULL;
  g_autoptr(BroadsheetPhoto) photo = NULL;
  BroadsheetBlock *block;

  if (caption_text != NULL && *caption_text == '\0')
    g_clear_pointer (&caption_text, g_free);
  if (url == NULL && alt == NULL && caption_text == NULL)
    return;

  photo = g_object_new (BROADSHEET_TYPE_PHOTO,
                        "url", url,
                        "alt-text", alt,
                        "caption", caption_text,
                        "width", dimension (img, "width"),
                        "height", dimension (img, "height"),
                        NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_IMAGE);
  broadsheet_block_set_photo (block, photo);
  g_ptr_array_add (walk->blocks, block);
}

static void
add_list_items (Walk            *walk,
                BroadsheetBlock *list,
                xmlNode         *node,
                guint            depth,
                guint            nesting)
{
  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      if (!is_named (item, "li"))
        continue;

      /* The item's own text, then its nested lists one level deeper. */
      for (xmlNode *child = item->children; child != NULL; child = child->next)
        {
          if (is_named (child, "ul") || is_named (child, "ol"))
            continue;
          if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
            append_text (walk, (const char *)child->content);
          else if (child->type == XML_ELEMENT_NODE && !is_one_of (child, dropped))
            walk_inline (walk, child, depth + 1);
        }
      if (!text_is_blank (walk))
        {
          g_autoptr(BroadsheetRichText) text = take_text (walk, 0);

          broadsheet_block_add_nested_item (list, text, nesting);
        }
      else
        discard_text (walk);

      for (xmlNode *child = item->children; child != NULL; child = child->next)
        if ((is_named (child, "ul") || is_named (child, "ol")) && depth < MAX_DEPTH)
          add_list_items (walk, list, child, depth + 1, nesting + 1);
    }
}

static void
add_quote (Walk    *walk,
           xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *attribution = NULL;
  g_autoptr(BroadsheetRichText) rich_text = NULL;
  BroadsheetBlock *block;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *part = NULL;

      if (is_named (child, "footer") || is_named (child, "cite"))
        {
          g_free (attribution);
          attribution = collapsed_text (child);
          continue;
        }
      if (child->type == XML_ELEMENT_NODE && is_one_of (child, dropped))
        continue;
      part = collapsed_text (child);
      if (*part == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, is_named (child, "p") ? "\n\n" : " ");
      g_string_append (text, part);
    }

  if (text->len == 0)
    return;

  rich_text = broadsheet_rich_text_new (text->str);
  block = broadsheet_block_new (BROADSHEET_BLOCK_QUOTE);
  broadsheet_block_set_text (block, rich_text);
  if (attribution != NULL && *attribution != '\0')
    broadsheet_block_set_attribution (block, attribution);
  g_ptr_array_add (walk->blocks, block);
}

static void
add_table (Walk    *walk,
           xmlNode *node,
           guint    depth)
{
  if (depth >= MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_named (child, "tr"))
        {
          g_autoptr(GString) row = g_string_new (NULL);
          g_autoptr(BroadsheetRichText) text = NULL;
          BroadsheetBlock *block;

          for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
            {
              g_autofree char *cell_text = NULL;

              if (!is_named (cell, "td") && !is_named (cell, "th"))
                continue;
              cell_text = collapsed_text (cell);
              if (row->len > 0)
                g_string_append (row, " · ");
              g_string_append (row, cell_text);
            }
          if (row->len == 0)
            continue;
          text = broadsheet_rich_text_new (row->str);
          block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
          broadsheet_block_set_text (block, text);
          g_ptr_array_add (walk->blocks, block);
        }
      else if (child->type == XML_ELEMENT_NODE)
        add_table (walk, child, depth + 1);
    }
}

static void
add_preformatted (Walk    *walk,
                  xmlNode *node)
{
  g_autofree char *text = plain_text (node);
  g_autoptr(BroadsheetRichText) rich_text = NULL;
  BroadsheetBlock *block;

  /* A browser drops one newline right after <pre>. */
  if (text[0] == '\n')
    memmove (text, text + 1, strlen (text));
  g_strchomp (text);
  if (*text == '\0')
    return;

  rich_text = broadsheet_rich_text_new (text);
  block = broadsheet_block_new (BROADSHEET_BLOCK_PREFORMATTED);
  broadsheet_block_set_text (block, rich_text);
  g_ptr_array_add (walk->blocks, block);
}

/* Handles one block-level element; returns %FALSE for inline ones. */
static gboolean
walk_block (Walk    *walk,
            xmlNode *node,
            guint    depth)
{
  if (is_one_of (node, headings))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      walk_children (walk, node, depth + 1);
      flush_paragraph (walk, BROADSHEET_BLOCK_HEADING);
    }
  else if (is_one_of (node, containers))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      walk_children (walk, node, depth + 1);
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
    }
  else if (is_named (node, "ul") || is_named (node, "ol"))
    {
      BroadsheetBlock *list = broadsheet_block_new (BROADSHEET_BLOCK_LIST);

      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      broadsheet_block_set_ordered (list, is_named (node, "ol"));
      add_list_items (walk, list, node, depth, 0);
      if (broadsheet_block_get_n_items (list) > 0)
        g_ptr_array_add (walk->blocks, list);
      else
        g_object_unref (list);
    }
  else if (is_named (node, "blockquote"))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      add_quote (walk, node);
    }
  else if (is_named (node, "figure"))
    {
      xmlNode *img = find_descendant (node, "img", depth);

      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      if (img != NULL)
        add_image (walk, img, find_descendant (node, "figcaption", depth));
    }
  else if (is_named (node, "img"))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      add_image (walk, node, NULL);
    }
  else if (is_named (node, "pre"))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      add_preformatted (walk, node);
    }
  else if (is_named (node, "hr"))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      g_ptr_array_add (walk->blocks, broadsheet_block_new (BROADSHEET_BLOCK_RULE));
    }
  else if (is_named (node, "table"))
    {
      flush_paragraph (walk, BROADSHEET_BLOCK_PARAGRAPH);
      add_table (walk, node, depth);
    }
  else
    return FALSE;

  return TRUE;
}

static void
walk_children (Walk    *walk,
               xmlNode *node,
               guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          append_text (walk, (const char *)child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE || is_one_of (child, dropped))
        continue;

      /* Past the depth limit, what is left is kept as plain text. */
      if (depth >= MAX_DEPTH)
        {
          g_autofree char *text = plain_text (child);

          append_text (walk, text);
          continue;
        }

      if (is_named (child, "br"))
        append_break (walk);
      else if (!walk_block (walk, child, depth))
        walk_inline (walk, child, depth);
    }
}

/* HTML has no CDATA sections, but feeds written as XHTML use them for text;
 * returns @html with each one replaced by its escaped text, or %NULL when
 * there are none.
 */
static GString *
unwrap_cdata (const char *html,
              gsize       length)
{
  static const char open[] = "<![CDATA[";
  const char *end = html + length;
  const char *cursor = html;
  const char *start;
  GString *result = NULL;

  while ((start = g_strstr_len (cursor, end - cursor, open)) != NULL)
    {
      const char *inner = start + strlen (open);
      const char *close = g_strstr_len (inner, end - inner, "]]>");
      g_autofree char *escaped = NULL;

      if (close == NULL)
        break;
      if (result == NULL)
        result = g_string_sized_new (length);
      g_string_append_len (result, cursor, start - cursor);
      escaped = g_markup_escape_text (inner, close - inner);
      g_string_append (result, escaped);
      cursor = close + 3;
    }

  if (result != NULL)
    g_string_append_len (result, cursor, end - cursor);
  return result;
}

/* Appends to @blocks (BroadsheetBlock, owned by the array) the body of @html,
 * with relative links and pictures resolved against @base_uri.
 */
void
broadsheet_html_append_blocks (const char *html,
                               gsize       length,
                               const char *base_uri,
                               GPtrArray  *blocks)
{
  g_autoptr(GString) cdata_as_text = NULL;
  htmlDocPtr document;
  Walk walk = { base_uri, blocks, NULL, 0, FALSE, NULL };

  g_return_if_fail (html != NULL);
  g_return_if_fail (blocks != NULL);

  if (length == 0 || length > G_MAXINT)
    return;

  cdata_as_text = unwrap_cdata (html, length);
  if (cdata_as_text != NULL)
    {
      html = cdata_as_text->str;
      length = cdata_as_text->len;
    }

  document = htmlReadMemory (html, (int)length, base_uri, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET);
  if (document == NULL)
    return;

  walk.text = g_string_new (NULL);
  walk.spans = g_array_new (FALSE, FALSE, sizeof (PendingSpan));
  g_array_set_clear_func (walk.spans, pending_span_clear);

  walk_children (&walk, (xmlNode *)document, 0);
  flush_paragraph (&walk, BROADSHEET_BLOCK_PARAGRAPH);

  g_array_unref (walk.spans);
  g_string_free (walk.text, TRUE);
  xmlFreeDoc (document);
}
