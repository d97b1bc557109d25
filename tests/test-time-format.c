/* test-time-format.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "broadsheet-time-format.h"

/* Relative times and bylines, in the C locale. */

static void
check_relative (GDateTime  *now,
                GTimeSpan   ago,
                const char *expected)
{
  g_autoptr(GDateTime) then = g_date_time_add (now, -ago);
  g_autofree char *text = broadsheet_format_relative_time (then, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_relative (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 18, 0, 0);

  check_relative (now, -5 * G_TIME_SPAN_MINUTE, "Just now");
  check_relative (now, 0, "Just now");
  check_relative (now, 59 * G_TIME_SPAN_SECOND, "Just now");
  check_relative (now, G_TIME_SPAN_MINUTE, "1 minute ago");
  check_relative (now, 59 * G_TIME_SPAN_MINUTE, "59 minutes ago");
  check_relative (now, G_TIME_SPAN_HOUR, "1 hour ago");
  check_relative (now, 4 * G_TIME_SPAN_HOUR + 20 * G_TIME_SPAN_MINUTE, "4 hours ago");
  check_relative (now, G_TIME_SPAN_DAY, "Yesterday");
  check_relative (now, 3 * G_TIME_SPAN_DAY, "3 days ago");
  check_relative (now, 20 * G_TIME_SPAN_DAY, "7 November");
  check_relative (now, 400 * G_TIME_SPAN_DAY, "23 October 2025");
}

static void
check_updated (GDateTime  *now,
               GTimeSpan   ago,
               const char *expected)
{
  g_autoptr(GDateTime) then = g_date_time_add (now, -ago);
  g_autofree char *text = broadsheet_format_updated_time (then, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_updated (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 18, 0, 0);

  check_updated (now, 0, "Updated just now");
  check_updated (now, 5 * G_TIME_SPAN_MINUTE, "Updated 5 minutes ago");
  check_updated (now, G_TIME_SPAN_HOUR, "Updated 1 hour ago");
  check_updated (now, 30 * G_TIME_SPAN_HOUR, "Updated yesterday");
  check_updated (now, 3 * G_TIME_SPAN_DAY, "Updated 3 days ago");
  check_updated (now, 20 * G_TIME_SPAN_DAY, "Updated on 7 November 2026");
}

static void
test_exact (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, 27, 7, 30, 0);
  g_autofree char *text = broadsheet_format_exact_time (time);

  g_assert_cmpstr (text, ==, "Friday 27 November 2026, 07:30");
}

static void
test_byline (void)
{
  const char *none[] = { NULL };
  const char *one[] = { "Ann", NULL };
  const char *two[] = { "Ann", "Bo", NULL };
  const char *three[] = { "Ann", "Bo", "Cy", NULL };
  g_autofree char *one_text = broadsheet_format_byline (one);
  g_autofree char *two_text = broadsheet_format_byline (two);
  g_autofree char *three_text = broadsheet_format_byline (three);

  g_assert_null (broadsheet_format_byline (NULL));
  g_assert_null (broadsheet_format_byline (none));
  g_assert_cmpstr (one_text, ==, "By Ann");
  g_assert_cmpstr (two_text, ==, "By Ann and Bo");
  g_assert_cmpstr (three_text, ==, "By Ann, Bo and Cy");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-format/relative", test_relative);
  g_test_add_func ("/time-format/updated", test_updated);
  g_test_add_func ("/time-format/exact", test_exact);
  g_test_add_func ("/time-format/byline", test_byline);

  return g_test_run ();
}
