/* broadsheet-bench-probe.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "broadsheet-bench-probe.h"
#include "broadsheet-source.h"

/* What the startup benchmark (tests/bench/bench-startup.c) watches for. With
 * BROADSHEET_BENCH_PROBE set in the environment, Broadsheet prints to stdout
 *
 *   broadsheet-bench: first-headline MONOTONIC_US
 *       when the first frame showing a headline has been painted;
 *   broadsheet-bench: loaded MONOTONIC_US RSS_BYTES
 *       when every feed has finished loading and that frame has been painted;
 *   broadsheet-bench: settled RSS_BYTES
 *       a second later, when what the loads freed has been given back;
 *
 * and with BROADSHEET_BENCH_PROBE=quit it then quits. The times are
 * g_get_monotonic_time() (CLOCK_MONOTONIC), which the benchmark shares.
 * Without the variable nothing here runs.
 */

typedef struct
{
  GtkWidget  *story_list;
  GListModel *stories;
  GListModel *sources;
  gulong      paint_handler;
  gboolean    headline_seen;
  gboolean    headline_painted;
  gboolean    loaded;
} Probe;

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
all_sources_loaded (Probe *probe)
{
  guint n = g_list_model_get_n_items (probe->sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (probe->sources, i);
      BroadsheetSourceState state = broadsheet_source_get_state (source);

      if (state == BROADSHEET_SOURCE_IDLE || state == BROADSHEET_SOURCE_LOADING)
        return FALSE;
    }
  return TRUE;
}

static gboolean
settled_cb (gpointer data)
{
  printf ("broadsheet-bench: settled %" G_GSIZE_FORMAT "\n", resident_bytes ());
  fflush (stdout);
  if (g_strcmp0 (g_getenv ("BROADSHEET_BENCH_PROBE"), "quit") == 0)
    g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (probe->headline_seen && !probe->headline_painted)
    {
      probe->headline_painted = TRUE;
      printf ("broadsheet-bench: first-headline %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
    }

  if (probe->headline_painted && !probe->loaded && all_sources_loaded (probe))
    {
      probe->loaded = TRUE;
      printf ("broadsheet-bench: loaded %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n",
              now, resident_bytes ());
      fflush (stdout);
      g_signal_handler_disconnect (clock, probe->paint_handler);
      probe->paint_handler = 0;
      g_timeout_add_seconds (1, settled_cb, NULL);
    }
}

static void
changed_cb (Probe *probe)
{
  if (g_list_model_get_n_items (probe->stories) > 0)
    probe->headline_seen = TRUE;
  gtk_widget_queue_draw (probe->story_list);
}

static void
map_cb (GtkWidget *widget,
        Probe     *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (probe->paint_handler != 0 || probe->loaded || clock == NULL)
    return;
  probe->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), probe);
  changed_cb (probe);
}

void
broadsheet_bench_probe_watch (GtkWidget  *story_list,
                              GListModel *stories,
                              GListModel *sources)
{
  Probe *probe;

  if (g_getenv ("BROADSHEET_BENCH_PROBE") == NULL)
    return;

  /* Lives as long as the process: one window is measured, once. */
  probe = g_new0 (Probe, 1);
  probe->story_list = story_list;
  probe->stories = stories;
  probe->sources = sources;
  g_signal_connect_swapped (stories, "items-changed", G_CALLBACK (changed_cb), probe);
  g_signal_connect_swapped (sources, "items-changed", G_CALLBACK (changed_cb), probe);
  g_signal_connect (story_list, "map", G_CALLBACK (map_cb), probe);
}
