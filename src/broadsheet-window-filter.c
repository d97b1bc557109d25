/* broadsheet-window-filter.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "broadsheet-search.h"
#include "broadsheet-window-private.h"

/* Narrowing the headlines: the All, Unread and Saved views (with counts)
 * and search as you type. Both are filters over the sorted stories; the
 * filter model works incrementally, a batch of stories per frame, so a
 * search over 100,000 stories never freezes the window. A story read while
 * the Unread view shows stays until the view is chosen again.
 */

G_DEFINE_ENUM_TYPE (BroadsheetStoryFilter, broadsheet_story_filter,
  G_DEFINE_ENUM_VALUE (BROADSHEET_STORY_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_STORY_FILTER_UNREAD, "unread"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_STORY_FILTER_SAVED, "saved"))

static gboolean
view_filter_func (gpointer item,
                  gpointer user_data)
{
  BroadsheetWindow *self = user_data;

  switch (self->filter)
    {
    case BROADSHEET_STORY_FILTER_UNREAD:
      return !broadsheet_story_get_read (item);
    case BROADSHEET_STORY_FILTER_SAVED:
      return broadsheet_story_get_saved (item);
    case BROADSHEET_STORY_FILTER_ALL:
    default:
      return TRUE;
    }
}

static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  BroadsheetWindow *self = user_data;

  return broadsheet_story_matches (item, self->search_query);
}

/* Returns: (transfer full): the filter model between the sorted stories and
 * the selection.
 */
GtkFilterListModel *
_broadsheet_window_create_filter_model (BroadsheetWindow *self,
                                        GListModel       *stories)
{
  GtkEveryFilter *every = gtk_every_filter_new ();
  GtkFilterListModel *model;

  self->view_filter = gtk_custom_filter_new (view_filter_func, self, NULL);
  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->view_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->search_filter)));

  self->filters = GTK_FILTER (every);
  /* No filter at all until one narrows: every story passes at once. */
  model = gtk_filter_list_model_new (stories, NULL);
  gtk_filter_list_model_set_incremental (model, TRUE);
  return model;
}

static gboolean
is_searching (BroadsheetWindow *self)
{
  return self->search_query != NULL && *self->search_query != '\0';
}

/* Sets the filters on the model only while they narrow anything. */
static void
use_filters (BroadsheetWindow *self)
{
  gboolean narrows = self->filter != BROADSHEET_STORY_FILTER_ALL || is_searching (self);
  GtkFilter *wanted = narrows ? self->filters : NULL;

  if (gtk_filter_list_model_get_filter (self->filtered_stories) != wanted)
    gtk_filter_list_model_set_filter (self->filtered_stories, wanted);
}

BroadsheetStoryFilter
broadsheet_window_get_filter (BroadsheetWindow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), BROADSHEET_STORY_FILTER_ALL);

  return self->filter;
}

void
broadsheet_window_set_filter (BroadsheetWindow      *self,
                              BroadsheetStoryFilter  filter)
{
  gboolean changed;

  g_return_if_fail (BROADSHEET_IS_WINDOW (self));

  /* Choosing the view again also drops the stories read since. */
  changed = self->filter != filter;
  self->filter = filter;
  gtk_filter_changed (GTK_FILTER (self->view_filter), GTK_FILTER_CHANGE_DIFFERENT);
  use_filters (self);
  if (changed)
    g_object_notify (G_OBJECT (self), "filter");
  _broadsheet_window_update_list_page (self);
}

/* Shows the stories matching @text (any case, any accents); "" shows all. */
void
broadsheet_window_search (BroadsheetWindow *self,
                          const char       *text)
{
  g_autofree char *query = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  g_autofree char *stripped = NULL;

  g_return_if_fail (BROADSHEET_IS_WINDOW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  query = broadsheet_search_fold (stripped, -1, NULL);
  if (g_strcmp0 (query, self->search_query) == 0)
    return;

  /* A longer query only narrows, a shorter one only widens: GTK then
   * checks only the stories that can change.
   */
  if (self->search_query != NULL && strstr (query, self->search_query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_query != NULL && strstr (self->search_query, query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search_query);
  self->search_query = g_steal_pointer (&query);
  self->first_result_wanted = FALSE;
  gtk_filter_changed (GTK_FILTER (self->search_filter), change);
  use_filters (self);
  if (self->story_view != NULL)
    broadsheet_story_view_set_highlight (self->story_view, self->search_query);
  _broadsheet_window_update_list_page (self);
}

static void
search_changed_cb (BroadsheetWindow *self,
                   GtkSearchEntry   *entry)
{
  broadsheet_window_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Escape: clear the search and go back to the headlines. */
static void
stop_search_cb (BroadsheetWindow *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  broadsheet_window_search (self, "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _broadsheet_window_focus_selected_row (self);
}

static void
go_to_first_result (BroadsheetWindow *self)
{
  self->first_result_wanted = FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    _broadsheet_window_select_story (self, 0);
  _broadsheet_window_focus_selected_row (self);
}

static gboolean
go_to_first_result_idle_cb (gpointer data)
{
  BroadsheetWindow *self = data;

  if (self->first_result_wanted &&
      gtk_filter_list_model_get_pending (self->filtered_stories) == 0 &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    go_to_first_result (self);
  return G_SOURCE_REMOVE;
}

/* The filter works through a big list in steps; Enter pressed meanwhile
 * goes to the first result once there is one for sure. Not from inside the
 * filter model's own notification: it is still changing then.
 */
static void
pending_changed_cb (BroadsheetWindow *self)
{
  if (self->first_result_wanted &&
      gtk_filter_list_model_get_pending (self->filtered_stories) == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, go_to_first_result_idle_cb, g_object_ref (self),
                     g_object_unref);
}

/* Enter or Down in the search: on to the first result. */
static void
search_activate_cb (BroadsheetWindow *self,
                    GtkSearchEntry   *entry)
{
  /* Enter can come before the entry's search delay is over: search for
   * what is typed now, so a late search-changed finds nothing to redo and
   * cannot take the selection away.
   */
  broadsheet_window_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* A search that narrows an earlier one filters again from the start, and
   * the results come in steps: until then there is no first one to go to.
   */
  self->first_result_wanted = TRUE;
  if (gtk_filter_list_model_get_pending (self->filtered_stories) == 0)
    go_to_first_result (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  /* The bar gives its entry focus as it opens. */
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_broadsheet_window_init_filter (BroadsheetWindow *self)
{
  GtkWidget *revealer = gtk_widget_get_first_child (GTK_WIDGET (self->search_bar));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->filtered_stories, "notify::pending",
                           G_CALLBACK (pending_changed_cb), self, G_CONNECT_SWAPPED);
  /* The entry takes keys the moment "/" is pressed: letters typed while it
   * slid in were lost. So it appears at once.
   */
  if (GTK_IS_REVEALER (revealer))
    gtk_revealer_set_transition_duration (GTK_REVEALER (revealer), 0);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
}

/* Called with the list page: counts for the views of the feed shown. */
void
_broadsheet_window_update_filter_counts (BroadsheetWindow *self,
                                         guint             n_unread,
                                         guint             n_saved)
{
  set_count (self->unread_count_label, n_unread);
  set_count (self->saved_count_label, n_saved);
}

/* The text of the list's empty page, for the view and search in force. */
void
_broadsheet_window_describe_empty (BroadsheetWindow  *self,
                                   const char       **title,
                                   const char       **description)
{
  if (is_searching (self))
    {
      *title = _("No Results");
      *description = _("No story here mentions that. Try other words, or search All Stories.");
    }
  else if (self->filter == BROADSHEET_STORY_FILTER_UNREAD)
    {
      *title = _("No Unread Stories");
      *description = _("You have read everything here. Refresh for new stories.");
    }
  else if (self->filter == BROADSHEET_STORY_FILTER_SAVED)
    {
      *title = _("No Saved Stories");
      *description = _("Press S or the star on a story to keep it here, even after its feed drops it.");
    }
  else
    {
      *title = _("No Stories");
      *description = _("The feed has no stories yet");
    }
}

void
_broadsheet_window_dispose_filter (BroadsheetWindow *self)
{
  g_clear_object (&self->filters);
  g_clear_object (&self->view_filter);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->search_query, g_free);
}

void
_broadsheet_window_class_init_filter (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter");
}
