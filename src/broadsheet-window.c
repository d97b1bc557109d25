/* broadsheet-window.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-bench-probe.h"
#include "broadsheet-preferences-window.h"
#include "broadsheet-story-row.h"
#include "broadsheet-window-private.h"

/* The main window: feeds on the left, then headlines, then the story,
 * folding to one pane at a time with back buttons when narrow. The headline
 * list and its chain of models are in broadsheet-window-list.c, the feeds in
 * broadsheet-window-sources.c; the story pane is made here when the first
 * story is shown.
 */

G_DEFINE_FINAL_TYPE (BroadsheetWindow, broadsheet_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FETCHER,
  PROP_CACHE,
  PROP_STORE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Returns: (nullable): the feed the sidebar shows, or %NULL for All Stories. */
BroadsheetSource *
_broadsheet_window_get_shown_source (BroadsheetWindow *self)
{
  GtkListBoxRow *row;

  if (self->source_list == NULL)
    return NULL;

  row = gtk_list_box_get_selected_row (self->source_list);
  if (row == NULL || GTK_WIDGET (row) == self->all_stories_row)
    return NULL;
  return g_object_get_data (G_OBJECT (row), "broadsheet-source");
}

void
_broadsheet_window_show_toast (BroadsheetWindow *self,
                               AdwToast         *toast)
{
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A short message about what just happened, in a toast; @message is text. */
void
_broadsheet_window_show_message (BroadsheetWindow *self,
                                 const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  _broadsheet_window_show_toast (self, adw_toast_new (escaped));
}

/* Returns: (transfer none): the feeds the window shows, a list of BroadsheetSource. */
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

  /* Refills keep the story being read in the list, and so selected. */
  broadsheet_paced_list_model_set_keep (self->paced_stories, story);
  if (story != NULL)
    broadsheet_story_view_set_story (broadsheet_window_get_story_view (self), story);
  else if (self->story_view != NULL)
    broadsheet_story_view_set_story (self->story_view, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, story != NULL ? "story" : "empty");

  /* The story being read stays as it is through refreshes. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      broadsheet_source_hold_story (source, story);
    }

  _broadsheet_window_story_shown (self, story);
  _broadsheet_window_record_visit (self, story);
  _broadsheet_window_update_story_actions (self);
}

/* Returns: (transfer none): the story pane, made when first needed: with its
 * fonts it was about a twentieth of a bundled start (docs/performance.md),
 * and a start shows no story.
 */
BroadsheetStoryView *
broadsheet_window_get_story_view (BroadsheetWindow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);

  if (self->story_view == NULL)
    {
      self->story_view = g_object_new (BROADSHEET_TYPE_STORY_VIEW, NULL);
      g_object_add_weak_pointer (G_OBJECT (self->story_view), (gpointer *) &self->story_view);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->story_view), "story");
      g_settings_bind (self->settings, "text-scale", self->story_view, "text-scale",
                       G_SETTINGS_BIND_GET);
      broadsheet_story_view_set_highlight (self->story_view, self->search_query);
    }
  return self->story_view;
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

/* Shows the stories of @source, or of every feed when %NULL. */
void
broadsheet_window_show_source (BroadsheetWindow *self,
                               BroadsheetSource *source)
{
  GtkWidget *row = self->all_stories_row;

  g_return_if_fail (BROADSHEET_IS_WINDOW (self));
  g_return_if_fail (source == NULL || BROADSHEET_IS_SOURCE (source));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->source_list));
       source != NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "broadsheet-source") == source)
      row = child;

  gtk_list_box_select_row (self->source_list, GTK_LIST_BOX_ROW (row));
}

static void
source_row_selected_cb (BroadsheetWindow *self,
                        GtkListBoxRow    *row)
{
  BroadsheetSource *shown = _broadsheet_window_get_shown_source (self);
  GListModel *model;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  model = shown != NULL ? broadsheet_source_get_stories (shown) : G_LIST_MODEL (self->all_stories);

  if (gtk_sort_list_model_get_model (self->sorted_stories) != model)
    gtk_sort_list_model_set_model (self->sorted_stories, model);
  _broadsheet_window_update_list_page (self);
}

static void
source_row_activated_cb (BroadsheetWindow *self,
                         GtkListBoxRow    *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  _broadsheet_window_focus_selected_row (self);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_list));
}

static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (broadsheet_preferences_window_new (GTK_WINDOW (widget))));
}

/* The shortcuts window is built when first asked for, not with every main
 * window: GtkApplicationWindow builds gtk/help-overlay.ui from XML as soon
 * as it joins the application, which was a third of the window's start-up
 * (docs/performance.md).
 */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/broadsheet-shortcuts-window.ui");

      /* Kept, hidden, once closed, as GtkApplicationWindow keeps its own. */
      self->shortcuts_window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *) &self->shortcuts_window);
      gtk_window_group_add_window (gtk_window_get_group (GTK_WINDOW (self)),
                                   GTK_WINDOW (self->shortcuts_window));
      gtk_window_set_transient_for (GTK_WINDOW (self->shortcuts_window), GTK_WINDOW (self));
      gtk_window_set_hide_on_close (GTK_WINDOW (self->shortcuts_window), TRUE);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->shortcuts_window), TRUE);
    }

  /* Shown as GtkApplicationWindow shows its own, without asking for focus. */
  gtk_widget_set_visible (self->shortcuts_window, TRUE);
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
  g_cancellable_cancel (self->refresh_cancellable);

  return GTK_WINDOW_CLASS (broadsheet_window_parent_class)->close_request (window);
}

static void
broadsheet_window_constructed (GObject *object)
{
  BroadsheetWindow *self = (BroadsheetWindow *)object;

  G_OBJECT_CLASS (broadsheet_window_parent_class)->constructed (object);

  _broadsheet_window_init_sources (self);
  _broadsheet_window_init_store (self);
  _broadsheet_window_update_list_page (self);
  broadsheet_bench_probe_watch (GTK_WIDGET (self->story_list), G_LIST_MODEL (self->selection),
                                G_LIST_MODEL (self->sources));
}

static void
broadsheet_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FETCHER:
      g_value_set_object (value, self->fetcher);
      break;

    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FETCHER:
      self->fetcher = g_value_dup_object (value);
      break;

    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      broadsheet_window_set_filter (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_window_dispose (GObject *object)
{
  BroadsheetWindow *self = (BroadsheetWindow *)object;

  /* Nothing that tears down below should call back into a half-gone window. */
  if (self->source_list != NULL)
    g_signal_handlers_disconnect_by_data (self->source_list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_handle_id (&self->show_story_id, g_source_remove);
  if (self->shortcuts_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->shortcuts_window),
                                  (gpointer *) &self->shortcuts_window);
  if (self->shortcuts_window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->shortcuts_window));
      self->shortcuts_window = NULL;
    }
  g_clear_handle_id (&self->restore_focus_id, g_source_remove);
  g_clear_weak_pointer (&self->story_view);
  _broadsheet_window_dispose_sources (self);
  _broadsheet_window_dispose_navigation (self);
  _broadsheet_window_dispose_story_actions (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->paced_stories);
  g_clear_object (&self->filtered_stories);
  g_clear_object (&self->sorted_stories);
  g_clear_object (&self->all_stories);
  g_clear_object (&self->sources);
  _broadsheet_window_dispose_filter (self);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->cache);
  g_clear_object (&self->store);
  g_clear_object (&self->orphans);
  g_clear_object (&self->refresh_cancellable);
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

  object_class->constructed = broadsheet_window_constructed;
  object_class->dispose = broadsheet_window_dispose;
  object_class->get_property = broadsheet_window_get_property;
  object_class->set_property = broadsheet_window_set_property;
  window_class->close_request = broadsheet_window_close_request;

  /* Construct-only, so the feeds can load as the window is made. */
  properties[PROP_FETCHER] =
    g_param_spec_object ("fetcher", NULL, NULL, BROADSHEET_TYPE_FETCHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL, BROADSHEET_TYPE_FEED_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BROADSHEET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, BROADSHEET_TYPE_STORY_FILTER, BROADSHEET_STORY_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BROADSHEET_TYPE_STORY_ROW);
  g_type_ensure (BROADSHEET_TYPE_STORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, all_stories_row);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, all_unread_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, story_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, unread_count_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, saved_count_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, story_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-story", NULL, show_story_action);

  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL,
                                   show_preferences_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.show-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.show-preferences", NULL);

  _broadsheet_window_class_init_sources (widget_class);
  _broadsheet_window_class_init_navigation (widget_class);
  _broadsheet_window_class_init_story_actions (widget_class);
  _broadsheet_window_class_init_filter (widget_class);
}

static void
broadsheet_window_init (BroadsheetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->refresh_cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->session_uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _broadsheet_window_init_list (self);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_story_changed_cb), self, G_CONNECT_SWAPPED);
  _broadsheet_window_init_navigation (self);
  _broadsheet_window_init_story_actions (self);
  _broadsheet_window_init_filter (self);
  _broadsheet_window_init_keys (self);

  /* A narrow window opens on the headlines, not the feed list. */
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Returns a window that fetches with @fetcher, caches in @cache and keeps
 * read, saved and archived stories in @store (%NULL: for this session only).
 */
BroadsheetWindow *
broadsheet_window_new (GtkApplication      *application,
                       BroadsheetFetcher   *fetcher,
                       BroadsheetFeedCache *cache,
                       BroadsheetStore     *store)
{
  return g_object_new (BROADSHEET_TYPE_WINDOW,
                       "application", application,
                       "fetcher", fetcher,
                       "cache", cache,
                       "store", store,
                       NULL);
}
