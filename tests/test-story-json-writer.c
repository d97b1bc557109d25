/* test-story-json-writer.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-story-json-writer.h"
#include "broadsheet-story-json.h"

/* The story JSON writer and the single-story reader: every story we can read
 * goes out and comes back equal, the text written is story JSON a feed reader
 * takes, and corrupt or hostile text fails cleanly.
 */

#define REMOTE_BASE "https://example.org/news/feed.json"
#define SAMPLE_URI "resource://" RESOURCE_PREFIX "/sample/stories.json"

/* Feeds ---------------------------------------------------------------- */

static BroadsheetFeedDocument *
parse_bytes (GBytes      *bytes,
             const char  *base_uri,
             GError     **error)
{
  return broadsheet_feed_parser_parse (bytes, base_uri, error);
}

static BroadsheetFeedDocument *
parse_path (const char  *path,
            const char  *base_uri,
            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  return parse_bytes (bytes, base_uri, error);
}

static BroadsheetFeedDocument *
parse_sample (const char *base_uri)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BroadsheetFeedDocument *document;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/sample/stories.json", 0, &error);
  g_assert_no_error (error);
  document = parse_bytes (bytes, base_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, >=, 12);
  return document;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The .json files of tests/data/@dir, sorted. */
static GPtrArray *
list_json_files (const char *dir)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", dir, NULL);
  g_autoptr(GDir) handle = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

static BroadsheetBlock *
block_at (BroadsheetStory *story,
          guint            index)
{
  g_assert_cmpuint (index, <, broadsheet_story_get_n_blocks (story));
  return broadsheet_story_get_block (story, index);
}

static BroadsheetRichText *
text_at (BroadsheetStory *story,
         guint            index)
{
  return broadsheet_block_get_text (block_at (story, index));
}

/* The first characters of a story's JSON, for a failure message. */
static char *
describe (BroadsheetStory *story)
{
  g_autofree char *json = broadsheet_story_json_write_story_string (story);

  return g_utf8_substring (json, 0, MIN (g_utf8_strlen (json, -1), 2000));
}

/* Comparing ------------------------------------------------------------ */

static void
assert_same_offset (GDateTime *expected,
                    GDateTime *actual)
{
  if (expected == NULL || actual == NULL)
    {
      g_assert_true (expected == actual);
      return;
    }

  g_assert_true (g_date_time_equal (expected, actual));
  g_assert_cmpint (g_date_time_get_utc_offset (expected), ==, g_date_time_get_utc_offset (actual));
}

/* broadsheet_story_equal() compares every field of the model but the user
 * state, and times as instants; the offset is checked here.
 */
static void
assert_same_story (BroadsheetStory *expected,
                   BroadsheetStory *actual)
{
  g_assert_nonnull (actual);

  if (!broadsheet_story_equal (expected, actual))
    {
      g_autofree char *expected_start = describe (expected);
      g_autofree char *actual_start = describe (actual);

      g_test_message ("expected: %s", expected_start);
      g_test_message ("actual:   %s", actual_start);
    }
  g_assert_true (broadsheet_story_equal (expected, actual));
  assert_same_offset (broadsheet_story_get_published (expected),
                      broadsheet_story_get_published (actual));
  assert_same_offset (broadsheet_story_get_updated (expected),
                      broadsheet_story_get_updated (actual));
  g_assert_false (broadsheet_story_get_read (actual));
  g_assert_false (broadsheet_story_get_saved (actual));
}

/* Round trips ---------------------------------------------------------- */

static gboolean
uses_html_blocks (BroadsheetStory *story)
{
  for (guint i = 0; i < broadsheet_story_get_n_blocks (story); i++)
    {
      BroadsheetBlock *block = broadsheet_story_get_block (story, i);

      switch (broadsheet_block_get_kind (block))
        {
        case BROADSHEET_BLOCK_PREFORMATTED:
        case BROADSHEET_BLOCK_RULE:
          return TRUE;
        case BROADSHEET_BLOCK_LIST:
          if (broadsheet_block_get_ordered (block))
            return TRUE;
          for (guint j = 0; j < broadsheet_block_get_n_items (block); j++)
            if (broadsheet_block_get_item_depth (block, j) > 0)
              return TRUE;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

static BroadsheetStory *
read_story (const char *json,
            const char *base_uri)
{
  g_autoptr(GError) error = NULL;
  BroadsheetStory *story = broadsheet_story_json_read_story (json, -1, base_uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

/* Wraps written story text in a feed document and reads it with the feed
 * reader, which must take it as it is.
 */
static BroadsheetStory *
read_in_feed (const char *story_json,
              const char *base_uri)
{
  g_autofree char *feed = g_strconcat ("{\"format\":\"" BROADSHEET_STORY_JSON_FORMAT "\","
                                       "\"version\":1,\"title\":\"Saved stories\",\"stories\":[",
                                       story_json, "]}", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *stories;

  g_assert_true (json_parser_load_from_data (parser, feed, -1, &error));
  g_assert_no_error (error);
  document = broadsheet_story_json_read (json_node_get_object (json_parser_get_root (parser)),
                                         base_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 0);
  stories = broadsheet_feed_document_get_stories (document);
  g_assert_cmpuint (stories->len, ==, 1);

  return g_object_ref (g_ptr_array_index (stories, 0));
}

/* Writes @story, reads it back alone and inside a feed, checks both against
 * what it should give, and returns the one read alone.
 */
static BroadsheetStory *
round_trip (BroadsheetStory *story,
            const char      *base_uri)
{
  BroadsheetStory *expected = story;
  g_autofree char *json = broadsheet_story_json_write_story_string (story);
  g_autoptr(BroadsheetStory) in_feed = NULL;
  BroadsheetStory *alone;

  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_null (strchr (json, '\n'));

  alone = read_story (json, base_uri);
  assert_same_story (expected, alone);
  in_feed = read_in_feed (json, base_uri);
  assert_same_story (expected, in_feed);

  /* Writing what was read gives the same text again. */
  {
    g_autofree char *again = broadsheet_story_json_write_story_string (alone);

    g_assert_cmpstr (again, ==, json);
  }

  return alone;
}

/* Round-trips every story of @document; returns how many use blocks that
 * come from HTML (preformatted text, rules, numbered or nested lists).
 */
static guint
round_trip_document (BroadsheetFeedDocument *document,
                     const char             *base_uri)
{
  GPtrArray *stories = broadsheet_feed_document_get_stories (document);
  guint n_beyond = 0;

  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);
      g_autoptr(BroadsheetStory) read_back = NULL;

      g_test_message ("story %s", broadsheet_story_get_id (story));
      read_back = round_trip (story, base_uri);
      g_assert_true (broadsheet_story_equal (story, read_back));
      if (uses_html_blocks (story))
        n_beyond++;
    }

  return n_beyond;
}

static void
test_sample (void)
{
  g_autoptr(BroadsheetFeedDocument) document = parse_sample (SAMPLE_URI);
  GPtrArray *stories = broadsheet_feed_document_get_stories (document);
  guint n_photos = 0;

  g_assert_cmpuint (round_trip_document (document, SAMPLE_URI), ==, 0);

  /* The sample's photos are resources, kept because the base is one too. */
  for (guint i = 0; i < stories->len; i++)
    if (broadsheet_story_get_lead_photo (g_ptr_array_index (stories, i)) != NULL)
      n_photos++;
  g_assert_cmpuint (n_photos, >, 0);
}

static void
test_feeds (void)
{
  g_autoptr(GPtrArray) paths = list_json_files ("feeds");
  guint n_documents = 0, n_stories = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autoptr(BroadsheetFeedDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", path);
      document = parse_path (path, uri, &error);
      if (document == NULL)
        continue;

      round_trip_document (document, uri);
      n_documents++;
      n_stories += broadsheet_feed_document_get_stories (document)->len;
    }

  g_assert_cmpuint (n_documents, >=, 4);
  g_assert_cmpuint (n_stories, >=, 6);
}

static void
test_json_feeds (void)
{
  g_autoptr(GPtrArray) paths = list_json_files ("jsonfeed");
  guint n_documents = 0, n_stories = 0, n_beyond = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(BroadsheetFeedDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", path);
      document = parse_path (path, REMOTE_BASE, &error);
      if (document == NULL)
        continue;

      n_beyond += round_trip_document (document, REMOTE_BASE);
      n_documents++;
      n_stories += broadsheet_feed_document_get_stories (document)->len;
    }

  g_test_message ("%u JSON Feed stories, %u with preformatted text, rules or numbered or nested lists",
                  n_stories, n_beyond);
  g_assert_cmpuint (n_beyond, >, 0);
  g_assert_cmpuint (n_documents, >=, 29);
  g_assert_cmpuint (n_stories, >=, 400);
}

/* Every field, built by hand ------------------------------------------- */

static BroadsheetRichText *
rich_text (const char *text)
{
  return broadsheet_rich_text_new (text);
}

static void
add_span (BroadsheetRichText  *text,
          guint                offset,
          guint                length,
          BroadsheetSpanStyle  style,
          const char          *url)
{
  g_assert_true (broadsheet_rich_text_add_span (text, offset, length, style, url));
}

static BroadsheetStory *
build_complete_story (void)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) published = g_date_time_new (plus_one, 2026, 11, 27, 8, 30, 0);
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 11, 27, 9, 5, 7.25);
  const char *authors[] = { "Tamsin Rowe", "Noor Abbasi", NULL };
  const char *topics[] = { "Transport", "Harbour", NULL };
  g_autoptr(BroadsheetPhoto) lead = NULL;
  g_autoptr(BroadsheetPhoto) picture = NULL;
  g_autoptr(BroadsheetPhoto) caption_only = NULL;
  g_autoptr(BroadsheetRichText) text = NULL;
  g_autoptr(BroadsheetBlock) block = NULL;
  BroadsheetStory *story;

  lead = g_object_new (BROADSHEET_TYPE_PHOTO,
                       "url", "https://example.org/photos/ferry.jpg",
                       "caption", "The morning ferry.",
                       "credit", "Photo: A. Photographer",
                       "alt-text", "A white ferry with a red funnel.",
                       "width", 1600,
                       "height", 1000,
                       NULL);
  story = g_object_new (BROADSHEET_TYPE_STORY,
                        "id", "ferry-fares-2026",
                        "headline", "Ferry fares rise",
                        "url", "https://example.org/news/ferry-fares",
                        "kicker", "Transport",
                        "summary", "A single crossing will cost £2.80.",
                        "language", "en-GB",
                        "published", published,
                        "updated", updated,
                        "authors", authors,
                        "topics", topics,
                        "lead-photo", lead,
                        "read", TRUE,
                        "saved", TRUE,
                        NULL);

  /* A labelled paragraph with every span style, nested, and a mailto link. */
  text = rich_text ("Fares rise to £2.80 — see the new timetable 🚢 or write to us.");
  add_span (text, 22, 21, BROADSHEET_SPAN_BOLD, NULL);
  add_span (text, 30, 13, BROADSHEET_SPAN_LINK, "https://example.org/news/timetable");
  add_span (text, 0, 5, BROADSHEET_SPAN_ITALIC, NULL);
  add_span (text, 14, 5, BROADSHEET_SPAN_CODE, NULL);
  add_span (text, 49, 11, BROADSHEET_SPAN_LINK, "mailto:desk@example.org");
  block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
  broadsheet_block_set_label (block, "Why it matters:");
  broadsheet_block_set_text (block, text);
  broadsheet_story_add_block (story, block);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  g_clear_object (&block);

  /* A heading with a span, which the format allows on any text. */
  text = rich_text ("What to do");
  add_span (text, 5, 2, BROADSHEET_SPAN_ITALIC, NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_HEADING);
  broadsheet_block_set_text (block, text);
  broadsheet_story_add_block (story, block);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  g_clear_object (&block);

  /* Plain items, an item with a span and one that a string would lose. */
  block = broadsheet_block_new (BROADSHEET_BLOCK_LIST);
  broadsheet_block_set_label (block, "What else we know:");
  text = rich_text ("Season tickets keep their price.");
  broadsheet_block_add_item (block, text);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  text = rich_text ("Under-16s still travel free.");
  add_span (text, 23, 4, BROADSHEET_SPAN_BOLD, NULL);
  broadsheet_block_add_item (block, text);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  text = rich_text ("  indented, as written ");
  broadsheet_block_add_item (block, text);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  broadsheet_story_add_block (story, block);
  g_clear_object (&block);

  text = rich_text ("You can finally hear the water again.");
  add_span (text, 8, 7, BROADSHEET_SPAN_BOLD, NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_QUOTE);
  broadsheet_block_set_text (block, text);
  broadsheet_block_set_attribution (block, "Idris Penhale, ferry skipper");
  broadsheet_story_add_block (story, block);
  g_clear_pointer (&text, broadsheet_rich_text_unref);
  g_clear_object (&block);

  block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
  broadsheet_block_set_label (block, "Explainer");
  broadsheet_block_set_title (block, "Five years of ferry fares");
  broadsheet_block_set_url (block, "https://example.org/news/fares-chart");
  broadsheet_story_add_block (story, block);
  g_clear_object (&block);

  block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
  broadsheet_block_set_title (block, "Without a label");
  broadsheet_block_set_url (block, "https://example.org/news/other");
  broadsheet_story_add_block (story, block);
  g_clear_object (&block);

  picture = g_object_new (BROADSHEET_TYPE_PHOTO,
                          "url", "https://example.org/photos/ticket-office.jpg",
                          "caption", "The ticket office.",
                          "credit", "Photo: Example Harbour News",
                          "alt-text", "A small blue wooden hut.",
                          "width", 1200,
                          "height", 800,
                          NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_IMAGE);
  broadsheet_block_set_photo (block, picture);
  broadsheet_story_add_block (story, block);
  g_clear_object (&block);

  /* A picture we refused to load keeps its caption and alt text. */
  caption_only = g_object_new (BROADSHEET_TYPE_PHOTO,
                               "caption", "A picture that was not loaded.",
                               "alt-text", "Nothing to see.",
                               NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_IMAGE);
  broadsheet_block_set_photo (block, caption_only);
  broadsheet_story_add_block (story, block);
  g_clear_object (&block);

  return story;
}

static void
test_every_field (void)
{
  g_autoptr(BroadsheetStory) story = build_complete_story ();
  g_autoptr(BroadsheetStory) read_back = NULL;
  g_autoptr(JsonNode) node = broadsheet_story_json_write_story (story);
  JsonObject *object = json_node_get_object (node);
  BroadsheetPhoto *photo;
  BroadsheetBlock *block;
  BroadsheetRichText *text;
  const BroadsheetSpan *span;
  g_autofree char *published = NULL;
  g_autofree char *updated = NULL;

  /* User state is stored apart from the story. */
  g_assert_false (json_object_has_member (object, "read"));
  g_assert_false (json_object_has_member (object, "saved"));
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==,
                   "2026-11-27T08:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "updated"), ==,
                   "2026-11-27T09:05:07.250000Z");

  read_back = round_trip (story, NULL);
  g_assert_true (broadsheet_story_equal (story, read_back));

  /* Field by field, so that nothing depends on what broadsheet_story_equal() compares. */
  g_assert_cmpstr (broadsheet_story_get_id (read_back), ==, "ferry-fares-2026");
  g_assert_cmpstr (broadsheet_story_get_headline (read_back), ==, "Ferry fares rise");
  g_assert_cmpstr (broadsheet_story_get_url (read_back), ==,
                   "https://example.org/news/ferry-fares");
  g_assert_cmpstr (broadsheet_story_get_kicker (read_back), ==, "Transport");
  g_assert_cmpstr (broadsheet_story_get_summary (read_back), ==,
                   "A single crossing will cost £2.80.");
  g_assert_cmpstr (broadsheet_story_get_language (read_back), ==, "en-GB");
  published = g_date_time_format_iso8601 (broadsheet_story_get_published (read_back));
  g_assert_cmpstr (published, ==, "2026-11-27T08:30:00+01");
  updated = g_date_time_format_iso8601 (broadsheet_story_get_updated (read_back));
  g_assert_cmpstr (updated, ==, "2026-11-27T09:05:07.250000Z");
  g_assert_cmpstrv (broadsheet_story_get_authors (read_back),
                    ((const char * const[]) { "Tamsin Rowe", "Noor Abbasi", NULL }));
  g_assert_cmpstrv (broadsheet_story_get_topics (read_back),
                    ((const char * const[]) { "Transport", "Harbour", NULL }));
  g_assert_false (broadsheet_story_get_read (read_back));
  g_assert_false (broadsheet_story_get_saved (read_back));

  photo = broadsheet_story_get_lead_photo (read_back);
  g_assert_nonnull (photo);
  g_assert_cmpstr (broadsheet_photo_get_url (photo), ==, "https://example.org/photos/ferry.jpg");
  g_assert_cmpstr (broadsheet_photo_get_caption (photo), ==, "The morning ferry.");
  g_assert_cmpstr (broadsheet_photo_get_credit (photo), ==, "Photo: A. Photographer");
  g_assert_cmpstr (broadsheet_photo_get_alt_text (photo), ==, "A white ferry with a red funnel.");
  g_assert_cmpint (broadsheet_photo_get_width (photo), ==, 1600);
  g_assert_cmpint (broadsheet_photo_get_height (photo), ==, 1000);

  g_assert_cmpuint (broadsheet_story_get_n_blocks (read_back), ==, 8);

  block = broadsheet_story_get_block (read_back, 0);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_PARAGRAPH);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "Why it matters:");
  text = broadsheet_block_get_text (block);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (text), ==, 5);
  span = broadsheet_rich_text_get_span (text, 1);
  g_assert_cmpuint (span->offset, ==, 30);
  g_assert_cmpuint (span->length, ==, 13);
  g_assert_cmpint (span->style, ==, BROADSHEET_SPAN_LINK);
  g_assert_cmpstr (span->url, ==, "https://example.org/news/timetable");
  span = broadsheet_rich_text_get_span (text, 4);
  g_assert_cmpstr (span->url, ==, "mailto:desk@example.org");
  span = broadsheet_rich_text_get_span (text, 3);
  g_assert_cmpint (span->style, ==, BROADSHEET_SPAN_CODE);
  g_assert_null (span->url);

  block = broadsheet_story_get_block (read_back, 1);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_HEADING);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_text (block)), ==, 1);

  block = broadsheet_story_get_block (read_back, 2);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_LIST);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "What else we know:");
  g_assert_false (broadsheet_block_get_ordered (block));
  g_assert_cmpuint (broadsheet_block_get_n_items (block), ==, 3);
  g_assert_cmpuint (broadsheet_block_get_item_depth (block, 1), ==, 0);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_item (block, 1)), ==, 1);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_item (block, 2)), ==,
                   "  indented, as written ");

  block = broadsheet_story_get_block (read_back, 3);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_QUOTE);
  g_assert_cmpstr (broadsheet_block_get_attribution (block), ==, "Idris Penhale, ferry skipper");
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_text (block)), ==, 1);

  block = broadsheet_story_get_block (read_back, 4);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_GO_DEEPER);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "Explainer");
  g_assert_cmpstr (broadsheet_block_get_title (block), ==, "Five years of ferry fares");
  g_assert_cmpstr (broadsheet_block_get_url (block), ==, "https://example.org/news/fares-chart");
  g_assert_null (broadsheet_block_get_label (broadsheet_story_get_block (read_back, 5)));

  block = broadsheet_story_get_block (read_back, 6);
  g_assert_cmpint (broadsheet_block_get_kind (block), ==, BROADSHEET_BLOCK_IMAGE);
  photo = broadsheet_block_get_photo (block);
  g_assert_cmpstr (broadsheet_photo_get_alt_text (photo), ==, "A small blue wooden hut.");
  g_assert_cmpstr (broadsheet_photo_get_credit (photo), ==, "Photo: Example Harbour News");
  g_assert_cmpint (broadsheet_photo_get_width (photo), ==, 1200);
  g_assert_cmpint (broadsheet_photo_get_height (photo), ==, 800);

  photo = broadsheet_block_get_photo (broadsheet_story_get_block (read_back, 7));
  g_assert_null (broadsheet_photo_get_url (photo));
  g_assert_cmpstr (broadsheet_photo_get_caption (photo), ==, "A picture that was not loaded.");
  g_assert_cmpint (broadsheet_photo_get_width (photo), ==, 0);
}

/* A story with only the required fields writes only those. */
static void
test_minimal (void)
{
  g_autoptr(BroadsheetStory) story = broadsheet_story_new ("42", "Night market moves indoors");
  g_autofree char *json = broadsheet_story_json_write_story_string (story);
  g_autoptr(BroadsheetStory) read_back = NULL;

  g_assert_cmpstr (json, ==, "{\"id\":\"42\",\"headline\":\"Night market moves indoors\"}");
  read_back = round_trip (story, NULL);
  g_assert_null (broadsheet_story_get_url (read_back));
  g_assert_null (broadsheet_story_get_language (read_back));
  g_assert_null (broadsheet_story_get_published (read_back));
  g_assert_null (broadsheet_story_get_authors (read_back));
  g_assert_null (broadsheet_story_get_lead_photo (read_back));
  g_assert_cmpuint (broadsheet_story_get_n_blocks (read_back), ==, 0);

  /* A number as id reads as its decimal string, as in a feed. */
  g_clear_object (&read_back);
  read_back = read_story ("{\"id\": 42, \"headline\": \"Night market moves indoors\"}", NULL);
  g_assert_true (broadsheet_story_equal (story, read_back));
}

/* Story JSON says white space around a string is not significant, so a
 * field held with it comes back stripped. Feed readers strip these fields, so
 * stories from feeds never have it; texts, which spans count in, keep it.
 */
static void
test_surrounding_space (void)
{
  const char *authors[] = { " Tamsin Rowe", NULL };
  g_autoptr(BroadsheetStory) story = g_object_new (BROADSHEET_TYPE_STORY,
                                                   "id", " a ",
                                                   "headline", "Ferry fares rise\n",
                                                   "kicker", "\tTransport",
                                                   "authors", authors,
                                                   NULL);
  g_autofree char *json = broadsheet_story_json_write_story_string (story);
  g_autoptr(BroadsheetStory) read_back = read_story (json, NULL);

  g_assert_cmpstr (broadsheet_story_get_id (read_back), ==, "a");
  g_assert_cmpstr (broadsheet_story_get_headline (read_back), ==, "Ferry fares rise");
  g_assert_cmpstr (broadsheet_story_get_kicker (read_back), ==, "Transport");
  g_assert_cmpstr (broadsheet_story_get_authors (read_back)[0], ==, "Tamsin Rowe");
}

/* Dates ---------------------------------------------------------------- */

static void
test_dates (void)
{
  static const struct
  {
    const char *zone;  /* NULL for UTC. */
    int         year;
    double      seconds;
    const char *expected;
  } dates[] = {
    { NULL, 2026, 0, "2026-11-27T07:30:00Z" },
    { NULL, 2026, 1.25, "2026-11-27T07:30:01.250000Z" },
    { "+01:00", 2026, 0, "2026-11-27T07:30:00+01:00" },
    { "+05:30", 2026, 0, "2026-11-27T07:30:00+05:30" },
    { "-03:00", 2026, 59.5, "2026-11-27T07:30:59.500000-03:00" },
    { "+14:00", 2026, 0, "2026-11-27T07:30:00+14:00" },
    { "-09:30", 1999, 0, "1999-11-27T07:30:00-09:30" },
    { NULL, 987, 0, "0987-11-27T07:30:00Z" },
  };
  g_autoptr(GRegex) rfc3339 =
    g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                 "(Z|[+-][0-9]{2}:[0-9]{2})$", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GTimeZone) zone = dates[i].zone != NULL ? g_time_zone_new_identifier (dates[i].zone)
                                                        : g_time_zone_new_utc ();
      g_autoptr(GDateTime) published = g_date_time_new (zone, dates[i].year, 11, 27, 7, 30,
                                                        dates[i].seconds);
      g_autoptr(BroadsheetStory) story = g_object_new (BROADSHEET_TYPE_STORY,
                                                       "id", "a",
                                                       "headline", "h",
                                                       "published", published,
                                                       "updated", published,
                                                       NULL);
      g_autoptr(JsonNode) node = broadsheet_story_json_write_story (story);
      JsonObject *object = json_node_get_object (node);
      const char *written = json_object_get_string_member (object, "published");
      g_autoptr(BroadsheetStory) read_back = NULL;

      g_assert_nonnull (zone);
      g_assert_cmpstr (written, ==, dates[i].expected);
      g_assert_true (g_regex_match (rfc3339, written, 0, NULL));
      read_back = round_trip (story, NULL);
    }

  /* An offset in seconds (local mean time in old zone data) has no RFC 3339
   * form: the instant is kept, in UTC.
   */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600 + 30);
    g_autoptr(GDateTime) published = g_date_time_new (zone, 1900, 1, 1, 12, 0, 0);
    g_autoptr(BroadsheetStory) story = g_object_new (BROADSHEET_TYPE_STORY, "id", "a",
                                                     "headline", "h", "published", published,
                                                     NULL);
    g_autofree char *json = broadsheet_story_json_write_story_string (story);
    g_autoptr(BroadsheetStory) read_back = read_story (json, NULL);

    g_assert_nonnull (strstr (json, "\"1900-01-01T10:59:30Z\""));
    g_assert_true (broadsheet_story_equal (story, read_back));
  }
}

/* Offsets, right-to-left text, markup ----------------------------------- */

/* Spans count code points, in story JSON as in the model: an emoji is one,
 * though it is two UTF-16 units and four UTF-8 bytes.
 */
static void
test_non_bmp_offsets (void)
{
  g_autoptr(BroadsheetStory) story = broadsheet_story_new ("emoji", "🚢 Ferries 𝄞");
  g_autoptr(BroadsheetRichText) text = rich_text ("🚢🚢 bold 😀 link 👩‍👩‍👧 end");
  g_autoptr(BroadsheetBlock) block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
  g_autoptr(BroadsheetStory) read_back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *markup = NULL;
  JsonArray *body;
  JsonArray *spans;
  JsonObject *span;

  add_span (text, 3, 4, BROADSHEET_SPAN_BOLD, NULL);
  add_span (text, 10, 4, BROADSHEET_SPAN_LINK, "https://example.org/");
  /* The family emoji is five code points joined: woman, ZWJ, woman, ZWJ, girl. */
  add_span (text, 15, 9, BROADSHEET_SPAN_ITALIC, NULL);
  broadsheet_block_set_text (block, text);
  broadsheet_story_add_block (story, block);

  node = broadsheet_story_json_write_story (story);
  body = json_object_get_array_member (json_node_get_object (node), "body");
  spans = json_object_get_array_member (json_array_get_object_element (body, 0), "spans");
  span = json_array_get_object_element (spans, 1);
  g_assert_cmpint (json_object_get_int_member (span, "offset"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (span, "length"), ==, 4);
  span = json_array_get_object_element (spans, 2);
  g_assert_cmpint (json_object_get_int_member (span, "offset"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (span, "length"), ==, 9);

  read_back = round_trip (story, NULL);
  markup = broadsheet_rich_text_to_markup (text_at (read_back, 0));
  g_assert_cmpstr (markup, ==,
                   "🚢🚢 <b>bold</b> 😀 <a href=\"https://example.org/\">link</a> <i>👩‍👩‍👧 end</i>");
}

/* The worked example of docs/story-json.md reads as the document says. */
static void
test_documented_offsets (void)
{
  static const char json[] =
    "{\"id\": \"a\", \"headline\": \"h\", \"body\": [{\"type\": \"paragraph\","
    " \"text\": \"Fares rise to £2.80 — see the new timetable 🚢 for details.\","
    " \"spans\": [{\"offset\": 22, \"length\": 21, \"style\": \"bold\"},"
    "  {\"offset\": 30, \"length\": 13, \"style\": \"link\","
    "   \"url\": \"https://example.com/news/timetable\"},"
    "  {\"offset\": 46, \"length\": 11, \"style\": \"italic\"}]}]}";
  g_autoptr(BroadsheetStory) story = read_story (json, NULL);
  g_autoptr(BroadsheetStory) read_back = round_trip (story, NULL);
  g_autofree char *markup = broadsheet_rich_text_to_markup (text_at (read_back, 0));

  g_assert_cmpstr (markup, ==,
                   "Fares rise to £2.80 — <b>see the "
                   "<a href=\"https://example.com/news/timetable\">new timetable</a></b> "
                   "🚢 <i>for details</i>.");
}

static void
test_right_to_left (void)
{
  g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 ("2026-11-27T10:30:00+03:00",
                                                                 NULL);
  const char *authors[] = { "نور عباسي", NULL };
  const char *topics[] = { "النقل", "الميناء", NULL };
  g_autoptr(BroadsheetStory) story =
    g_object_new (BROADSHEET_TYPE_STORY,
                  "id", "ar-1",
                  "headline", "ارتفاع أسعار العبّارات لأول مرة منذ خمس سنوات",
                  "kicker", "النقل",
                  "summary", "ستكلف الرحلة الواحدة ٢٫٨٠ جنيه اعتبارًا من يناير.",
                  "language", "ar",
                  "published", published,
                  "authors", authors,
                  "topics", topics,
                  NULL);
  g_autoptr(BroadsheetRichText) text = rich_text ("قال الربان 🚢 إن الأسعار سترتفع في يناير.");
  g_autoptr(BroadsheetRichText) item = rich_text ("التذاكر الموسمية بلا تغيير");
  g_autoptr(BroadsheetBlock) paragraph = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
  g_autoptr(BroadsheetBlock) list = broadsheet_block_new (BROADSHEET_BLOCK_LIST);
  g_autoptr(BroadsheetBlock) quote = broadsheet_block_new (BROADSHEET_BLOCK_QUOTE);
  g_autoptr(BroadsheetStory) read_back = NULL;
  const BroadsheetSpan *span;

  /* "الأسعار" comes after the emoji: offset 16, length 7. */
  add_span (text, 16, 7, BROADSHEET_SPAN_BOLD, NULL);
  add_span (text, 0, 3, BROADSHEET_SPAN_LINK, "https://example.org/ar/");
  broadsheet_block_set_label (paragraph, "لماذا يهم:");
  broadsheet_block_set_text (paragraph, text);
  broadsheet_story_add_block (story, paragraph);
  add_span (item, 8, 8, BROADSHEET_SPAN_ITALIC, NULL);
  broadsheet_block_add_item (list, item);
  broadsheet_story_add_block (story, list);
  broadsheet_block_set_text (quote, text);
  broadsheet_block_set_attribution (quote, "إدريس، ربان العبّارة");
  broadsheet_story_add_block (story, quote);

  read_back = round_trip (story, NULL);
  g_assert_cmpstr (broadsheet_story_get_language (read_back), ==, "ar");
  span = broadsheet_rich_text_get_span (text_at (read_back, 0), 0);
  g_assert_cmpuint (span->offset, ==, 16);
  g_assert_true (g_str_has_prefix (
    g_utf8_offset_to_pointer (broadsheet_rich_text_get_text (text_at (read_back, 0)), span->offset),
    "الأسعار"));
}

static void
test_markup_stays_text (void)
{
  static const char json[] =
    "{\"id\": \"<b>id</b>\", \"headline\": \"<b>Bold</b> &amp; <script>alert(1)</script>\","
    " \"kicker\": \"<i>\", \"summary\": \"&lt;not an entity&gt; **not markdown**\","
    " \"authors\": [\"<a href='x'>A</a>\"], \"topics\": [\"&nbsp;\"],"
    " \"lead_photo\": {\"url\": \"https://example.org/a.jpg\","
    "   \"caption\": \"<img src=x onerror=y>\","
    "   \"credit\": \"</span>\", \"alt\": \"\\\"quoted\\\" & <tagged>\"},"
    " \"body\": ["
    "  {\"type\": \"paragraph\", \"label\": \"<b>Why:</b>\", \"text\": \"Use <b> for bold & <i>.\","
    "   \"spans\": [{\"offset\": 4, \"length\": 3, \"style\": \"code\"}]},"
    "  {\"type\": \"list\", \"items\": [\"<li>one</li>\", {\"text\": \"&amp;\"}]},"
    "  {\"type\": \"quote\", \"text\": \"<q>\", \"attribution\": \"<cite>\"},"
    "  {\"type\": \"go_deeper\", \"label\": \"<u>\", \"title\": \"</a><a href='javascript:x'>\","
    "   \"url\": \"https://example.org/\"}]}";
  g_autoptr(BroadsheetStory) story = read_story (json, NULL);
  g_autoptr(BroadsheetStory) read_back = round_trip (story, NULL);
  BroadsheetBlock *block;
  BroadsheetPhoto *photo;
  g_autofree char *markup = NULL;

  g_assert_cmpstr (broadsheet_story_get_id (read_back), ==, "<b>id</b>");
  g_assert_cmpstr (broadsheet_story_get_headline (read_back), ==,
                   "<b>Bold</b> &amp; <script>alert(1)</script>");
  g_assert_cmpstr (broadsheet_story_get_kicker (read_back), ==, "<i>");
  g_assert_cmpstr (broadsheet_story_get_summary (read_back), ==,
                   "&lt;not an entity&gt; **not markdown**");
  g_assert_cmpstr (broadsheet_story_get_authors (read_back)[0], ==, "<a href='x'>A</a>");
  g_assert_cmpstr (broadsheet_story_get_topics (read_back)[0], ==, "&nbsp;");
  photo = broadsheet_story_get_lead_photo (read_back);
  g_assert_cmpstr (broadsheet_photo_get_caption (photo), ==, "<img src=x onerror=y>");
  g_assert_cmpstr (broadsheet_photo_get_credit (photo), ==, "</span>");
  g_assert_cmpstr (broadsheet_photo_get_alt_text (photo), ==, "\"quoted\" & <tagged>");

  block = block_at (read_back, 0);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "<b>Why:</b>");
  markup = broadsheet_rich_text_to_markup (broadsheet_block_get_text (block));
  g_assert_cmpstr (markup, ==, "Use <tt>&lt;b&gt;</tt> for bold &amp; &lt;i&gt;.");
  block = block_at (read_back, 1);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_item (block, 0)), ==,
                   "<li>one</li>");
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_item (block, 1)), ==,
                   "&amp;");
  block = block_at (read_back, 2);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_text (block)), ==, "<q>");
  g_assert_cmpstr (broadsheet_block_get_attribution (block), ==, "<cite>");
  block = block_at (read_back, 3);
  g_assert_cmpstr (broadsheet_block_get_label (block), ==, "<u>");
  g_assert_cmpstr (broadsheet_block_get_title (block), ==, "</a><a href='javascript:x'>");
}

/* Blocks from HTML ------------------------------------------------------ */

/* HTML bodies give preformatted blocks, rules, numbered and nested lists;
 * the format's "preformatted" and "rule" blocks and list "ordered" and item
 * "depth" members keep them.
 */
static void
test_html_blocks (void)
{
  g_autoptr(BroadsheetStory) story = broadsheet_story_new ("html", "From HTML");
  g_autoptr(BroadsheetRichText) code = rich_text ("  int x;\n  return x;\n");
  g_autoptr(BroadsheetRichText) outer = rich_text ("Outer");
  g_autoptr(BroadsheetRichText) inner = rich_text ("Inner");
  g_autoptr(BroadsheetBlock) pre = broadsheet_block_new (BROADSHEET_BLOCK_PREFORMATTED);
  g_autoptr(BroadsheetBlock) rule = broadsheet_block_new (BROADSHEET_BLOCK_RULE);
  g_autoptr(BroadsheetBlock) list = broadsheet_block_new (BROADSHEET_BLOCK_LIST);
  g_autoptr(BroadsheetStory) read_back = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *body;
  JsonObject *object;
  JsonArray *items;

  add_span (code, 2, 3, BROADSHEET_SPAN_BOLD, NULL);
  broadsheet_block_set_text (pre, code);
  broadsheet_story_add_block (story, pre);
  broadsheet_story_add_block (story, rule);
  broadsheet_block_set_ordered (list, TRUE);
  broadsheet_block_add_item (list, outer);
  broadsheet_block_add_nested_item (list, inner, 2);
  broadsheet_story_add_block (story, list);

  node = broadsheet_story_json_write_story (story);
  body = json_object_get_array_member (json_node_get_object (node), "body");
  g_assert_cmpuint (json_array_get_length (body), ==, 3);

  object = json_array_get_object_element (body, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "preformatted");
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "  int x;\n  return x;\n");

  object = json_array_get_object_element (body, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "rule");

  object = json_array_get_object_element (body, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "list");
  g_assert_true (json_object_get_boolean_member (object, "ordered"));
  items = json_object_get_array_member (object, "items");
  g_assert_cmpstr (json_array_get_string_element (items, 0), ==, "Outer");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "depth"), ==, 2);

  read_back = round_trip (story, NULL);
  g_assert_true (broadsheet_story_equal (story, read_back));
  g_assert_cmpint (broadsheet_block_get_kind (broadsheet_story_get_block (read_back, 0)), ==,
                   BROADSHEET_BLOCK_PREFORMATTED);
  g_assert_cmpint (broadsheet_block_get_kind (broadsheet_story_get_block (read_back, 1)), ==,
                   BROADSHEET_BLOCK_RULE);
  g_assert_true (broadsheet_block_get_ordered (broadsheet_story_get_block (read_back, 2)));
  g_assert_cmpuint (broadsheet_block_get_item_depth (broadsheet_story_get_block (read_back, 2), 1), ==, 2);
}

/* Base URI --------------------------------------------------------------- */

static void
test_base_uri (void)
{
  static const char json[] =
    "{\"id\": \"a\", \"headline\": \"h\", \"url\": \"stories/a\","
    " \"lead_photo\": {\"url\": \"photos/a.jpg\", \"width\": 10, \"height\": 5},"
    " \"body\": [{\"type\": \"paragraph\", \"text\": \"A link.\","
    "   \"spans\": [{\"offset\": 2, \"length\": 4, \"style\": \"link\", \"url\": \"../b\"}]},"
    "  {\"type\": \"go_deeper\", \"title\": \"t\", \"url\": \"/c\"}]}";
  g_autoptr(BroadsheetStory) story = read_story (json, REMOTE_BASE);
  g_autoptr(BroadsheetStory) in_feed = read_in_feed (json, REMOTE_BASE);
  g_autoptr(BroadsheetStory) without_base = read_story (json, NULL);
  g_autoptr(BroadsheetFeedDocument) sample = parse_sample (SAMPLE_URI);
  GPtrArray *sample_stories = broadsheet_feed_document_get_stories (sample);
  BroadsheetStory *with_photo = NULL;
  BroadsheetPhoto *photo;
  g_autofree char *sample_json = NULL;
  g_autoptr(BroadsheetStory) sample_without_base = NULL;

  /* Relative links resolve as in a feed, */
  assert_same_story (in_feed, story);
  g_assert_cmpstr (broadsheet_story_get_url (story), ==, "https://example.org/news/stories/a");
  g_assert_cmpstr (broadsheet_photo_get_url (broadsheet_story_get_lead_photo (story)), ==,
                   "https://example.org/news/photos/a.jpg");
  g_assert_cmpstr (broadsheet_rich_text_get_span (broadsheet_block_get_text (
                     broadsheet_story_get_block (story, 0)), 0)->url, ==, "https://example.org/b");
  g_assert_cmpstr (broadsheet_block_get_url (broadsheet_story_get_block (story, 1)), ==,
                   "https://example.org/c");

  /* and without a base they are not links, as in a feed read without one. */
  g_assert_null (broadsheet_story_get_url (without_base));
  g_assert_null (broadsheet_story_get_lead_photo (without_base));
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_text (
                      broadsheet_story_get_block (without_base, 0))), ==, 0);
  g_assert_cmpuint (broadsheet_story_get_n_blocks (without_base), ==, 1);

  /* A local picture is only kept with a base of its own scheme: saved
   * stories from a local feed must be read with the feed's URI.
   */
  for (guint i = 0; with_photo == NULL; i++)
    {
      BroadsheetStory *candidate = g_ptr_array_index (sample_stories, i);

      if (broadsheet_story_get_lead_photo (candidate) != NULL)
        with_photo = candidate;
    }
  sample_json = broadsheet_story_json_write_story_string (with_photo);
  sample_without_base = read_story (sample_json, NULL);
  photo = broadsheet_story_get_lead_photo (sample_without_base);
  g_assert_true (photo == NULL || broadsheet_photo_get_url (photo) == NULL);
  g_clear_object (&sample_without_base);
  sample_without_base = read_story (sample_json, REMOTE_BASE);
  photo = broadsheet_story_get_lead_photo (sample_without_base);
  g_assert_true (photo == NULL || broadsheet_photo_get_url (photo) == NULL);
}

/* Hostile input ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *json;
  gssize      length;
  int         code;
} BadStory;

#define INVALID_JSON BROADSHEET_FEED_ERROR_INVALID_JSON
#define NOT_A_STORY BROADSHEET_FEED_ERROR_NOT_A_FEED

static const BadStory bad_stories[] = {
  { "empty", "", -1, INVALID_JSON },
  { "whitespace", " \n\t ", -1, INVALID_JSON },
  { "open-brace", "{", -1, INVALID_JSON },
  { "truncated", "{\"id\":\"a\",\"headline\":\"Ferry fa", -1, INVALID_JSON },
  { "truncated-after-value", "{\"id\":\"a\",\"headline\":\"h\",", -1, INVALID_JSON },
  { "trailing-garbage", "{\"id\":\"a\",\"headline\":\"h\"} x", -1, INVALID_JSON },
  { "two-objects", "{\"id\":\"a\",\"headline\":\"h\"}{\"id\":\"b\",\"headline\":\"h\"}",
    -1, INVALID_JSON },
  { "single-quotes", "{'id':'a','headline':'h'}", -1, INVALID_JSON },
  { "comment", "{\"id\":\"a\", /* x */ \"headline\":\"h\"}", -1, INVALID_JSON },
  { "leading-zero", "{\"id\":01,\"headline\":\"h\"}", -1, INVALID_JSON },
  { "raw-newline", "{\"id\":\"a\",\"headline\":\"line\nbreak\"}", -1, INVALID_JSON },
  { "latin-1", "{\"id\":\"a\",\"headline\":\"Caf\xe9 opens\"}", -1, INVALID_JSON },
  { "overlong-utf8", "{\"id\":\"a\",\"headline\":\"\xc0\xaf\"}", -1, INVALID_JSON },
  { "truncated-utf8", "{\"id\":\"a\",\"headline\":\"\xf0\x9f\x9a\"}", -1, INVALID_JSON },
  { "lone-surrogate", "{\"id\":\"a\",\"headline\":\"\\ud83d\"}", -1, INVALID_JSON },
  { "embedded-nul", "{\"id\":\"a\",\0\"headline\":\"h\"}", 26, INVALID_JSON },
  { "html", "<p>Ferry fares rise</p>", -1, INVALID_JSON },
  { "array", "[{\"id\":\"a\",\"headline\":\"h\"}]", -1, NOT_A_STORY },
  { "string", "\"story\"", -1, NOT_A_STORY },
  { "number", "42", -1, NOT_A_STORY },
  { "null", "null", -1, NOT_A_STORY },
  { "empty-object", "{}", -1, NOT_A_STORY },
  { "a-whole-feed", "{\"format\":\"broadsheet-story-json\",\"version\":1,\"title\":\"t\","
    "\"stories\":[{\"id\":\"a\",\"headline\":\"h\"}]}", -1, NOT_A_STORY },
  { "no-id", "{\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "no-headline", "{\"id\":\"a\",\"summary\":\"s\"}", -1, NOT_A_STORY },
  { "blank-id", "{\"id\":\" \",\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "blank-headline", "{\"id\":\"a\",\"headline\":\" \\n\\t \"}", -1, NOT_A_STORY },
  { "null-id", "{\"id\":null,\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "fraction-id", "{\"id\":1.5,\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "boolean-id", "{\"id\":true,\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "object-id", "{\"id\":{\"a\":1},\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "array-id", "{\"id\":[\"a\"],\"headline\":\"h\"}", -1, NOT_A_STORY },
  { "number-headline", "{\"id\":\"a\",\"headline\":7}", -1, NOT_A_STORY },
  { "array-headline", "{\"id\":\"a\",\"headline\":[\"h\"]}", -1, NOT_A_STORY },
  { "object-headline", "{\"id\":\"a\",\"headline\":{\"text\":\"h\"}}", -1, NOT_A_STORY },
};

static void
test_bad_stories (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_stories); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetStory) story = NULL;

      story = broadsheet_story_json_read_story (bad_stories[i].json, bad_stories[i].length, NULL,
                                                &error);
      g_test_message ("%s: %s", bad_stories[i].name, error != NULL ? error->message : "no error");
      g_assert_null (story);
      g_assert_error (error, BROADSHEET_FEED_ERROR, bad_stories[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 5);
    }

  /* Without a place for the error, failing is just NULL. */
  g_assert_null (broadsheet_story_json_read_story ("[]", -1, NULL, NULL));
}

/* Every prefix of a written story fails cleanly, whatever byte it ends on. */
static void
test_every_truncation (void)
{
  g_autoptr(BroadsheetStory) story = build_complete_story ();
  g_autofree char *json = broadsheet_story_json_write_story_string (story);
  gsize length = strlen (json);

  for (gsize i = 0; i < length; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetStory) prefix = broadsheet_story_json_read_story (json, i, NULL, &error);

      g_assert_null (prefix);
      g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
    }
}

/* A member of the wrong type reads as missing, as in a feed; only a story
 * without a usable id or headline fails.
 */
static void
test_wrong_member_types (void)
{
  static const char json[] =
    "{\"id\": \"a\", \"headline\": \"h\", \"url\": 5, \"kicker\": [\"k\"], \"summary\": {},"
    " \"language\": true, \"published\": 1764230400, \"updated\": \"yesterday\","
    " \"authors\": \"A. Reporter\", \"topics\": [1, null, \"Kept\", \" \"], \"lead_photo\": [],"
    " \"body\": ["
    "  \"a string\", 7, null, [],"
    "  {\"type\": 5, \"text\": \"no type\"},"
    "  {\"type\": \"paragraph\", \"text\": 5},"
    "  {\"type\": \"paragraph\", \"text\": \"kept\", \"label\": 3, \"spans\": {\"offset\": 0}},"
    "  {\"type\": \"paragraph\", \"text\": \"spans\", \"spans\": [1, \"bold\", null,"
    "    {\"offset\": \"0\", \"length\": 1, \"style\": \"bold\"},"
    "    {\"offset\": 0, \"length\": 1.5, \"style\": \"bold\"},"
    "    {\"offset\": -1, \"length\": 2, \"style\": \"bold\"},"
    "    {\"offset\": 0, \"length\": 0, \"style\": \"bold\"},"
    "    {\"offset\": 0, \"length\": 99, \"style\": \"bold\"},"
    "    {\"offset\": 4294967295, \"length\": 4294967295, \"style\": \"bold\"},"
    "    {\"offset\": 9223372036854775807, \"length\": 1, \"style\": \"bold\"},"
    "    {\"offset\": 0, \"length\": 1, \"style\": \"underline\"},"
    "    {\"offset\": 0, \"length\": 1, \"style\": [\"bold\"]},"
    "    {\"offset\": 0, \"length\": 1, \"style\": \"link\", \"url\": 5},"
    "    {\"offset\": 0, \"length\": 1, \"style\": \"link\", \"url\": \"javascript:alert(1)\"},"
    "    {\"offset\": 1, \"length\": 2, \"style\": \"italic\"}]},"
    "  {\"type\": \"list\", \"items\": \"not a list\"},"
    "  {\"type\": \"list\", \"items\": [5, null, \" \", {\"text\": 3}, [\"x\"], \"kept\"]},"
    "  {\"type\": \"quote\", \"text\": \"q\", \"attribution\": 5},"
    "  {\"type\": \"go_deeper\", \"title\": 5, \"url\": \"https://example.org/\"},"
    "  {\"type\": \"go_deeper\", \"title\": \"t\", \"url\": \"data:text/html,x\"},"
    "  {\"type\": \"image\", \"url\": 5},"
    "  {\"type\": \"image\", \"url\": \"https://example.org/a.jpg\","
    "   \"width\": \"10\", \"height\": 5},"
    "  {\"type\": \"image\", \"url\": \"https://example.org/b.jpg\", \"width\": 10, \"height\": -5}"
    " ]}";
  g_autoptr(BroadsheetStory) story = read_story (json, NULL);
  g_autoptr(BroadsheetStory) read_back = NULL;
  BroadsheetBlock *block;
  const BroadsheetSpan *span;

  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "a");
  g_assert_null (broadsheet_story_get_url (story));
  g_assert_null (broadsheet_story_get_kicker (story));
  g_assert_null (broadsheet_story_get_summary (story));
  g_assert_null (broadsheet_story_get_language (story));
  g_assert_null (broadsheet_story_get_published (story));
  g_assert_null (broadsheet_story_get_updated (story));
  g_assert_null (broadsheet_story_get_authors (story));
  g_assert_cmpstrv (broadsheet_story_get_topics (story), ((const char * const[]) { "Kept", NULL }));
  g_assert_null (broadsheet_story_get_lead_photo (story));

  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 6);
  block = broadsheet_story_get_block (story, 0);
  g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_text (block)), ==, "kept");
  g_assert_null (broadsheet_block_get_label (block));
  block = broadsheet_story_get_block (story, 1);
  g_assert_cmpuint (broadsheet_rich_text_get_n_spans (broadsheet_block_get_text (block)), ==, 1);
  span = broadsheet_rich_text_get_span (broadsheet_block_get_text (block), 0);
  g_assert_cmpint (span->style, ==, BROADSHEET_SPAN_ITALIC);
  block = broadsheet_story_get_block (story, 2);
  g_assert_cmpuint (broadsheet_block_get_n_items (block), ==, 1);
  g_assert_null (broadsheet_block_get_attribution (broadsheet_story_get_block (story, 3)));
  for (guint i = 4; i < 6; i++)
    {
      BroadsheetPhoto *photo = broadsheet_block_get_photo (broadsheet_story_get_block (story, i));

      g_assert_cmpint (broadsheet_photo_get_width (photo), ==, 0);
      g_assert_cmpint (broadsheet_photo_get_height (photo), ==, 0);
    }

  read_back = round_trip (story, NULL);
}

static void
test_deep_nesting (void)
{
  GString *json = g_string_new ("{\"id\": \"a\", \"headline\": \"h\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetStory) story = NULL;
  g_autofree char *text = NULL;

  /* json-glib 1.6 overflows its stack on this; the check refuses it first. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  text = g_string_free (json, FALSE);

  story = broadsheet_story_json_read_story (text, -1, NULL, &error);
  g_assert_null (story);
  g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
}

/* A long story is not corrupt: a few megabytes read back whole, and cut
 * anywhere they fail.
 */
static void
test_huge_strings (void)
{
  const gsize size = 4 * 1024 * 1024;
  GString *big = g_string_sized_new (size + 64);
  g_autoptr(BroadsheetStory) story = NULL;
  g_autoptr(BroadsheetRichText) text = NULL;
  g_autoptr(BroadsheetBlock) block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
  g_autoptr(BroadsheetStory) read_back = NULL;
  g_autofree char *big_text = NULL;
  g_autofree char *json = NULL;
  glong n_chars;

  while (big->len < size)
    g_string_append (big, "Ferry 🚢 fares \"rise\" <b>\\ ");
  g_string_append (big, "end.");
  big_text = g_string_free (big, FALSE);
  n_chars = g_utf8_strlen (big_text, -1);

  story = g_object_new (BROADSHEET_TYPE_STORY, "id", "big", "headline", big_text,
                        "summary", big_text, NULL);
  text = rich_text (big_text);
  add_span (text, n_chars - 10, 9, BROADSHEET_SPAN_BOLD, NULL);
  add_span (text, 6, n_chars - 20, BROADSHEET_SPAN_ITALIC, NULL);
  broadsheet_block_set_text (block, text);
  broadsheet_story_add_block (story, block);

  json = broadsheet_story_json_write_story_string (story);
  g_assert_cmpuint (strlen (json), >, 3 * size);
  read_back = round_trip (story, NULL);

  /* Cut in the middle of the long paragraph, and just before the end. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = i == 0 ? strlen (json) * 5 / 6 : strlen (json) - 1;
      g_autoptr(BroadsheetStory) cut = NULL;

      cut = broadsheet_story_json_read_story (json, length, NULL, &error);

      g_assert_null (cut);
      g_assert_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON);
    }

  /* Many members and blocks, not one long string. */
  {
    GString *many = g_string_new ("{\"id\":\"many\",\"headline\":\"h\",\"body\":[");
    g_autoptr(BroadsheetStory) many_story = NULL;
    g_autofree char *many_json = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_printf (many, "%s{\"type\":\"paragraph\",\"text\":\"%u\"}",
                              i > 0 ? "," : "", i);
    g_string_append (many, "]}");
    many_json = g_string_free (many, FALSE);
    many_story = read_story (many_json, NULL);
    g_assert_cmpuint (broadsheet_story_get_n_blocks (many_story), ==, 100000);
  }
}

/* Schema ----------------------------------------------------------------- */

static const char validate_script[] =
  "import json, sys\n"
  "try:\n"
  "    import jsonschema\n"
  "except ImportError:\n"
  "    sys.exit(77)\n"
  "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "document = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))\n"
  "for error in errors[:20]:\n"
  "    print('/'.join(map(str, error.absolute_path)), error.message[:200])\n"
  "print(len(errors), 'errors')\n"
  "sys.exit(1 if errors else 0)\n";

static void
append_stories (GString                *feed,
                BroadsheetFeedDocument *document)
{
  GPtrArray *stories = broadsheet_feed_document_get_stories (document);

  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);
      g_autofree char *json = broadsheet_story_json_write_story_string (story);

      if (feed->str[feed->len - 1] != '[')
        g_string_append_c (feed, ',');
      g_string_append (feed, json);
    }
}

/* Written stories validate against data/story-json.schema.json, when their
 * pictures are on the web (a local picture's file: or resource: URI is not a
 * URL a publisher may write).
 */
static void
test_schema (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                  "story-json.schema.json", NULL);
  g_autofree char *complete = g_test_build_filename (G_TEST_DIST, "data", "feeds",
                                                    "complete.json", NULL);
  g_autoptr(BroadsheetFeedDocument) sample = parse_sample (REMOTE_BASE);
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  g_autoptr(BroadsheetStory) built = build_complete_story ();
  g_autoptr(GPtrArray) json_feeds = list_json_files ("jsonfeed");
  g_autoptr(GString) feed = g_string_new ("{\"format\":\"broadsheet-story-json\",\"version\":1,"
                                          "\"title\":\"Written\",\"stories\":[");
  g_autoptr(GError) error = NULL;
  g_autofree char *built_json = NULL;
  const char *caption_only;
  g_autofree char *feed_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  int fd, status;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  append_stories (feed, sample);
  document = parse_path (complete, REMOTE_BASE, &error);
  g_assert_no_error (error);
  append_stories (feed, document);
  for (guint i = 0; i < json_feeds->len; i++)
    {
      g_autoptr(BroadsheetFeedDocument) json_feed =
        parse_path (g_ptr_array_index (json_feeds, i), REMOTE_BASE, NULL);

      if (json_feed != NULL)
        append_stories (feed, json_feed);
    }
  g_string_append_c (feed, ',');
  built_json = broadsheet_story_json_write_story_string (built);
  /* The caption-only picture has no URL, which the schema requires of a
   * publisher but the model allows; leave that block out here.
   */
  caption_only = strstr (built_json, ",{\"type\":\"image\",\"caption\"");
  g_assert_nonnull (caption_only);
  g_string_append_len (feed, built_json, caption_only - built_json);
  g_string_append (feed, "]}]}");

  fd = g_file_open_tmp ("story-json-writer-XXXXXX.json", &feed_path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (feed_path, feed->str, feed->len, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL,
                (char *[]) { python, "-c", (char *)validate_script, schema, feed_path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors, &status, &error);
  g_assert_no_error (error);
  g_unlink (feed_path);
  g_test_message ("%s%s", output, errors);

  if (!g_spawn_check_wait_status (status, &error) &&
      g_error_matches (error, G_SPAWN_EXIT_ERROR, 77))
    {
      g_test_skip ("python3-jsonschema is not installed");
      return;
    }
  g_assert_no_error (error);
}

/* Threads ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *texts;   /* Written stories. */
  GPtrArray *stories; /* The stories they were written from. */
} ThreadData;

static gpointer
read_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 10; round++)
    for (guint i = 0; i < data->texts->len; i++)
      {
        g_autoptr(GError) error = NULL;
        const char *text = g_ptr_array_index (data->texts, i);
        g_autoptr(BroadsheetStory) story =
          broadsheet_story_json_read_story (text, -1, SAMPLE_URI, &error);

        g_assert_no_error (error);
        g_assert_true (broadsheet_story_equal (story, g_ptr_array_index (data->stories, i)));
      }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(BroadsheetFeedDocument) document = parse_sample (SAMPLE_URI);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  ThreadData data = { texts, broadsheet_feed_document_get_stories (document) };
  GThread *threads[6];

  for (guint i = 0; i < data.stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (data.stories, i);

      g_ptr_array_add (texts, broadsheet_story_json_write_story_string (story));
    }

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story-json-writer/every-field", test_every_field);
  g_test_add_func ("/story-json-writer/minimal", test_minimal);
  g_test_add_func ("/story-json-writer/sample", test_sample);
  g_test_add_func ("/story-json-writer/feeds", test_feeds);
  g_test_add_func ("/story-json-writer/json-feeds", test_json_feeds);
  g_test_add_func ("/story-json-writer/surrounding-space", test_surrounding_space);
  g_test_add_func ("/story-json-writer/dates", test_dates);
  g_test_add_func ("/story-json-writer/non-bmp-offsets", test_non_bmp_offsets);
  g_test_add_func ("/story-json-writer/documented-offsets", test_documented_offsets);
  g_test_add_func ("/story-json-writer/right-to-left", test_right_to_left);
  g_test_add_func ("/story-json-writer/markup-stays-text", test_markup_stays_text);
  g_test_add_func ("/story-json-writer/html-blocks", test_html_blocks);
  g_test_add_func ("/story-json-writer/base-uri", test_base_uri);
  g_test_add_func ("/story-json-writer/bad-stories", test_bad_stories);
  g_test_add_func ("/story-json-writer/every-truncation", test_every_truncation);
  g_test_add_func ("/story-json-writer/wrong-member-types", test_wrong_member_types);
  g_test_add_func ("/story-json-writer/deep-nesting", test_deep_nesting);
  g_test_add_func ("/story-json-writer/huge-strings", test_huge_strings);
  g_test_add_func ("/story-json-writer/schema", test_schema);
  g_test_add_func ("/story-json-writer/threads", test_threads);

  return g_test_run ();
}
