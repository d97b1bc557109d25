/* broadsheet-application.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "broadsheet-application.h"
#include "broadsheet-story-archive.h"
#include "broadsheet-window.h"

/* The application: one instance per session. A second launch hands its
 * files to the first, which presents its window.
 */
struct _BroadsheetApplication
{
  AdwApplication parent_instance;

  BroadsheetFetcher   *fetcher;
  BroadsheetFeedCache *cache;
  BroadsheetStore     *store;
  GError              *store_problem;   /* Until a window has shown it. */
  BroadsheetImageLoader *image_loader;
  GSettings             *settings;
};

G_DEFINE_FINAL_TYPE (BroadsheetApplication, broadsheet_application, ADW_TYPE_APPLICATION)

static BroadsheetWindow *
get_window (BroadsheetApplication *self,
            gboolean              *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    {
      window = GTK_WINDOW (broadsheet_window_new (GTK_APPLICATION (self),
                                                  broadsheet_application_get_fetcher (self),
                                                  broadsheet_application_get_cache (self),
                                                  self->store));
      if (self->store_problem != NULL)
        broadsheet_window_report_store_problem (BROADSHEET_WINDOW (window), self->store_problem);
    }

  return BROADSHEET_WINDOW (window);
}

static void
broadsheet_application_activate (GApplication *app)
{
  BroadsheetApplication *self = BROADSHEET_APPLICATION (app);
  gboolean created;

  gtk_window_present (GTK_WINDOW (get_window (self, &created)));
}

static void
broadsheet_application_open (GApplication  *app,
                             GFile        **files,
                             int            n_files,
                             const char    *hint)
{
  BroadsheetApplication *self = BROADSHEET_APPLICATION (app);
  BroadsheetWindow *window;
  gboolean created;

  window = get_window (self, &created);
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      gboolean remote = g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://");

      /* Web feeds join the feed list; local files are read for this session. */
      broadsheet_window_open_uri (window, uri, remote);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BroadsheetApplication *self = user_data;
  static const char *developers[] = { "The Broadsheet developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Broadsheet"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Broadsheet developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Read the news, from the keyboard"),
                        "developers", developers,
                        "copyright", _("© 2026 The Broadsheet developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BroadsheetApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows first so that each saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BroadsheetApplication) self = user_data;
  BroadsheetStore *store = BROADSHEET_STORE (object);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  const GError *problem;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!broadsheet_store_open_finish (store, result, &error))
    problem = error;
  else
    problem = broadsheet_store_get_problem (store);

  /* Stories dropped by their feeds longer ago than the archive keeps them. */
  if (!broadsheet_store_get_read_only (store))
    broadsheet_store_expire (store, now - (gint64)g_settings_get_uint (settings, "archive-days") * 24 * 60 * 60);

  if (problem == NULL)
    return;

  g_warning ("%s", problem->message);
  g_clear_error (&self->store_problem);
  self->store_problem = g_error_copy (problem);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BROADSHEET_IS_WINDOW (l->data))
      broadsheet_window_report_store_problem (l->data, problem);
}

static void
broadsheet_application_shutdown (GApplication *app)
{
  BroadsheetApplication *self = BROADSHEET_APPLICATION (app);

  /* Every change made is written before the app goes. */
  if (self->store != NULL)
    {
      broadsheet_story_archive_wait_for_puts ();
      broadsheet_store_close (self->store);
    }

  G_APPLICATION_CLASS (broadsheet_application_parent_class)->shutdown (app);
}

static void
broadsheet_application_startup (GApplication *app)
{
  BroadsheetApplication *self = BROADSHEET_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *about_accels[] = { "<Control>F1", NULL };

  G_APPLICATION_CLASS (broadsheet_application_parent_class)->startup (app);

  /* Opening runs on the store's thread; loads queued meanwhile wait for it. */
  self->store = broadsheet_store_new (NULL);
  broadsheet_store_open_async (self->store, NULL, store_opened_cb, g_object_ref (self));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.about", about_accels);
}

static int
broadsheet_application_handle_local_options (GApplication *app,
                                             GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (broadsheet_application_parent_class)->handle_local_options (app, options);
}

static void
broadsheet_application_dispose (GObject *object)
{
  BroadsheetApplication *self = (BroadsheetApplication *)object;

  g_clear_object (&self->fetcher);
  g_clear_object (&self->cache);
  g_clear_object (&self->store);
  g_clear_error (&self->store_problem);
  g_clear_object (&self->image_loader);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (broadsheet_application_parent_class)->dispose (object);
}

static void
broadsheet_application_class_init (BroadsheetApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = broadsheet_application_dispose;
  app_class->handle_local_options = broadsheet_application_handle_local_options;
  app_class->activate = broadsheet_application_activate;
  app_class->open = broadsheet_application_open;
  app_class->startup = broadsheet_application_startup;
  app_class->shutdown = broadsheet_application_shutdown;
}

static void
broadsheet_application_init (BroadsheetApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, 0, G_OPTION_ARG_NONE,
                                 _("Show the version and quit"), NULL);
}

/* Returns: (transfer none): the one HTTP client of the app. */
BroadsheetFetcher *
broadsheet_application_get_fetcher (BroadsheetApplication *self)
{
  g_return_val_if_fail (BROADSHEET_IS_APPLICATION (self), NULL);

  if (self->fetcher == NULL)
    self->fetcher = broadsheet_fetcher_new ();
  return self->fetcher;
}

/* Returns: (transfer none) (nullable): the store of user state, once started. */
BroadsheetStore *
broadsheet_application_get_store (BroadsheetApplication *self)
{
  g_return_val_if_fail (BROADSHEET_IS_APPLICATION (self), NULL);

  return self->store;
}

static void
photo_cache_size_changed_cb (BroadsheetApplication *self)
{
  guint64 megabytes = g_settings_get_uint (self->settings, "photo-cache-size");

  broadsheet_image_loader_set_disk_limit (self->image_loader, megabytes * 1024 * 1024);
}

/* Returns: (transfer none): the loader of photos: the fetcher's HTTP
 * session, with memory and disk caches (the disk's size in GSettings).
 */
BroadsheetImageLoader *
broadsheet_application_get_image_loader (BroadsheetApplication *self)
{
  g_return_val_if_fail (BROADSHEET_IS_APPLICATION (self), NULL);

  if (self->image_loader == NULL)
    {
      BroadsheetFetcher *fetcher = broadsheet_application_get_fetcher (self);

      self->image_loader = broadsheet_image_loader_new (broadsheet_fetcher_get_session (fetcher), NULL);
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::photo-cache-size",
                               G_CALLBACK (photo_cache_size_changed_cb), self, G_CONNECT_SWAPPED);
      photo_cache_size_changed_cb (self);
    }
  return self->image_loader;
}

/* Returns: (transfer none) (nullable): the image loader of the Broadsheet
 * app whose window @widget is in, or %NULL outside one.
 */
BroadsheetImageLoader *
broadsheet_application_get_image_loader_for (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *app;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  return BROADSHEET_IS_APPLICATION (app)
         ? broadsheet_application_get_image_loader (BROADSHEET_APPLICATION (app)) : NULL;
}

/* Returns: (transfer none): the on-disk cache of feed responses. */
BroadsheetFeedCache *
broadsheet_application_get_cache (BroadsheetApplication *self)
{
  g_return_val_if_fail (BROADSHEET_IS_APPLICATION (self), NULL);

  if (self->cache == NULL)
    self->cache = broadsheet_feed_cache_new_default ();
  return self->cache;
}

BroadsheetApplication *
broadsheet_application_new (GApplicationFlags flags)
{
  return g_object_new (BROADSHEET_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
