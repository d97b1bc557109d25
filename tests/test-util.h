/* test-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "broadsheet-application.h"
#include "broadsheet-window.h"

G_BEGIN_DECLS

/* Helpers the UI tests share: waiting on the main loop without sleeping,
 * and reading what a widget shows.
 */

typedef struct
{
  gint64 deadline;
  guint  wakeup_id;
} TestWait;

void       test_init                 (int         *argc,
                                     char      ***argv);
void       test_remove_user_data     (void);
BroadsheetWindow *test_start_app     (BroadsheetApplication **app);
GtkWidget *test_window_child         (BroadsheetWindow *window,
                                     const char *name);
gboolean   test_sources_settled      (BroadsheetWindow *window);
GtkWidget *test_find_descendant      (GtkWidget  *root,
                                      GType       type,
                                      const char *css_class);
TestWait  test_wait_begin           (void);
void      test_wait_iterate         (TestWait   *wait,
                                     const char *condition);
void      test_wait_end             (TestWait   *wait);
void      test_spin                 (guint       milliseconds);
char     *test_widget_text          (GtkWidget  *widget);
void      test_assert_contains      (const char *haystack,
                                     const char *needle);
void      test_focus_window         (GtkWindow  *window);
void      test_press_key            (const char *accelerator);

/* Runs the main loop until @condition holds; fails the test after 20 s. */
#define TEST_WAIT_UNTIL(condition) \
  G_STMT_START { \
    TestWait test_wait_ = test_wait_begin (); \
    while (!(condition)) \
      test_wait_iterate (&test_wait_, #condition); \
    test_wait_end (&test_wait_); \
  } G_STMT_END

G_END_DECLS
