/* test-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "test-util.h"

#define WAIT_SECONDS 20

/* Starts GTK and libadwaita for a UI test, with XDG directories of its own
 * so runs never share cached feeds, photos or stored stories. Call first,
 * before GLib reads XDG variables. Stories are marked read as soon as they
 * are shown.
 */
void
test_init (int    *argc,
           char ***argv)
{
  g_autofree char *xdg = g_dir_make_tmp ("broadsheet-test-xdg-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (xdg, "cache", NULL);
  g_autofree char *data = g_build_filename (xdg, "data", NULL);
  g_autofree char *config = g_build_filename (xdg, "config", NULL);
  g_autoptr(GSettings) settings = NULL;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* A test that failed with a key held down leaves it down in the X server,
   * repeating into the next test's window: let go of every key, and stop
   * repeats, before this one starts.
   */
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

      XAutoRepeatOff (display);
      for (int keycode = 8; keycode < 256; keycode++)
        XTestFakeKeyEvent (display, keycode, False, CurrentTime);
      XSync (display, False);
    }

  /* UI tests mark stories read as they are shown, unless a test says otherwise. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "mark-read", "on-select");
}

/* Deletes the store of user state (read and saved marks, the archive), so
 * the next test starts as a first launch. Call once the app is gone.
 */
void
test_remove_user_data (void)
{
  static const char * const files[] = { "broadsheet.db", "broadsheet.db-wal", "broadsheet.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "broadsheet", files[i], NULL);

      g_unlink (path);
    }
}

static gboolean
window_settled (BroadsheetApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return window != NULL && test_sources_settled (BROADSHEET_WINDOW (window));
}

/* Starts the app on its feeds (the bundled one in a fresh test) and returns
 * its window once every feed has loaded, with the keyboard.
 */
BroadsheetWindow *
test_start_app (BroadsheetApplication **app)
{
  g_autoptr(GError) error = NULL;
  BroadsheetWindow *window;

  *app = broadsheet_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  TEST_WAIT_UNTIL (window_settled (*app));

  window = BROADSHEET_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  test_focus_window (GTK_WINDOW (window));
  test_spin (100);
  return window;
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

/* Returns: (transfer none) (nullable): the first widget under @root, depth
 * first, of @type and with @css_class (any, when %NULL).
 */
GtkWidget *
test_find_descendant (GtkWidget  *root,
                      GType       type,
                      const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = test_find_descendant (child, type, css_class)) != NULL)
        return found;
    }
  return NULL;
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
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    {
      g_string_append (text, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
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

/* Waits until @window has the keyboard: X sends keys to the focused window. */
void
test_focus_window (GtkWindow *window)
{
  gtk_window_present (window);
  TEST_WAIT_UNTIL (gtk_window_is_active (window));
}

static KeyCode
keycode_for (Display  *display,
             KeySym    keysym,
             gboolean *needs_shift)
{
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  /* '?', 'A' and '+' sit on the shifted level of their keys. */
  *needs_shift = keycode != 0 && XkbKeycodeToKeysym (display, keycode, 0, 0) != keysym &&
                 XkbKeycodeToKeysym (display, keycode, 0, 1) == keysym;
  return keycode;
}

static void
fake_key (Display *display,
          KeySym   keysym,
          gboolean press)
{
  gboolean shift;
  KeyCode keycode = keycode_for (display, keysym, &shift);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (display, keycode, press, CurrentTime);
}

/* Presses and releases @accelerator ("j", "<Shift>space", "<Control>plus")
 * through the X server, as a keyboard would, and lets GTK handle it. The
 * window with the keyboard focus gets it.
 */
void
test_press_key (const char *accelerator)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint keyval;
  GdkModifierType modifiers;
  gboolean shift = FALSE;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  keycode_for (display, keyval, &shift);
  if (shift)
    modifiers |= GDK_SHIFT_MASK;

  if (modifiers & GDK_CONTROL_MASK)
    fake_key (display, XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    fake_key (display, XK_Alt_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (display, XK_Shift_L, TRUE);
  fake_key (display, keyval, TRUE);
  fake_key (display, keyval, FALSE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (display, XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    fake_key (display, XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (display, XK_Control_L, FALSE);
  XSync (display, False);

  /* The events are in GDK's queue now; handle them and what they start. */
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      test_spin (10);
    }
}
