/* test-feeds.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libsoup/soup.h>

#include "broadsheet-add-feed-dialog.h"
#include "broadsheet-application.h"
#include "broadsheet-photo-figure.h"
#include "broadsheet-source.h"
#include "broadsheet-story-row.h"
#include "broadsheet-story-view.h"
#include "broadsheet-thumbnail.h"
#include "broadsheet-window.h"
#include "test-util.h"

/* Web feeds in the real window, against a SoupServer on 127.0.0.1: adding,
 * restarting from the cache with the server gone, refreshing, conditional
 * requests, cancelling, removing with Undo and renaming.
 */

typedef struct
{
  SoupServer            *server;
  char                  *base;
  char                  *feed_body;
  guint                  n_requests;
  gboolean               saw_if_none_match;
  gboolean               hang;
  GPtrArray             *hung;
  GBytes                *photo;              /* Served at /photos/lead.jpg, or a 404 when NULL. */
  guint                  n_photo_requests;
  gboolean               photo_hangs;        /* /photos/lead.jpg never answers. */
  guint                  n_aborted;          /* Requests the client gave up on. */
  BroadsheetApplication *app;
  BroadsheetWindow      *window;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");

  fixture->n_requests++;

  if (fixture->hang)
    {
      /* Never answers until the test lets it go. */
      soup_server_message_pause (msg);
      g_ptr_array_add (fixture->hung, g_object_ref (msg));
      return;
    }

  if (g_strcmp0 (path, "/photos/lead.jpg") == 0)
    {
      fixture->n_photo_requests++;
      if (fixture->photo_hangs)
        {
          soup_server_message_pause (msg);
          g_ptr_array_add (fixture->hung, g_object_ref (msg));
          return;
        }
      if (fixture->photo == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (fixture->photo, NULL),
                                        g_bytes_get_size (fixture->photo));
      return;
    }

  if (g_strcmp0 (path, "/empty.json") == 0)
    {
      static const char empty[] = "{ \"format\": \"broadsheet-story-json\", \"version\": 1, "
                                  "\"title\": \"Quiet Gazette\", \"stories\": [] }";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        empty, strlen (empty));
      return;
    }

  if (g_strcmp0 (path, "/feed.json") != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (g_strcmp0 (if_none_match, "\"v1\"") == 0)
    {
      fixture->saw_if_none_match = TRUE;
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_message_headers_replace (response_headers, "ETag", "\"v1\"");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY,
                                    fixture->feed_body, strlen (fixture->feed_body));
}

static void
request_aborted_cb (Fixture *fixture)
{
  fixture->n_aborted++;
}

static void
start_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  g_signal_connect_swapped (fixture->server, "request-aborted", G_CALLBACK (request_aborted_cb),
                            fixture);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

static void
stop_server (Fixture *fixture)
{
  for (guint i = 0; i < fixture->hung->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->hung, i));
  g_ptr_array_set_size (fixture->hung, 0);
  if (fixture->server != NULL)
    soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
}

static char *
feed_uri (Fixture *fixture)
{
  return g_strconcat (fixture->base, "feed.json", NULL);
}





static gboolean
sources_settled (Fixture *fixture)
{
  return test_sources_settled (fixture->window);
}

static void
start_app (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->app = broadsheet_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BROADSHEET_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  TEST_WAIT_UNTIL (sources_settled (fixture));
}

static void
quit_app (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  test_spin (50);
  g_clear_object (&fixture->app);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json", NULL);

  g_assert_true (g_file_get_contents (path, &fixture->feed_body, NULL, NULL));
  fixture->hung = g_ptr_array_new_with_free_func (g_object_unref);
  start_server (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->window != NULL)
    quit_app (fixture);
  test_remove_user_data ();
  stop_server (fixture);
  g_ptr_array_unref (fixture->hung);
  g_clear_pointer (&fixture->photo, g_bytes_unref);
  g_free (fixture->base);
  g_free (fixture->feed_body);
  g_settings_reset (settings, "feeds");
  g_settings_reset (settings, "feed-titles");
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  return test_window_child (fixture->window, name);
}

/* The story pane, made on first use. */
static GtkWidget *
story_pane (Fixture *fixture)
{
  return GTK_WIDGET (broadsheet_window_get_story_view (fixture->window));
}




static BroadsheetAddFeedDialog *
find_add_feed_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BROADSHEET_IS_ADD_FEED_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
add_button_ready (Fixture *fixture)
{
  BroadsheetAddFeedDialog *dialog = find_add_feed_dialog ();
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   BROADSHEET_TYPE_ADD_FEED_DIALOG, "add_button");

  if (g_test_verbose ())
    {
      GObject *status = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                       BROADSHEET_TYPE_ADD_FEED_DIALOG,
                                                       "status_label");

      g_test_message ("dialog: %s", gtk_label_get_text (GTK_LABEL (status)));
    }
  return gtk_widget_get_sensitive (GTK_WIDGET (button));
}

static BroadsheetSource *
add_feed_through_dialog (Fixture *fixture)
{
  g_autofree char *uri = feed_uri (fixture);
  BroadsheetAddFeedDialog *dialog;
  GObject *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-feed", NULL));
  dialog = find_add_feed_dialog ();
  g_assert_nonnull (dialog);

  broadsheet_add_feed_dialog_set_uri (dialog, uri);
  TEST_WAIT_UNTIL (add_button_ready (fixture));
  button = gtk_widget_get_template_child (GTK_WIDGET (dialog), BROADSHEET_TYPE_ADD_FEED_DIALOG,
                                          "add_button");
  g_signal_emit_by_name (button, "clicked");
  test_spin (50);
  g_assert_null (find_add_feed_dialog ());

  return broadsheet_window_find_source (fixture->window, uri);
}

static gboolean
web_source_settled (Fixture *fixture)
{
  g_autofree char *uri = feed_uri (fixture);
  BroadsheetSource *source = broadsheet_window_find_source (fixture->window, uri);

  return source != NULL &&
         broadsheet_source_get_state (source) != BROADSHEET_SOURCE_LOADING &&
         broadsheet_source_get_state (source) != BROADSHEET_SOURCE_IDLE;
}

static void
test_add_restart_offline (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = feed_uri (fixture);
  g_auto(GStrv) feeds = NULL;
  BroadsheetSource *source;
  GtkSingleSelection *selection;
  g_autofree char *sidebar_text = NULL;

  start_app (fixture);
  source = add_feed_through_dialog (fixture);
  g_assert_nonnull (source);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_READY);
  g_assert_cmpuint (fixture->n_requests, ==, 1);

  /* The window shows the new feed's stories, and the feed list keeps it. */
  selection = broadsheet_window_get_selection (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  feeds = g_settings_get_strv (settings, "feeds");
  g_assert_true (g_strv_contains ((const char * const *)feeds, uri));
  sidebar_text = test_widget_text (template_child (fixture, "source_list"));
  test_assert_contains (sidebar_text, "Complete Test Feed");

  /* Quit, take the server away, start again: the stories come from the cache. */
  quit_app (fixture);
  stop_server (fixture);
  start_app (fixture);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  source = broadsheet_window_find_source (fixture->window, uri);
  g_assert_nonnull (source);
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_FAILED);
  g_assert_nonnull (broadsheet_source_get_error (source));

  /* The feed's row says what went wrong, in words. */
  g_clear_pointer (&sidebar_text, g_free);
  sidebar_text = test_widget_text (template_child (fixture, "source_list"));
  test_assert_contains (sidebar_text, "Complete Test Feed");
  test_assert_contains (sidebar_text, broadsheet_source_get_error (source)->message);

  /* The stories are there to read. */
  broadsheet_window_show_source (fixture->window, source);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (broadsheet_window_get_selection (fixture->window))),
                    ==, 2);
}

static void
test_conditional_refresh (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *uri = feed_uri (fixture);
  BroadsheetSource *source;
  g_autoptr(BroadsheetStory) first = NULL;

  start_app (fixture);
  source = broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));
  first = g_list_model_get_item (broadsheet_source_get_stories (source), 0);

  broadsheet_window_refresh (fixture->window, source, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  /* The second request was conditional, the 304 changed nothing. */
  g_assert_true (fixture->saw_if_none_match);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);
  {
    g_autoptr(BroadsheetStory) again = g_list_model_get_item (broadsheet_source_get_stories (source), 0);

    g_assert_true (again == first);
  }
}

static gboolean
web_source_not_loading (Fixture *fixture)
{
  g_autofree char *uri = feed_uri (fixture);
  BroadsheetSource *source = broadsheet_window_find_source (fixture->window, uri);

  return broadsheet_source_get_state (source) != BROADSHEET_SOURCE_LOADING;
}

static gboolean
hung_request_arrived (Fixture *fixture)
{
  return fixture->hung->len > 0;
}

static void
test_slow_and_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = feed_uri (fixture);
  BroadsheetSource *source;
  GtkStack *refresh_stack;
  gint64 start;

  start_app (fixture);
  fixture->hang = TRUE;
  source = broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (hung_request_arrived (fixture));

  /* While the server hangs, the window keeps answering and offers Stop. */
  refresh_stack = GTK_STACK (template_child (fixture, "refresh_stack"));
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_LOADING);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (refresh_stack), ==, "stop");
  start = g_get_monotonic_time ();
  test_spin (100);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-refresh", NULL));
  TEST_WAIT_UNTIL (web_source_not_loading (fixture));
  /* Stopping is not a failure: nothing to report. */
  g_assert_null (broadsheet_source_get_error (source));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (refresh_stack), ==, "refresh");
}

static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = feed_uri (fixture);
  g_auto(GStrv) feeds = NULL;
  BroadsheetSource *source;

  start_app (fixture);
  source = broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-source", NULL));
  g_assert_null (broadsheet_window_find_source (fixture->window, uri));
  feeds = g_settings_get_strv (settings, "feeds");
  g_assert_false (g_strv_contains ((const char * const *)feeds, uri));
  g_clear_pointer (&feeds, g_strfreev);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-remove", NULL));
  g_assert_true (broadsheet_window_find_source (fixture->window, uri) == source);
  feeds = g_settings_get_strv (settings, "feeds");
  g_assert_true (g_strv_contains ((const char * const *)feeds, uri));
  /* Its stories came back with it, without a fetch. */
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);
}

static BroadsheetStory *
find_story (GListModel *stories,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories, i);

      if (g_str_equal (broadsheet_story_get_id (story), id))
        return story; /* The list keeps it. */
    }
  return NULL;
}

/* The promise: save stories, quit, remove the feed, go offline, and
 * still read every saved story in full.
 */
static void
test_saved_outlive_feed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *uri = feed_uri (fixture);
  g_autofree char *saved_id = NULL;
  g_autofree char *read_id = NULL;
  BroadsheetSource *source;
  BroadsheetStory *story;
  GListModel *shown;
  g_autofree char *text = NULL;
  guint n_blocks;

  start_app (fixture);
  source = broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);

  story = g_list_model_get_item (broadsheet_source_get_stories (source), 0);
  saved_id = g_strdup (broadsheet_story_get_id (story));
  n_blocks = broadsheet_story_get_n_blocks (story);
  g_assert_cmpuint (n_blocks, >, 0);
  broadsheet_story_set_saved (story, TRUE);
  g_object_unref (story);
  story = g_list_model_get_item (broadsheet_source_get_stories (source), 1);
  read_id = g_strdup (broadsheet_story_get_id (story));
  broadsheet_story_set_read (story, TRUE);
  g_object_unref (story);

  /* Quit and start again: the marks come back from the store. */
  quit_app (fixture);
  start_app (fixture);
  TEST_WAIT_UNTIL (web_source_settled (fixture));
  source = broadsheet_window_find_source (fixture->window, uri);
  g_assert_true (broadsheet_story_get_saved (find_story (broadsheet_source_get_stories (source), saved_id)));
  g_assert_true (broadsheet_story_get_read (find_story (broadsheet_source_get_stories (source), read_id)));
  g_assert_false (broadsheet_story_get_read (find_story (broadsheet_source_get_stories (source), saved_id)));

  /* Remove the feed, quit, go offline, start again. */
  broadsheet_window_show_source (fixture->window, source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-source", NULL));
  quit_app (fixture);
  stop_server (fixture);
  start_app (fixture);
  g_assert_null (broadsheet_window_find_source (fixture->window, uri));

  /* The saved story is in All Stories and in Saved, complete. */
  broadsheet_window_set_filter (fixture->window, BROADSHEET_STORY_FILTER_SAVED);
  shown = G_LIST_MODEL (broadsheet_window_get_selection (fixture->window));
  TEST_WAIT_UNTIL (find_story (shown, saved_id) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  story = find_story (shown, saved_id);
  g_assert_true (broadsheet_story_get_saved (story));
  g_assert_cmpuint (broadsheet_story_get_n_blocks (story), ==, n_blocks);

  gtk_single_selection_set_selected (broadsheet_window_get_selection (fixture->window), 0);
  text = test_widget_text (story_pane (fixture));
  test_assert_contains (text, broadsheet_story_get_headline (story));
}

/* An 800×500 JPEG, the size the test feed declares for its lead photo. */
static GBytes *
make_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 800, 500);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GtkWidget *
lead_figure (Fixture    *fixture,
             const char *name)
{
  GtkWidget *story_view = story_pane (fixture);
  GtkWidget *figure = GTK_WIDGET (gtk_widget_get_template_child (story_view, BROADSHEET_TYPE_STORY_VIEW,
                                                                 "lead_photo"));

  return GTK_WIDGET (gtk_widget_get_template_child (figure, BROADSHEET_TYPE_PHOTO_FIGURE, name));
}

static gboolean
photo_shown (Fixture *fixture)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (lead_figure (fixture, "picture")));

  return GDK_IS_TEXTURE (paintable);
}

static void
show_story (Fixture    *fixture,
            const char *id)
{
  GListModel *shown = G_LIST_MODEL (broadsheet_window_get_selection (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (shown, i);

      if (g_str_equal (broadsheet_story_get_id (story), id))
        {
          gtk_single_selection_set_selected (broadsheet_window_get_selection (fixture->window), i);
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
thumbnail_shown (Fixture    *fixture,
                 const char *id)
{
  for (GtkWidget *item = gtk_widget_get_first_child (template_child (fixture, "story_list"));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      BroadsheetStory *story;

      if (!BROADSHEET_IS_STORY_ROW (row))
        continue;
      story = broadsheet_story_row_get_story (BROADSHEET_STORY_ROW (row));
      if (story != NULL && g_str_equal (broadsheet_story_get_id (story), id))
        {
          GtkWidget *thumbnail = test_find_descendant (row, BROADSHEET_TYPE_THUMBNAIL, NULL);

          return gtk_widget_get_visible (GTK_WIDGET (thumbnail)) &&
                 GDK_IS_TEXTURE (broadsheet_thumbnail_get_paintable (BROADSHEET_THUMBNAIL (thumbnail)));
        }
    }
  return FALSE;
}

/* A web feed's lead photo: fetched once, at the width shown, kept for the
 * revisit in memory and, after a restart with the server gone, on disk.
 */
static void
test_web_photo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = feed_uri (fixture);
  GdkPaintable *paintable;

  fixture->photo = make_photo ();
  start_app (fixture);
  broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  show_story (fixture, "complete-1");
  TEST_WAIT_UNTIL (photo_shown (fixture));
  paintable = gtk_picture_get_paintable (GTK_PICTURE (lead_figure (fixture, "picture")));
  /* Never wider than the pane shows it, in the photo's own shape. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), <=, 800);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (paintable), 1.6, 0.02);
  g_assert_cmpuint (fixture->n_photo_requests, ==, 1);
  g_assert_true (gtk_widget_get_visible (lead_figure (fixture, "caption_label")));

  /* Another story and back: from memory, no request. */
  show_story (fixture, "42");
  test_spin (100);
  show_story (fixture, "complete-1");
  TEST_WAIT_UNTIL (photo_shown (fixture));
  g_assert_cmpuint (fixture->n_photo_requests, ==, 1);

  /* Saving the story keeps its photo in the disk cache (a marker beside it). */
  {
    g_autofree char *photo_uri = g_strconcat (fixture->base, "photos/lead.jpg", NULL);
    g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, photo_uri, -1);
    g_autofree char *marker = g_strconcat (name, ".keep", NULL);
    g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "broadsheet", "images", marker, NULL);

    broadsheet_story_set_saved (gtk_single_selection_get_selected_item (broadsheet_window_get_selection (fixture->window)),
                                TRUE);
    TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Thumbnails (off by default) come from the same caches. */
  g_assert_false (thumbnail_shown (fixture, "complete-1"));
  g_settings_set_boolean (settings, "show-thumbnails", TRUE);
  TEST_WAIT_UNTIL (thumbnail_shown (fixture, "complete-1"));
  g_assert_cmpuint (fixture->n_photo_requests, ==, 1);
  g_settings_reset (settings, "show-thumbnails");

  /* Quit, go offline, start again: from the disk cache. */
  quit_app (fixture);
  stop_server (fixture);
  start_app (fixture);
  TEST_WAIT_UNTIL (web_source_settled (fixture));
  show_story (fixture, "complete-1");
  TEST_WAIT_UNTIL (photo_shown (fixture));
}

/* A slow photo is given up when the reader moves on: the connection goes
 * (the server sees that once it answers) and the photo is asked for again on
 * return.
 */
static void
test_slow_photo_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *uri = feed_uri (fixture);
  GListModel *shown;
  SoupServerMessage *hung;
  gint64 answered;

  fixture->photo_hangs = TRUE;
  start_app (fixture);
  broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  show_story (fixture, "complete-1");
  TEST_WAIT_UNTIL (fixture->n_photo_requests == 1);
  g_assert_false (photo_shown (fixture));
  g_assert_cmpuint (fixture->n_aborted, ==, 0);

  /* On to another story: the photo is no longer wanted. */
  shown = G_LIST_MODEL (broadsheet_window_get_selection (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (shown, i);

      if (!g_str_equal (broadsheet_story_get_id (story), "complete-1"))
        {
          show_story (fixture, broadsheet_story_get_id (story));
          break;
        }
    }
  test_spin (300);

  /* The answer comes too late: nobody is there to take it. */
  fixture->photo = make_photo ();
  g_assert_cmpuint (fixture->hung->len, ==, 1);
  hung = g_ptr_array_index (fixture->hung, 0);
  soup_server_message_set_status (hung, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (hung, "image/jpeg", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (fixture->photo, NULL),
                                    g_bytes_get_size (fixture->photo));
  soup_server_message_unpause (hung);
  answered = g_get_monotonic_time ();
  TEST_WAIT_UNTIL (fixture->n_aborted == 1);
  g_assert_cmpint (g_get_monotonic_time () - answered, <, 2 * G_USEC_PER_SEC);
  g_ptr_array_set_size (fixture->hung, 0);

  /* Back again, with a server that answers at once. */
  fixture->photo_hangs = FALSE;
  show_story (fixture, "complete-1");
  TEST_WAIT_UNTIL (photo_shown (fixture));
  g_assert_cmpuint (fixture->n_photo_requests, ==, 2);
}

/* A photo that cannot be had: its alt text stands in, the caption stays. */
static void
test_missing_photo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *uri = feed_uri (fixture);
  GtkWidget *fallback;

  start_app (fixture);
  broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  show_story (fixture, "complete-1");
  fallback = lead_figure (fixture, "fallback_label");
  TEST_WAIT_UNTIL (gtk_widget_get_visible (fallback));
  g_assert_cmpuint (fixture->n_photo_requests, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fallback)), ==, "A grey square used as a test picture");
  g_assert_false (gtk_widget_get_visible (lead_figure (fixture, "picture")));
  g_assert_true (gtk_widget_get_visible (lead_figure (fixture, "caption_label")));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = feed_uri (fixture);
  g_autoptr(GVariant) titles = NULL;
  const char *saved = NULL;
  BroadsheetSource *source;
  AdwMessageDialog *dialog;

  start_app (fixture);
  source = broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-source", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Harbour <b>news</b>");
  adw_message_dialog_response (dialog, "rename");
  test_spin (50);

  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Harbour <b>news</b>");
  titles = g_settings_get_value (settings, "feed-titles");
  g_assert_true (g_variant_lookup (titles, uri, "&s", &saved));
  g_assert_cmpstr (saved, ==, "Harbour <b>news</b>");
}

static void
test_command_line_url (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = feed_uri (fixture);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  GFile *files[] = { file };
  g_auto(GStrv) feeds = NULL;

  start_app (fixture);
  g_application_open (G_APPLICATION (fixture->app), files, 1, "");
  TEST_WAIT_UNTIL (web_source_settled (fixture));

  g_assert_nonnull (broadsheet_window_find_source (fixture->window, uri));
  feeds = g_settings_get_strv (settings, "feeds");
  g_assert_true (g_strv_contains ((const char * const *)feeds, uri));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (broadsheet_window_get_selection (fixture->window))),
                    ==, 2);
}

static gboolean
empty_source_settled (Fixture *fixture)
{
  g_autofree char *uri = g_strconcat (fixture->base, "empty.json", NULL);
  BroadsheetSource *source = broadsheet_window_find_source (fixture->window, uri);

  return broadsheet_source_get_state (source) == BROADSHEET_SOURCE_READY;
}

static void
test_empty_feed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *uri = g_strconcat (fixture->base, "empty.json", NULL);
  g_autofree char *page_text = NULL;

  start_app (fixture);
  broadsheet_window_open_uri (fixture->window, uri, TRUE);
  TEST_WAIT_UNTIL (empty_source_settled (fixture));

  /* A feed with no stories is not an error, and the list says so. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "empty");
  page_text = test_widget_text (template_child (fixture, "list_stack"));
  test_assert_contains (page_text, "No Stories");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/feeds/add-restart-offline", Fixture, NULL,
              fixture_set_up, test_add_restart_offline, fixture_tear_down);
  g_test_add ("/feeds/conditional-refresh", Fixture, NULL,
              fixture_set_up, test_conditional_refresh, fixture_tear_down);
  g_test_add ("/feeds/slow-and-cancel", Fixture, NULL,
              fixture_set_up, test_slow_and_cancel, fixture_tear_down);
  g_test_add ("/feeds/saved-outlive-feed", Fixture, NULL,
              fixture_set_up, test_saved_outlive_feed, fixture_tear_down);
  g_test_add ("/feeds/web-photo", Fixture, NULL,
              fixture_set_up, test_web_photo, fixture_tear_down);
  g_test_add ("/feeds/slow-photo-cancelled", Fixture, NULL,
              fixture_set_up, test_slow_photo_cancelled, fixture_tear_down);
  g_test_add ("/feeds/missing-photo", Fixture, NULL,
              fixture_set_up, test_missing_photo, fixture_tear_down);
  g_test_add ("/feeds/remove-undo", Fixture, NULL,
              fixture_set_up, test_remove_undo, fixture_tear_down);
  g_test_add ("/feeds/rename", Fixture, NULL,
              fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/feeds/empty-feed", Fixture, NULL,
              fixture_set_up, test_empty_feed, fixture_tear_down);
  g_test_add ("/feeds/command-line-url", Fixture, NULL,
              fixture_set_up, test_command_line_url, fixture_tear_down);

  return g_test_run ();
}
