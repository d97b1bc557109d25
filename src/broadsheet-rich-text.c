/* broadsheet-rich-text.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-digest.h"

#include <string.h>

#include "broadsheet-rich-text.h"
#include "broadsheet-uri.h"

/* Plain text with styled ranges. Feeds never hand us markup: styles come as
 * ranges over the text, and the only markup that reaches Pango is built here
 * with every piece of feed text escaped.
 */
#define N_CHARS_UNKNOWN G_MAXUINT

/* One allocation with the text in it, and the spans in an array of exactly
 * their number: a feed has a rich text for every paragraph and list item,
 * and their overhead was a fifth of a story's memory (docs/performance.md).
 */
struct _BroadsheetRichText
{
  BroadsheetSpan *spans;
  guint           n_spans;
  guint           n_chars;
  char            text[];
};

G_DEFINE_BOXED_TYPE (BroadsheetRichText, broadsheet_rich_text,
                     broadsheet_rich_text_ref, broadsheet_rich_text_unref)

static void
rich_text_free (gpointer data)
{
  BroadsheetRichText *self = data;

  for (guint i = 0; i < self->n_spans; i++)
    g_free (self->spans[i].url);
  g_free (self->spans);
}

BroadsheetRichText *
broadsheet_rich_text_new (const char *text)
{
  BroadsheetRichText *self;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  /* Not checked again here, nor counted until a span needs the count: each
   * costs a pass over every paragraph of a feed (docs/performance.md).
   */
  length = strlen (text);
  self = g_atomic_rc_box_alloc0 (sizeof (BroadsheetRichText) + length + 1);
  memcpy (self->text, text, length + 1);
  self->n_chars = N_CHARS_UNKNOWN;

  return self;
}

BroadsheetRichText *
broadsheet_rich_text_ref (BroadsheetRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
broadsheet_rich_text_unref (BroadsheetRichText *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rich_text_free);
}

const char *
broadsheet_rich_text_get_text (const BroadsheetRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
broadsheet_rich_text_get_n_spans (const BroadsheetRichText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_spans;
}

const BroadsheetSpan *
broadsheet_rich_text_get_span (const BroadsheetRichText *self,
                               guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < broadsheet_rich_text_get_n_spans (self), NULL);

  return &self->spans[index];
}

static gboolean
spans_cross (const BroadsheetSpan *a,
             guint                 offset,
             guint                 length)
{
  guint a_end = a->offset + a->length;
  guint end = offset + length;

  /* Nesting and disjoint ranges are fine; partial overlap is not. */
  if (end <= a->offset || offset >= a_end)
    return FALSE;
  if (offset >= a->offset && end <= a_end)
    return FALSE;
  if (a->offset >= offset && a_end <= end)
    return FALSE;
  return TRUE;
}

/* Adds a span; returns %FALSE and changes nothing when the range is empty,
 * outside the text, partly overlaps another span, or a link has no safe URL.
 */
gboolean
broadsheet_rich_text_add_span (BroadsheetRichText  *self,
                               guint                offset,
                               guint                length,
                               BroadsheetSpanStyle  style,
                               const char          *url)
{
  BroadsheetSpan span = { offset, length, style, NULL };

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_chars == N_CHARS_UNKNOWN)
    self->n_chars = g_utf8_strlen (self->text, -1);
  if (length == 0 || offset >= self->n_chars || length > self->n_chars - offset)
    return FALSE;
  if (style > BROADSHEET_SPAN_LINK)
    return FALSE;
  if (style == BROADSHEET_SPAN_LINK && !broadsheet_uri_is_web_link (url, TRUE))
    return FALSE;

  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (self); i++)
    if (spans_cross (&self->spans[i], offset, length))
      return FALSE;

  if (style == BROADSHEET_SPAN_LINK)
    span.url = g_strdup (url);
  self->spans = g_renew (BroadsheetSpan, self->spans, self->n_spans + 1);
  self->spans[self->n_spans++] = span;

  return TRUE;
}

/* Returns %TRUE when @a and @b have the same text and spans. */
gboolean
broadsheet_rich_text_equal (const BroadsheetRichText *a,
                            const BroadsheetRichText *b)
{
  guint n_spans;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || g_strcmp0 (a->text, b->text) != 0)
    return FALSE;

  n_spans = broadsheet_rich_text_get_n_spans (a);
  if (n_spans != broadsheet_rich_text_get_n_spans (b))
    return FALSE;

  for (guint i = 0; i < n_spans; i++)
    {
      const BroadsheetSpan *x = &a->spans[i];
      const BroadsheetSpan *y = &b->spans[i];

      if (x->offset != y->offset || x->length != y->length || x->style != y->style ||
          g_strcmp0 (x->url, y->url) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Adds @self (which may be NULL) to @digest; see broadsheet-digest.h. */
guint64
broadsheet_rich_text_digest (const BroadsheetRichText *self,
                             guint64                   digest)
{
  if (self == NULL)
    return broadsheet_digest_string (digest, NULL);

  digest = broadsheet_digest_string (digest, self->text);
  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (self); i++)
    {
      const BroadsheetSpan *span = &self->spans[i];

      digest = broadsheet_digest_uint (digest, span->offset);
      digest = broadsheet_digest_uint (digest, span->length);
      digest = broadsheet_digest_uint (digest, span->style);
      digest = broadsheet_digest_string (digest, span->url);
    }
  return broadsheet_digest_uint (digest, broadsheet_rich_text_get_n_spans (self));
}

typedef struct
{
  guint       position;  /* In characters. */
  gboolean    is_open;
  guint       order;     /* Index of the span, to keep nesting stable. */
  guint       other_end; /* For an open its end, for a close its start. */
  const BroadsheetSpan *span;
} Boundary;

static int
compare_boundaries (gconstpointer a,
                    gconstpointer b)
{
  const Boundary *x = a;
  const Boundary *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  /* Close before open at the same position. */
  if (x->is_open != y->is_open)
    return x->is_open ? 1 : -1;
  /* Among opens, the longer span opens first; among closes, the inner closes first. */
  if (x->other_end != y->other_end)
    return x->other_end > y->other_end ? -1 : 1;
  if (x->order != y->order)
    return x->is_open ? (x->order < y->order ? -1 : 1) : (x->order > y->order ? -1 : 1);
  return 0;
}

static void
append_tag (GString              *markup,
            const BroadsheetSpan *span,
            gboolean              open)
{
  switch (span->style)
    {
    case BROADSHEET_SPAN_BOLD:
      g_string_append (markup, open ? "<b>" : "</b>");
      break;

    case BROADSHEET_SPAN_ITALIC:
      g_string_append (markup, open ? "<i>" : "</i>");
      break;

    case BROADSHEET_SPAN_CODE:
      g_string_append (markup, open ? "<tt>" : "</tt>");
      break;

    case BROADSHEET_SPAN_LINK:
      if (open)
        {
          g_autofree char *escaped = g_markup_escape_text (span->url, -1);

          g_string_append_printf (markup, "<a href=\"%s\">", escaped);
        }
      else
        {
          g_string_append (markup, "</a>");
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
append_escaped (GString    *markup,
                const char *start,
                const char *end)
{
  g_autofree char *escaped = NULL;

  if (end <= start)
    return;
  escaped = g_markup_escape_text (start, end - start);
  g_string_append (markup, escaped);
}

/* Returns Pango markup for the text, with feed text escaped. */
char *
broadsheet_rich_text_to_markup (const BroadsheetRichText *self)
{
  g_autoptr(GArray) boundaries = NULL;
  GString *markup;
  const char *cursor;
  guint cursor_chars = 0;
  guint n_spans;

  g_return_val_if_fail (self != NULL, NULL);

  n_spans = broadsheet_rich_text_get_n_spans (self);
  markup = g_string_sized_new (strlen (self->text) + 16 * n_spans);
  boundaries = g_array_sized_new (FALSE, FALSE, sizeof (Boundary), n_spans * 2);

  for (guint i = 0; i < n_spans; i++)
    {
      const BroadsheetSpan *span = &self->spans[i];
      Boundary open = { span->offset, TRUE, i, span->offset + span->length, span };
      Boundary close = { span->offset + span->length, FALSE, i, span->offset, span };
      g_array_append_val (boundaries, open);
      g_array_append_val (boundaries, close);
    }
  g_array_sort (boundaries, compare_boundaries);

  cursor = self->text;
  for (guint i = 0; i < boundaries->len; i++)
    {
      const Boundary *b = &g_array_index (boundaries, Boundary, i);
      const char *next = g_utf8_offset_to_pointer (cursor, b->position - cursor_chars);

      append_escaped (markup, cursor, next);
      cursor = next;
      cursor_chars = b->position;
      append_tag (markup, b->span, b->is_open);
    }
  append_escaped (markup, cursor, cursor + strlen (cursor));

  return g_string_free (markup, FALSE);
}
