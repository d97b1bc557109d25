/* test-html-robustness.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "broadsheet-html-blocks.h"
#include "test-html-util.h"

/* HTML bodies as they come: broken, hostile, huge, deep, from other threads
 * and from real feeds.
 */

static void
test_invalid_utf8 (void)
{
  const char html[] = "<p>bad \xff\xfe bytes caf\xc3\xa9</p>"
                      "<meta charset=\"iso-8859-1\"><p>\xc3\xa9</p>";
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;

  broadsheet_html_append_blocks (html, sizeof html - 1, TEST_HTML_BASE, blocks);
  description = test_html_describe (blocks, G_MAXUINT);
  g_assert_cmpstr (description, ==,
                   "paragraph \"bad \xef\xbf\xbd\xef\xbf\xbd bytes café\"\nparagraph \"é\"\n");
}

static void
test_length (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;

  /* Only @length bytes are read; a NUL inside them does not end the text. */
  broadsheet_html_append_blocks ("<p>a\0b</p><p>not this</p>", 10, TEST_HTML_BASE, blocks);
  description = test_html_describe (blocks, G_MAXUINT);
  g_assert_cmpstr (description, ==, "paragraph \"a\xef\xbf\xbd" "b\"\n");
}

static gpointer
parse_deep_cb (gpointer data)
{
  const char *html = data;

  return test_html_parse (html, TEST_HTML_BASE);
}

static void
test_deep_nesting (void)
{
  GString *html = g_string_new ("<p>before</p>");
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *description = NULL;

  /* Without XML_PARSE_HUGE, libxml2 2.9 stops at 256 levels and drops the rest. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, i % 2 == 0 ? "<div>" : "<div><b>");
  g_string_append (html, "deep<script>x</script><p>words</p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, i % 2 == 0 ? "</div>" : "</b></div>");
  g_string_append (html, "<p>after</p>");

  /* On a worker thread, as the feed parser does. */
  blocks = g_thread_join (g_thread_new ("deep", parse_deep_cb, html->str));
  g_string_free (html, TRUE);
  description = test_html_describe (blocks, G_MAXUINT);
  /* Past 256 levels only the words are kept, still without the script's. */
  g_assert_cmpstr (description, ==,
                   "paragraph \"before\"\nparagraph \"deep words\" b@0+10\nparagraph \"after\"\n");
}

static void
test_deep_inline (void)
{
  GString *html = g_string_new ("<p>");
  g_autoptr(GPtrArray) blocks = NULL;
  BroadsheetRichText *text;

  /* Thousands of nested spans: at most 256 of them are kept, the text all. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (html, "<b><i>x");
  blocks = test_html_parse (html->str, TEST_HTML_BASE);
  g_string_free (html, TRUE);

  g_assert_cmpuint (blocks->len, ==, 1);
  text = broadsheet_block_get_text (g_ptr_array_index (blocks, 0));
  g_assert_cmpuint (strlen (broadsheet_rich_text_get_text (text)), ==, 5000);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (text), <=, 256);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (text), >, 0);
}

static void
test_large_body (void)
{
  static const char * const pieces[] = {
    "<p>Paragraph with <b>bold</b>, <i>italic</i> and <a href=\"/l\">a link</a>.</p>\n",
    "<h2>A heading</h2>\n",
    "<ul><li>one</li><li>two <code>x()</code><ul><li>nested</li></ul></li></ul>\n",
    "<blockquote><p>Quoted words.</p></blockquote>\n",
    "<pre>code\n  indented</pre>\n",
    "<table><tr><td>a</td><td>b</td></tr></table>\n",
    "<figure><img src=\"p.jpg\" alt=\"alt\"><figcaption>Caption</figcaption></figure>\n",
    "<p><strong>Why it matters:</strong> labels &amp; entities &#8212; everywhere.</p>\n",
  };
  GString *html = g_string_new (NULL);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_rounds = 0;
  gint64 start;
  double seconds;

  while (html->len < 5 * 1024 * 1024)
    {
      for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
        g_string_append (html, pieces[i]);
      n_rounds++;
    }

  start = g_get_monotonic_time ();
  broadsheet_html_append_blocks (html->str, html->len, TEST_HTML_BASE, blocks);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_test_message ("%zu bytes, %u blocks in %.2f s", html->len, blocks->len, seconds);
  g_string_free (html, TRUE);

  /* Each piece is one block: the table has one row, the list one block. */
  g_assert_cmpuint (blocks->len, ==, n_rounds * 8);
  /* Generous, for sanitizers and slow machines; it takes well under 2 s. */
  g_assert_cmpfloat (seconds, <, 20.0);
}

static void
test_one_big_paragraph (void)
{
  GString *html = g_string_new ("<p>");
  g_autoptr(GPtrArray) blocks = NULL;

  /* A 5 MB paragraph with a link every few words: spans are capped. */
  while (html->len < 5 * 1024 * 1024)
    g_string_append (html, "word <a href=\"/x\">link</a> ");
  blocks = test_html_parse (html->str, TEST_HTML_BASE);
  g_string_free (html, TRUE);

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_text (
                      g_ptr_array_index (blocks, 0))), ==, 256);
}

static void
check_fixture (const char *name,
               const char *base_uri,
               guint       n_first,
               const char *first,
               const char *counts)
{
  g_autoptr(GPtrArray) blocks = test_html_parse_fixture (name, base_uri);
  g_autofree char *description = test_html_describe (blocks, n_first);
  g_autofree char *kinds = test_html_count_kinds (blocks);

  if (g_test_verbose ())
    {
      g_autofree char *all = test_html_describe (blocks, G_MAXUINT);

      g_test_message ("%s:\n%s", name, all);
    }

  g_assert_cmpstr (description, ==, first);
  g_assert_cmpstr (kinds, ==, counts);
}

#define CURT_BASE "http://www.curtclifton.net/terminal-palettes"

/* Real bodies from real feeds (tests/data/html/SOURCES.md); the counts match
 * the elements in each file.
 */
static void
test_fixtures (void)
{
  check_fixture ("daringfireball-virgin-mobile.html",
                 "https://daringfireball.net/linked/2017/06/26/virgin-mobile-iphone-only", 1,
                 "paragraph \"Josh Centers, writing for TidBITS on Virgin Mobile’s intriguing "
                 "decision to go iPhone-only:\"\n",
                 "paragraph 3, quote 1");
  check_fixture ("hypercritical-last-guardian.html",
                 "http://hypercritical.co/2016/12/18/the-last-guardian", 1,
                 "image <http://hypercritical.co/2016/12/18/images/trico1.jpg> "
                 "alt \"The Last Guardian\" 640x360\n",
                 "paragraph 13, heading 1, image 1");
  check_fixture ("rose-automators-3.html",
                 "https://www.rosemaryorchard.com/blog/automators-episode-3-sal-soghoian-"
                 "applescript-numbers-keynote", 2,
                 "image <https://www.rosemaryorchard.com/images/0/7/9/5/3/"
                 "079536e0ba319550ca3828263e3715883b2cbe5c-artwork.jpeg> "
                 "alt \"Automators Artwork\"\n"
                 "paragraph \"In the third episode of Automators we are joined by Sal Soghoian, "
                 "AppleScript God, to learn about AppleScript and how to use it!\"\n",
                 "paragraph 10, image 3");
  check_fixture ("curt-terminal-palettes.html", CURT_BASE, 0, "",
                 "paragraph 20, heading 2, preformatted 9");
  check_fixture ("lukedorny-new-font.html", "https://lukedorny.com/updates/new-font", 2,
                 "image <https://lukedorny.com/media/pages/updates/new-font/"
                 "4d77b179bd-1736211467/asketch1-500x-crop.jpg> "
                 "alt \"screenshot of sketches for typeface\"\n"
                 "paragraph \"What are some common letter shapes?\"\n",
                 "paragraph 17, heading 8, list 1, image 6, rule 2");
  check_fixture ("feedparser-example.html", "https://example.org/initial-post", 1,
                 "paragraph \"Hello, world!\"\n", "paragraph 1");
}

static gpointer
parse_fixture_cb (gpointer data)
{
  const char *expected = data;

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GPtrArray) blocks = test_html_parse_fixture ("curt-terminal-palettes.html",
                                                             CURT_BASE);
      g_autofree char *description = test_html_describe (blocks, G_MAXUINT);

      g_assert_cmpstr (description, ==, expected);
    }

  return NULL;
}

/* Feeds are parsed on worker threads, several at once. */
static void
test_threads (void)
{
  g_autoptr(GPtrArray) blocks = test_html_parse_fixture ("curt-terminal-palettes.html", CURT_BASE);
  g_autofree char *expected = test_html_describe (blocks, G_MAXUINT);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("html", parse_fixture_cb, expected);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* No crash, and sane blocks: never empty, trimmed. */
static void
check_sane (GPtrArray  *blocks,
            const char *where)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      BroadsheetBlock *block = g_ptr_array_index (blocks, i);
      BroadsheetRichText *text = broadsheet_block_get_text (block);
      const char *string;

      if (text == NULL)
        continue;
      string = broadsheet_rich_text_get_text (text);
      if (*string == '\0')
        g_error ("%s: block %u is empty", where, i);
      /* Preformatted text keeps its indent. */
      if (broadsheet_block_get_kind (block) != BROADSHEET_BLOCK_PREFORMATTED &&
          (g_unichar_isspace (g_utf8_get_char (string)) ||
           g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (string + strlen (string))))))
        g_error ("%s: block %u has untrimmed text \"%s\"", where, i, string);
    }
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static guint
check_feed (const char *path,
            const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *items;
  guint n_bodies = 0;

  if (!json_parser_load_from_file (parser, path, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  items = json_object_get_member (json_node_get_object (root), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return 0;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (items), i);
      g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *where = g_strdup_printf ("%s item %u", name, i + 1);
      const char *html;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      html = member_string (json_node_get_object (item), "content_html");
      if (html == NULL)
        continue;

      broadsheet_html_append_blocks (html, strlen (html),
                                     member_string (json_node_get_object (item), "url"), blocks);
      check_sane (blocks, where);
      /* Every body there has words or pictures. */
      if (*html != '\0')
        g_assert_cmpuint (blocks->len, >, 0);
      n_bodies++;
    }

  return n_bodies;
}

/* Every content_html in the JSON Feed test data (tests/data/jsonfeed). */
static void
test_jsonfeed_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "jsonfeed", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_bodies = 0;

  if (dir == NULL)
    {
      g_test_skip ("No JSON Feed test data");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_str_has_suffix (name, ".json"))
        n_bodies += check_feed (path, name);
    }

  g_test_message ("%u bodies", n_bodies);
  g_assert_cmpuint (n_bodies, >, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-robustness/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/html-robustness/length", test_length);
  g_test_add_func ("/html-robustness/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-robustness/deep-inline", test_deep_inline);
  g_test_add_func ("/html-robustness/large-body", test_large_body);
  g_test_add_func ("/html-robustness/one-big-paragraph", test_one_big_paragraph);
  g_test_add_func ("/html-robustness/fixtures", test_fixtures);
  g_test_add_func ("/html-robustness/threads", test_threads);
  g_test_add_func ("/html-robustness/jsonfeed-corpus", test_jsonfeed_corpus);

  return g_test_run ();
}
