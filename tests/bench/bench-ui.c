/* bench-ui.c: the real window under load, driven by real key events.
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-ui refresh     the longest main-loop stall while 10,000 stories load
 *                        from a file and then refresh
 *   bench-ui http        a fresh 10,000-story feed (story JSON, then JSON Feed)
 *                        from a SoupServer on 127.0.0.1: refresh to first and
 *                        to last headline, and the longest stall meanwhile
 *   bench-ui browse      key-to-detail latency of "j" over 1,000 presses in
 *                        a list of 100,000 stories, then search in them
 *   bench-ui photos      key-to-detail latency of "j" through 100 stories with
 *                        photos from the server against 100 without
 *
 * Each needs a display (the suite runs it under Xvfb). A key press is timed
 * from just before it is sent to the X server to the end of the first frame
 * painted with the story it leads to in the story pane.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <libsoup/soup.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "bench-feed.h"
#include "bench-util.h"
#include "broadsheet-paced-list-model.h"
#include "broadsheet-source.h"
#include "broadsheet-story-view.h"
#include "test-util.h"

static BroadsheetApplication *app;
static BroadsheetWindow *window;

/* --- painted frames ----------------------------------------------------- */

static guint n_paints;
static gint64 last_paint;

static void
after_paint_cb (GdkFrameClock *clock)
{
  n_paints++;
  last_paint = bench_now_us ();
}

/* Waits for the next frame painted after now; returns when it ended. */
static gint64
wait_for_paint (void)
{
  guint target = n_paints + 1;

  gtk_widget_queue_draw (GTK_WIDGET (window));
  TEST_WAIT_UNTIL (n_paints >= target);
  return last_paint;
}

/* --- main-loop stalls --------------------------------------------------- */

/* A 1 ms timeout at high priority: the longest gap between its runs is the
 * longest time the main loop was busy with something else.
 */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  n_over_16ms;
  guint  id;
} Stalls;

static gboolean
stall_tick_cb (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = bench_now_us ();
  gint64 gap = now - stalls->last;

  stalls->longest = MAX (stalls->longest, gap);
  if (gap > 17000)
    stalls->n_over_16ms++;
  stalls->last = now;
  return G_SOURCE_CONTINUE;
}

static void
stalls_start (Stalls *stalls)
{
  *stalls = (Stalls) { bench_now_us (), 0, 0, 0 };
  stalls->id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick_cb, stalls, NULL);
}

static void
stalls_stop (Stalls *stalls)
{
  stall_tick_cb (stalls);
  g_source_remove (stalls->id);
}

/* --- the app ------------------------------------------------------------ */

static GListModel *
shown_stories (void)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (test_window_child (window, "story_list"))));
}

static void
start_app (const char * const *feeds)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* NULL: the bundled feed, as on a first start. */
  if (feeds != NULL)
    g_settings_set_strv (settings, "feeds", feeds);
  g_settings_set_string (settings, "mark-read", "never");
  window = test_start_app (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  TEST_WAIT_UNTIL (test_sources_settled (window));
  wait_for_paint ();
}

static char *
file_uri (const char *path)
{
  return g_filename_to_uri (path, NULL, NULL);
}

/* --- refresh: stalls while 10,000 stories load ---------------------------- */

static void
bench_refresh (void)
{
  g_autofree char *path = bench_feed_path ("story-json", BENCH_FEED_STORY_JSON, 10000,
                                           "https://photos.example.org/");
  g_autofree char *uri = file_uri (path);
  const char *feeds[] = { uri, NULL };
  Stalls stalls;

  /* The first load happens as the window starts; time it from there. */
  start_app (feeds);
  /* The list takes big changes a few rows a frame. */
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown_stories ()) == 10000);

  stalls_start (&stalls);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  TEST_WAIT_UNTIL (!test_sources_settled (window));
  TEST_WAIT_UNTIL (test_sources_settled (window));
  wait_for_paint ();
  test_spin (500);
  stalls_stop (&stalls);

  bench_report ("refresh of 10,000 stories, longest stall", "%.1f ms (%u over 16 ms)",
                stalls.longest / 1000.0, stalls.n_over_16ms);
  bench_target ("refresh, longest main-loop stall", stalls.longest / 1000.0, 16, " ms");
}

/* --- a local HTTP server --------------------------------------------------- */

typedef struct
{
  GHashTable *files;   /* path → GBytes */
  GMainLoop  *loop;
  guint       port;
  GMutex      lock;
  GCond       ready;
} Server;

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  Server *server = data;
  GBytes *bytes = g_hash_table_lookup (server->files, path);

  if (bytes == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         g_str_has_suffix (path, ".jpg") ? "image/jpeg"
                                                                         : "application/json",
                                         NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), bytes);
}

/* The server runs on a thread of its own, as a remote server would. */
static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_main_context_push_thread_default (context);
  soup_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (soup_server, NULL, server_cb, server, NULL);
  if (!soup_server_listen_local (soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (soup_server);

  g_mutex_lock (&server->lock);
  server->port = (guint) g_uri_get_port (uris->data);
  server->loop = g_main_loop_new (context, FALSE);
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);

  g_main_loop_run (server->loop);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static Server *
server_start (void)
{
  Server *server = g_new0 (Server, 1);

  server->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_bytes_unref);
  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  g_mutex_lock (&server->lock);
  g_thread_unref (g_thread_new ("bench-server", server_thread, server));
  while (server->loop == NULL)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);
  return server;
}

/* Files must be added before the app asks for them. */
static char *
server_add (Server     *server,
            const char *path,
            GBytes     *bytes)
{
  g_hash_table_insert (server->files, g_strdup (path), g_bytes_ref (bytes));
  return g_strdup_printf ("http://127.0.0.1:%u%s", server->port, path);
}

/* --- http: a fresh feed over loopback --------------------------------------- */

static guint
count_from (BroadsheetSource *source)
{
  return g_list_model_get_n_items (broadsheet_source_get_stories (source));
}

static void
fresh_load (Server          *server,
            const char      *label,
            BenchFeedFormat  format)
{
  g_autoptr(GBytes) bytes = bench_feed_generate (format, 10000, 3, "https://photos.example.org/");
  g_autofree char *path = g_strdup_printf ("/%s.json", label);
  g_autofree char *uri = server_add (server, path, bytes);
  g_autofree char *name = NULL;
  BroadsheetSource *source;
  gint64 start, first, all;
  Stalls stalls;

  stalls_start (&stalls);
  start = bench_now_us ();
  source = broadsheet_window_open_uri (window, uri, TRUE);
  /* The window shows All Stories, newest first: the new stories mix in. */
  TEST_WAIT_UNTIL (count_from (source) > 0 ||
                   broadsheet_source_get_state (source) == BROADSHEET_SOURCE_FAILED);
  if (broadsheet_source_get_error (source) != NULL)
    g_error ("%s did not load: %s", uri, broadsheet_source_get_error (source)->message);
  first = wait_for_paint ();
  TEST_WAIT_UNTIL (count_from (source) == 10000 &&
                   broadsheet_source_get_state (source) == BROADSHEET_SOURCE_READY);
  all = wait_for_paint ();
  test_spin (500);
  stalls_stop (&stalls);

  name = g_strdup_printf ("fresh %s, %.1f MB, to first headline", label,
                          g_bytes_get_size (bytes) / 1e6);
  bench_target (name, (first - start) / 1000.0, 1000, " ms");
  g_free (name);
  name = g_strdup_printf ("fresh %s, to all 10,000 headlines", label);
  bench_target (name, (all - start) / 1000.0, 2000, " ms");
  g_free (name);
  name = g_strdup_printf ("fresh %s, longest main-loop stall", label);
  bench_target (name, stalls.longest / 1000.0, 16, " ms");
}

static void
bench_http (void)
{
  Server *server = server_start ();

  start_app (NULL);
  fresh_load (server, "story-json", BENCH_FEED_STORY_JSON);
  fresh_load (server, "json-feed", BENCH_FEED_JSON_FEED);
}

/* --- browse: "j" through 100,000 stories -------------------------------- */

static void
send_key (KeySym keysym)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  XTestFakeKeyEvent (display, keycode, True, CurrentTime);
  XTestFakeKeyEvent (display, keycode, False, CurrentTime);
  XFlush (display);
}

static BroadsheetStoryView *
story_view (void)
{
  return broadsheet_window_get_story_view (window);
}

static gint64 story_shown;

static void
story_shown_cb (void)
{
  story_shown = bench_now_us ();
}

/* Presses j @n times from the story at @first. The time to the frame painted
 * with the next story goes to @samples, the time until the story pane has
 * the story (widgets made, not yet laid out) to @shown.
 */
static void
press_next (guint   first,
            guint   n,
            GArray *samples,
            GArray *shown)
{
  GListModel *stories = shown_stories ();
  gulong handler = g_signal_connect (story_view (), "notify::story",
                                     G_CALLBACK (story_shown_cb), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) next = g_list_model_get_item (stories, first + i + 1);
      gint64 start, painted;
      guint paints;
      double ms;

      start = bench_now_us ();
      send_key (XK_j);
      TEST_WAIT_UNTIL (broadsheet_story_view_get_story (story_view ()) == next);
      paints = n_paints;
      TEST_WAIT_UNTIL (n_paints > paints);
      painted = last_paint;
      ms = (painted - start) / 1000.0;
      g_array_append_val (samples, ms);
      ms = (story_shown - start) / 1000.0;
      if (shown != NULL)
        g_array_append_val (shown, ms);
    }

  g_signal_handler_disconnect (story_view (), handler);
}

/* The same stories put in the story pane directly, with no key, list or
 * selection: what the story pane alone costs to the painted frame.
 */
static void
show_directly (guint   first,
               guint   n,
               GArray *samples)
{
  GListModel *stories = shown_stories ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) next = g_list_model_get_item (stories, first + i + 1);
      gint64 start = bench_now_us ();
      guint paints = n_paints;
      double ms;

      g_object_set (story_view (), "story", next, NULL);
      TEST_WAIT_UNTIL (n_paints > paints);
      ms = (last_paint - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
}

static void
go_to_first_story (void)
{
  GListModel *stories = shown_stories ();
  g_autoptr(BroadsheetStory) first = g_list_model_get_item (stories, 0);

  gtk_widget_grab_focus (test_window_child (window, "story_list"));
  send_key (XK_Home);
  TEST_WAIT_UNTIL (broadsheet_story_view_get_story (story_view ()) == first);
  wait_for_paint ();
}

static void
report_latency (const char *label,
                GArray     *samples)
{
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s, median", label);
  bench_target (name, bench_median (samples), 5, " ms");
  g_free (name);
  name = g_strdup_printf ("%s, p99", label);
  bench_target (name, bench_percentile (samples, 99), 16, " ms");
  g_free (name);
  name = g_strdup_printf ("%s, slowest", label);
  bench_report (name, "%.1f ms over %u presses", bench_max (samples), samples->len);
}

static void
search_for (const char *query)
{
  GtkFilterListModel *filtered = NULL;
  g_autofree char *name = NULL;
  gint64 start, first, all;
  Stalls stalls;

  stalls_start (&stalls);
  start = bench_now_us ();
  broadsheet_window_search (window, query);
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown_stories ()) > 0);
  first = wait_for_paint ();

  /* The selection model sits on the paced model, on the filter model. */
  filtered = GTK_FILTER_LIST_MODEL (broadsheet_paced_list_model_get_model (
    BROADSHEET_PACED_LIST_MODEL (gtk_single_selection_get_model (
      GTK_SINGLE_SELECTION (shown_stories ())))));
  TEST_WAIT_UNTIL (gtk_filter_list_model_get_pending (filtered) == 0);
  all = wait_for_paint ();
  stalls_stop (&stalls);

  name = g_strdup_printf ("search \"%s\", to first results", query);
  bench_target (name, (first - start) / 1000.0, 100, " ms");
  g_free (name);
  name = g_strdup_printf ("search \"%s\", whole list searched", query);
  bench_report (name, "%.0f ms, %u found", (all - start) / 1000.0,
                g_list_model_get_n_items (shown_stories ()));
  g_free (name);
  name = g_strdup_printf ("search \"%s\", longest stall", query);
  bench_target (name, stalls.longest / 1000.0, 16, " ms");

  broadsheet_window_search (window, "");
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown_stories ()) == 100000);
}

static void
bench_browse (void)
{
  g_autofree char *path = bench_feed_path ("story-json-no-photos", BENCH_FEED_STORY_JSON, 100000,
                                           NULL);
  g_autofree char *uri = file_uri (path);
  const char *feeds[] = { uri, NULL };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) direct = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_frames = g_array_new (FALSE, FALSE, sizeof (double));

  start_app (feeds);
  /* The list takes big changes a few rows a frame. */
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown_stories ()) == 100000);

  go_to_first_story ();
  press_next (0, 1000, samples, shown);
  report_latency ("next story (j) at 100,000 stories", samples);
  bench_report ("next story (j), until the pane has it", "median %.1f ms, p99 %.1f ms",
                bench_median (shown), bench_percentile (shown, 99));
  /* The floor: a frame with nothing new in it, from request to painted. */
  for (guint i = 0; i < 200; i++)
    {
      gint64 start = bench_now_us ();
      double ms = (wait_for_paint () - start) / 1000.0;

      g_array_append_val (idle_frames, ms);
    }
  bench_report ("a frame with nothing new, to painted", "median %.1f ms, p99 %.1f ms",
                bench_median (idle_frames), bench_percentile (idle_frames, 99));
  show_directly (0, 200, direct);
  bench_report ("story pane alone, to the painted frame", "median %.1f ms, p99 %.1f ms",
                bench_median (direct), bench_percentile (direct, 99));

  /* A word in many stories, then a phrase in one, near the end. */
  search_for ("harbour");
  search_for ("Earlier: story 99990");
  search_for ("zürich");
}

/* --- photos: "j" through stories with and without photos ------------------ */

static GBytes *
make_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1600, 1000);
  g_autoptr(GError) error = NULL;
  char *buffer;
  gsize size;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  /* A gradient, so the JPEG is not trivially small. */
  for (int y = 0; y < 1000; y++)
    for (int x = 0; x < 1600; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (guchar) (x * 255 / 1600);
        p[1] = (guchar) (y * 255 / 1000);
        p[2] = (guchar) ((x ^ y) & 0xff);
      }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL))
    g_error ("Cannot make the bench photo: %s", error->message);
  return g_bytes_new_take (buffer, size);
}

static void
browse_feed (BroadsheetSource *source,
             GArray           *samples)
{
  GListModel *stories;

  /* Choose the feed in the sidebar, as a click would. */
  broadsheet_window_show_source (window, source);
  stories = shown_stories ();
  TEST_WAIT_UNTIL (g_list_model_get_n_items (stories) == 100);
  go_to_first_story ();
  press_next (0, 99, samples, NULL);
}

static void
bench_photos (void)
{
  Server *server = server_start ();
  g_autoptr(GBytes) photo = make_photo ();
  g_autofree char *photo_base = g_strdup_printf ("http://127.0.0.1:%u/p/", server->port);
  g_autoptr(GBytes) with_photos = bench_feed_generate (BENCH_FEED_STORY_JSON, 100, 5, photo_base);
  g_autoptr(GBytes) without = bench_feed_generate (BENCH_FEED_STORY_JSON, 100, 5, NULL);
  g_autofree char *photos_uri = server_add (server, "/photos.json", with_photos);
  g_autofree char *plain_uri = server_add (server, "/plain.json", without);
  const char *feeds[] = { plain_uri, photos_uri, NULL };
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *sources;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *path = g_strdup_printf ("/p/%u.jpg", i);
      g_autofree char *uri = server_add (server, path, photo);
    }

  start_app (feeds);
  sources = broadsheet_window_get_sources (window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  {
    g_autoptr(BroadsheetSource) plain_source = g_list_model_get_item (sources, 0);
    g_autoptr(BroadsheetSource) photo_source = g_list_model_get_item (sources, 1);

    /* Alternately: without photos, with photos never seen, without, with
     * photos in the cache.
     */
    browse_feed (plain_source, plain);
    browse_feed (photo_source, cold);
    browse_feed (plain_source, plain);
    browse_feed (photo_source, warm);
  }

  report_latency ("j through 100 stories without photos", plain);
  report_latency ("j through 100 photo stories, first visit", cold);
  report_latency ("j through 100 photo stories, revisit", warm);
  bench_report ("photo stories / without photos, median", "first visit %.2f×, revisit %.2f×",
                bench_median (cold) / bench_median (plain), bench_median (warm) / bench_median (plain));
}

int
main (int   argc,
      char *argv[])
{
  const char *scenario;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("bench-ui needs a display; run it under xvfb-run (build-aux/dev bench does)\n");
      return 77;
    }

  test_init (&argc, &argv);
  scenario = argc > 1 ? argv[1] : "";

  if (g_str_equal (scenario, "refresh"))
    bench_refresh ();
  else if (g_str_equal (scenario, "http"))
    bench_http ();
  else if (g_str_equal (scenario, "browse"))
    bench_browse ();
  else if (g_str_equal (scenario, "photos"))
    bench_photos ();
  else
    {
      g_printerr ("Usage: bench-ui refresh|http|browse|photos\n");
      return 2;
    }

  return 0;
}
