/* test-html-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "broadsheet-html-blocks.h"
#include "test-html-util.h"

static const char * const span_names[] = { "b", "i", "code", "a" };

static void
describe_text (GString                  *out,
               const BroadsheetRichText *text)
{
  g_string_append_printf (out, " \"%s\"", broadsheet_rich_text_get_text (text));
  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (text); i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (text, i);

      g_string_append_printf (out, " %s@%u+%u", span_names[span->style], span->offset,
                              span->length);
      if (span->url != NULL)
        g_string_append_printf (out, "=%s", span->url);
    }
}

static void
describe_photo (GString         *out,
                BroadsheetPhoto *photo)
{
  g_string_append_printf (out, " <%s>", broadsheet_photo_get_url (photo));
  if (broadsheet_photo_get_alt_text (photo) != NULL)
    g_string_append_printf (out, " alt \"%s\"", broadsheet_photo_get_alt_text (photo));
  if (broadsheet_photo_get_caption (photo) != NULL)
    g_string_append_printf (out, " caption \"%s\"", broadsheet_photo_get_caption (photo));
  if (broadsheet_photo_get_width (photo) > 0)
    g_string_append_printf (out, " %dx%d", broadsheet_photo_get_width (photo),
                            broadsheet_photo_get_height (photo));
}

static void
describe_block (GString         *out,
                BroadsheetBlock *block)
{
  GEnumClass *kinds = g_type_class_ref (BROADSHEET_TYPE_BLOCK_KIND);

  g_string_append (out, g_enum_get_value (kinds, broadsheet_block_get_kind (block))->value_nick);
  g_type_class_unref (kinds);

  if (broadsheet_block_get_ordered (block))
    g_string_append (out, " ordered");
  if (broadsheet_block_get_label (block) != NULL)
    g_string_append_printf (out, " [%s]", broadsheet_block_get_label (block));
  if (broadsheet_block_get_text (block) != NULL)
    describe_text (out, broadsheet_block_get_text (block));
  for (guint i = 0; i < broadsheet_block_get_n_items (block); i++)
    {
      g_string_append_printf (out, " |%u", broadsheet_block_get_item_depth (block, i));
      describe_text (out, broadsheet_block_get_item (block, i));
    }
  if (broadsheet_block_get_attribution (block) != NULL)
    g_string_append_printf (out, " by \"%s\"", broadsheet_block_get_attribution (block));
  if (broadsheet_block_get_title (block) != NULL)
    g_string_append_printf (out, " \"%s\"", broadsheet_block_get_title (block));
  if (broadsheet_block_get_url (block) != NULL)
    g_string_append_printf (out, " <%s>", broadsheet_block_get_url (block));
  if (broadsheet_block_get_photo (block) != NULL)
    describe_photo (out, broadsheet_block_get_photo (block));
  g_string_append_c (out, '\n');
}

GPtrArray *
test_html_parse (const char *html,
                 const char *base_uri)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);

  broadsheet_html_append_blocks (html, strlen (html), base_uri, blocks);
  return blocks;
}

/* Parses tests/data/html/@name. */
GPtrArray *
test_html_parse_fixture (const char *name,
                         const char *base_uri)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autofree char *html = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);

  g_file_get_contents (path, &html, &length, &error);
  g_assert_no_error (error);
  broadsheet_html_append_blocks (html, length, base_uri, blocks);
  return blocks;
}

/* Describes the first @n_blocks blocks (G_MAXUINT: all of them). */
char *
test_html_describe (GPtrArray *blocks,
                    guint      n_blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < MIN (n_blocks, blocks->len); i++)
    describe_block (out, g_ptr_array_index (blocks, i));
  return g_string_free (out, FALSE);
}

/* "paragraph 3, quote 1": how many blocks of each kind, in the enum's order. */
char *
test_html_count_kinds (GPtrArray *blocks)
{
  GEnumClass *kinds = g_type_class_ref (BROADSHEET_TYPE_BLOCK_KIND);
  GString *out = g_string_new (NULL);

  for (guint kind = 0; kind < kinds->n_values; kind++)
    {
      guint count = 0;

      for (guint i = 0; i < blocks->len; i++)
        if (broadsheet_block_get_kind (g_ptr_array_index (blocks, i)) == kind)
          count++;
      if (count > 0)
        g_string_append_printf (out, "%s%s %u", out->len > 0 ? ", " : "",
                                g_enum_get_value (kinds, kind)->value_nick, count);
    }

  g_type_class_unref (kinds);
  return g_string_free (out, FALSE);
}

/* Parses @html against TEST_HTML_BASE and checks the whole description. */
void
test_html_check (const char *html,
                 const char *expected)
{
  g_autoptr(GPtrArray) blocks = test_html_parse (html, TEST_HTML_BASE);
  g_autofree char *description = test_html_describe (blocks, G_MAXUINT);

  g_assert_cmpstr (description, ==, expected);
}
