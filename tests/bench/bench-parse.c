/* bench-parse.c: parse + model against a bare json-glib parse, and memory.
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-parse [N]           time, in one run and alternately, json-glib's bare
 *                             json_parser_load_from_data() and Broadsheet's whole
 *                             path (check, parse, read into stories, splice into a
 *                             GListStore) on the same N-story feeds (default 10,000),
 *                             in story JSON and in JSON Feed
 *   bench-parse --memory N    resident growth and peak while loading N stories
 *   bench-parse --profile N   Broadsheet's path only, three times, for perf record
 */

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>
#include <stdlib.h>

#include "bench-feed.h"
#include "bench-util.h"
#include "broadsheet-feed-parser.h"
#include "broadsheet-story.h"

#define ROUNDS 5

static double
time_bare (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 start = bench_now_us ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL))
    g_error ("json-glib refused the bench feed");
  return (bench_now_us () - start) / 1000.0;
}

typedef struct
{
  GListStore *store;
  GError     *error;
  gboolean    done;
} Load;

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(BroadsheetFeedDocument) document = broadsheet_feed_parser_parse_finish (result,
                                                                                   &load->error);

  if (document != NULL)
    {
      GPtrArray *stories = broadsheet_feed_document_get_stories (document);

      g_list_store_splice (load->store, 0, 0, stories->pdata, stories->len);
    }
  load->done = TRUE;
}

/* The app's path: parse on a worker thread, splice on this one. */
static GListStore *
load (GBytes *bytes)
{
  Load load = { g_list_store_new (BROADSHEET_TYPE_STORY), NULL, FALSE };

  broadsheet_feed_parser_parse_async (bytes, "https://example.org/feed.json", NULL,
                                      parsed_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  if (load.error != NULL)
    g_error ("Broadsheet refused the bench feed: %s", load.error->message);
  return load.store;
}

static double
time_ours (GBytes *bytes,
           guint   n_stories)
{
  gint64 start = bench_now_us ();
  g_autoptr(GListStore) store = load (bytes);
  double ms = (bench_now_us () - start) / 1000.0;

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != n_stories)
    g_error ("Expected %u stories, got %u", n_stories,
             g_list_model_get_n_items (G_LIST_MODEL (store)));
  return ms;
}

static void
compare (const char      *label,
         BenchFeedFormat  format,
         guint            n_stories)
{
  g_autoptr(GBytes) bytes = bench_feed_generate (format, n_stories, 8, "https://photos.example.org/");
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = NULL;

  /* Warm up both paths (page faults, type registration). */
  time_bare (bytes);
  time_ours (bytes, n_stories);

  for (guint i = 0; i < ROUNDS; i++)
    {
      double b, o, r;

      /* Broadsheet frees a parsed tree on its worker thread after handing
       * the stories over; let that finish before the next timing.
       */
      g_usleep (G_USEC_PER_SEC / 2);
      b = time_bare (bytes);
      g_usleep (G_USEC_PER_SEC / 2);
      o = time_ours (bytes, n_stories);
      r = o / b;

      g_array_append_val (bare, b);
      g_array_append_val (ours, o);
      g_array_append_val (ratios, r);
    }

  name = g_strdup_printf ("parse+model, %s, %u stories", label, n_stories);
  bench_report (name, "%.1f ms against json-glib %.1f ms (%.1f MB, median of %u alternate runs)",
                bench_median (ours), bench_median (bare), g_bytes_get_size (bytes) / 1e6, ROUNDS);
  g_free (name);
  name = g_strdup_printf ("parse+model / bare json-glib, %s", label);
  bench_target (name, bench_median (ratios), 1.3, "×");
}

/* What libxml2 alone takes to parse every item's content_html, the part
 * of a JSON Feed that json-glib leaves as one string: the floor under
 * Broadsheet's JSON Feed figure (on one core; Broadsheet uses all).
 */
static void
html_floor (guint n_stories)
{
  g_autoptr(GBytes) bytes = bench_feed_generate (BENCH_FEED_JSON_FEED, n_stories, 8,
                                                 "https://photos.example.org/");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) html = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *items;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL))
    g_error ("json-glib refused the bench feed");
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "items");

  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start = bench_now_us ();
      double ms;

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          const char *content = json_object_get_string_member (item, "content_html");
          htmlDocPtr doc = htmlReadMemory (content, (int) strlen (content), NULL, "UTF-8",
                                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                           HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);

          xmlFreeDoc (doc);
        }
      ms = (bench_now_us () - start) / 1000.0;
      g_array_append_val (html, ms);
      ms = time_bare (bytes);
      g_array_append_val (bare, ms);
    }

  bench_report ("libxml2 alone on every content_html",
                "%.1f ms on one core, %.2f× the bare json-glib parse (%.1f ms)",
                bench_median (html), bench_median (html) / bench_median (bare), bench_median (bare));
}

static void
memory (guint n_stories)
{
  g_autoptr(GBytes) bytes = bench_feed_generate (BENCH_FEED_STORY_JSON, n_stories, 8,
                                                 "https://photos.example.org/");
  g_autoptr(GListStore) store = NULL;
  double json_mb = g_bytes_get_size (bytes) / 1e6;
  gsize before, after, peak;

  /* Types, locale and the parser's tables are set up once in a process. */
  g_clear_object (&store);
  {
    g_autoptr(GBytes) small = bench_feed_generate (BENCH_FEED_STORY_JSON, 10, 1, NULL);
    g_autoptr(GListStore) warm = load (small);
  }

  bench_trim_heap ();
  before = bench_rss_bytes ();
  bench_reset_peak_rss ();
  store = load (bytes);
  /* The parsed tree is freed on a worker thread after the stories arrive. */
  g_usleep (2 * G_USEC_PER_SEC);
  bench_trim_heap ();
  after = bench_rss_bytes ();
  peak = bench_peak_rss_bytes ();

  bench_report ("memory, stories loaded", "%u stories, %.1f MB of story JSON", n_stories, json_mb);
  bench_report ("memory, resident growth", "%.1f MB", (after - before) / 1e6);
  bench_report ("memory, peak while loading", "%.1f MB above the start", (peak - before) / 1e6);
  bench_target ("resident growth / JSON size", (after - before) / 1e6 / json_mb, 1.5, "×");
  bench_target ("peak while loading / JSON size", (peak - before) / 1e6 / json_mb, 4.0, "×");
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--memory"))
    {
      memory ((guint) atoi (argv[2]));
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[1], "--profile"))
    {
      g_autoptr(GBytes) bytes = bench_feed_generate (BENCH_FEED_STORY_JSON, (guint) atoi (argv[2]),
                                                     8, "https://photos.example.org/");

      for (guint i = 0; i < 3; i++)
        time_ours (bytes, (guint) atoi (argv[2]));
      return 0;
    }

  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;

  compare ("story JSON", BENCH_FEED_STORY_JSON, n);
  compare ("JSON Feed", BENCH_FEED_JSON_FEED, n);
  html_floor (n);
  return 0;
}
