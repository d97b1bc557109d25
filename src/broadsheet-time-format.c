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

typedef enum
{
  AGE_NOW,
  AGE_MINUTES,
  AGE_HOURS,
  AGE_YESTERDAY,
  AGE_DAYS,
  AGE_THIS_YEAR,
  AGE_OLDER,
} Age;

/* Sorts @span into the steps people use for news, with the count for it. */
static Age
classify (GTimeSpan  span,
          int       *count)
{
  /* A time a little in the future is a clock that runs fast, not news from tomorrow. */
  if (span < G_TIME_SPAN_MINUTE)
    return AGE_NOW;
  if (span < G_TIME_SPAN_HOUR)
    return (*count = span / G_TIME_SPAN_MINUTE), AGE_MINUTES;
  if (span < G_TIME_SPAN_DAY)
    return (*count = span / G_TIME_SPAN_HOUR), AGE_HOURS;
  if (span < 2 * G_TIME_SPAN_DAY)
    return AGE_YESTERDAY;
  if (span < 7 * G_TIME_SPAN_DAY)
    return (*count = span / G_TIME_SPAN_DAY), AGE_DAYS;
  return AGE_THIS_YEAR;
}

/* Returns "Just now", "4 hours ago", "Yesterday" and so on for @time seen
 * at @now, or a date for anything older than a week.
 */
char *
broadsheet_format_relative_time (GDateTime *time,
                                 GDateTime *now)
{
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  int count = 0;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (classify (g_date_time_difference (now, time), &count))
    {
    case AGE_NOW:
      return g_strdup (_("Just now"));
    case AGE_MINUTES:
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", count), count);
    case AGE_HOURS:
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", count), count);
    case AGE_YESTERDAY:
      return g_strdup (_("Yesterday"));
    case AGE_DAYS:
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", count), count);
    case AGE_THIS_YEAR:
    case AGE_OLDER:
    default:
      break;
    }

  local_time = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  if (g_date_time_get_year (local_time) == g_date_time_get_year (local_now))
    /* Translators: a date in this year, see the strftime manual. */
    return g_date_time_format (local_time, _("%-e %B"));

  /* Translators: a date in another year, see the strftime manual. */
  return g_date_time_format (local_time, _("%-e %B %Y"));
}

/* Returns "Updated just now", "Updated 5 minutes ago" and so on: when a feed
 * last loaded, as a phrase of its own so each language can word it.
 */
char *
broadsheet_format_updated_time (GDateTime *time,
                                GDateTime *now)
{
  g_autoptr(GDateTime) local_time = NULL;
  g_autofree char *date = NULL;
  int count = 0;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (classify (g_date_time_difference (now, time), &count))
    {
    case AGE_NOW:
      return g_strdup (_("Updated just now"));
    case AGE_MINUTES:
      return g_strdup_printf (ngettext ("Updated %d minute ago", "Updated %d minutes ago", count),
                              count);
    case AGE_HOURS:
      return g_strdup_printf (ngettext ("Updated %d hour ago", "Updated %d hours ago", count),
                              count);
    case AGE_YESTERDAY:
      return g_strdup (_("Updated yesterday"));
    case AGE_DAYS:
      return g_strdup_printf (ngettext ("Updated %d day ago", "Updated %d days ago", count),
                              count);
    case AGE_THIS_YEAR:
    case AGE_OLDER:
    default:
      break;
    }

  local_time = g_date_time_to_local (time);
  /* Translators: a date, see the strftime manual. */
  date = g_date_time_format (local_time, _("%-e %B %Y"));
  /* Translators: when a feed last loaded, as in "Updated on 3 May 2026". */
  return g_strdup_printf (_("Updated on %s"), date);
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
