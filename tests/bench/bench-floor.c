/* bench-floor.c: the floor the startup benchmark measures Broadsheet against.
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A minimal AdwApplication whose window, at Broadsheet's default size, holds
 * a header bar and a GtkListView of 100 labels. It prints what Broadsheet's
 * bench probe prints (src/broadsheet-bench-probe.c), in the same format:
 *
 *   broadsheet-bench: first-headline MONOTONIC_US
 *       after the first frame painted with the list mapped;
 *   broadsheet-bench: loaded MONOTONIC_US RSS_BYTES
 *       right after it (there is nothing more to load);
 *   broadsheet-bench: settled RSS_BYTES
 *       a second later;
 *
 * and quits.
 */

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#define N_LABELS       100
#define WINDOW_WIDTH  1100  /* The defaults of window-width and window-height */
#define WINDOW_HEIGHT  720  /* in data/app.broadsheet.Broadsheet.gschema.xml. */

typedef struct
{
  GtkWidget *list_view;
  gulong     paint_handler;
} Floor;

/* Read here rather than with bench-util, so that the floor links nothing but
 * GTK and libadwaita.
 */
static gsize
resident_bytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10) * 1024;
}

static gboolean
settled_cb (gpointer data)
{
  printf ("broadsheet-bench: settled %" G_GSIZE_FORMAT "\n", resident_bytes ());
  fflush (stdout);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Floor         *state)
{
  gint64 now = g_get_monotonic_time ();

  g_clear_signal_handler (&state->paint_handler, clock);
  printf ("broadsheet-bench: first-headline %" G_GINT64_FORMAT "\n", now);
  printf ("broadsheet-bench: loaded %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n",
          now, resident_bytes ());
  fflush (stdout);
  g_timeout_add_seconds (1, settled_cb, NULL);
}

static void
map_cb (GtkWidget *widget,
        Floor     *state)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (state->paint_handler != 0 || clock == NULL)
    return;
  state->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                           state);
  gtk_widget_queue_draw (widget);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
activate_cb (GApplication *app,
             Floor        *state)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkWidget *window, *box, *scrolled;

  for (guint i = 0; i < N_LABELS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Headline number %u of the floor", i + 1);

      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)));
  state->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), state->list_view);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Broadsheet floor");
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_signal_connect (state->list_view, "map", G_CALLBACK (map_cb), state);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Floor state = { NULL, 0 };

  app = adw_application_new ("app.broadsheet.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &state);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
