/* broadsheet-window.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-story-row.h"
#include "broadsheet-story-view.h"
#include "broadsheet-window.h"

/* The main window: headlines on the left, the story on the right, folding
 * to one pane with a back button when narrow.
 *
 * The stories come through a chain of list models: the sources store maps
 * each source to its stories, a flatten model joins them, a sort model puts
 * the newest first and a single selection drives the story pane.
 */
struct _BroadsheetWindow
{
  AdwApplicationWindow parent_instance;

  GSettings          *settings;
  GCancellable       *cancellable;
  GListStore         *sources;
  GtkSingleSelection *selection;
  guint               show_story_id;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  AdwWindowTitle      *list_title;
  GtkStack            *list_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkListView         *story_list;
  GtkStack            *detail_stack;
  BroadsheetStoryView *story_view;
};

G_DEFINE_FINAL_TYPE (BroadsheetWindow, broadsheet_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_list_page (BroadsheetWindow *self)
{
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint n_stories = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean loading = FALSE;
  const GError *error = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (broadsheet_source_get_state (source) == BROADSHEET_SOURCE_LOADING)
        loading = TRUE;
      if (error == NULL && broadsheet_source_get_error (source) != NULL)
        error = broadsheet_source_get_error (source);
    }

  gtk_spinner_set_spinning (self->spinner, loading && n_stories == 0);

  if (n_stories > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "stories");
  else if (loading)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (error != NULL)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);
      g_autofree char *description =
        g_strdup_printf (_("%s.\n\nCheck that the feed exists and is a Broadsheet story feed, "
                           "then try again."),
                         message);

      /* The status page's description is markup, and the message may quote feed text. */
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (n_sources == 1)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), 0);

      subtitle = g_strdup (broadsheet_source_get_title (source));
    }
  else if (n_sources > 1)
    {
      subtitle = g_strdup_printf (ngettext ("%u feed", "%u feeds", n_sources), n_sources);
    }
  adw_window_title_set_subtitle (self->list_title, subtitle != NULL ? subtitle : "");
}

static void
show_toast (BroadsheetWindow *self,
            const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BroadsheetSource *source = BROADSHEET_SOURCE (object);
  g_autoptr(BroadsheetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_skipped;

  if (!broadsheet_source_load_finish (source, result, &error))
    {
      /* With stories on screen the error page does not show, so say it here. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        show_toast (self, error->message);
      return;
    }

  n_skipped = broadsheet_source_get_n_skipped (source);
  if (n_skipped > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u story in “%s” could not be read and was left out",
                                   "%u stories in “%s” could not be read and were left out",
                                   n_skipped),
                         n_skipped, broadsheet_source_get_title (source));

      show_toast (self, message);
    }
}

static void
load_source (BroadsheetWindow *self,
             BroadsheetSource *source)
{
  broadsheet_source_load_async (source, self->cancellable, load_cb, g_object_ref (self));
}

static void
source_changed_cb (BroadsheetWindow *self)
{
  update_list_page (self);
}

/* Shows @source's stories along with the others, and loads it. */
void
broadsheet_window_add_source (BroadsheetWindow *self,
                              BroadsheetSource *source)
{
  g_return_if_fail (BROADSHEET_IS_WINDOW (self));
  g_return_if_fail (BROADSHEET_IS_SOURCE (source));

  g_signal_connect_object (source, "notify::state",
                           G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::title",
                           G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->sources, source);
  load_source (self, source);
}

/* Returns: (transfer none) (nullable): the source that reads @file, if the window has one. */
BroadsheetSource *
broadsheet_window_find_source (BroadsheetWindow *self,
                               GFile            *file)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_file_equal (broadsheet_source_get_file (source), file))
        return source;
    }

  return NULL;
}

/* Loads @source again, unless it is loading already. */
void
broadsheet_window_reload_source (BroadsheetWindow *self,
                                 BroadsheetSource *source)
{
  g_return_if_fail (BROADSHEET_IS_WINDOW (self));
  g_return_if_fail (BROADSHEET_IS_SOURCE (source));

  if (broadsheet_source_get_state (source) != BROADSHEET_SOURCE_LOADING)
    load_source (self, source);
}

/* Returns: (transfer none): the sources the window shows, a list of BroadsheetSource. */
GListModel *
broadsheet_window_get_sources (BroadsheetWindow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/* Returns: (transfer none): the headline list's selection, over BroadsheetStory. */
GtkSingleSelection *
broadsheet_window_get_selection (BroadsheetWindow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);

  return self->selection;
}

static void
selected_story_changed_cb (BroadsheetWindow *self)
{
  BroadsheetStory *story = gtk_single_selection_get_selected_item (self->selection);

  broadsheet_story_view_set_story (self->story_view, story);
  gtk_stack_set_visible_child_name (self->detail_stack, story != NULL ? "story" : "empty");
  if (story != NULL)
    broadsheet_story_set_read (story, TRUE);
}

static void
show_story (BroadsheetWindow *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
story_activated_cb (BroadsheetWindow *self,
                    guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_story (self);
}

static gboolean
show_story_idle_cb (gpointer user_data)
{
  BroadsheetWindow *self = user_data;

  self->show_story_id = 0;
  show_story (self);
  return G_SOURCE_REMOVE;
}

/* A click on a headline: the list selects it as the click ends, so the story
 * is shown once that is done. In a wide window it is on screen already.
 */
static void
show_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  /* Above redraw priority, so a running animation cannot hold it back. */
  if (self->show_story_id == 0)
    self->show_story_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_story_idle_cb, self, NULL);
}

static void
stories_changed_cb (BroadsheetWindow *self)
{
  update_list_page (self);
}

static int
compare_stories (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GDateTime *time_a = broadsheet_story_get_published ((BroadsheetStory *)a);
  GDateTime *time_b = broadsheet_story_get_published ((BroadsheetStory *)b);

  /* Newest first; stories without a time go last, in feed order. */
  if (time_a == NULL || time_b == NULL)
    return time_a != NULL ? GTK_ORDERING_SMALLER : time_b != NULL ? GTK_ORDERING_LARGER
                                                                  : GTK_ORDERING_EQUAL;
  return gtk_ordering_from_cmpfunc (g_date_time_compare (time_b, time_a));
}

static gpointer
source_to_stories (gpointer item,
                   gpointer user_data)
{
  g_autoptr(BroadsheetSource) source = item;

  return g_object_ref (broadsheet_source_get_stories (source));
}

static void
setup_models (BroadsheetWindow *self)
{
  GtkMapListModel *per_source;
  GtkFlattenListModel *all_stories;
  GtkSortListModel *sorted;
  GtkListItemFactory *factory;

  self->sources = g_list_store_new (BROADSHEET_TYPE_SOURCE);
  per_source = gtk_map_list_model_new (G_LIST_MODEL (g_object_ref (self->sources)),
                                       source_to_stories, NULL, NULL);
  all_stories = gtk_flatten_list_model_new (G_LIST_MODEL (per_source));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (all_stories),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_stories,
                                                                       NULL, NULL)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_story_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (stories_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_PREFIX
                                                             "/broadsheet-story-list-item.ui");
  gtk_list_view_set_factory (self->story_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->story_list, GTK_SELECTION_MODEL (self->selection));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->story_list));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      broadsheet_window_reload_source (self, source);
    }
}

static gboolean
broadsheet_window_close_request (GtkWindow *window)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (broadsheet_window_parent_class)->close_request (window);
}

static void
broadsheet_window_dispose (GObject *object)
{
  BroadsheetWindow *self = (BroadsheetWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->show_story_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sources);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (broadsheet_window_parent_class)->dispose (object);
}

static void
broadsheet_window_class_init (BroadsheetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = broadsheet_window_dispose;
  window_class->close_request = broadsheet_window_close_request;

  g_type_ensure (BROADSHEET_TYPE_STORY_ROW);
  g_type_ensure (BROADSHEET_TYPE_STORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, story_view);
  gtk_widget_class_bind_template_callback (widget_class, story_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-story", NULL, show_story_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-list", NULL);
}

static void
broadsheet_window_init (BroadsheetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  setup_models (self);
  update_list_page (self);
}

BroadsheetWindow *
broadsheet_window_new (GtkApplication *application)
{
  return g_object_new (BROADSHEET_TYPE_WINDOW, "application", application, NULL);
}
