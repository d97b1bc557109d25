/* test-json-feed.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "broadsheet-feed-parser.h"

/* JSON Feed 1.0 and 1.1, on real feeds from public parser test suites
 * (data/jsonfeed/SOURCES.md) and on the broken ones (data/jsonfeed-invalid/).
 */

static BroadsheetFeedDocument *
parse (const char  *dir,
       const char  *name,
       GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
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

static const char *
block_text (BroadsheetStory *story,
            guint            index)
{
  BroadsheetRichText *text;

  g_assert_cmpuint (index, <, broadsheet_story_get_n_blocks (story));
  text = broadsheet_block_get_text (broadsheet_story_get_block (story, index));
  return text != NULL ? broadsheet_rich_text_get_text (text) : NULL;
}

typedef struct
{
  const char *name;
  guint       n_stories;
} Expected;

/* Item counts as the spec reads them: every item has a usable, unique id. */
static const Expected every_feed[] = {
  { "extractus-json-feed-miss-base-url.json", 2 },
  { "extractus-json-feed-standard-realworld.json", 10 },
  { "feedjira-json_feed_with_escaped_uris.json", 30 },
  { "feedkit-feed.json", 2 },
  { "feedparser-example.json", 2 },
  { "feedrs-jsonfeed_example_1.json", 2 },
  { "gofeed-version_json_10.json", 1 },
  { "gofeed-version_json_11.json", 1 },
  { "gofeed-version_json_11_deprecated_author.json", 1 },
  { "jsonfeednet-HyperCriticalBlog.json", 35 },
  { "jsonfeednet-JsonFeedBlog.json", 1 },
  { "jsonfeednet-MaybePizzaBlog.json", 10 },
  { "jsonfeednet-TheRecordPodcast.json", 11 },
  { "jsonfeednet-TimeTablePodcast.json", 45 },
  { "jsonfeednet-json_v1.1.json", 48 },
  { "rsparser-DaringFireball.json", 48 },
  { "rsparser-allthis.json", 12 },
  { "rsparser-authors.json", 4 },
  { "rsparser-curt.json", 26 },
  { "rsparser-inessential.json", 20 },
  { "rsparser-jsonfeed-extension.json", 3 },
  { "rsparser-pxlnv.json", 20 },
  { "rsparser-rose.json", 84 },
  { "spec-1-microblog.json", 1 },
  { "spec-1-podcast.json", 1 },
  { "spec-1-simple.json", 2 },
  { "spec-1.1-microblog.json", 1 },
  { "spec-1.1-podcast.json", 1 },
  { "spec-1.1-simple.json", 2 },
};

static void
test_every_feed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (every_feed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", every_feed[i].name, &error);
      GPtrArray *stories;

      g_test_message ("%s", every_feed[i].name);
      g_assert_no_error (error);
      stories = broadsheet_feed_document_get_stories (document);
      g_assert_cmpuint (stories->len, ==, every_feed[i].n_stories);
      g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 0);

      /* Every story has a headline to show, even a microblog post without a title. */
      for (guint j = 0; j < stories->len; j++)
        {
          const char *headline = broadsheet_story_get_headline (g_ptr_array_index (stories, j));

          g_assert_nonnull (headline);
          g_assert_cmpuint (strlen (headline), >, 0);
          g_assert_true (g_utf8_validate (headline, -1, NULL));
        }
    }
}

static void
test_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "spec-1.1-simple.json", &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  g_assert_cmpstr (broadsheet_feed_document_get_title (document), ==, "My Example Feed");
  g_assert_cmpstr (broadsheet_feed_document_get_home_page_url (document), ==, "https://example.org/");

  /* Text content becomes paragraphs; a title-less item takes its opening words. */
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "2");
  g_assert_cmpstr (broadsheet_story_get_url (story), ==, "https://example.org/second-item");
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==, "This is a second item.");
  g_assert_cmpstr (block_text (story, 0), ==, "This is a second item.");

  /* HTML content becomes native blocks. */
  story = story_at (document, 1);
  g_assert_cmpint (broadsheet_block_get_kind (broadsheet_story_get_block (story, 0)), ==,
                   BROADSHEET_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block_text (story, 0), ==, "Hello, world!");
}

static void
test_every_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "gofeed-version_json_11.json",
                                                      &error);
  BroadsheetStory *story;
  BroadsheetBlock *attachment;
  g_autofree char *published = NULL;
  guint n_blocks;

  g_assert_no_error (error);
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "id");
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==, "title");
  g_assert_cmpstr (broadsheet_story_get_summary (story), ==, "summary");
  g_assert_cmpstr (broadsheet_story_get_url (story), ==, "https://sample-json-feed.com/id");
  g_assert_cmpstr (broadsheet_story_get_authors (story)[0], ==, "author_name");
  g_assert_cmpstr (broadsheet_story_get_topics (story)[1], ==, "tag2");
  published = g_date_time_format_iso8601 (broadsheet_story_get_published (story));
  g_assert_true (g_str_has_prefix (published, "2019-10-12T07:20:50"));
  g_assert_cmpstr (broadsheet_photo_get_url (broadsheet_story_get_lead_photo (story)), ==,
                   "https://sample-json-feed.com/image.png");

  /* content_html wins over content_text, and attachments follow the body. */
  g_assert_cmpstr (block_text (story, 0), ==, "content_html");
  n_blocks = broadsheet_story_get_n_blocks (story);
  attachment = broadsheet_story_get_block (story, n_blocks - 1);
  g_assert_cmpint (broadsheet_block_get_kind (attachment), ==, BROADSHEET_BLOCK_GO_DEEPER);
  g_assert_cmpstr (broadsheet_block_get_label (attachment), ==, "Attachment:");
  g_assert_cmpstr (broadsheet_block_get_title (attachment), ==, "title (audio/mpeg, 100 bytes)");
  g_assert_cmpstr (broadsheet_block_get_url (attachment), ==, "https://sample-json-feed.com/attachment");
}

static void
test_real_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "rsparser-DaringFireball.json",
                                                      &error);
  BroadsheetStory *story;
  g_autofree char *published = NULL;

  g_assert_no_error (error);
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==,
                   "The Talk Show: ‘I Do Like Throwing a Baby’");
  g_assert_cmpstr (broadsheet_story_get_authors (story)[0], ==, "John Gruber");
  published = g_date_time_format_iso8601 (broadsheet_story_get_published (story));
  g_assert_cmpstr (published, ==, "2017-06-27T00:54:17Z");
  g_assert_cmpstr (broadsheet_story_get_url (story), ==,
                   "https://daringfireball.net/linked/2017/06/26/the-talk-show-195");
  /* Entities decode, and the body starts with its first paragraph. */
  g_assert_true (g_str_has_prefix (block_text (story, 0),
                                   "New episode of America’s favorite 3-star podcast"));
  g_assert_null (broadsheet_story_get_lead_photo (story));
}

static void
test_authors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "rsparser-authors.json", &error);

  g_assert_no_error (error);
  /* An item without authors takes the feed's; "authors" (1.1) wins over "author" (1.0). */
  g_assert_cmpstr (broadsheet_story_get_authors (story_at (document, 0))[0], ==, "Root Author 1");
  g_assert_cmpstr (broadsheet_story_get_authors (story_at (document, 1))[0], ==, "Legacy Item Author");
  g_assert_cmpstr (broadsheet_story_get_authors (story_at (document, 2))[1], ==, "Item Author 2");
  g_assert_cmpstr (broadsheet_story_get_authors (story_at (document, 3))[0], ==, "Item Author 1");
}

static void
test_script_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "feedparser-example.json", &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  story = story_at (document, 1);
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
  g_assert_cmpstr (block_text (story, 0), ==, "Hello, world!");

  /* An attachment without a title is named by its file, with type and size. */
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_block_get_title (broadsheet_story_get_block (story, 1)), ==,
                   "second-item-show.mp4 (video/mp4, 12.0\u00a0MB)");
}

static void
test_microblog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed", "spec-1-microblog.json", &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_headline (story), ==, "Cats are neat.");
  g_assert_cmpstr (broadsheet_story_get_authors (story)[0], ==, "Brent Simmons");
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 2);
}

typedef struct
{
  const char *json;
  guint       n_stories;
  guint       n_skipped;
} Lenient;

static void
test_lenient (void)
{
  static const char feed[] =
    "{ \"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": ["
    "  { \"id\": 7, \"title\": \"Numeric id\", \"date_published\": \"last Tuesday\","
    "    \"_custom\": { \"x\": 1 }, \"content_html\": \"<p><img src=\\\"/a.jpg\\\" alt=\\\"A\\\"></p><p>Text</p>\","
    "    \"url\": \"https://example.org/posts/7\" },"
    "  { \"title\": \"No id\" },"
    "  { \"id\": \"\", \"title\": \"Empty id\" },"
    "  { \"id\": \"7\", \"title\": \"Repeated id\" },"
    "  { \"id\": null, \"title\": \"Null id\" },"
    "  \"not an item\""
    "] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (feed, strlen (feed));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(BroadsheetFeedDocument) document = broadsheet_feed_parser_parse (bytes, NULL, &error);
  BroadsheetStory *story;

  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 1);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), ==, 5);

  story = story_at (document, 0);
  g_assert_cmpstr (broadsheet_story_get_id (story), ==, "7");
  /* An unreadable date is the time the feed was read. */
  g_assert_cmpint (g_date_time_compare (broadsheet_story_get_published (story), before), >=, 0);
  /* The opening picture leads the story, resolved against the item, and is not shown twice. */
  g_assert_cmpstr (broadsheet_photo_get_url (broadsheet_story_get_lead_photo (story)), ==,
                   "https://example.org/a.jpg");
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, 1);
  g_assert_cmpstr (block_text (story, 0), ==, "Text");
}

static void
test_invalid (void)
{
  static const char * const names[] = {
    "gofeed-invalid.json",
    "rsparser-allthis-partial.json",
    "rsparser-ScriptingNews.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed-invalid", names[i], &error);

      g_test_message ("%s: %s", names[i], error != NULL ? error->message : "");
      g_assert_null (document);
      g_assert_error (error, BROADSHEET_FEED_ERROR, (i < 2 ? BROADSHEET_FEED_ERROR_INVALID_JSON
                                                          : BROADSHEET_FEED_ERROR_NOT_A_FEED));
    }
}

static void
test_no_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFeedDocument) document = parse ("jsonfeed-invalid",
                                                      "feedrs-jsonfeed_elastic_1.1.json", &error);

  /* Items without ids are dropped and counted, as the spec says. */
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_feed_document_get_stories (document)->len, ==, 0);
  g_assert_cmpuint (broadsheet_feed_document_get_n_skipped (document), >, 0);
  g_assert_cmpstr (broadsheet_feed_document_get_skip_reasons (document)[0], ==, "Item 1 has no id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-feed/every-feed", test_every_feed);
  g_test_add_func ("/json-feed/simple", test_simple);
  g_test_add_func ("/json-feed/every-field", test_every_field);
  g_test_add_func ("/json-feed/real-feed", test_real_feed);
  g_test_add_func ("/json-feed/authors", test_authors);
  g_test_add_func ("/json-feed/script-dropped", test_script_dropped);
  g_test_add_func ("/json-feed/microblog", test_microblog);
  g_test_add_func ("/json-feed/lenient", test_lenient);
  g_test_add_func ("/json-feed/invalid", test_invalid);
  g_test_add_func ("/json-feed/no-ids", test_no_ids);

  return g_test_run ();
}
