/* test-keyboard.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "broadsheet-application.h"
#include "broadsheet-photo-figure.h"
#include "broadsheet-story-links.h"
#include "broadsheet-story-row.h"
#include "broadsheet-story-view.h"
#include "broadsheet-window.h"
#include "test-util.h"

/* The key model on the real window under Xvfb: every key goes through the
 * X server (XTest), so GTK routes it exactly as it routes a keyboard's.
 */

typedef struct
{
  BroadsheetApplication *app;
  BroadsheetWindow      *window;
  GSettings             *settings;
} Fixture;

static char *browser_log;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_unlink (browser_log);
  fixture->window = test_start_app (&fixture->app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer)fixture->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_spin (50);
  g_clear_object (&fixture->app);
  test_remove_user_data ();
  g_settings_reset (fixture->settings, "feeds");
  g_settings_reset (fixture->settings, "feed-titles");
  g_settings_reset (fixture->settings, "text-scale");
  g_settings_reset (fixture->settings, "single-key-shortcuts");
  g_clear_object (&fixture->settings);
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

static GtkSingleSelection *
selection (Fixture *fixture)
{
  return broadsheet_window_get_selection (fixture->window);
}

static guint
selected (Fixture *fixture)
{
  return gtk_single_selection_get_selected (selection (fixture));
}

static BroadsheetStory *
selected_story (Fixture *fixture)
{
  return gtk_single_selection_get_selected_item (selection (fixture));
}

static BroadsheetStory *
story_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(BroadsheetStory) story = g_list_model_get_item (G_LIST_MODEL (selection (fixture)), position);

  return story; /* The list keeps it alive. */
}

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
focus_in (Fixture    *fixture,
          const char *name)
{
  GtkWidget *pane = child (fixture, name);

  return focus (fixture) != NULL &&
         (focus (fixture) == pane || gtk_widget_is_ancestor (focus (fixture), pane));
}

/* The focused widget is the row of the selected story. */
static void
assert_focus_on_selected_row (Fixture *fixture)
{
  GtkWidget *item = focus (fixture);
  GtkWidget *row;

  g_assert_nonnull (item);
  row = gtk_widget_get_first_child (item);
  if (!BROADSHEET_IS_STORY_ROW (row))
    g_test_message ("Focus is on a %s, not a headline", G_OBJECT_TYPE_NAME (item));
  g_assert_true (BROADSHEET_IS_STORY_ROW (row));
  g_assert_true (broadsheet_story_row_get_story (BROADSHEET_STORY_ROW (row)) == selected_story (fixture));
  g_assert_true (gtk_widget_get_mapped (item));
}

static BroadsheetStory *
shown_story (Fixture *fixture)
{
  return broadsheet_story_view_get_story (broadsheet_window_get_story_view (fixture->window));
}

static void
test_next_previous (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_cmpuint (selected (fixture), ==, GTK_INVALID_LIST_POSITION);

  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), ==, 0);
  assert_focus_on_selected_row (fixture);
  g_assert_true (shown_story (fixture) == story_at (fixture, 0));
  g_assert_true (broadsheet_story_get_read (story_at (fixture, 0)));

  test_press_key ("j");
  test_press_key ("Down");
  g_assert_cmpuint (selected (fixture), ==, 2);
  assert_focus_on_selected_row (fixture);

  test_press_key ("k");
  g_assert_cmpuint (selected (fixture), ==, 1);
  test_press_key ("Up");
  g_assert_cmpuint (selected (fixture), ==, 0);
  assert_focus_on_selected_row (fixture);

  /* At the top, k stays put. */
  test_press_key ("k");
  g_assert_cmpuint (selected (fixture), ==, 0);

  test_press_key ("End");
  g_assert_cmpuint (selected (fixture), ==, g_list_model_get_n_items (G_LIST_MODEL (selection (fixture))) - 1);
  assert_focus_on_selected_row (fixture);
  test_press_key ("Home");
  g_assert_cmpuint (selected (fixture), ==, 0);
  assert_focus_on_selected_row (fixture);
}

static void
test_mark_read_policy (Fixture       *fixture,
                       gconstpointer  data)
{
  /* After a delay: a story skimmed past stays unread, one stayed on is read. */
  g_settings_set_string (fixture->settings, "mark-read", "after-delay");
  test_press_key ("j");
  test_press_key ("j");
  g_assert_false (broadsheet_story_get_read (story_at (fixture, 0)));
  g_assert_false (broadsheet_story_get_read (story_at (fixture, 1)));
  TEST_WAIT_UNTIL (broadsheet_story_get_read (story_at (fixture, 1)));
  test_spin (200);
  g_assert_false (broadsheet_story_get_read (story_at (fixture, 0)));

  /* Never: only m marks it. */
  g_settings_set_string (fixture->settings, "mark-read", "never");
  test_press_key ("j");
  test_spin (1300);
  g_assert_false (broadsheet_story_get_read (story_at (fixture, 2)));
  test_press_key ("m");
  g_assert_true (broadsheet_story_get_read (story_at (fixture, 2)));

  g_settings_set_string (fixture->settings, "mark-read", "on-select");
}

static void
test_keys_in_story_pane (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *story_view = story_pane (fixture);

  test_press_key ("j");
  gtk_widget_grab_focus (story_view);
  g_assert_true (focus_in (fixture, "detail_pane"));

  /* The story changes; the reader stays in the story pane. */
  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), ==, 1);
  g_assert_true (shown_story (fixture) == story_at (fixture, 1));
  g_assert_true (focus_in (fixture, "detail_pane"));

  test_press_key ("s");
  g_assert_true (broadsheet_story_get_saved (story_at (fixture, 1)));
  test_press_key ("k");
  g_assert_cmpuint (selected (fixture), ==, 0);

  /* And from the sidebar too. */
  gtk_widget_grab_focus (child (fixture, "source_list"));
  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), ==, 1);
  assert_focus_on_selected_row (fixture);
}

static void
test_unread (Fixture       *fixture,
             gconstpointer  data)
{
  /* Stories 1 and 2 read: n from 0 goes to 3, p comes back to 0. */
  broadsheet_story_set_read (story_at (fixture, 1), TRUE);
  broadsheet_story_set_read (story_at (fixture, 2), TRUE);

  test_press_key ("n");
  g_assert_cmpuint (selected (fixture), ==, 0);
  test_press_key ("n");
  g_assert_cmpuint (selected (fixture), ==, 3);
  assert_focus_on_selected_row (fixture);

  /* 0 was read when shown; p goes round to the last unread story. */
  test_press_key ("p");
  g_assert_cmpuint (selected (fixture), ==, g_list_model_get_n_items (G_LIST_MODEL (selection (fixture))) - 1);
}

static double
story_scroll (Fixture *fixture)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (story_pane (fixture));

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
}

static void
test_space_reads_on (Fixture       *fixture,
                     gconstpointer  data)
{
  BroadsheetStory *first;
  guint presses = 0;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 500);
  test_press_key ("space");
  g_assert_cmpuint (selected (fixture), ==, 0);
  first = selected_story (fixture);
  test_spin (100);

  test_press_key ("space");
  g_assert_true (selected_story (fixture) == first);
  g_assert_cmpfloat (story_scroll (fixture), >, 0);

  test_press_key ("<Shift>space");
  g_assert_cmpfloat (story_scroll (fixture), ==, 0);
  test_press_key ("Page_Down");
  g_assert_cmpfloat (story_scroll (fixture), >, 0);
  test_press_key ("Page_Up");
  g_assert_cmpfloat (story_scroll (fixture), ==, 0);

  /* Space to the end of the story, then on to the next unread one. */
  while (selected_story (fixture) == first)
    {
      g_assert_cmpuint (++presses, <, 20);
      test_press_key ("space");
    }
  g_assert_cmpuint (presses, >, 1);
  g_assert_cmpuint (selected (fixture), ==, 1);
  g_assert_cmpfloat (story_scroll (fixture), ==, 0);
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkListBox *sidebar = GTK_LIST_BOX (child (fixture, "source_list"));

  broadsheet_window_open_uri (fixture->window, uri, FALSE);
  TEST_WAIT_UNTIL (test_sources_settled (fixture->window));
  broadsheet_window_show_source (fixture->window, NULL);
  test_spin (50);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 0);

  test_press_key ("z");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 1);
  test_press_key ("z");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection (fixture))), ==, 2);
  test_press_key ("a");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 1);
  test_press_key ("<Control>Page_Up");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 0);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  test_press_key ("j");
  test_press_key ("j");
  test_press_key ("End");
  test_press_key ("<Alt>Left");
  g_assert_cmpuint (selected (fixture), ==, 1);
  test_press_key ("<Alt>Left");
  g_assert_cmpuint (selected (fixture), ==, 0);
  test_press_key ("<Alt>Right");
  g_assert_cmpuint (selected (fixture), ==, 1);
  assert_focus_on_selected_row (fixture);

  /* A new visit drops the forward history. */
  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), ==, 2);
  test_press_key ("<Alt>Right");
  g_assert_cmpuint (selected (fixture), ==, 2);
  test_press_key ("<Alt>Left");
  g_assert_cmpuint (selected (fixture), ==, 1);
}

static char *
read_browser_log (void)
{
  char *contents = NULL;

  g_file_get_contents (browser_log, &contents, NULL, NULL);
  return contents;
}

static gboolean
browser_opened (const char *uri)
{
  g_autofree char *log = read_browser_log ();
  g_autofree char *line = g_strconcat (uri, "\n", NULL);

  return log != NULL && strstr (log, line) != NULL;
}

static void
test_open_in_browser (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) links = NULL;

  test_press_key ("j");
  test_press_key ("o");
  TEST_WAIT_UNTIL (browser_opened (broadsheet_story_get_url (story_at (fixture, 0))));

  test_press_key ("j");
  test_press_key ("Return");
  TEST_WAIT_UNTIL (browser_opened (broadsheet_story_get_url (story_at (fixture, 1))));

  /* 1 opens the "Go deeper" link. */
  links = broadsheet_story_dup_links (selected_story (fixture));
  g_assert_nonnull (links[0]);
  test_press_key ("1");
  TEST_WAIT_UNTIL (browser_opened (links[0]));

  /* A link the story does not have opens nothing. */
  g_unlink (browser_log);
  g_assert_cmpuint (g_strv_length (links), <, 9);
  test_press_key ("9");
  test_spin (300);
  g_assert_false (g_file_test (browser_log, G_FILE_TEST_EXISTS));
}

static char *
expected_row_label (BroadsheetStoryRow *row,
                    const char         *states)
{
  GtkWidget *meta = test_find_descendant (GTK_WIDGET (row), GTK_TYPE_INSCRIPTION, "caption");

  return g_strdup_printf ("%s, %s%s", broadsheet_story_get_headline (broadsheet_story_row_get_story (row)),
                          gtk_inscription_get_text (GTK_INSCRIPTION (meta)), states);
}

static void
assert_row_label (Fixture    *fixture,
                  const char *states)
{
  GtkWidget *item = focus (fixture);
  BroadsheetStoryRow *row = BROADSHEET_STORY_ROW (gtk_widget_get_first_child (item));
  g_autofree char *expected = expected_row_label (row, states);
  g_autofree char *item_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (item),
                                                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                    expected);
  g_autofree char *row_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   expected);

  g_assert_cmpstr (item_error, ==, NULL);
  g_assert_cmpstr (row_error, ==, NULL);
}

static void
test_save_and_read (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *save_button = child (fixture, "save_button");

  test_press_key ("j");
  assert_row_label (fixture, "");

  test_press_key ("s");
  g_assert_true (broadsheet_story_get_saved (story_at (fixture, 0)));
  assert_row_label (fixture, ", Saved");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button), ==, "Unsave Story");

  test_press_key ("m");
  g_assert_false (broadsheet_story_get_read (story_at (fixture, 0)));
  assert_row_label (fixture, ", Unread, Saved");

  test_press_key ("s");
  test_press_key ("m");
  g_assert_false (broadsheet_story_get_saved (story_at (fixture, 0)));
  g_assert_true (broadsheet_story_get_read (story_at (fixture, 0)));
  assert_row_label (fixture, "");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button), ==, "Save Story");
}

static void
test_unsave_undo_and_row_menu (Fixture       *fixture,
                               gconstpointer  data)
{
  BroadsheetStoryRow *row;
  GtkWidget *menu;

  test_press_key ("j");
  test_press_key ("s");
  g_assert_true (broadsheet_story_get_saved (story_at (fixture, 0)));

  /* Unsaving can be undone: an unsaved story goes when its feed drops it. */
  test_press_key ("s");
  g_assert_false (broadsheet_story_get_saved (story_at (fixture, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-unsave", NULL));
  g_assert_true (broadsheet_story_get_saved (story_at (fixture, 0)));

  /* Shift+F10 opens the headline's menu, worded for its state. */
  row = BROADSHEET_STORY_ROW (gtk_widget_get_first_child (focus (fixture)));
  test_press_key ("<Shift>F10");
  menu = broadsheet_story_row_get_menu (row);
  g_assert_nonnull (menu);
  TEST_WAIT_UNTIL (gtk_widget_get_visible (menu));
  {
    GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "Un_save Story");
  }
  test_press_key ("Escape");
  TEST_WAIT_UNTIL (!gtk_widget_get_visible (menu));
}

static guint
count_unread (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection (fixture))); i++)
    n += !broadsheet_story_get_read (story_at (fixture, i));
  return n;
}

static void
test_mark_all_read (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection (fixture)));

  test_press_key ("j");
  g_assert_cmpuint (count_unread (fixture), ==, n - 1);

  test_press_key ("<Shift>a");
  g_assert_cmpuint (count_unread (fixture), ==, 0);

  /* Undo (the toast's button) brings back exactly the stories it marked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-mark-all-read", NULL));
  g_assert_cmpuint (count_unread (fixture), ==, n - 1);
  g_assert_true (broadsheet_story_get_read (story_at (fixture, 0)));
}

static void
test_text_size (Fixture       *fixture,
                gconstpointer  data)
{
  BroadsheetStoryView *view = broadsheet_window_get_story_view (fixture->window);

  test_press_key ("j");
  test_press_key ("<Control>plus");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-scale"), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (broadsheet_story_view_get_text_scale (view), 1.1, 0.001);
  test_press_key ("<Control>equal");
  g_assert_cmpfloat_with_epsilon (broadsheet_story_view_get_text_scale (view), 1.2, 0.001);
  test_press_key ("<Control>minus");
  test_press_key ("<Control>minus");
  test_press_key ("<Control>minus");
  g_assert_cmpfloat_with_epsilon (broadsheet_story_view_get_text_scale (view), 0.9, 0.001);
  test_press_key ("<Control>0");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-scale"), 1.0, 0.001);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
menu_open (GtkWidget *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static void
test_help_and_menu (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *shortcuts;

  test_press_key ("question");
  TEST_WAIT_UNTIL (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  gtk_window_close (shortcuts);
  test_focus_window (GTK_WINDOW (fixture->window));

  test_press_key ("F10");
  TEST_WAIT_UNTIL (menu_open (child (fixture, "primary_menu_button")));
  test_press_key ("Escape");
  TEST_WAIT_UNTIL (!menu_open (child (fixture, "primary_menu_button")));

  test_press_key ("<Control>comma");
  TEST_WAIT_UNTIL (find_toplevel (ADW_TYPE_PREFERENCES_WINDOW) != NULL);
}

static gboolean
folded (Fixture *fixture)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (child (fixture, "leaflet")));
}

static GtkWidget *
visible_pane (Fixture *fixture)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (child (fixture, "leaflet")));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 600);
  TEST_WAIT_UNTIL (folded (fixture));
  g_assert_true (visible_pane (fixture) == child (fixture, "list_pane"));

  /* Enter on a headline opens the story, as a click does; Escape comes back. */
  test_press_key ("j");
  test_press_key ("j");
  assert_focus_on_selected_row (fixture);
  test_press_key ("Return");
  TEST_WAIT_UNTIL (visible_pane (fixture) == child (fixture, "detail_pane"));
  g_assert_true (shown_story (fixture) == story_at (fixture, 1));

  /* In the story, j moves on without leaving it. */
  test_press_key ("j");
  g_assert_true (shown_story (fixture) == story_at (fixture, 2));
  g_assert_true (visible_pane (fixture) == child (fixture, "detail_pane"));

  test_press_key ("Escape");
  TEST_WAIT_UNTIL (visible_pane (fixture) == child (fixture, "list_pane"));
  test_spin (100);
  assert_focus_on_selected_row (fixture);
  g_assert_cmpuint (selected (fixture), ==, 2);
}

static void
test_single_keys_off (Fixture       *fixture,
                      gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "single-key-shortcuts", FALSE);

  test_press_key ("j");
  test_press_key ("s");
  g_assert_cmpuint (selected (fixture), ==, GTK_INVALID_LIST_POSITION);

  /* Arrows and keys with Ctrl or Alt still work. */
  test_press_key ("Down");
  g_assert_cmpuint (selected (fixture), ==, 0);
  test_press_key ("s");
  g_assert_false (broadsheet_story_get_saved (story_at (fixture, 0)));
  test_press_key ("<Control>plus");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-scale"), 1.1, 0.001);
}

static GtkEditable *
find_editable (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget) && gtk_widget_get_focusable (widget))
    return GTK_EDITABLE (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkEditable *editable = find_editable (c);

      if (editable != NULL)
        return editable;
    }
  return NULL;
}

static void
test_typing_in_entry (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *dialog;
  GtkEditable *entry;

  test_press_key ("z");
  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-source", NULL));
  TEST_WAIT_UNTIL (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  test_focus_window (dialog);
  entry = find_editable (GTK_WIDGET (dialog));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "");
  gtk_widget_grab_focus (GTK_WIDGET (entry));

  test_press_key ("j");
  test_press_key ("k");
  test_press_key ("space");
  test_press_key ("s");
  test_press_key ("question");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "jk s?");
  g_assert_cmpuint (selected (fixture), ==, 0);
  g_assert_false (broadsheet_story_get_saved (story_at (fixture, 0)));
}

static void
test_focus_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  broadsheet_window_open_uri (fixture->window, uri, FALSE);
  TEST_WAIT_UNTIL (test_sources_settled (fixture->window));

  /* The focused row's feed goes: focus lands on a headline still there. */
  test_press_key ("z");
  test_press_key ("z");
  test_press_key ("j");
  assert_focus_on_selected_row (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-source", NULL));
  test_spin (200);
  g_assert_nonnull (focus (fixture));
  g_assert_true (gtk_widget_get_mapped (focus (fixture)));
  g_assert_true (focus_in (fixture, "story_list"));

  /* j carries on from there. */
  test_press_key ("j");
  g_assert_cmpuint (selected (fixture), !=, GTK_INVALID_LIST_POSITION);
  assert_focus_on_selected_row (fixture);
}

static GtkWidget *
find_link_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), "<a href") != NULL)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_link_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_accessibility (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *story_view = story_pane (fixture);
  GtkWidget *headline = GTK_WIDGET (gtk_widget_get_template_child (story_view, BROADSHEET_TYPE_STORY_VIEW,
                                                                   "headline_label"));
  GtkWidget *figure = GTK_WIDGET (gtk_widget_get_template_child (story_view, BROADSHEET_TYPE_STORY_VIEW,
                                                                 "lead_photo"));
  GtkWidget *picture = GTK_WIDGET (gtk_widget_get_template_child (figure, BROADSHEET_TYPE_PHOTO_FIGURE,
                                                                  "picture"));
  GtkWidget *link;
  g_autofree char *error = NULL;
  BroadsheetPhoto *photo;

  /* Rows say "Unread" in words until read. */
  test_press_key ("j");
  test_press_key ("m");
  assert_row_label (fixture, ", Unread");

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (headline), GTK_ACCESSIBLE_ROLE_HEADING));
  photo = broadsheet_story_get_lead_photo (selected_story (fixture));
  g_assert_nonnull (photo);
  g_assert_true (GTK_IS_PICTURE (picture));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              broadsheet_photo_get_alt_text (photo));
  g_assert_cmpstr (error, ==, NULL);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (picture),
                                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));

  /* Tab from the story pane walks its links, each scrolled into view. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 400);
  test_spin (200);
  gtk_widget_grab_focus (story_view);
  for (guint i = 0; i < 30 && (focus (fixture) == NULL || !GTK_IS_LABEL (focus (fixture))); i++)
    test_press_key ("Tab");
  link = focus (fixture);
  g_assert_true (GTK_IS_LABEL (link));
  g_assert_true (gtk_widget_is_ancestor (link, story_view));
  g_assert_true (link == find_link_label (story_view));
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (link, story_view, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (story_view));
  }
}

/* A web browser that writes down what it was asked to open, made the
 * default in the test's own XDG directories.
 */
static void
install_fake_browser (void)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "fake-browser.sh", NULL);
  g_autofree char *desktop_path = g_build_filename (apps, "fake-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop = NULL;

  browser_log = g_build_filename (g_get_user_data_dir (), "opened.txt", NULL);
  g_mkdir_with_parents (apps, 0700);
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", browser_log);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_chmod (script, 0700);
  desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Browser\nExec=%s %%u\n"
                             "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n", script);
  g_assert_true (g_file_set_contents (desktop_path, desktop, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps,
                                      "[Default Applications]\n"
                                      "x-scheme-handler/http=fake-browser.desktop\n"
                                      "x-scheme-handler/https=fake-browser.desktop\n", -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  install_fake_browser ();

#define ADD(path, func) \
  g_test_add ("/keyboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("next-previous", test_next_previous);
  ADD ("mark-read-policy", test_mark_read_policy);
  ADD ("keys-in-story-pane", test_keys_in_story_pane);
  ADD ("unread", test_unread);
  ADD ("space-reads-on", test_space_reads_on);
  ADD ("sources", test_sources);
  ADD ("history", test_history);
  ADD ("open-in-browser", test_open_in_browser);
  ADD ("save-and-read", test_save_and_read);
  ADD ("mark-all-read", test_mark_all_read);
  ADD ("unsave-undo-and-row-menu", test_unsave_undo_and_row_menu);
  ADD ("text-size", test_text_size);
  ADD ("help-and-menu", test_help_and_menu);
  ADD ("narrow", test_narrow);
  ADD ("single-keys-off", test_single_keys_off);
  ADD ("typing-in-entry", test_typing_in_entry);
  ADD ("focus-kept", test_focus_kept);
  ADD ("accessibility", test_accessibility);

  return g_test_run ();
}
