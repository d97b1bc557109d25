/* broadsheet-window-story-actions.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-application.h"
#include "broadsheet-block-widgets.h"
#include "broadsheet-story-links.h"
#include "broadsheet-story-row.h"
#include "broadsheet-uri.h"
#include "broadsheet-window-private.h"

/* Acting on the story shown: marking it read (by the mark-read preference,
 * or by hand), saving it, opening it and its links, marking everything read
 * with Undo, the story text size and the menu of the pane in front.
 */

#define MARK_READ_DELAY_MS 1000

static const double text_scales[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

static GListModel *
stories (BroadsheetWindow *self)
{
  return G_LIST_MODEL (self->selection);
}

static BroadsheetStory *
selected_story (BroadsheetWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
mark_read_cb (gpointer user_data)
{
  BroadsheetWindow *self = user_data;
  BroadsheetStory *story = selected_story (self);

  self->mark_read_id = 0;
  if (story != NULL)
    broadsheet_story_set_read (story, TRUE);
  return G_SOURCE_REMOVE;
}

/* Called as the selection changes: marks the story read as the mark-read
 * preference says, at once, once it has been shown for a second, or never.
 */
void
_broadsheet_window_story_shown (BroadsheetWindow *self,
                                BroadsheetStory  *story)
{
  g_autofree char *policy = g_settings_get_string (self->settings, "mark-read");

  g_clear_handle_id (&self->mark_read_id, g_source_remove);
  if (story == NULL || broadsheet_story_get_read (story) || g_str_equal (policy, "never"))
    return;

  if (g_str_equal (policy, "on-select"))
    broadsheet_story_set_read (story, TRUE);
  else
    self->mark_read_id = g_timeout_add (MARK_READ_DELAY_MS, mark_read_cb, self);
}


static void
open_in_browser_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetStory *story = selected_story (self);
  const char *url = story != NULL ? broadsheet_story_get_url (story) : NULL;

  if (story == NULL)
    return;

  if (url == NULL || !broadsheet_uri_is_web_link (url, FALSE))
    {
      _broadsheet_window_show_message (self, _("This story has no web page to open"));
      return;
    }

  broadsheet_open_web_link (widget, url);
}

static void
open_link_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetStory *story = selected_story (self);
  guint number = g_variant_get_uint32 (parameter);
  g_auto(GStrv) links = NULL;

  if (story == NULL)
    return;

  links = broadsheet_story_dup_links (story);
  if (number == 0 || number > g_strv_length (links))
    {
      guint n_links = g_strv_length (links);
      g_autofree char *message =
        g_strdup_printf (ngettext ("This story has only %u link", "This story has only %u links",
                                   n_links),
                         n_links);

      _broadsheet_window_show_message (self, n_links == 0 ? _("This story has no links") : message);
      return;
    }

  broadsheet_open_web_link (widget, links[number - 1]);
}

static void
link_failed_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  g_autofree char *message =
    g_strdup_printf (_("Could not open the link: %s. Check that a web browser is installed."),
                     g_variant_get_string (parameter, NULL));

  _broadsheet_window_show_message (self, message);
}

static void
unsaved_dismissed_cb (AdwToast         *toast,
                      BroadsheetWindow *self)
{
  if (self->unsaved_toast == toast)
    {
      self->unsaved_toast = NULL;
      g_clear_object (&self->unsaved_story);
    }
}

/* s: saves the story, or unsaves it with an Undo toast, since an unsaved
 * story goes when its feed drops it.
 */
static void
toggle_saved_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  BroadsheetStory *story = selected_story (self);
  AdwToast *toast;

  if (story == NULL)
    return;

  if (!broadsheet_story_get_saved (story))
    {
      broadsheet_story_set_saved (story, TRUE);
      return;
    }

  broadsheet_story_set_saved (story, FALSE);
  if (self->unsaved_toast != NULL)
    adw_toast_dismiss (self->unsaved_toast);
  g_set_object (&self->unsaved_story, story);
  toast = adw_toast_new (_("Story removed from Saved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-unsave");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (unsaved_dismissed_cb), self, 0);
  self->unsaved_toast = toast;
  _broadsheet_window_show_toast (self, toast);
}

static void
undo_unsave_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  if (self->unsaved_story != NULL)
    broadsheet_story_set_saved (self->unsaved_story, TRUE);
  g_clear_object (&self->unsaved_story);
}

static void
toggle_read_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetStory *story = selected_story (BROADSHEET_WINDOW (widget));

  if (story != NULL)
    broadsheet_story_set_read (story, !broadsheet_story_get_read (story));
}

static void
marked_read_dismissed_cb (AdwToast         *toast,
                          BroadsheetWindow *self)
{
  /* Toasts are dismissed as the window goes, too. */
  if (self->marked_read_toast == toast && self->marked_read != NULL)
    {
      self->marked_read_toast = NULL;
      g_ptr_array_set_size (self->marked_read, 0);
    }
}

/* Shift+A: every unread story in the list shown, with Undo. */
static void
mark_all_read_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  guint n = g_list_model_get_n_items (stories (self));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->marked_read_toast != NULL)
    adw_toast_dismiss (self->marked_read_toast);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories (self), i);

      if (!broadsheet_story_get_read (story))
        {
          broadsheet_story_set_read (story, TRUE);
          g_ptr_array_add (self->marked_read, g_object_ref (story));
        }
    }

  if (self->marked_read->len == 0)
    {
      _broadsheet_window_show_message (self, _("All stories here are read already"));
      return;
    }

  title = g_strdup_printf (ngettext ("Marked %u story as read", "Marked %u stories as read",
                                     self->marked_read->len),
                           self->marked_read->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-mark-all-read");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (marked_read_dismissed_cb), self, 0);
  self->marked_read_toast = toast;
  _broadsheet_window_show_toast (self, toast);
}

static void
undo_mark_all_read_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  for (guint i = 0; i < self->marked_read->len; i++)
    broadsheet_story_set_read (g_ptr_array_index (self->marked_read, i), FALSE);
  g_ptr_array_set_size (self->marked_read, 0);
}

static void
set_text_scale (BroadsheetWindow *self,
                double            scale)
{
  g_settings_set_double (self->settings, "text-scale", scale);
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  double scale = g_settings_get_double (self->settings, "text-scale");

  for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
    if (text_scales[i] > scale + 0.001)
      {
        set_text_scale (self, text_scales[i]);
        return;
      }
  gtk_widget_error_bell (widget);
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  double scale = g_settings_get_double (self->settings, "text-scale");

  for (guint i = G_N_ELEMENTS (text_scales); i > 0; i--)
    if (text_scales[i - 1] < scale - 0.001)
      {
        set_text_scale (self, text_scales[i - 1]);
        return;
      }
  gtk_widget_error_bell (widget);
}

static void
zoom_reset_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  set_text_scale (BROADSHEET_WINDOW (widget), 1.0);
}

/* Shift+F10 or Menu: the selected headline's own menu. */
static void
show_story_menu_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  GtkWidget *item = _broadsheet_window_find_row (self, selected_story (self));

  if (item != NULL && gtk_widget_get_mapped (item))
    broadsheet_story_row_show_menu (BROADSHEET_STORY_ROW (gtk_widget_get_first_child (item)));
}

/* F10: the menu of the pane in front. */
static void
show_menu_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  if (gtk_widget_get_mapped (self->primary_menu_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->primary_menu_button));
  else if (gtk_widget_get_mapped (self->story_menu_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->story_menu_button));
}

static void
update_save_button (BroadsheetWindow *self)
{
  BroadsheetStory *story = self->shown_story;
  gboolean saved = story != NULL && broadsheet_story_get_saved (story);

  gtk_button_set_icon_name (GTK_BUTTON (self->save_button),
                            saved ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (self->save_button, saved ? _("Unsave Story") : _("Save Story"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  saved ? _("Unsave Story") : _("Save Story"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->save_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, saved,
                               -1);
}

/* A saved story's photos are kept in the photo cache while it is saved, so
 * they show offline with the story.
 */
static void
keep_photo (BroadsheetImageLoader *loader,
            BroadsheetPhoto       *photo,
            gboolean               keep)
{
  if (photo != NULL && broadsheet_photo_get_url (photo) != NULL)
    broadsheet_image_loader_keep (loader, broadsheet_photo_get_url (photo), keep);
}

static void
story_saved_changed_cb (BroadsheetWindow *self)
{
  BroadsheetStory *story = self->shown_story;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  BroadsheetImageLoader *loader;
  gboolean saved;

  update_save_button (self);
  if (story == NULL || !BROADSHEET_IS_APPLICATION (app))
    return;

  /* The lead photo and the pictures in the story. */
  loader = broadsheet_application_get_image_loader (BROADSHEET_APPLICATION (app));
  saved = broadsheet_story_get_saved (story);
  keep_photo (loader, broadsheet_story_get_lead_photo (story), saved);
  for (guint i = 0; i < broadsheet_story_get_n_blocks (story); i++)
    keep_photo (loader, broadsheet_block_get_photo (broadsheet_story_get_block (story, i)), saved);
}

/* Called as the selection changes: story actions follow the story shown. */
void
_broadsheet_window_update_story_actions (BroadsheetWindow *self)
{
  BroadsheetStory *story = selected_story (self);
  static const char * const story_actions[] = {
    "win.open-in-browser", "win.open-link", "win.toggle-saved", "win.toggle-read",
  };

  if (self->shown_story != story)
    {
      g_clear_signal_handler (&self->shown_saved_handler, self->shown_story);
      g_set_object (&self->shown_story, story);
      if (story != NULL)
        self->shown_saved_handler = g_signal_connect_object (story, "notify::saved",
                                                             G_CALLBACK (story_saved_changed_cb),
                                                             self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (story_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), story_actions[i], story != NULL);
  update_save_button (self);
}

void
_broadsheet_window_init_story_actions (BroadsheetWindow *self)
{
  self->marked_read = g_ptr_array_new_with_free_func (g_object_unref);
  _broadsheet_window_update_story_actions (self);
}

void
_broadsheet_window_dispose_story_actions (BroadsheetWindow *self)
{
  g_clear_handle_id (&self->mark_read_id, g_source_remove);
  g_clear_signal_handler (&self->shown_saved_handler, self->shown_story);
  g_clear_object (&self->shown_story);
  self->marked_read_toast = NULL;
  g_clear_pointer (&self->marked_read, g_ptr_array_unref);
  self->unsaved_toast = NULL;
  g_clear_object (&self->unsaved_story);
}

void
_broadsheet_window_class_init_story_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    const char *parameter_type;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "win.open-in-browser", NULL, open_in_browser_action },
    { "win.open-link", "u", open_link_action },
    { "win.link-failed", "s", link_failed_action },
    { "win.toggle-saved", NULL, toggle_saved_action },
    { "win.undo-unsave", NULL, undo_unsave_action },
    { "win.toggle-read", NULL, toggle_read_action },
    { "win.mark-all-read", NULL, mark_all_read_action },
    { "win.undo-mark-all-read", NULL, undo_mark_all_read_action },
    { "win.zoom-in", NULL, zoom_in_action },
    { "win.zoom-out", NULL, zoom_out_action },
    { "win.zoom-reset", NULL, zoom_reset_action },
    { "win.show-menu", NULL, show_menu_action },
    { "win.show-story-menu", NULL, show_story_menu_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
}
