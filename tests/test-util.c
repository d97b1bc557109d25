/* test-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-util.h"

#define WAIT_SECONDS 20

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
