/* test-parser.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "broadsheet-feed-parser.h"

/* The story JSON parser, on good, bad and hostile input. */

static BroadsheetFeedDocument *
parse_file (const char  *name,
            GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  return broadsheet_feed_parser_parse (bytes, uri, error);
}

static BroadsheetFeedDocument *
parse_string (const char  *json,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return broadsheet_feed_parser_parse (bytes, "https://example.org/feed.json", error);
}

static BroadsheetStory *
story_at (BroadsheetFeedDocument *document,
          guint                   index)
{
  GPtrArray *stories = broadsheet_feed_document_get_stories (document);

  g_assert_cmpuint (index, <, stories->len);
  return g_ptr_array_index (stories, index);
}

static void
test_every_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse_file ("complete.json", &error);
  BroadsheetStory *story;
  BroadsheetPhoto *photo;
  const char * const *authors;
  g_autofree char *published = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *photo_suffix = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (broadsheet_feed_document_get_title (document), ==, "Complete Test Feed");
  g_assert_cmpstr (broadsheet_feed_document_get_home_page_url (document), ==,
                   "https://example.org/news/");
  g_assert_cmpstr (broadsheet_feed_document_get_description (document), ==,
                   "Every field and block type once.");
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 2);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 0);

  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "complete-1");
  /* A relative story URL against a local feed is not a web link. */
  g_assert_null (broadsheet_story_get_url (story));
  g_assert_cmpstr (broadsheet_story_get_kicker (story), ==, "Scoop");
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==, "Every field is here");
  g_assert_cmpstr (broadsheet_story_get_summary (story), ==,
                   "One story that uses every field and block.");
  g_assert_cmpstr (broadsheet_story_get_language (story), ==, "en-GB");
  published = g_date_time_format_iso8601 (broadsheet_story_get_published (story));
  g_assert_cmpstr (published, ==, "2026-11-27T07:30:00Z");
  updated = g_date_time_format_iso8601 (broadsheet_story_get_updated (story));
  g_assert_cmpstr (updated, ==, "2026-11-27T09:15:00+01");

  authors = broadsheet_story_get_authors (story);
  g_assert_cmpuint (g_strv_length ((char **)authors), ==, 3);
  g_assert_cmpstr (authors[2], ==, "Cy Reader");
  g_assert_cmpstr (broadsheet_story_get_topics (story)[1], ==, "Formats");

  photo = broadsheet_story_get_lead_photo (story);
  g_assert_nonnull (photo);
  photo_suffix = g_strdup (broadsheet_photo_get_url (photo));
  g_assert_true (g_str_has_prefix (photo_suffix, "file:///"));
  g_assert_true (g_str_has_suffix (photo_suffix, "/data/feeds/photos/lead.jpg"));
  g_assert_cmpstr (broadsheet_photo_get_caption (photo), ==, "The lead photo's caption.");
  g_assert_cmpstr (broadsheet_photo_get_credit (photo), ==, "Photo: Test Desk");
  g_assert_cmpstr (broadsheet_photo_get_alt_text (photo), ==,
                   "A grey square used as a test picture");
  g_assert_cmpint (broadsheet_photo_get_width (photo), ==, 800);
  g_assert_cmpint (broadsheet_photo_get_height (photo), ==, 500);

  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 7);

  story = story_at (document, 1);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "42");
  g_assert_null (broadsheet_story_get_kicker (story));
  g_assert_null (broadsheet_story_get_published (story));
  g_assert_null (broadsheet_story_get_authors (story));
  g_assert_null (broadsheet_story_get_lead_photo (story));
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 0);
  g_assert_false (broadsheet_story_get_read (story));
  g_assert_false (broadsheet_story_get_saved (story));
}

static void
test_every_block (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse_file ("complete.json", &error);
  BroadsheetStory *story = story_at (document, 0);
  BroadsheetBlock *block;
  BroadsheetRichText *text;
  const BroadsheetSpan *span;

  block = broadsheet_story_get_block (story, 0);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_PARAGRAPH);
  g_assert_null (broadsheet_block_get_label (block));
  text = broadsheet_block_get_text (block);
  g_assert_cmpstr (broadsheet_rich_text_get_text (text), ==,
                   "A plain paragraph with bold and a link.");
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (text), ==, 4);
  span = broadsheet_rich_text_get_span (text, 1);
  g_assert_cmpint (span->style, ==, BROADSHEET_SPAN_LINK);
  g_assert_cmpuint (span->offset, ==, 31);
  g_assert_cmpuint (span->length, ==, 6);
  g_assert_cmpstr (span->url, ==, "https://example.org/link");

  block = broadsheet_story_get_block (story, 1);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_PARAGRAPH);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "Why it matters:");

  block = broadsheet_story_get_block (story, 2);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_HEADING);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_text (block)), ==,
                   "A heading");

  block = broadsheet_story_get_block (story, 3);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_LIST);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "What else we know:");
  g_assert_cmpuint (broadsheet_block_get_n_items (block), ==, 2);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_item (block, 0)), ==,
                   "First item");
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_item (block, 1)), ==, 1);

  block = broadsheet_story_get_block (story, 4);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_QUOTE);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_text (block)), ==,
                   "A pull quote that stands out.");
  g_assert_cmpstr (broadsheet_block_get_attribution (block), ==, "Dee Speaker, test subject");

  block = broadsheet_story_get_block (story, 5);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_GO_DEEPER);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "Go deeper:");
  g_assert_cmpstr (broadsheet_block_get_title (block), ==, "The background story");
  g_assert_cmpstr (broadsheet_block_get_url (block), ==, "https://example.org/background");

  block = broadsheet_story_get_block (story, 6);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_IMAGE);
  g_assert_cmpstr (broadsheet_photo_get_url (broadsheet_block_get_photo (block)), ==,
                   "https://example.org/body.jpg");
  g_assert_cmpstr (broadsheet_photo_get_caption (broadsheet_block_get_photo (block)), ==,
                   "An in-body picture.");
  g_assert_cmpstr (broadsheet_photo_get_credit (broadsheet_block_get_photo (block)), ==,
                   "Photo: Body Desk");
  g_assert_cmpstr (broadsheet_photo_get_alt_text (broadsheet_block_get_photo (block)), ==,
                   "Body alt text");
}

static void
test_bad_stories_skipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse_file ("mixed.json", &error);
  const char * const *reasons;
  BroadsheetStory *story;

  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 2);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 7);

  reasons = broadsheet_feed_document_get_skip_reasons (document);
  g_assert_cmpuint (g_strv_length ((char **)reasons), ==, 7);
  g_assert_cmpstr (reasons[0], ==, "Story 2 is not a JSON object");
  g_assert_cmpstr (reasons[1], ==, "Story 3 has no id");
  g_assert_cmpstr (reasons[2], ==, "Story 4 has no headline");
  g_assert_cmpstr (reasons[5], ==, "Story 7 repeats the id of an earlier story");

  /* Wrong-typed optional fields read as missing; the story stays. */
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "good-1");
  g_assert_null (broadsheet_story_get_published (story));
  g_assert_null (broadsheet_story_get_authors (story));

  story = story_at (document, 1);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "good-3");
  g_assert_null (broadsheet_story_get_kicker (story));
  g_assert_null (broadsheet_story_get_summary (story));
  g_assert_null (broadsheet_story_get_lead_photo (story));
  /* Only the paragraph with text survives, and none of its bad spans. */
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (
                      broadsheet_block_get_text (broadsheet_story_get_block (story, 0))), ==, 0);
}

static void
test_markup_kept_as_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse_file ("markup.json", &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==,
                   "<b>Bold?</b> & <span foreground=\"red\">red</span> </a>");
  g_assert_cmpstr (broadsheet_feed_document_get_title (document), ==, "<b>Markup</b> & feed");
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
} BadDocument;

static const BadDocument bad_documents[] = {
  { "empty", "", BROADSHEET_FEED_ERROR_INVALID_JSON },
  { "whitespace", "  \n\t ", BROADSHEET_FEED_ERROR_INVALID_JSON },
  { "truncated", "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": [",
    BROADSHEET_FEED_ERROR_INVALID_JSON },
  { "trailing-comma", "{ \"a\": 1, }", BROADSHEET_FEED_ERROR_INVALID_JSON },
  { "html", "<!DOCTYPE html><html><body>Not a feed</body></html>",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "rss", "\xef\xbb\xbf \n<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "lone-bracket", "<", BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "array", "[1, 2, 3]", BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "string", "\"stories\"", BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "other-object", "{ \"hello\": \"world\" }", BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "format-wrong-type", "{ \"format\": 1, \"version\": 1, \"stories\": [] }",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "no-version", "{ \"format\": \"broadsheet-story-json\", \"stories\": [] }",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "version-string", "{ \"format\": \"broadsheet-story-json\", \"version\": \"1\", \"stories\": [] }",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "future-version", "{ \"format\": \"broadsheet-story-json\", \"version\": 2, \"stories\": [] }",
    BROADSHEET_FEED_ERROR_UNSUPPORTED_VERSION },
  { "no-stories", "{ \"format\": \"broadsheet-story-json\", \"version\": 1 }",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
  { "stories-object", "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": {} }",
    BROADSHEET_FEED_ERROR_NOT_A_FEED },
};

static void
test_bad_documents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetFeedDocument) document = parse_string (bad_documents[i].json, &error);

      g_test_message ("%s: %s", bad_documents[i].name, error != NULL ? error->message : "no error");
      g_assert_null (document);
      g_assert_error (error, BROADSHEET_FEED_ERROR, bad_documents[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 20);
    }
}

static void
test_error_position (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document =
    parse_string ("{\n  \"format\": \"broadsheet-story-json\",\n  \"version\": 1,\n  \"stories\": [ 01 ]\n}",
                  &error);

  g_assert_null (document);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
  g_assert_nonnull (strstr (error->message, "Line 4"));
}

static void
test_deep_nesting (void)
{
  GString *json = g_string_new ("{ \"format\": \"broadsheet-story-json\", \"version\": 1, "
                                "\"stories\": [ { \"id\": \"a\", \"headline\": \"b\", \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;

  /* json-glib 1.6 overflows its stack on this; we must refuse it first. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, " } ] }");

  bytes = g_string_free_to_bytes (json);
  document = broadsheet_feed_parser_parse (bytes, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
}

static void
test_invalid_utf8 (void)
{
  /* A Latin-1 "é" (0xE9) in the headline and a lone surrogate escape in the kicker. */
  static const char latin1[] =
    "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": ["
    " { \"id\": \"a\", \"headline\": \"Caf\xe9 opens\" } ] }";
  static const char surrogate[] =
    "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": ["
    " { \"id\": \"a\", \"headline\": \"Fine\", \"kicker\": \"\\ud800\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  const char *headline;

  document = parse_string (latin1, &error);
  g_assert_no_error (error);
  headline = broadsheet_story_get_headline (story_at (document, 0));
  g_assert_true (g_utf8_validate (headline, -1, NULL));
  g_assert_cmpstr (headline, ==, "Caf\xef\xbf\xbd opens");
  g_clear_object (&document);

  document = parse_string (surrogate, &error);
  g_assert_null (document);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
}

static void
test_embedded_nul (void)
{
  static const char json[] = "{ \"format\": \"broadsheet-story-json\"\0, \"version\": 1 }";
  g_autoptr(GBytes) bytes = g_bytes_new (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = broadsheet_feed_parser_parse (bytes, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
}

static void
test_unsafe_links (void)
{
  static const char json[] =
    "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": ["
    " { \"id\": \"a\", \"headline\": \"h\", \"url\": \"javascript:alert(1)\","
    "   \"lead_photo\": { \"url\": \"file:///etc/passwd\", \"caption\": \"kept\" },"
    "   \"body\": [ { \"type\": \"image\", \"url\": \"resource:///app/x.png\", \"alt\": \"a\" },"
    "             { \"type\": \"go_deeper\", \"title\": \"t\", \"url\": \"/relative/path\" } ] } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse_string (json, &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  story = story_at (document, 0);
  g_assert_null (broadsheet_story_get_url (story));
  /* A remote feed may not point at local files or resources; the caption stays. */
  g_assert_null (broadsheet_photo_get_url (broadsheet_story_get_lead_photo (story)));
  g_assert_cmpstr (broadsheet_photo_get_caption (broadsheet_story_get_lead_photo (story)), ==, "kept");
  g_assert_null (broadsheet_photo_get_url (broadsheet_block_get_photo (broadsheet_story_get_block (story, 0))));
  /* A relative link resolves against the remote feed's address. */
  g_assert_cmpstr (broadsheet_block_get_url (broadsheet_story_get_block (story, 1)), ==,
                   "https://example.org/relative/path");
}

static void
test_bundled_feed (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  GPtrArray *stories;
  gboolean seen_kind[BROADSHEET_BLOCK_IMAGE + 1] = { FALSE, };
  guint n_photos = 0, n_without_photo = 0, n_without_authors = 0, n_rtl = 0;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/sample/stories.json", 0, &error);
  g_assert_no_error (error);
  document = broadsheet_feed_parser_parse (bytes, "resource://" RESOURCE_PREFIX "/sample/stories.json",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 0);

  stories = broadsheet_feed_document_get_stories (document);
  g_assert_cmpuint (stories->len, >=, 12);
  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);
      BroadsheetPhoto *photo = broadsheet_story_get_lead_photo (story);

      if (photo != NULL)
        {
          g_autoptr(GBytes) picture = NULL;
          const char *url = broadsheet_photo_get_url (photo);

          /* Every bundled photo is in the resources, never on the network. */
          g_assert_true (g_str_has_prefix (url, "resource://" RESOURCE_PREFIX "/sample/photos/"));
          picture = g_resources_lookup_data (url + strlen ("resource://"), 0, &error);
          g_assert_no_error (error);
          g_assert_cmpint (broadsheet_photo_get_width (photo), >, 0);
          n_photos++;
        }
      else
        n_without_photo++;

      if (broadsheet_story_get_authors (story) == NULL)
        n_without_authors++;
      if (g_strcmp0 (broadsheet_story_get_language (story), "ar") == 0 ||
          g_strcmp0 (broadsheet_story_get_language (story), "he") == 0)
        n_rtl++;
      g_assert_nonnull (broadsheet_story_get_published (story));

      for (guint j = 0; j < broadsheet_story_get_n_blocks (story); j++)
        seen_kind[broadsheet_block_get_kind (broadsheet_story_get_block (story, j))] = TRUE;
    }

  g_assert_cmpuint (n_photos, >, 0);
  g_assert_cmpuint (n_without_photo, >, 0);
  g_assert_cmpuint (n_without_authors, >, 0);
  g_assert_cmpuint (n_rtl, >, 0);
  for (guint kind = 0; kind < G_N_ELEMENTS (seen_kind); kind++)
    g_assert_true (seen_kind[kind]);
}

static void
test_jsontestsuite (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite",
                                                     "test_parsing", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetFeedDocument) document = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new (contents, length);
      document = broadsheet_feed_parser_parse (bytes, NULL, &error);

      /* None of these is a feed: each gets an error, and a must-reject one says it is not
       * JSON (or, when it opens with "<", that it is markup). */
      g_assert_null (document);
      g_assert_nonnull (error);
      if (name[0] == 'n' && contents[strspn (contents, " \t\r\n")] == '<')
        g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED);
      else if (name[0] == 'n')
        g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
      if (name[0] == 'y')
        g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 300);
}

/* Big feeds are read while they parse (story JSON) or on every core (JSON
 * Feed). Whatever the route, a big feed must read exactly like a small one:
 * the same stories in the same order, the same skips, and an array that
 * only looks like the stories (before the real one) must change nothing.
 */
#define N_PADDING 600

static char *
padding_story (guint i)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint j = 0; j < 10; j++)
    g_string_append (body, "A paragraph long enough to make the feed big. ");
  return g_strdup_printf ("{\"id\": \"pad-%u\", \"headline\": \"Padding %u\", "
                          "\"body\": [{\"type\": \"paragraph\", \"text\": \"%s\"}]}",
                          i, i, body->str);
}

static void
test_big_story_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "mixed.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) json = g_string_new ("{\"format\": \"broadsheet-story-json\", "
                                          "\"version\": 1, \"title\": \"Big\", "
                                          "\"decoy\": [{\"id\": \"decoy\", \"headline\": \"Decoy\"}], "
                                          "\"stories\": [");
  g_autofree char *mixed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  const char * const *reasons;
  BroadsheetStory *story;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  mixed = json_to_string (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "stories"), FALSE);
  for (guint i = 0; i < N_PADDING; i++)
    {
      g_autofree char *padding = padding_story (i);

      g_string_append_printf (json, "%s, ", padding);
    }
  /* The mixed stories without their brackets. */
  g_string_append_len (json, mixed + 1, strlen (mixed) - 2);
  g_string_append (json, "]}");
  g_assert_cmpuint (json->len, >, 256 * 1024);

  document = parse_string (json->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, N_PADDING + 2);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 7);
  reasons = broadsheet_feed_document_get_skip_reasons (document);
  g_assert_cmpstr (reasons[0], ==, "Story 602 is not a JSON object");
  g_assert_cmpstr (reasons[1], ==, "Story 603 has no id");
  g_assert_cmpstr (reasons[5], ==, "Story 607 repeats the id of an earlier story");

  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "pad-0");
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
  story = story_at (document, N_PADDING - 1);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "pad-599");
  story = story_at (document, N_PADDING);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "good-1");
  g_assert_null (broadsheet_story_get_published (story));
  story = story_at (document, N_PADDING + 1);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "good-3");
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (
                      broadsheet_block_get_text (broadsheet_story_get_block (story, 0))), ==, 0);
}

/* A big feed whose biggest array is not its list of stories is read whole. */
static void
test_big_other_array (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"broadsheet-story-json\", \"version\": 1, "
                                          "\"_archive\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;

  for (guint i = 0; i < N_PADDING; i++)
    {
      g_autofree char *padding = padding_story (i);

      g_string_append_printf (json, "%s%s", i > 0 ? ", " : "", padding);
    }
  g_string_append (json, "], \"stories\": [{\"id\": 1, \"headline\": \"Only\"}, "
                         "{\"id\": 1, \"headline\": \"Again\"}]}");
  g_assert_cmpuint (json->len, >, 256 * 1024);

  document = parse_string (json->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 1);
  g_assert_cmpstr (broadsheet_story_get_headline (story_at (document, 0)), ==, "Only");
  g_assert_cmpstr (broadsheet_feed_document_get_skip_reasons (document)[0], ==,
                   "Story 2 repeats the id of an earlier story");
}

static void
test_big_json_feed (void)
{
  g_autoptr(GString) json = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", "
                                          "\"title\": \"Big\", \"items\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  const char * const *reasons;
  GPtrArray *stories;

  for (guint i = 0; i < N_PADDING; i++)
    {
      if (i == 100)
        g_string_append (json, "42, ");
      if (i == 200)
        g_string_append (json, "{\"title\": \"No id\"}, ");
      if (i == 300)
        g_string_append (json, "{\"id\": \"item-5\", \"title\": \"Again\"}, ");
      g_string_append_printf (json, "{\"id\": \"item-%u\", \"title\": \"Item %u\", "
                              "\"content_html\": \"<p>Item <b>%u</b>, a paragraph long "
                              "enough to make the feed big, and then some more.</p>\"}%s",
                              i, i, i, i + 1 < N_PADDING ? ", " : "");
    }
  g_string_append (json, "]}");

  document = parse_string (json->str, &error);
  g_assert_no_error (error);
  stories = broadsheet_feed_document_get_stories (document);
  g_assert_cmpuint (stories->len, ==, N_PADDING);
  for (guint i = 0; i < N_PADDING; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);
      BroadsheetStory *story = g_ptr_array_index (stories, i);

      g_assert_cmpstr (broadsheet_story_get_id (story), ==, id);
      g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
    }
  reasons = broadsheet_feed_document_get_skip_reasons (document);
  g_assert_cmpuint (g_strv_length ((char **) reasons), ==, 3);
  g_assert_cmpstr (reasons[0], ==, "Item 101 is not a JSON object");
  g_assert_cmpstr (reasons[1], ==, "Item 202 has no id");
  g_assert_cmpstr (reasons[2], ==, "Item 303 repeats the id of an earlier item");
}

static void
parse_async_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BroadsheetFeedDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = broadsheet_feed_parser_parse_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BroadsheetFeedDocument *document = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  broadsheet_feed_parser_parse_async (bytes, NULL, NULL, parse_async_cb, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 2);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/every-field", test_every_field);
  g_test_add_func ("/parser/every-block", test_every_block);
  g_test_add_func ("/parser/bad-stories-skipped", test_bad_stories_skipped);
  g_test_add_func ("/parser/markup-kept-as-text", test_markup_kept_as_text);
  g_test_add_func ("/parser/bad-documents", test_bad_documents);
  g_test_add_func ("/parser/error-position", test_error_position);
  g_test_add_func ("/parser/deep-nesting", test_deep_nesting);
  g_test_add_func ("/parser/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/parser/embedded-nul", test_embedded_nul);
  g_test_add_func ("/parser/unsafe-links", test_unsafe_links);
  g_test_add_func ("/parser/bundled-feed", test_bundled_feed);
  g_test_add_func ("/parser/jsontestsuite", test_jsontestsuite);
  g_test_add_func ("/parser/async", test_async);
  g_test_add_func ("/parser/big-story-json", test_big_story_json);
  g_test_add_func ("/parser/big-json-feed", test_big_json_feed);
  g_test_add_func ("/parser/big-other-array", test_big_other_array);

  return g_test_run ();
}
