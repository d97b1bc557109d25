/* test-add-feed-dialog.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "broadsheet-add-feed-dialog.h"
#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-source.h"
#include "test-util.h"

/* The Add Feed dialog against a SoupServer on 127.0.0.1: checking the
 * address as it is typed, trying it after a pause, showing what was found or
 * why not, refusing feeds already in the list, cancelling loads that an edit
 * or closing made stale, and handing over the loaded source.
 */

#define EMPTY_FEED \
  "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"title\": \"Quiet Gazette\", " \
  "\"stories\": [] }"

#define ONE_STORY_FEED \
  "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"title\": \"Single Sheet\", " \
  "\"stories\": [ { \"id\": \"only\", \"headline\": \"The only story\" } ] }"

#define SLOW_FEED \
  "{ \"format\": \"broadsheet-story-json\", \"version\": 1, \"title\": \"Slow Feed\", " \
  "\"stories\": [ { \"id\": \"late\", \"headline\": \"Too late\" } ] }"

#define MARKUP_FEED \
  "{ \"format\": \"broadsheet-story-json\", \"version\": 1, " \
  "\"title\": \"<b>Tags</b> & Ampersands &amp;\", " \
  "\"stories\": [ { \"id\": \"only\", \"headline\": \"The only story\" } ] }"

#define BROKEN_FEED "{ \"format\": \"broadsheet-story-json\", \"stories\": [ "

typedef struct
{
  SoupServer              *server;
  char                    *base;
  char                    *good_body;
  GHashTable              *requests;       /* path → count */
  guint                    n_requests;
  GPtrArray               *hung;           /* paused SoupServerMessages */
  guint                    n_disconnected;

  char                    *cache_dir;
  BroadsheetFetcher       *fetcher;
  BroadsheetFeedCache     *cache;
  GListStore              *sources;
  GtkWindow               *parent;

  BroadsheetAddFeedDialog *dialog;         /* weak */
  GPtrArray               *statuses;       /* every text the status label showed */
  GPtrArray               *added;          /* sources from "add-source" */
} Fixture;

static void
hung_disconnected_cb (SoupServerMessage *msg,
                      Fixture           *fixture)
{
  fixture->n_disconnected++;
  g_ptr_array_remove (fixture->hung, msg);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *body = NULL;

  fixture->n_requests++;
  g_hash_table_insert (fixture->requests, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests,
                                                                                path)) + 1));

  if (g_str_equal (path, "/slow.json"))
    {
      /* Answers only when the test lets it go. */
      soup_server_message_pause (msg);
      g_signal_connect (msg, "disconnected", G_CALLBACK (hung_disconnected_cb), fixture);
      g_ptr_array_add (fixture->hung, g_object_ref (msg));
      return;
    }

  if (g_str_equal (path, "/good.json"))
    body = fixture->good_body;
  else if (g_str_equal (path, "/empty.json"))
    body = EMPTY_FEED;
  else if (g_str_equal (path, "/one.json"))
    body = ONE_STORY_FEED;
  else if (g_str_equal (path, "/markup.json"))
    body = MARKUP_FEED;
  else if (g_str_equal (path, "/broken.json"))
    body = BROKEN_FEED;

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static guint
n_requests_for (Fixture    *fixture,
                const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->requests, path));
}

static void
release_hung (Fixture *fixture)
{
  while (fixture->hung->len > 0)
    {
      g_autoptr(SoupServerMessage) msg = g_ptr_array_steal_index (fixture->hung, 0);

      g_signal_handlers_disconnect_by_func (msg, hung_disconnected_cb, fixture);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        SLOW_FEED, strlen (SLOW_FEED));
      soup_server_message_unpause (msg);
    }
}

static char *
address (Fixture    *fixture,
         const char *path)
{
  return g_strconcat (fixture->base, path, NULL);
}




/* Runs the main loop for @milliseconds, to show that something does not happen. */

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object;

  g_assert_nonnull (fixture->dialog);
  object = gtk_widget_get_template_child (GTK_WIDGET (fixture->dialog),
                                          BROADSHEET_TYPE_ADD_FEED_DIALOG, name);
  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
status_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, "status_label")));
}

static gboolean
add_sensitive (Fixture *fixture)
{
  return gtk_widget_get_sensitive (child (fixture, "add_button"));
}

static gboolean
spinner_visible (Fixture *fixture)
{
  return gtk_widget_get_visible (child (fixture, "spinner"));
}

static gboolean
entry_has_error (Fixture *fixture)
{
  return gtk_widget_has_css_class (child (fixture, "entry_row"), "error");
}

static gboolean
status_has_error (Fixture *fixture)
{
  return gtk_widget_has_css_class (child (fixture, "status_label"), "error");
}

static gboolean
loaded (Fixture *fixture)
{
  return add_sensitive (fixture);
}

static gboolean
failed (Fixture *fixture)
{
  return status_has_error (fixture) && !spinner_visible (fixture);
}

static gboolean
one_hung (Fixture *fixture)
{
  return fixture->hung->len == 1;
}

static gboolean
dialog_gone (Fixture *fixture)
{
  return fixture->dialog == NULL;
}


static void
status_changed_cb (GtkLabel   *label,
                   GParamSpec *pspec,
                   Fixture    *fixture)
{
  g_ptr_array_add (fixture->statuses, g_strdup (gtk_label_get_text (label)));
}

static void
add_source_cb (BroadsheetAddFeedDialog *dialog,
               BroadsheetSource        *source,
               Fixture                 *fixture)
{
  /* Still open while the window takes the source. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_ptr_array_add (fixture->added, g_object_ref (source));
}

static void
open_dialog (Fixture *fixture)
{
  BroadsheetAddFeedDialog *dialog;

  dialog = broadsheet_add_feed_dialog_new (fixture->parent, fixture->fetcher, fixture->cache,
                                           G_LIST_MODEL (fixture->sources));
  g_assert_true (BROADSHEET_IS_ADD_FEED_DIALOG (dialog));
  fixture->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&fixture->dialog);

  g_signal_connect (child (fixture, "status_label"), "notify::label",
                    G_CALLBACK (status_changed_cb), fixture);
  g_signal_connect (dialog, "add-source", G_CALLBACK (add_source_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Feed");
}

static void
type (Fixture    *fixture,
      const char *text)
{
  broadsheet_add_feed_dialog_set_uri (fixture->dialog, text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "entry_row"))), ==, text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_assert_true (g_file_get_contents (path, &fixture->good_body, NULL, &error));
  g_assert_no_error (error);

  fixture->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->hung = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_assert_true (g_str_has_prefix (fixture->base, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (fixture->base, "/"));

  fixture->cache_dir = g_dir_make_tmp ("broadsheet-add-feed-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->fetcher = broadsheet_fetcher_new ();
  fixture->cache = broadsheet_feed_cache_new (fixture->cache_dir);
  fixture->sources = g_list_store_new (BROADSHEET_TYPE_SOURCE);

  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (fixture->parent);

  fixture->statuses = g_ptr_array_new_with_free_func (g_free);
  fixture->added = g_ptr_array_new_with_free_func (g_object_unref);

  open_dialog (fixture);
}

static gboolean
cache_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
remove_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  BroadsheetFeedCache *cache = fixture->cache;

  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  TEST_WAIT_UNTIL (dialog_gone (fixture));
  gtk_window_destroy (fixture->parent);

  release_hung (fixture);
  g_ptr_array_unref (fixture->added);
  g_clear_object (&fixture->sources);

  /* Cache writes run on worker threads and hold the cache until they are
   * done; wait for them before the directory goes.
   */
  g_object_add_weak_pointer (G_OBJECT (cache), (gpointer *)&cache);
  g_clear_object (&fixture->cache);
  TEST_WAIT_UNTIL (cache_gone (&cache));

  g_clear_object (&fixture->fetcher);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  remove_directory (fixture->cache_dir);

  g_ptr_array_unref (fixture->statuses);
  g_ptr_array_unref (fixture->hung);
  g_hash_table_unref (fixture->requests);
  g_free (fixture->cache_dir);
  g_free (fixture->base);
  g_free (fixture->good_body);
}

static void
test_opens_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));

  /* Typing goes straight into the address field. */
  g_assert_nonnull (focus);
  g_assert_true (focus == child (fixture, "entry_row") ||
                 gtk_widget_is_ancestor (focus, child (fixture, "entry_row")));

  g_assert_cmpstr (status_text (fixture), ==, "");
  g_assert_false (add_sensitive (fixture));
  g_assert_false (entry_has_error (fixture));
  g_assert_false (spinner_visible (fixture));
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "cancel_button")));
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (child (fixture, "entry_row"))),
                   ==, GTK_INPUT_PURPOSE_URL);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  const char *not_web[] = {
    "not a web address",
    "example.org/feed.json",
    "ftp://example.org/feed.json",
    "file:///etc/passwd",
    "javascript:alert(1)",
  };
  const char *incomplete[] = { "h", "HTT", "http:/", "https://", "  https:  " };

  for (guint i = 0; i < G_N_ELEMENTS (not_web); i++)
    {
      type (fixture, not_web[i]);
      g_assert_cmpstr (status_text (fixture), ==,
                       "Enter a web address that starts with https://");
      g_assert_true (entry_has_error (fixture));
      g_assert_true (status_has_error (fixture));
      g_assert_false (add_sensitive (fixture));
      g_assert_false (spinner_visible (fixture));
    }

  /* A start of a web address is not an error yet, but says what is expected. */
  for (guint i = 0; i < G_N_ELEMENTS (incomplete); i++)
    {
      type (fixture, incomplete[i]);
      g_assert_false (entry_has_error (fixture));
      g_assert_false (status_has_error (fixture));
      g_assert_cmpstr (status_text (fixture), ==,
                       "Enter a web address that starts with https://");
      g_assert_false (add_sensitive (fixture));
    }

  type (fixture, "https:///no-host.json");
  g_assert_true (entry_has_error (fixture));
  test_assert_contains (status_text (fixture), "not a valid web address");

  type (fixture, "https://exa mple.org/feed.json");
  g_assert_true (entry_has_error (fixture));
  test_assert_contains (status_text (fixture), "not a valid web address");

  /* Emptying the field takes the error away and says nothing. */
  type (fixture, "   ");
  g_assert_false (entry_has_error (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "");

  /* None of it went to the network, even after the pause. */
  type (fixture, "example.org");
  test_spin (600);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
  g_assert_false (add_sensitive (fixture));
}

static void
test_good (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *uri = address (fixture, "good.json");
  BroadsheetSource *source;
  GtkWidget *add_button;

  /* Spaces around a pasted address do not matter. */
  g_autofree char *padded = g_strconcat ("  ", uri, "  ", NULL);

  type (fixture, padded);
  g_assert_true (spinner_visible (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "Looking for a feed…");
  g_assert_false (add_sensitive (fixture));

  TEST_WAIT_UNTIL (loaded (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "“Complete Test Feed” · 2 stories");
  g_assert_false (spinner_visible (fixture));
  g_assert_false (entry_has_error (fixture));
  g_assert_false (status_has_error (fixture));
  g_assert_cmpuint (n_requests_for (fixture, "/good.json"), ==, 1);

  add_button = child (fixture, "add_button");
  g_assert_true (gtk_widget_has_css_class (add_button, "suggested-action"));
  g_signal_emit_by_name (add_button, "clicked");

  g_assert_cmpuint (fixture->added->len, ==, 1);
  source = g_ptr_array_index (fixture->added, 0);
  g_assert_cmpstr (broadsheet_source_get_uri (source), ==, uri);
  g_assert_cmpint (broadsheet_source_get_state (source), ==, BROADSHEET_SOURCE_READY);
  g_assert_cmpstr (broadsheet_source_get_title (source), ==, "Complete Test Feed");
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_source_get_stories (source)), ==, 2);

  TEST_WAIT_UNTIL (dialog_gone (fixture));
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

static void
test_story_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *empty = address (fixture, "empty.json");
  g_autofree char *one = address (fixture, "one.json");

  type (fixture, empty);
  TEST_WAIT_UNTIL (loaded (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "“Quiet Gazette” · No stories yet");

  type (fixture, one);
  g_assert_false (add_sensitive (fixture));
  TEST_WAIT_UNTIL (loaded (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "“Single Sheet” · 1 story");

  /* A feed without stories yet can still be added. */
  type (fixture, empty);
  TEST_WAIT_UNTIL (loaded (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "add-feed.add", NULL);
  g_assert_cmpuint (fixture->added->len, ==, 1);
  g_assert_cmpstr (broadsheet_source_get_uri (g_ptr_array_index (fixture->added, 0)), ==, empty);
  TEST_WAIT_UNTIL (dialog_gone (fixture));
}

static gboolean
reference_settled (gpointer data)
{
  return broadsheet_source_get_state (data) == BROADSHEET_SOURCE_FAILED;
}

/* What a source of its own says about @uri, to compare with the dialog. */
static char *
reference_error (Fixture    *fixture,
                 const char *uri)
{
  g_autoptr(BroadsheetSource) source = broadsheet_source_new (uri, fixture->fetcher, NULL);

  broadsheet_source_load_async (source, NULL, NULL, NULL);
  TEST_WAIT_UNTIL (reference_settled (source));

  g_assert_nonnull (broadsheet_source_get_error (source));
  return g_strdup (broadsheet_source_get_error (source)->message);
}

static void
check_failure (Fixture    *fixture,
               const char *path)
{
  g_autofree char *uri = address (fixture, path);
  g_autofree char *expected = reference_error (fixture, uri);

  type (fixture, uri);
  TEST_WAIT_UNTIL (failed (fixture));
  g_assert_cmpstr (status_text (fixture), ==, expected);
  g_assert_true (entry_has_error (fixture));
  g_assert_false (add_sensitive (fixture));

  /* Enter does not add a feed that failed. */
  g_signal_emit_by_name (child (fixture, "entry_row"), "entry-activated");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "add-feed.add", NULL);
  g_assert_cmpuint (fixture->added->len, ==, 0);
  g_assert_nonnull (fixture->dialog);
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good = address (fixture, "good.json");

  check_failure (fixture, "broken.json");
  g_assert_cmpuint (n_requests_for (fixture, "/broken.json"), ==, 2);

  /* Editing the address tries again. */
  type (fixture, good);
  g_assert_false (entry_has_error (fixture));
  g_assert_false (status_has_error (fixture));
  TEST_WAIT_UNTIL (loaded (fixture));
  test_assert_contains (status_text (fixture), "Complete Test Feed");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  check_failure (fixture, "missing");
  g_assert_cmpuint (n_requests_for (fixture, "/missing"), ==, 2);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *uri = address (fixture, "good.json");
  g_autofree char *shouting = NULL;
  g_autoptr(BroadsheetSource) existing = broadsheet_source_new (uri, fixture->fetcher, NULL);
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  g_list_store_append (fixture->sources, existing);

  type (fixture, uri);
  g_assert_cmpstr (status_text (fixture), ==, "This feed is already in your list");
  g_assert_false (entry_has_error (fixture));
  g_assert_false (spinner_visible (fixture));

  /* The same address written differently is the same feed. */
  shouting = g_strdup_printf ("HTTP://127.0.0.1:%d/good.json", g_uri_get_port (parsed));
  type (fixture, shouting);
  g_assert_cmpstr (status_text (fixture), ==, "This feed is already in your list");

  test_spin (600);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
  g_assert_false (add_sensitive (fixture));
}

static void
test_duplicate_while_loading (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *uri = address (fixture, "good.json");
  g_autoptr(BroadsheetSource) existing = broadsheet_source_new (uri, fixture->fetcher, NULL);

  /* Another window added the feed while this one was looking at it. */
  type (fixture, uri);
  TEST_WAIT_UNTIL (loaded (fixture));
  g_list_store_append (fixture->sources, existing);

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "add-feed.add", NULL);
  g_assert_cmpuint (fixture->added->len, ==, 0);
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (status_text (fixture), ==, "This feed is already in your list");
  g_assert_false (add_sensitive (fixture));
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *good = address (fixture, "good.json");
  g_autofree char *empty = address (fixture, "empty.json");

  /* Quick edits restart the pause: only the last address is fetched. */
  type (fixture, good);
  type (fixture, empty);
  TEST_WAIT_UNTIL (loaded (fixture));
  test_assert_contains (status_text (fixture), "Quiet Gazette");
  g_assert_cmpuint (n_requests_for (fixture, "/good.json"), ==, 0);
  g_assert_cmpuint (n_requests_for (fixture, "/empty.json"), ==, 1);
}

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *slow = address (fixture, "slow.json");
  g_autofree char *good = address (fixture, "good.json");

  type (fixture, slow);
  TEST_WAIT_UNTIL (one_hung (fixture));
  g_assert_true (spinner_visible (fixture));

  type (fixture, good);
  TEST_WAIT_UNTIL (loaded (fixture));
  test_assert_contains (status_text (fixture), "Complete Test Feed");

  /* The first answer arrives late, if at all, and changes nothing. */
  release_hung (fixture);
  test_spin (300);
  test_assert_contains (status_text (fixture), "Complete Test Feed");
  g_assert_true (add_sensitive (fixture));
  for (guint i = 0; i < fixture->statuses->len; i++)
    g_assert_null (strstr (g_ptr_array_index (fixture->statuses, i), "Slow Feed"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "add-feed.add", NULL);
  g_assert_cmpuint (fixture->added->len, ==, 1);
  g_assert_cmpstr (broadsheet_source_get_uri (g_ptr_array_index (fixture->added, 0)), ==, good);
}

static void
test_close_while_loading (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *slow = address (fixture, "slow.json");

  type (fixture, slow);
  TEST_WAIT_UNTIL (one_hung (fixture));

  /* What Cancel and Escape do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "window.close", NULL));
  TEST_WAIT_UNTIL (dialog_gone (fixture));

  release_hung (fixture);
  test_spin (200);
  g_assert_cmpuint (fixture->added->len, ==, 0);
}

static void
test_close_during_pause (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *good = address (fixture, "good.json");

  type (fixture, good);
  g_signal_emit_by_name (child (fixture, "cancel_button"), "clicked");
  TEST_WAIT_UNTIL (dialog_gone (fixture));

  test_spin (600);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
  g_assert_cmpuint (fixture->added->len, ==, 0);
}

static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *good = address (fixture, "good.json");
  GtkWidget *entry_row = child (fixture, "entry_row");

  /* Enter on an address that is not a feed yet does nothing. */
  type (fixture, "nonsense");
  g_signal_emit_by_name (entry_row, "entry-activated");
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->added->len, ==, 0);

  /* Enter during the pause looks at once; Enter on a loaded feed adds it. */
  type (fixture, good);
  g_signal_emit_by_name (entry_row, "entry-activated");
  g_assert_true (spinner_visible (fixture));
  TEST_WAIT_UNTIL (loaded (fixture));
  g_assert_cmpuint (n_requests_for (fixture, "/good.json"), ==, 1);

  g_signal_emit_by_name (entry_row, "entry-activated");
  g_assert_cmpuint (fixture->added->len, ==, 1);
  TEST_WAIT_UNTIL (dialog_gone (fixture));
}

static void
test_text_is_plain (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *uri = address (fixture, "markup.json");

  /* A feed's title is shown as it is, never as markup. */
  type (fixture, uri);
  TEST_WAIT_UNTIL (loaded (fixture));
  g_assert_cmpstr (status_text (fixture), ==, "“<b>Tags</b> & Ampersands &amp;” · 1 story");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child (fixture, "status_label"))));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  add_test ("/add-feed-dialog/opens-empty", test_opens_empty);
  add_test ("/add-feed-dialog/invalid", test_invalid);
  add_test ("/add-feed-dialog/good", test_good);
  add_test ("/add-feed-dialog/story-counts", test_story_counts);
  add_test ("/add-feed-dialog/broken", test_broken);
  add_test ("/add-feed-dialog/missing", test_missing);
  add_test ("/add-feed-dialog/duplicate", test_duplicate);
  add_test ("/add-feed-dialog/duplicate-while-loading", test_duplicate_while_loading);
  add_test ("/add-feed-dialog/pause", test_pause);
  add_test ("/add-feed-dialog/cancel-in-flight", test_cancel_in_flight);
  add_test ("/add-feed-dialog/close-while-loading", test_close_while_loading);
  add_test ("/add-feed-dialog/close-during-pause", test_close_during_pause);
  add_test ("/add-feed-dialog/enter", test_enter);
  add_test ("/add-feed-dialog/text-is-plain", test_text_is_plain);

  return g_test_run ();
}
