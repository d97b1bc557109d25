/* test-rich-text.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "broadsheet-rich-text.h"

/* Styled ranges become Pango markup with every piece of feed text escaped. */

static void
test_plain_escaped (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("<b>x</b> & \"y\"");
  g_autofree char *markup = broadsheet_rich_text_to_markup (text);

  g_assert_cmpstr (markup, ==, "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;");
}

static void
test_styles (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("bold italic code link");
  g_autofree char *markup = NULL;

  g_assert_true (broadsheet_rich_text_add_span (text, 0, 4, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 5, 6, BROADSHEET_SPAN_ITALIC, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 12, 4, BROADSHEET_SPAN_CODE, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 17, 4, BROADSHEET_SPAN_LINK,
                                                "https://example.org/?a=1&b=\"2\""));
  markup = broadsheet_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==,
                   "<b>bold</b> <i>italic</i> <tt>code</tt> "
                   "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">link</a>");
}

static void
test_nested (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("Read the full report now");
  g_autofree char *markup = NULL;

  /* Added inner first: nesting must come out right whatever the order. */
  g_assert_true (broadsheet_rich_text_add_span (text, 9, 11, BROADSHEET_SPAN_LINK,
                                                "https://example.org/r"));
  g_assert_true (broadsheet_rich_text_add_span (text, 0, 20, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 9, 11, BROADSHEET_SPAN_ITALIC, NULL));
  markup = broadsheet_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==,
                   "<b>Read the <a href=\"https://example.org/r\"><i>full report</i></a></b> now");
}

static void
test_characters_not_bytes (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("Café 🎄 ünd");
  g_autofree char *markup = NULL;

  g_assert_true (broadsheet_rich_text_add_span (text, 5, 1, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 7, 3, BROADSHEET_SPAN_ITALIC, NULL));
  markup = broadsheet_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==, "Café <b>🎄</b> <i>ünd</i>");
}

static void
test_invalid_spans (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("0123456789");
  g_autofree char *markup = NULL;

  g_assert_false (broadsheet_rich_text_add_span (text, 0, 0, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 10, 1, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 5, 6, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 5, G_MAXUINT, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 0, 2, 99, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 0, 2, BROADSHEET_SPAN_LINK, NULL));
  g_assert_false (broadsheet_rich_text_add_span (text, 0, 2, BROADSHEET_SPAN_LINK,
                                                 "javascript:alert(1)"));
  g_assert_false (broadsheet_rich_text_add_span (text, 0, 2, BROADSHEET_SPAN_LINK,
                                                 "file:///etc/passwd"));
  g_assert_true (broadsheet_rich_text_add_span (text, 2, 4, BROADSHEET_SPAN_BOLD, NULL));
  /* Partly overlapping ranges cannot nest, so the second is refused. */
  g_assert_false (broadsheet_rich_text_add_span (text, 4, 4, BROADSHEET_SPAN_ITALIC, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 0, 1, BROADSHEET_SPAN_LINK,
                                                "mailto:desk@example.org"));
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (text), ==, 2);

  markup = broadsheet_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==, "<a href=\"mailto:desk@example.org\">0</a>1<b>2345</b>6789");
}

static void
test_adjacent (void)
{
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new ("abcd");
  g_autofree char *markup = NULL;

  g_assert_true (broadsheet_rich_text_add_span (text, 2, 2, BROADSHEET_SPAN_ITALIC, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 0, 2, BROADSHEET_SPAN_BOLD, NULL));
  g_assert_true (broadsheet_rich_text_add_span (text, 0, 4, BROADSHEET_SPAN_CODE, NULL));
  markup = broadsheet_rich_text_to_markup (text);
  g_assert_cmpstr (markup, ==, "<tt><b>ab</b><i>cd</i></tt>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rich-text/plain-escaped", test_plain_escaped);
  g_test_add_func ("/rich-text/styles", test_styles);
  g_test_add_func ("/rich-text/nested", test_nested);
  g_test_add_func ("/rich-text/characters-not-bytes", test_characters_not_bytes);
  g_test_add_func ("/rich-text/invalid-spans", test_invalid_spans);
  g_test_add_func ("/rich-text/adjacent", test_adjacent);

  return g_test_run ();
}
