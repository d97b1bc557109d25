/* broadsheet-window-store.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-story-archive.h"
#include "broadsheet-window-private.h"

/* The window and the store of user state: each feed keeps its read, saved
 * and archived stories there; the saved stories of removed feeds stay in
 * All Stories and Saved; and when the store has trouble the reader is told
 * what happened and what to do.
 */

/* Gives @source the window's store, with the archive's retention. */
void
_broadsheet_window_store_source (BroadsheetWindow *self,
                                 BroadsheetSource *source)
{
  if (self->store != NULL)
    broadsheet_source_set_store (source, self->store,
                                 g_settings_get_uint (self->settings, "archive-days"));
}

static void
add_orphan (BroadsheetWindow *self,
            const char       *feed_uri,
            BroadsheetStory  *story)
{
  broadsheet_story_archive_follow (self->store, feed_uri, story);
  g_list_store_append (self->orphans, story);
}

/* A removed feed goes from the store too, but its saved stories stay, here
 * and in the store, readable in full.
 */
void
_broadsheet_window_forget_source (BroadsheetWindow *self,
                                  BroadsheetSource *source)
{
  g_autofree char *uri = g_strdup (broadsheet_source_get_uri (source));
  GListModel *stories = broadsheet_source_get_stories (source);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories, i);

      if (broadsheet_story_get_saved (story))
        g_ptr_array_add (saved, g_steal_pointer (&story));
    }

  broadsheet_source_set_store (source, NULL, 0);
  broadsheet_store_forget_feed (self->store, uri);
  for (guint i = 0; i < saved->len; i++)
    add_orphan (self, uri, g_ptr_array_index (saved, i));
  _broadsheet_window_update_list_page (self);
}

static void
orphans_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BroadsheetWindow) self = user_data;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;

  stories = broadsheet_story_archive_load_finish (result, &error);
  if (stories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the saved stories of removed feeds: %s", error->message);
      return;
    }

  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);

      add_orphan (self, broadsheet_story_archive_get_feed_uri (story), story);
    }
  _broadsheet_window_update_list_page (self);
}

static void
write_failed_cb (BroadsheetWindow *self,
                 const GError     *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _broadsheet_window_show_toast (self, toast);
}

/* Tells the reader that the store opened with trouble (a damaged file set
 * aside, or read-only), in words, once.
 */
void
broadsheet_window_report_store_problem (BroadsheetWindow *self,
                                        const GError     *problem)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (BROADSHEET_IS_WINDOW (self));
  g_return_if_fail (problem != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Saved Stories Need Attention"),
                                                       NULL));
  /* The body is plain text: the message names files. */
  adw_message_dialog_set_body (dialog, problem->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_broadsheet_window_init_store (BroadsheetWindow *self)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new ();

  if (self->store == NULL)
    return;

  g_signal_connect_object (self->store, "write-failed", G_CALLBACK (write_failed_cb),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      g_ptr_array_add (uris, (gpointer)broadsheet_source_get_uri (source));
    }
  g_ptr_array_add (uris, NULL);

  broadsheet_story_archive_load_saved_async (self->store, (const char * const *)uris->pdata,
                                             self->cancellable, orphans_loaded_cb,
                                             g_object_ref (self));
}
