/* test-views.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "broadsheet-application.h"
#include "broadsheet-paced-list-model.h"
#include "broadsheet-story-view.h"
#include "broadsheet-window.h"
#include "test-util.h"

/* The All, Unread and Saved views and search, on the real window under
 * Xvfb, with keys sent through the X server.
 */

typedef struct
{
  BroadsheetApplication *app;
  BroadsheetWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = test_start_app (&fixture->app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_spin (50);
  g_clear_object (&fixture->app);
  test_remove_user_data ();
  g_settings_reset (settings, "feeds");
}

static GtkWidget *
child (Fixture    *fixture,
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

static GListModel *
shown (Fixture *fixture)
{
  return G_LIST_MODEL (broadsheet_window_get_selection (fixture->window));
}

static GtkFilterListModel *
filter_model (Fixture *fixture)
{
  GListModel *paced = gtk_single_selection_get_model (broadsheet_window_get_selection (fixture->window));

  /* Selection, then the paced model, then the filter model. */
  return GTK_FILTER_LIST_MODEL (broadsheet_paced_list_model_get_model (BROADSHEET_PACED_LIST_MODEL (paced)));
}

static gboolean
filtered (Fixture *fixture)
{
  return gtk_filter_list_model_get_pending (filter_model (fixture)) == 0;
}

static BroadsheetStory *
story_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(BroadsheetStory) story = g_list_model_get_item (shown (fixture), position);

  return story;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static void
test_views (Fixture       *fixture,
            gconstpointer  data)
{
  guint n = g_list_model_get_n_items (shown (fixture));

  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpstr (label_text (fixture, "unread_count_label"), ==, "13");
  g_assert_false (gtk_widget_get_visible (child (fixture, "saved_count_label")));

  broadsheet_story_set_read (story_at (fixture, 0), TRUE);
  broadsheet_story_set_read (story_at (fixture, 1), TRUE);
  broadsheet_story_set_saved (story_at (fixture, 2), TRUE);
  test_spin (50);
  g_assert_cmpstr (label_text (fixture, "unread_count_label"), ==, "11");
  g_assert_cmpstr (label_text (fixture, "saved_count_label"), ==, "1");

  test_press_key ("<Control>2");
  TEST_WAIT_UNTIL (filtered (fixture));
  g_assert_cmpint (broadsheet_window_get_filter (fixture->window), ==, BROADSHEET_STORY_FILTER_UNREAD);
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 11);

  /* A story read in the Unread view stays until the view is chosen again. */
  test_press_key ("j");
  g_assert_true (broadsheet_story_get_read (story_at (fixture, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 11);
  test_press_key ("<Control>2");
  TEST_WAIT_UNTIL (filtered (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 10);

  test_press_key ("<Control>3");
  TEST_WAIT_UNTIL (filtered (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 1);
  g_assert_true (broadsheet_story_get_saved (story_at (fixture, 0)));

  /* Unsaving empties the view only when it is chosen again; then the empty page says why. */
  broadsheet_story_set_saved (story_at (fixture, 0), FALSE);
  test_press_key ("<Control>3");
  TEST_WAIT_UNTIL (filtered (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (fixture, "empty_page"))), ==,
                   "No Saved Stories");
  /* Focus is not lost with the rows. */
  test_spin (100);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (fixture->window))));

  test_press_key ("<Control>1");
  TEST_WAIT_UNTIL (filtered (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture)), ==, 13);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      test_press_key (*p == ' ' ? "space" : key);
    }
}

static gboolean
label_has_highlight (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_attributes (GTK_LABEL (widget)) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (label_has_highlight (c))
      return TRUE;
  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = child (fixture, "search_entry");
  GtkWidget *story_view = story_pane (fixture);

  test_press_key ("slash");
  TEST_WAIT_UNTIL (gtk_widget_has_focus (entry) ||
                   gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));

  /* Typed letters go into the entry, not to j and s; no accents needed. */
  type_text ("creme");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "creme");
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown (fixture)) == 1 && filtered (fixture));
  test_assert_contains (broadsheet_story_get_headline (story_at (fixture, 0)), "crème brûlée");

  /* Enter goes to the first result, which shows its matches marked. */
  test_press_key ("Return");
  g_assert_cmpuint (gtk_single_selection_get_selected (broadsheet_window_get_selection (fixture->window)), ==, 0);
  g_assert_true (label_has_highlight (story_view));

  /* Body text counts too; no match says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzzqqq");
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown (fixture)) == 0 && filtered (fixture));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (fixture, "empty_page"))), ==, "No Results");

  /* Escape clears it and returns to the headlines. */
  gtk_widget_grab_focus (entry);
  test_press_key ("Escape");
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown (fixture)) == 13);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (fixture, "search_bar"))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), child (fixture, "story_list")));
  g_assert_false (label_has_highlight (story_view));
}

/* Enter in a search that narrows the last one, over a list big enough that
 * the filter works in steps: the list is empty for a moment, and Enter still
 * lands on the first result once it is there.
 */
static void
test_enter_while_filtering (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("broadsheet-test-views-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"broadsheet-story-json\", \"version\": 1, "
                                          "\"title\": \"Big\", \"stories\": [");
  GtkWidget *entry = child (fixture, "search_entry");
  BroadsheetStory *selected;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{\"id\": \"s%u\", \"headline\": \"Story %u%s\", "
                            "\"published\": \"2026-11-27T10:00:00Z\"}",
                            i > 0 ? ", " : "", i, i, i == 2999 ? " needle" : "");
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, -1, NULL));

  broadsheet_window_open_uri (fixture->window, uri, FALSE);
  TEST_WAIT_UNTIL (g_list_model_get_n_items (shown (fixture)) == 3000);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "needl");
  g_signal_emit_by_name (entry, "activate");
  TEST_WAIT_UNTIL (filtered (fixture) && g_list_model_get_n_items (shown (fixture)) == 1);

  /* A longer query: GTK 4.8 filters it again from the start, in steps. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "needle");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (filter_model (fixture)), >, 0);

  TEST_WAIT_UNTIL (filtered (fixture) &&
                   gtk_single_selection_get_selected (broadsheet_window_get_selection (fixture->window)) == 0);
  selected = gtk_single_selection_get_selected_item (broadsheet_window_get_selection (fixture->window));
  g_assert_cmpstr (broadsheet_story_get_id (selected), ==, "s2999");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/views/views", Fixture, NULL, fixture_set_up, test_views, fixture_tear_down);
  g_test_add ("/views/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/views/enter-while-filtering", Fixture, NULL, fixture_set_up,
              test_enter_while_filtering, fixture_tear_down);

  return g_test_run ();
}
