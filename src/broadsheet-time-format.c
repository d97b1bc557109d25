/* broadsheet-time-format.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-time-format.h"

/* The words a story's time and authors are shown in. */

/* Returns "Just now", "4 hours ago", "Yesterday" and so on for @time seen
 * at @now, or a date for anything older than a week.
 */
char *
broadsheet_format_relative_time (GDateTime *time,
                                 GDateTime *now)
{
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan span;
  int minutes, hours, days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  span = g_date_time_difference (now, time);
  /* A time a little in the future is a clock that runs fast, not news from tomorrow. */
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (span < G_TIME_SPAN_HOUR)
    {
      minutes = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }

  if (span < G_TIME_SPAN_DAY)
    {
      hours = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }

  local_time = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  days = span / G_TIME_SPAN_DAY;
  if (days < 7)
    {
      if (days == 1)
        return g_strdup (_("Yesterday"));
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
    }

  if (g_date_time_get_year (local_time) == g_date_time_get_year (local_now))
    /* Translators: a date in this year, see the strftime manual. */
    return g_date_time_format (local_time, _("%-e %B"));

  /* Translators: a date in another year, see the strftime manual. */
  return g_date_time_format (local_time, _("%-e %B %Y"));
}

/* Returns the full local date and time, for tooltips and the story pane. */
char *
broadsheet_format_exact_time (GDateTime *time)
{
  g_autoptr(GDateTime) local_time = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local_time = g_date_time_to_local (time);
  /* Translators: a date and time, see the strftime manual. */
  return g_date_time_format (local_time, _("%A %-e %B %Y, %H:%M"));
}

/* Returns "By Ann", "By Ann and Bo" or "By Ann, Bo and Cy", or NULL when
 * there are no authors.
 */
char *
broadsheet_format_byline (const char * const *authors)
{
  guint n_authors = authors != NULL ? g_strv_length ((char **)authors) : 0;
  g_autoptr(GString) names = NULL;

  if (n_authors == 0)
    return NULL;
  if (n_authors == 1)
    return g_strdup_printf (_("By %s"), authors[0]);

  names = g_string_new (authors[0]);
  for (guint i = 1; i + 1 < n_authors; i++)
    {
      /* Translators: separates the names before the last one in a byline. */
      g_string_append (names, _(", "));
      g_string_append (names, authors[i]);
    }

  /* Translators: a byline with two or more authors; the first %s is a list of names. */
  return g_strdup_printf (_("By %s and %s"), names->str, authors[n_authors - 1]);
}
