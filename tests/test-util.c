/* test-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "test-util.h"

#define WAIT_SECONDS 20

/* Starts GTK and libadwaita for a UI test, with a feed cache of its own so
 * runs never share cached feeds. Call first, before GLib reads XDG variables.
 */
void
test_init (int    *argc,
           char ***argv)
{
  g_autofree char *xdg = g_dir_make_tmp ("broadsheet-test-xdg-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (xdg, "cache", NULL);

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Returns the window's template child @name, which must exist. */
GtkWidget *
test_window_child (BroadsheetWindow *window,
                   const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), BROADSHEET_TYPE_WINDOW,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Returns %TRUE once every feed of @window has loaded or failed. */
gboolean
test_sources_settled (BroadsheetWindow *window)
{
  GListModel *sources = broadsheet_window_get_sources (window);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (sources, i);
      BroadsheetSourceState state = broadsheet_source_get_state (source);

      if (state == BROADSHEET_SOURCE_IDLE || state == BROADSHEET_SOURCE_LOADING)
        return FALSE;
    }
  return g_list_model_get_n_items (sources) > 0;
}

static gboolean
wakeup_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

TestWait
test_wait_begin (void)
{
  TestWait wait;

  wait.deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so the deadline is seen even when idle. */
  wait.wakeup_id = g_timeout_add (100, wakeup_cb, NULL);
  return wait;
}

void
test_wait_iterate (TestWait   *wait,
                   const char *condition)
{
  if (g_get_monotonic_time () > wait->deadline)
    g_error ("Still waiting after %d s for: %s", WAIT_SECONDS, condition);
  g_main_context_iteration (NULL, TRUE);
}

void
test_wait_end (TestWait *wait)
{
  g_clear_handle_id (&wait->wakeup_id, g_source_remove);
}

static gboolean
spin_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @milliseconds, for changes with nothing to wait on. */
void
test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Returns the text of every visible label under @widget, one per line. */
char *
test_widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

void
test_assert_contains (const char *haystack,
                      const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}
