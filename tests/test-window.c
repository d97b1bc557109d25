/* test-window.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "broadsheet-application.h"
#include "broadsheet-photo-figure.h"
#include "broadsheet-source.h"
#include "broadsheet-story.h"
#include "broadsheet-window.h"
#include "test-util.h"

/* The real window, under Xvfb, driven through its application and actions. */

typedef struct
{
  BroadsheetApplication *app;
  BroadsheetWindow      *window;
} Fixture;





static gboolean
sources_settled (Fixture *fixture)
{
  if (fixture->window == NULL)
    fixture->window = BROADSHEET_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  if (fixture->window == NULL)
    return FALSE;

  return test_sources_settled (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->app = broadsheet_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_spin (50);
  g_clear_object (&fixture->app);
  test_remove_user_data ();
  g_settings_reset (settings, "feeds");
  g_settings_reset (settings, "feed-titles");
}

static void
open_feed (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (fixture->app), files, 1, "");
  TEST_WAIT_UNTIL (sources_settled (fixture));
  test_spin (100);
}

static void
open_bundled (Fixture *fixture)
{
  g_application_activate (G_APPLICATION (fixture->app));
  TEST_WAIT_UNTIL (sources_settled (fixture));
  test_spin (100);
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

/* Appends the text of every visible label under @widget, one per line. */



/* Scrolls the headline list from top to bottom and checks that every story's
 * headline was drawn in a row on the way.
 */
static void
assert_every_row_shown (Fixture    *fixture,
                        GListModel *stories)
{
  GtkWidget *list = template_child (fixture, "story_list");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_autoptr(GString) seen = g_string_new (NULL);

  for (double value = 0;; value += gtk_adjustment_get_page_size (adjustment) / 2)
    {
      g_autofree char *text = NULL;

      gtk_adjustment_set_value (adjustment, value);
      test_spin (50);
      text = test_widget_text (list);
      g_string_append (seen, text);
      if (value >= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        break;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories, i);

      test_assert_contains (seen->str, broadsheet_story_get_headline (story));
    }
}

static void
test_bundled_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSingleSelection *selection;
  g_autoptr(BroadsheetStory) first = NULL;
  g_autofree char *list_text = NULL;
  GListModel *sources;
  g_autoptr(BroadsheetSource) bundled = NULL;

  open_bundled (fixture);

  sources = broadsheet_window_get_sources (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  bundled = g_list_model_get_item (sources, 0);
  g_assert_cmpint (broadsheet_source_get_state (bundled), ==, BROADSHEET_SOURCE_READY);

  selection = broadsheet_window_get_selection (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    g_list_model_get_n_items (broadsheet_source_get_stories (bundled)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, 12);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "stories");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "detail_stack"))),
                   ==, "empty");

  /* The newest story comes first, and its row shows its headline and state in words. */
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  list_text = test_widget_text (template_child (fixture, "story_list"));
  test_assert_contains (list_text, broadsheet_story_get_headline (first));
  test_assert_contains (list_text, "Unread");
  test_assert_contains (list_text, " ago");

  assert_every_row_shown (fixture, G_LIST_MODEL (selection));
}

static BroadsheetStory *
find_story_with_photo (GListModel *model,
                       guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (model, i);
      BroadsheetPhoto *photo = broadsheet_story_get_lead_photo (story);

      if (photo != NULL && broadsheet_photo_get_caption (photo) != NULL &&
          broadsheet_photo_get_credit (photo) != NULL && broadsheet_story_get_authors (story) != NULL)
        {
          *position = i;
          return g_steal_pointer (&story);
        }
    }
  g_assert_not_reached ();
}

static GtkWidget *
lead_picture (Fixture *fixture)
{
  GtkWidget *view = story_pane (fixture);
  GObject *figure = gtk_widget_get_template_child (view, g_type_from_name ("BroadsheetStoryView"),
                                                   "lead_photo");

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (figure),
                                                    BROADSHEET_TYPE_PHOTO_FIGURE, "picture"));
}

static gboolean
lead_photo_shown (Fixture *fixture)
{
  GtkWidget *picture = lead_picture (fixture);

  return gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL &&
         gtk_widget_get_mapped (picture) && gtk_widget_get_height (picture) > 0;
}

static double
story_scroll_position (Fixture *fixture)
{
  GtkWidget *view = story_pane (fixture);
  GObject *scrolled = gtk_widget_get_template_child (view, g_type_from_name ("BroadsheetStoryView"),
                                                     "scrolled_window");

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
}

static void
test_select_story (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSingleSelection *selection;
  g_autoptr(BroadsheetStory) story = NULL;
  BroadsheetPhoto *photo;
  g_autofree char *detail_text = NULL;
  guint position;

  open_bundled (fixture);
  selection = broadsheet_window_get_selection (fixture->window);
  story = find_story_with_photo (G_LIST_MODEL (selection), &position);
  photo = broadsheet_story_get_lead_photo (story);
  g_assert_false (broadsheet_story_get_read (story));

  /* As after a click: the list has focus when the story opens. */
  gtk_widget_grab_focus (template_child (fixture, "story_list"));
  gtk_single_selection_set_selected (selection, position);
  TEST_WAIT_UNTIL (lead_photo_shown (fixture));
  test_spin (100);
  /* The picture keeps its aspect ratio across the pane's width. */
  g_assert_cmpint (abs (gtk_widget_get_height (lead_picture (fixture)) * broadsheet_photo_get_width (photo) -
                        gtk_widget_get_width (lead_picture (fixture)) * broadsheet_photo_get_height (photo)),
                   <=, broadsheet_photo_get_width (photo) * 2);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "detail_stack"))),
                   ==, "story");
  /* A story opens at its top. */
  g_assert_cmpfloat (story_scroll_position (fixture), ==, 0);
  detail_text = test_widget_text (story_pane (fixture));
  test_assert_contains (detail_text, broadsheet_story_get_headline (story));
  test_assert_contains (detail_text, broadsheet_story_get_authors (story)[0]);
  test_assert_contains (detail_text, "By ");
  test_assert_contains (detail_text, broadsheet_photo_get_caption (photo));
  test_assert_contains (detail_text, broadsheet_photo_get_credit (photo));
  g_assert_true (broadsheet_story_get_read (story));
}

static void
test_stories_open_at_top (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSingleSelection *selection;

  open_bundled (fixture);
  selection = broadsheet_window_get_selection (fixture->window);
  /* From the bottom up, so the first story shown is one far down the list. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (selection)); i-- > 0;)
    {
      gtk_widget_grab_focus (template_child (fixture, "story_list"));
      gtk_single_selection_set_selected (selection, i);
      test_spin (150);
      g_test_message ("story %u opens at %.0f", i, story_scroll_position (fixture));
      g_assert_cmpfloat (story_scroll_position (fixture), ==, 0);
    }
}

static void
test_markup_literal (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSingleSelection *selection;
  g_autofree char *list_text = NULL;
  g_autofree char *detail_text = NULL;

  open_feed (fixture, "markup.json");
  selection = broadsheet_window_get_selection (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);

  list_text = test_widget_text (template_child (fixture, "story_list"));
  test_assert_contains (list_text, "<b>Bold?</b> & <span foreground=\"red\">red</span> </a>");
  test_assert_contains (list_text, "<i>Kicker</i>");
  test_assert_contains (list_text, "By <b>Author</b> & Co");

  gtk_single_selection_set_selected (selection, 0);
  test_spin (100);
  detail_text = test_widget_text (story_pane (fixture));
  test_assert_contains (detail_text, "<b>Bold?</b> & <span foreground=\"red\">red</span> </a>");
  test_assert_contains (detail_text, "Summary with <u>tags</u> & &amp; entities");
  test_assert_contains (detail_text, "<i>Caption</i> & more");
  test_assert_contains (detail_text, "<b>Credit</b> &lt;");
  /* The photo cannot load, so its alt text stands in, literally. */
  test_assert_contains (detail_text, "<alt> & text");
  test_assert_contains (detail_text, "<b>Label:</b> <markup> & <a href=\"javascript:alert(1)\">link</a>");
  test_assert_contains (detail_text, "<big>Heading</big>");
  test_assert_contains (detail_text, "<u>List</u>");
  test_assert_contains (detail_text, "<s>item</s> & one");
  test_assert_contains (detail_text, "<i>Quote</i> &");
  test_assert_contains (detail_text, "<b>Speaker</b>");
  test_assert_contains (detail_text, "<b>Deeper</b> <i>Title</i> & more");
}

static void
test_json_feed_rendered (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSingleSelection *selection;
  g_autofree char *detail_text = NULL;
  BroadsheetStory *story;

  open_feed (fixture, "jsonfeed-smart-brevity.json");
  selection = broadsheet_window_get_selection (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  gtk_single_selection_set_selected (selection, 0);
  test_spin (100);

  story = gtk_single_selection_get_selected_item (selection);
  detail_text = test_widget_text (story_pane (fixture));
  /* The body's first picture leads, with its caption, once. */
  test_assert_contains (detail_text, "The ferry at the north quay.");
  g_assert_null (strstr (strstr (detail_text, "The ferry at the north quay.") + 1,
                         "The ferry at the north quay."));
  g_assert_cmpstr (broadsheet_photo_get_alt_text (broadsheet_story_get_lead_photo (story)), ==,
                   "A ferry at the quay");
  /* Formatted text, a labelled paragraph, lists, a quote, a figure, code and Go deeper. */
  test_assert_contains (detail_text, "The harbour board published the winter timetable on Friday.");
  test_assert_contains (detail_text, "Why it matters: Island workers plan their week around it.");
  test_assert_contains (detail_text, "What changes");
  test_assert_contains (detail_text, "Saturdays");
  test_assert_contains (detail_text, "2.\n");
  test_assert_contains (detail_text, "We listened to the night shift.");
  test_assert_contains (detail_text, "The new route, in blue.");
  test_assert_contains (detail_text, "22:40  Port Ellery\n23:05  Gull Island");
  test_assert_contains (detail_text, "Go deeper: A century of night ferries");
  g_assert_null (strstr (detail_text, "alert"));
}

static void
test_broken_feed (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *error_page;

  open_feed (fixture, "broken.json");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "error");
  error_page = template_child (fixture, "error_page");
  test_assert_contains (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                   "This feed is not valid JSON");
  test_assert_contains (adw_status_page_get_title (ADW_STATUS_PAGE (error_page)), "Could Not Read");
}

static void
test_web_page (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *error_text = NULL;

  open_feed (fixture, "web-page.json");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "error");
  error_text = test_widget_text (template_child (fixture, "error_page"));
  test_assert_contains (error_text, "This is a web page or an XML document, not a JSON feed");
}

static void
test_error_shown_literally (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("broadsheet-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "<b>gone</b> & lost.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  g_autofree char *error_text = NULL;

  /* The error quotes the file name; the status page must not read it as markup. */
  g_application_open (G_APPLICATION (fixture->app), files, 1, "");
  TEST_WAIT_UNTIL (sources_settled (fixture));
  test_spin (100);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "error");
  error_text = test_widget_text (template_child (fixture, "error_page"));
  test_assert_contains (error_text, "Could not read “");
  test_assert_contains (error_text, "<b>gone</b> & lost.json”");
  g_rmdir (dir);
}

static void
test_failed_reload_keeps_stories (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("broadsheet-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "complete.json", NULL);
  g_autofree char *good = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  GtkSingleSelection *selection;

  g_assert_true (g_file_get_contents (good_path, &good, NULL, NULL));
  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  g_application_open (G_APPLICATION (fixture->app), files, 1, "");
  TEST_WAIT_UNTIL (sources_settled (fixture));

  selection = broadsheet_window_get_selection (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  gtk_single_selection_set_selected (selection, 0);

  g_assert_true (g_file_set_contents (path, "{ \"format\": ", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  TEST_WAIT_UNTIL (sources_settled (fixture));
  test_spin (100);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "list_stack"))),
                   ==, "stories");

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
leaflet_folded (Fixture *fixture)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (template_child (fixture, "leaflet")));
}

static gboolean
detail_pane_shown (Fixture *fixture)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (fixture, "leaflet"))) ==
         template_child (fixture, "detail_pane");
}

static void
test_narrow_back (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwLeaflet *leaflet;
  GtkWidget *story_list;

  open_bundled (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 600);
  TEST_WAIT_UNTIL (leaflet_folded (fixture));

  leaflet = ADW_LEAFLET (template_child (fixture, "leaflet"));
  story_list = template_child (fixture, "story_list");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "list_pane"));

  /* Activating a headline opens the story; going back returns to the list with focus. */
  g_signal_emit_by_name (story_list, "activate", 1);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "detail_pane"));
  g_assert_cmpuint (gtk_single_selection_get_selected (broadsheet_window_get_selection (fixture->window)),
                    ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-list", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "list_pane"));
  test_spin (50);
  g_assert_true (gtk_widget_has_focus (story_list) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), story_list));

  /* A click on a row selects it and asks for the story; the story opens once selected. */
  gtk_single_selection_set_selected (broadsheet_window_get_selection (fixture->window), 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-story", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (fixture, "list_pane"));
  TEST_WAIT_UNTIL (detail_pane_shown (fixture));
}

static void
test_open_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  open_feed (fixture, "complete.json");
  open_feed (fixture, "complete.json");

  /* The second open reads the feed again rather than listing it twice beside the sample. */
  g_assert_cmpuint (g_list_model_get_n_items (broadsheet_window_get_sources (fixture->window)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (broadsheet_window_get_selection (fixture->window))),
                    ==, 2);
}

static void
test_size_saved (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  open_bundled (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 901, 651);
  test_spin (100);

  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  gtk_window_close (GTK_WINDOW (fixture->window));
  test_spin (100);
  g_assert_null (fixture->window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 901);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 651);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  g_application_activate (G_APPLICATION (fixture->app));
  TEST_WAIT_UNTIL (sources_settled (fixture));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
    g_assert_cmpint (width, ==, 901);
    g_assert_cmpint (height, ==, 651);
  }
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWindow *about = NULL;
  g_autoptr(GList) windows = NULL;

  open_bundled (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  test_spin (100);

  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Broadsheet");
  gtk_window_destroy (about);
}

static void
test_accels (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) about = NULL;

  open_bundled (fixture);
  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  about = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.about");
  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (about[0], ==, "<Control>F1");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/window/bundled-rows", Fixture, NULL,
              fixture_set_up, test_bundled_rows, fixture_tear_down);
  g_test_add ("/window/select-story", Fixture, NULL,
              fixture_set_up, test_select_story, fixture_tear_down);
  g_test_add ("/window/stories-open-at-top", Fixture, NULL,
              fixture_set_up, test_stories_open_at_top, fixture_tear_down);
  g_test_add ("/window/markup-literal", Fixture, NULL,
              fixture_set_up, test_markup_literal, fixture_tear_down);
  g_test_add ("/window/json-feed-rendered", Fixture, NULL,
              fixture_set_up, test_json_feed_rendered, fixture_tear_down);
  g_test_add ("/window/broken-feed", Fixture, NULL,
              fixture_set_up, test_broken_feed, fixture_tear_down);
  g_test_add ("/window/web-page", Fixture, NULL,
              fixture_set_up, test_web_page, fixture_tear_down);
  g_test_add ("/window/error-shown-literally", Fixture, NULL,
              fixture_set_up, test_error_shown_literally, fixture_tear_down);
  g_test_add ("/window/failed-reload-keeps-stories", Fixture, NULL,
              fixture_set_up, test_failed_reload_keeps_stories, fixture_tear_down);
  g_test_add ("/window/narrow-back", Fixture, NULL,
              fixture_set_up, test_narrow_back, fixture_tear_down);

  g_test_add ("/window/open-twice", Fixture, NULL,
              fixture_set_up, test_open_twice, fixture_tear_down);
  g_test_add ("/window/size-saved", Fixture, NULL,
              fixture_set_up, test_size_saved, fixture_tear_down);
  g_test_add ("/window/about", Fixture, NULL,
              fixture_set_up, test_about, fixture_tear_down);
  g_test_add ("/window/accels", Fixture, NULL,
              fixture_set_up, test_accels, fixture_tear_down);

  return g_test_run ();
}
