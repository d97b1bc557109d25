/* broadsheet-window-list.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-story-row.h"
#include "broadsheet-window-private.h"

/* The headline list. The stories come through a chain of list models: the
 * sources store maps each source to its stories and a flatten model joins
 * them ("All Stories"); a sort model over that, or over the one feed chosen
 * in the sidebar, puts the newest first; the view and search filter
 * (broadsheet-window-filter.c) narrows it; a paced model hands big changes
 * to the list a few rows a frame; and a single selection drives the story
 * pane. The list's page (headlines, loading, empty or error) follows the
 * feeds' state.
 */

void
_broadsheet_window_update_list_page (BroadsheetWindow *self)
{
  BroadsheetSource *shown = _broadsheet_window_get_shown_source (self);
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint n_stories = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint n_loading = 0, n_unread = 0, n_shown_unread = 0, n_shown_saved = 0;
  const GError *error = NULL;
  g_autofree char *subtitle = NULL;

  /* Rows and models still report changes while the window is torn down. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->list_stack == NULL)
    return;

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      gboolean counts = shown == NULL || shown == source;

      n_unread += broadsheet_source_get_n_unread (source);
      if (counts)
        {
          n_shown_unread += broadsheet_source_get_n_unread (source);
          n_shown_saved += broadsheet_source_get_n_saved (source);
        }
      if (broadsheet_source_get_state (source) == BROADSHEET_SOURCE_LOADING)
        n_loading++;
      if (counts && error == NULL && broadsheet_source_get_error (source) != NULL)
        error = broadsheet_source_get_error (source);
    }

  gtk_spinner_set_spinning (self->spinner, n_loading > 0 && n_stories == 0);

  if (n_stories > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "stories");
      /* Start in the headlines, ready for j and Space, not on a header button. */
      if (!self->list_focused)
        {
          self->list_focused = TRUE;
          gtk_widget_grab_focus (GTK_WIDGET (self->story_list));
        }
    }
  else if (n_loading > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (error != NULL)
    {
      /* The status page's description is markup, and the message may quote feed text. */
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    {
      const char *title, *description;

      _broadsheet_window_describe_empty (self, &title, &description);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }

  _broadsheet_window_update_filter_counts (self, n_shown_unread, n_shown_saved);

  if (n_loading > 0)
    subtitle = g_strdup_printf (ngettext ("Updating %u feed…", "Updating %u feeds…", n_loading),
                                n_loading);
  else if (shown != NULL)
    subtitle = g_strdup (broadsheet_source_get_title (shown));
  else
    subtitle = g_strdup (_("All Stories"));
  adw_window_title_set_subtitle (self->list_title, subtitle);

  gtk_stack_set_visible_child_name (self->refresh_stack, n_loading > 0 ? "stop" : "refresh");

  {
    g_autofree char *count = g_strdup_printf ("%u", n_unread);

    gtk_label_set_text (self->all_unread_label, count);
    gtk_widget_set_visible (GTK_WIDGET (self->all_unread_label), n_unread > 0);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh-source", shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-source", shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-source", shown != NULL);
}

static void
stories_changed_cb (BroadsheetWindow *self)
{
  _broadsheet_window_update_list_page (self);
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
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = g_object_new (BROADSHEET_TYPE_STORY_ROW, NULL);

  gtk_list_item_set_child (item, row);
  g_object_bind_property (item, "item", row, "story", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "position", row, "position", G_BINDING_SYNC_CREATE);
}

/* Builds the chain of models from the feeds to the headline list. */
void
_broadsheet_window_init_list (BroadsheetWindow *self)
{
  GtkMapListModel *per_source;
  GtkListItemFactory *factory;

  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *feeds;

  /* All Stories: every feed's, then the saved stories of removed feeds. */
  self->sources = g_list_store_new (BROADSHEET_TYPE_SOURCE);
  self->orphans = g_list_store_new (BROADSHEET_TYPE_STORY);
  per_source = gtk_map_list_model_new (G_LIST_MODEL (g_object_ref (self->sources)),
                                       source_to_stories, NULL, NULL);
  feeds = gtk_flatten_list_model_new (G_LIST_MODEL (per_source));
  g_list_store_append (parts, feeds);
  g_list_store_append (parts, self->orphans);
  g_object_unref (feeds);
  self->all_stories = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  self->sorted_stories =
    gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->all_stories)),
                             GTK_SORTER (gtk_custom_sorter_new (compare_stories, NULL, NULL)));
  self->filtered_stories =
    _broadsheet_window_create_filter_model (self, G_LIST_MODEL (g_object_ref (self->sorted_stories)));
  /* GTK 4.8's list view makes up to 200 rows in one go when a big feed
   * arrives or a search refills the list; this hands it a few a frame.
   */
  self->paced_stories =
    broadsheet_paced_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered_stories)));
  broadsheet_paced_list_model_set_widget (self->paced_stories, GTK_WIDGET (self->story_list));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->paced_stories)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (stories_changed_cb), self, G_CONNECT_SWAPPED);

  /* Rows are made in code rather than from a GtkBuilder template per row:
   * the list makes a screenful of them in one frame when the first feed
   * arrives, and every millisecond of that frame shows.
   */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  gtk_list_view_set_factory (self->story_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->story_list, GTK_SELECTION_MODEL (self->selection));
}

