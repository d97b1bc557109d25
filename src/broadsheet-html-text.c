/* broadsheet-html-text.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include "broadsheet-html-text.h"

/* The text of one block as it is read from HTML. Outside preformatted text,
 * runs of white space become one space, as in a browser, and the edges are
 * trimmed when the block is finished. Spans are opened and closed in document
 * order, so they nest the way the elements did; a span still open when the
 * block is finished carries on into the next block.
 *
 * Offsets count Unicode characters, as BroadsheetRichText does.
 */

/* More spans than this in one block are dropped (their text stays), which
 * keeps broadsheet_rich_text_add_span(), linear in the spans, from going
 * quadratic on hostile input.
 */
#define MAX_SPANS 256

/* Consecutive line breaks kept outside preformatted text: one blank line. */
#define MAX_NEWLINES 2

typedef struct
{
  guint                offset;
  guint                length;
  guint                sequence;
  BroadsheetSpanStyle  style;
  char                *url;
} Span;

typedef struct
{
  guint                offset;
  gsize                byte;
  gboolean             ignored;
  BroadsheetSpanStyle  style;
  char                *url;
} OpenSpan;

struct _BroadsheetHtmlText
{
  GString    *text;
  guint       n_chars;
  gboolean    preformatted;
  const char *separator; /* Pending, written before the next visible text. */
  guint       sequence;
  GArray     *spans;     /* Span, closed. */
  GArray     *open;      /* OpenSpan, innermost last. */
};

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_clear_pointer (&span->url, g_free);
}

static void
open_span_clear (gpointer data)
{
  OpenSpan *span = data;

  g_clear_pointer (&span->url, g_free);
}

BroadsheetHtmlText *
broadsheet_html_text_new (gboolean preformatted)
{
  BroadsheetHtmlText *self = g_new0 (BroadsheetHtmlText, 1);

  self->text = g_string_new (NULL);
  self->preformatted = !!preformatted;
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (self->spans, span_clear);
  self->open = g_array_new (FALSE, FALSE, sizeof (OpenSpan));
  g_array_set_clear_func (self->open, open_span_clear);

  return self;
}

void
broadsheet_html_text_free (BroadsheetHtmlText *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->spans);
  g_array_unref (self->open);
  g_free (self);
}

static char
last_byte (BroadsheetHtmlText *self)
{
  return self->text->len > 0 ? self->text->str[self->text->len - 1] : '\0';
}

static gboolean
ends_in_space (BroadsheetHtmlText *self)
{
  char last = last_byte (self);

  return last == '\0' || last == ' ' || last == '\n';
}

/* The part of the pending separator that would be written now: its leading
 * space is left out after a space or a line break.
 */
static const char *
separator_to_write (BroadsheetHtmlText *self)
{
  const char *separator = self->separator;

  if (separator == NULL)
    return "";
  if (separator[0] == ' ' && ends_in_space (self))
    separator++;
  return separator;
}

static void
write_separator (BroadsheetHtmlText *self)
{
  const char *separator = separator_to_write (self);

  g_string_append (self->text, separator);
  self->n_chars += g_utf8_strlen (separator, -1);
  self->separator = NULL;
}

static void
append_collapsed (BroadsheetHtmlText *self,
                  const char         *text,
                  gboolean            strip_cdata)
{
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = *p;
      const char *run;

      /* libxml2's HTML parser keeps CDATA markers as text; the content stays. */
      if (strip_cdata && c == '<' && strncmp (p, "<![CDATA[", 9) == 0)
        {
          p += 9;
          continue;
        }
      if (strip_cdata && c == ']' && strncmp (p, "]]>", 3) == 0)
        {
          p += 3;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          broadsheet_html_text_append_space (self);
          p++;
          continue;
        }

      /* Other control characters are invisible in a browser too. */
      if (c < 0x20 || c == 0x7f)
        {
          p++;
          continue;
        }

      if (self->separator != NULL)
        write_separator (self);

      /* Special bytes are all ASCII, so a run never ends inside a character. */
      run = p;
      do
        {
          if ((*p & 0xc0) != 0x80)
            self->n_chars++;
          p++;
          c = *p;
        }
      while (c > 0x20 && c != 0x7f && !(strip_cdata && (c == '<' || c == ']')));

      g_string_append_len (self->text, run, p - run);
    }
}

static void
append_preformatted (BroadsheetHtmlText *self,
                     const char         *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      /* libxml2 does not normalise line ends; a browser does. */
      if (c == '\r')
        {
          if (p[1] != '\n')
            {
              g_string_append_c (self->text, '\n');
              self->n_chars++;
            }
          continue;
        }
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        continue;

      if (self->separator != NULL)
        write_separator (self);
      g_string_append_c (self->text, c);
      if ((c & 0xc0) != 0x80)
        self->n_chars++;
    }
}

/* Appends the text of a text node, which must be UTF-8 (invalid sequences
 * become U+FFFD). With @strip_cdata, CDATA section markers are left out.
 */
void
broadsheet_html_text_append (BroadsheetHtmlText *self,
                             const char         *text,
                             gboolean            strip_cdata)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (self->preformatted)
    append_preformatted (self, text);
  else
    append_collapsed (self, text, strip_cdata);
}

/* Collapsible white space: nothing at the start or after a space or break. */
void
broadsheet_html_text_append_space (BroadsheetHtmlText *self)
{
  if (ends_in_space (self))
    return;

  g_string_append_c (self->text, ' ');
  self->n_chars++;
}

static guint
count_trailing_newlines (BroadsheetHtmlText *self,
                         guint               at_most)
{
  guint count = 0;

  while (count < at_most && count < self->text->len &&
         self->text->str[self->text->len - 1 - count] == '\n')
    count++;
  return count;
}

static void
append_newline (BroadsheetHtmlText *self)
{
  /* A space before a line break turns into it, keeping offsets valid. */
  if (!self->preformatted && last_byte (self) == ' ')
    {
      self->text->str[self->text->len - 1] = '\n';
      return;
    }

  g_string_append_c (self->text, '\n');
  self->n_chars++;
}

/* A <br>: a line break, except at the very start; at most one blank line. */
void
broadsheet_html_text_append_break (BroadsheetHtmlText *self)
{
  self->separator = NULL;

  if (self->preformatted)
    {
      g_string_append_c (self->text, '\n');
      self->n_chars++;
      return;
    }

  if (self->n_chars == 0 || count_trailing_newlines (self, MAX_NEWLINES) >= MAX_NEWLINES)
    return;
  append_newline (self);
}

/* Ends the current line, or paragraph with @n_newlines 2, unless the text is
 * empty or ends like that already.
 */
void
broadsheet_html_text_end_line (BroadsheetHtmlText *self,
                               guint               n_newlines)
{
  self->separator = NULL;

  if (self->n_chars == 0)
    return;

  n_newlines = MIN (n_newlines, MAX_NEWLINES);
  while (count_trailing_newlines (self, n_newlines) < n_newlines)
    append_newline (self);
}

/* Sets a separator (a static string) to write before the next visible text,
 * as between table cells; none at the start, and none if nothing follows.
 */
void
broadsheet_html_text_set_separator (BroadsheetHtmlText *self,
                                    const char         *separator)
{
  if (self->n_chars > 0)
    self->separator = separator;
}

void
broadsheet_html_text_open_span (BroadsheetHtmlText  *self,
                                BroadsheetSpanStyle  style,
                                const char          *url)
{
  const char *separator = separator_to_write (self);
  OpenSpan span = {
    /* The span starts after a pending separator, once it is written. */
    .offset = self->n_chars + g_utf8_strlen (separator, -1),
    .byte = self->text->len + strlen (separator),
    .ignored = self->preformatted,
    .style = style,
    .url = g_strdup (url),
  };

  g_array_append_val (self->open, span);
}

static void
add_closed_span (BroadsheetHtmlText *self,
                 const OpenSpan     *open)
{
  const char *text = self->text->str;
  guint offset = open->offset;
  gsize byte = open->byte;
  guint end = self->n_chars;
  gsize end_byte = self->text->len;
  Span span;

  if (open->ignored)
    return;

  /* Spaces and breaks at either end stay outside the span. */
  while (offset < end && byte < end_byte && (text[byte] == ' ' || text[byte] == '\n'))
    {
      offset++;
      byte++;
    }
  while (end > offset && end_byte > byte &&
         (text[end_byte - 1] == ' ' || text[end_byte - 1] == '\n'))
    {
      end--;
      end_byte--;
    }

  if (end <= offset || self->spans->len >= MAX_SPANS)
    return;

  /* <b><b>x</b></b> is bold once. */
  if (self->spans->len > 0)
    {
      const Span *last = &g_array_index (self->spans, Span, self->spans->len - 1);

      if (last->offset == offset && last->length == end - offset && last->style == open->style &&
          g_strcmp0 (last->url, open->url) == 0)
        return;
    }

  span.offset = offset;
  span.length = end - offset;
  span.sequence = self->sequence++;
  span.style = open->style;
  span.url = g_strdup (open->url);
  g_array_append_val (self->spans, span);
}

void
broadsheet_html_text_close_span (BroadsheetHtmlText *self)
{
  g_return_if_fail (self->open->len > 0);

  add_closed_span (self, &g_array_index (self->open, OpenSpan, self->open->len - 1));
  g_array_remove_index (self->open, self->open->len - 1);
}

/* Outer spans first: by start, then longest, then the one closed last. */
static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  if (x->length != y->length)
    return x->length > y->length ? -1 : 1;
  return x->sequence > y->sequence ? -1 : (x->sequence < y->sequence ? 1 : 0);
}

static gboolean
is_trimmed (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff;
}

/* Returns the block's text, trimmed, or %NULL if there is none, and empties
 * the builder for the next block. Open spans carry on into it.
 */
BroadsheetRichText *
broadsheet_html_text_finish (BroadsheetHtmlText *self)
{
  const char *str = self->text->str;
  const char *start = str;
  const char *end = str + self->text->len;
  guint lead = 0, trail = 0;
  BroadsheetRichText *result = NULL;

  for (guint i = 0; i < self->open->len; i++)
    add_closed_span (self, &g_array_index (self->open, OpenSpan, i));

  if (self->preformatted)
    {
      /* As in a browser, a line break right after <pre> is not shown. */
      if (start < end && *start == '\n')
        {
          start++;
          lead++;
        }
      while (end > start && g_ascii_isspace (end[-1]))
        {
          end--;
          trail++;
        }
    }
  else
    {
      while (start < end && is_trimmed (g_utf8_get_char (start)))
        {
          start = g_utf8_next_char (start);
          lead++;
        }
      while (end > start && is_trimmed (g_utf8_get_char (g_utf8_prev_char (end))))
        {
          end = g_utf8_prev_char (end);
          trail++;
        }
    }

  if (end > start)
    {
      g_autofree char *text = g_strndup (start, end - start);
      guint last = self->n_chars - trail;

      result = broadsheet_rich_text_new (text);
      g_array_sort (self->spans, compare_spans);
      for (guint i = 0; i < self->spans->len; i++)
        {
          const Span *span = &g_array_index (self->spans, Span, i);
          guint span_start = MAX (span->offset, lead);
          guint span_end = MIN (span->offset + span->length, last);

          if (span_end > span_start)
            broadsheet_rich_text_add_span (result, span_start - lead, span_end - span_start,
                                           span->style, span->url);
        }
    }

  g_string_truncate (self->text, 0);
  self->n_chars = 0;
  self->separator = NULL;
  g_array_set_size (self->spans, 0);
  for (guint i = 0; i < self->open->len; i++)
    {
      g_array_index (self->open, OpenSpan, i).offset = 0;
      g_array_index (self->open, OpenSpan, i).byte = 0;
    }

  return result;
}

/* Returns the characters @start to @end of @text with the spans inside. */
BroadsheetRichText *
broadsheet_html_rich_text_slice (const BroadsheetRichText *text,
                                 guint                     start,
                                 guint                     end)
{
  const char *string = broadsheet_rich_text_get_text (text);
  const char *from = g_utf8_offset_to_pointer (string, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);
  g_autofree char *part = g_strndup (from, to - from);
  BroadsheetRichText *slice = broadsheet_rich_text_new (part);

  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (text); i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (text, i);
      guint span_start = MAX (span->offset, start);
      guint span_end = MIN (span->offset + span->length, end);

      if (span_end > span_start)
        broadsheet_rich_text_add_span (slice, span_start - start, span_end - span_start,
                                       span->style, span->url);
    }

  return slice;
}
