/* broadsheet-window-sources.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-add-feed-dialog.h"
#include "broadsheet-source-row.h"
#include "broadsheet-window-private.h"

/* The window's feeds: the list kept in GSettings, the sidebar, loading and
 * refreshing (by hand, every few minutes, or one feed), and adding, removing
 * (with Undo) and renaming feeds. Feeds opened from the command line as local
 * files are shown for this session only.
 */

typedef struct
{
  BroadsheetWindow *window;
  gboolean          user_started;
} LoadContext;

static void
save_feeds (BroadsheetWindow *self)
{
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) uri_list = NULL;
  GVariantBuilder titles;

  g_variant_builder_init (&titles, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      const char *uri = broadsheet_source_get_uri (source);
      const char *custom_title = broadsheet_source_get_custom_title (source);

      if (g_hash_table_contains (self->session_uris, uri))
        continue;
      g_strv_builder_add (uris, uri);
      if (custom_title != NULL)
        g_variant_builder_add (&titles, "{ss}", uri, custom_title);
    }

  uri_list = g_strv_builder_end (uris);
  g_settings_delay (self->settings);
  g_settings_set_strv (self->settings, "feeds", (const char * const *)uri_list);
  g_settings_set_value (self->settings, "feed-titles", g_variant_builder_end (&titles));
  g_settings_apply (self->settings);
}

static void
show_error_toast (BroadsheetWindow *self,
                  BroadsheetSource *source,
                  const GError     *error)
{
  /* Toast titles are markup; the feed's name is not. */
  g_autofree char *title = g_markup_printf_escaped (_("Could not update “%s”"),
                                                    broadsheet_source_get_title (source));
  AdwToast *toast = adw_toast_new (title);

  /* The sidebar row keeps the whole message; the toast offers the next step. */
  adw_toast_set_button_label (toast, _("_Retry"));
  adw_toast_set_action_name (toast, "win.retry-source");
  adw_toast_set_action_target (toast, "s", broadsheet_source_get_uri (source));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_debug ("%s: %s", broadsheet_source_get_uri (source), error->message);
  _broadsheet_window_show_toast (self, toast);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BroadsheetSource *source = BROADSHEET_SOURCE (object);
  LoadContext *context = user_data;
  BroadsheetWindow *self = context->window;
  g_autoptr(GError) error = NULL;
  guint n_skipped;

  if (!broadsheet_source_load_finish (source, result, &error))
    {
      if (context->user_started && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_toast (self, source, error);
      goto out;
    }

  n_skipped = broadsheet_source_get_n_skipped (source);
  if (n_skipped > 0 && context->user_started)
    {
      g_autofree char *message =
        g_markup_printf_escaped (ngettext ("%u story in “%s” could not be read and was left out",
                                           "%u stories in “%s” could not be read and were left out",
                                           n_skipped),
                                 n_skipped, broadsheet_source_get_title (source));

      _broadsheet_window_show_toast (self, adw_toast_new (message));
    }

out:
  g_object_unref (context->window);
  g_free (context);
}

static void
load_source (BroadsheetWindow *self,
             BroadsheetSource *source,
             gboolean          user_started)
{
  LoadContext *context;

  if (broadsheet_source_get_state (source) == BROADSHEET_SOURCE_LOADING)
    return;

  context = g_new0 (LoadContext, 1);
  context->window = g_object_ref (self);
  context->user_started = user_started;
  broadsheet_source_load_async (source, self->refresh_cancellable, load_cb, context);
}

/* Loads @source again, or every feed when %NULL. A refresh the user started
 * reports its failures in a toast with Retry; every failure shows on the
 * feed's row in the sidebar.
 */
void
broadsheet_window_refresh (BroadsheetWindow *self,
                           BroadsheetSource *source,
                           gboolean          user_started)
{
  g_return_if_fail (BROADSHEET_IS_WINDOW (self));
  g_return_if_fail (source == NULL || BROADSHEET_IS_SOURCE (source));

  if (source != NULL)
    {
      load_source (self, source, user_started);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) each = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      load_source (self, each, user_started);
    }
}

static void
source_changed_cb (BroadsheetWindow *self)
{
  _broadsheet_window_update_list_page (self);
}

static void
insert_source (BroadsheetWindow *self,
               BroadsheetSource *source,
               guint             position)
{
  GtkWidget *row = broadsheet_source_row_new (source);

  _broadsheet_window_store_source (self, source);
  g_object_set_data (G_OBJECT (row), "broadsheet-source", source);
  g_signal_connect_object (source, "notify::state", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::title", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::n-unread", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::n-saved", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_list_store_insert (self->sources, position, source);
  /* Row 0 of the sidebar is All Stories. */
  gtk_list_box_insert (self->source_list, row, position + 1);
}

static GtkWidget *
row_for_source (BroadsheetWindow *self,
                BroadsheetSource *source)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->source_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "broadsheet-source") == source)
      return child;
  return NULL;
}

static BroadsheetSource *
new_source (BroadsheetWindow *self,
            const char       *uri)
{
  return broadsheet_source_new (uri, self->fetcher, self->cache);
}

/* Returns: (transfer none) (nullable): the feed at @uri, if the window has it. */
BroadsheetSource *
broadsheet_window_find_source (BroadsheetWindow *self,
                               const char       *uri)
{
  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_str_equal (broadsheet_source_get_uri (source), uri))
        return source;
    }

  return NULL;
}

/* Shows the feed at @uri, adding it if it is new (kept in the feed list when
 * @keep, else for this session only) and reading it again if it is not.
 */
BroadsheetSource *
broadsheet_window_open_uri (BroadsheetWindow *self,
                            const char       *uri,
                            gboolean          keep)
{
  BroadsheetSource *source;
  g_autoptr(BroadsheetSource) added = NULL;

  g_return_val_if_fail (BROADSHEET_IS_WINDOW (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  source = broadsheet_window_find_source (self, uri);
  if (source == NULL)
    {
      added = new_source (self, uri);
      source = added;
      if (!keep)
        g_hash_table_add (self->session_uris, g_strdup (uri));
      insert_source (self, source, g_list_model_get_n_items (G_LIST_MODEL (self->sources)));
      save_feeds (self);
    }

  broadsheet_window_show_source (self, source);
  load_source (self, source, TRUE);
  return source;
}

static void
add_source_cb (BroadsheetWindow *self,
               BroadsheetSource *source)
{
  /* The dialog loaded it already: show it without asking the network again. */
  insert_source (self, source, g_list_model_get_n_items (G_LIST_MODEL (self->sources)));
  save_feeds (self);
  broadsheet_window_show_source (self, source);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
add_feed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetAddFeedDialog *dialog;

  dialog = broadsheet_add_feed_dialog_new (GTK_WINDOW (self), self->fetcher, self->cache,
                                           G_LIST_MODEL (self->sources));
  g_signal_connect_object (dialog, "add-source", G_CALLBACK (add_source_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  broadsheet_window_refresh (BROADSHEET_WINDOW (widget), NULL, TRUE);
}

static void
stop_refresh_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
}

static void
refresh_source_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetSource *source = _broadsheet_window_get_shown_source (self);

  if (source != NULL)
    broadsheet_window_refresh (self, source, TRUE);
}

static void
retry_source_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetSource *source = broadsheet_window_find_source (self, g_variant_get_string (parameter,
                                                                                        NULL));

  if (source != NULL)
    broadsheet_window_refresh (self, source, TRUE);
}

static void
forget_removed_source (BroadsheetWindow *self)
{
  if (self->removed_source == NULL)
    return;

  _broadsheet_window_forget_source (self, self->removed_source);

  if (self->cache != NULL && broadsheet_window_find_source (self,
                                                            broadsheet_source_get_uri (self->removed_source)) == NULL)
    broadsheet_feed_cache_remove (self->cache, broadsheet_source_get_uri (self->removed_source));
  g_clear_object (&self->removed_source);
}

static void
removal_toast_dismissed_cb (BroadsheetWindow *self)
{
  forget_removed_source (self);
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetSource *source = _broadsheet_window_get_shown_source (self);
  g_autofree char *title = NULL;
  GtkWidget *row;
  AdwToast *toast;
  guint position;

  if (source == NULL ||
      !g_list_store_find (self->sources, source, &position))
    return;

  /* Only one removal can be undone at a time, as in Files. */
  forget_removed_source (self);
  self->removed_source = g_object_ref (source);
  self->removed_position = position;

  row = row_for_source (self, source);
  broadsheet_window_show_source (self, NULL);
  gtk_list_box_remove (self->source_list, row);
  g_list_store_remove (self->sources, position);
  save_feeds (self);

  title = g_markup_printf_escaped (_("Removed “%s”"), broadsheet_source_get_title (source));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (removal_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  _broadsheet_window_show_toast (self, toast);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  g_autoptr(BroadsheetSource) source = g_steal_pointer (&self->removed_source);
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  if (source == NULL)
    return;

  insert_source (self, source, MIN (self->removed_position, n_sources));
  save_feeds (self);
  broadsheet_window_show_source (self, source);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BroadsheetWindow *self)
{
  BroadsheetSource *source = g_object_get_data (G_OBJECT (dialog), "broadsheet-source");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "rename") != 0 || broadsheet_window_find_source (
        self, broadsheet_source_get_uri (source)) != source)
    return;

  broadsheet_source_set_custom_title (source, gtk_editable_get_text (entry));
  save_feeds (self);
}

static void
rename_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetSource *source = _broadsheet_window_get_shown_source (self);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (source == NULL)
    return;

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), broadsheet_source_get_title (source));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Feed name"), -1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Feed"),
                                   _("Leave the name empty to use the feed’s own title."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "broadsheet-source", g_object_ref (source),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
refresh_timer_cb (gpointer user_data)
{
  broadsheet_window_refresh (BROADSHEET_WINDOW (user_data), NULL, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
schedule_refresh (BroadsheetWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "refresh-interval");

  g_clear_handle_id (&self->refresh_timer_id, g_source_remove);
  if (minutes > 0)
    self->refresh_timer_id = g_timeout_add_seconds (minutes * 60, refresh_timer_cb, self);
}

static void
refresh_interval_changed_cb (BroadsheetWindow *self)
{
  schedule_refresh (self);
}

/* Fills the sidebar from the feed list in GSettings and starts loading. */
void
_broadsheet_window_init_sources (BroadsheetWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "feeds");
  g_autoptr(GVariant) titles = g_settings_get_value (self->settings, "feed-titles");

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(BroadsheetSource) source = NULL;
      const char *custom_title = NULL;

      if (broadsheet_window_find_source (self, uris[i]) != NULL)
        continue;

      source = new_source (self, uris[i]);
      if (g_variant_lookup (titles, uris[i], "&s", &custom_title))
        broadsheet_source_set_custom_title (source, custom_title);
      insert_source (self, source, g_list_model_get_n_items (G_LIST_MODEL (self->sources)));
    }

  gtk_list_box_select_row (self->source_list, GTK_LIST_BOX_ROW (self->all_stories_row));
  broadsheet_window_refresh (self, NULL, FALSE);

  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (refresh_interval_changed_cb), self, G_CONNECT_SWAPPED);
  schedule_refresh (self);
}

void
_broadsheet_window_dispose_sources (BroadsheetWindow *self)
{
  g_clear_handle_id (&self->refresh_timer_id, g_source_remove);
  forget_removed_source (self);
  g_clear_pointer (&self->session_uris, g_hash_table_unref);
}

void
_broadsheet_window_class_init_sources (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.stop-refresh", NULL, stop_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-source", NULL,
                                   refresh_source_action);
  gtk_widget_class_install_action (widget_class, "win.retry-source", "s", retry_source_action);
  gtk_widget_class_install_action (widget_class, "win.remove-source", NULL, remove_source_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "win.rename-source", NULL, rename_source_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-feed", NULL);
}
