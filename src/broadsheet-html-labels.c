/* broadsheet-html-labels.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include "broadsheet-html-labels.h"
#include "broadsheet-html-text.h"
#include "broadsheet-uri.h"

/* Structure that HTML only shows with typography, found in finished blocks:
 *
 *  - Smart Brevity labels: a paragraph opening with a bold run that ends in a
 *    colon ("<p><b>Why it matters:</b> …") gets it as its label; a paragraph
 *    that is only a label names the list after it;
 *  - "<b>Go deeper:</b> <a href=…>title</a>" becomes a Go deeper block;
 *  - a quote's last line opening with a dash ("— Name") is its attribution.
 */

#define MAX_LABEL 60        /* In characters. */
#define MAX_ATTRIBUTION 200 /* In characters. */

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == '~' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

/* Returns @text without the dashes and spaces before a name ("— Name"),
 * or %NULL if nothing is left.
 */
char *
broadsheet_html_clean_attribution (const char *text)
{
  const char *start = text;
  char *clean;

  if (text == NULL)
    return NULL;

  while (*start != '\0' &&
         (is_dash (g_utf8_get_char (start)) || g_unichar_isspace (g_utf8_get_char (start))))
    start = g_utf8_next_char (start);

  clean = g_strchomp (g_strdup (start));
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* Splits "…\n— Name" into the quote and the attribution it returns. */
static char *
split_attribution (BroadsheetRichText **text)
{
  const char *string = broadsheet_rich_text_get_text (*text);
  const char *line = strrchr (string, '\n');
  const char *body_end;
  gunichar first;
  char *attribution;

  if (line == NULL)
    return NULL;

  body_end = line;
  line++;
  first = g_utf8_get_char (line);
  if (!is_dash (first) || g_utf8_strlen (line, -1) > MAX_ATTRIBUTION)
    return NULL;
  /* A hyphen alone may start a sentence; "- Name" and "-- Name" do not. */
  if ((first == '-' || first == '~') && line[1] != ' ' && line[1] != '-')
    return NULL;

  while (body_end > string && body_end[-1] == '\n')
    body_end--;
  if (body_end == string)
    return NULL;

  attribution = broadsheet_html_clean_attribution (line);
  if (attribution != NULL)
    {
      BroadsheetRichText *body =
        broadsheet_html_rich_text_slice (*text, 0, g_utf8_pointer_to_offset (string, body_end));

      broadsheet_rich_text_unref (*text);
      *text = body;
    }
  return attribution;
}

/* Adds a quote block for @text (may be %NULL) said by @attribution. */
void
broadsheet_html_add_quote (GPtrArray          *blocks,
                           BroadsheetRichText *text,
                           const char         *attribution)
{
  g_autoptr(BroadsheetRichText) body = text != NULL ? broadsheet_rich_text_ref (text) : NULL;
  g_autofree char *who = broadsheet_html_clean_attribution (attribution);
  BroadsheetBlock *block;

  if (body != NULL && who == NULL)
    who = split_attribution (&body);

  if (body == NULL)
    {
      /* Only a name: the words are still shown. */
      if (who == NULL)
        return;
      body = broadsheet_rich_text_new (who);
      g_clear_pointer (&who, g_free);
    }

  block = broadsheet_block_new (BROADSHEET_BLOCK_QUOTE);
  broadsheet_block_set_text (block, body);
  broadsheet_block_set_attribution (block, who);
  g_ptr_array_add (blocks, block);
}

/* Finds a bold run at the start ending in a colon, inside or right after it;
 * @label_end is where the label ends, in characters.
 */
static gboolean
find_label (const BroadsheetRichText *text,
            guint                    *label_end)
{
  const char *string = broadsheet_rich_text_get_text (text);
  guint bold_length = 0;
  const char *last;

  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (text); i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (text, i);

      if (span->offset == 0 && span->style == BROADSHEET_SPAN_BOLD)
        bold_length = MAX (bold_length, span->length);
    }
  if (bold_length == 0 || bold_length > MAX_LABEL)
    return FALSE;

  last = g_utf8_offset_to_pointer (string, bold_length - 1);
  if (*last == ':')
    *label_end = bold_length;
  else if (*g_utf8_next_char (last) == ':')
    *label_end = bold_length + 1;
  else
    return FALSE;

  return memchr (string, '\n', g_utf8_offset_to_pointer (string, *label_end) - string) == NULL;
}

/* "Go deeper:" followed by exactly one link and nothing else. */
static BroadsheetBlock *
go_deeper_new (const char               *label,
               const BroadsheetRichText *rest)
{
  const char *title = broadsheet_rich_text_get_text (rest);
  const BroadsheetSpan *link = NULL;
  BroadsheetBlock *block;

  if (g_ascii_strncasecmp (label, "Go deeper", 9) != 0)
    return NULL;

  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (rest); i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (rest, i);

      if (span->style != BROADSHEET_SPAN_LINK)
        continue;
      if (link != NULL)
        return NULL;
      link = span;
    }

  if (link == NULL || link->offset != 0 || link->length != g_utf8_strlen (title, -1) ||
      !broadsheet_uri_is_web_link (link->url, FALSE))
    return NULL;

  block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
  broadsheet_block_set_label (block, label);
  broadsheet_block_set_title (block, title);
  broadsheet_block_set_url (block, link->url);
  return block;
}

static void
replace_block (GPtrArray       *blocks,
               guint            index,
               BroadsheetBlock *block)
{
  BroadsheetBlock *old = g_ptr_array_index (blocks, index);

  blocks->pdata[index] = block;
  g_object_unref (old);
}

/* Finds Smart Brevity labels and Go deeper links in @blocks from @first on. */
void
broadsheet_html_apply_labels (GPtrArray *blocks,
                              guint      first)
{
  for (guint i = first; i < blocks->len; i++)
    {
      BroadsheetBlock *block = g_ptr_array_index (blocks, i);
      BroadsheetRichText *text = broadsheet_block_get_text (block);
      g_autoptr(BroadsheetRichText) rest = NULL;
      g_autofree char *label = NULL;
      BroadsheetBlock *replacement;
      const char *string, *rest_start;
      guint label_end, n_chars;

      if (broadsheet_block_get_kind (block) != BROADSHEET_BLOCK_PARAGRAPH ||
          broadsheet_block_get_label (block) != NULL || text == NULL ||
          !find_label (text, &label_end))
        continue;

      string = broadsheet_rich_text_get_text (text);
      rest_start = g_utf8_offset_to_pointer (string, label_end);
      label = g_strndup (string, rest_start - string);
      n_chars = g_utf8_strlen (string, -1);
      while (*rest_start != '\0' && g_unichar_isspace (g_utf8_get_char (rest_start)))
        {
          rest_start = g_utf8_next_char (rest_start);
          label_end++;
        }

      if (label_end >= n_chars)
        {
          /* "<p><b>What we're watching:</b></p><ul>…" names the list. */
          BroadsheetBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;

          if (next != NULL && broadsheet_block_get_kind (next) == BROADSHEET_BLOCK_LIST &&
              broadsheet_block_get_label (next) == NULL)
            {
              broadsheet_block_set_label (next, label);
              g_object_unref (g_ptr_array_steal_index (blocks, i));
              i--;
            }
          continue;
        }

      rest = broadsheet_html_rich_text_slice (text, label_end, n_chars);
      replacement = go_deeper_new (label, rest);
      if (replacement == NULL)
        {
          replacement = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
          broadsheet_block_set_label (replacement, label);
          broadsheet_block_set_text (replacement, rest);
        }
      replace_block (blocks, i, replacement);
    }
}
