/* broadsheet-window-keys.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-window-private.h"

/* The key model: keys act on the story shown whichever pane has focus, so
 * they are caught before the focused widget sees them (the capture phase).
 * Three kinds of keys:
 *  - single keys (letters, digits, Space): off while typing in an entry and
 *    when the "single-key-shortcuts" preference is off;
 *  - navigation keys (arrows, Page Up/Down, Home/End, Enter): off while
 *    typing, where they move the text cursor;
 *  - keys with Ctrl or Alt, and F10: always on.
 * Space and Enter also stay with a focused button or link, which they press.
 * docs/keyboard.md and broadsheet-shortcuts-window.ui list the same keys.
 */

typedef enum
{
  KEY_SINGLE,
  KEY_NAVIGATION,
  KEY_MODIFIED,
} KeyKind;

typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  KeyKind          kind;
  const char      *action;
  const char      *parameter;
} KeyBinding;

static const KeyBinding key_bindings[] = {
  { GDK_KEY_j, 0, KEY_SINGLE, "win.next-story", NULL },
  { GDK_KEY_Down, 0, KEY_NAVIGATION, "win.next-story", NULL },
  { GDK_KEY_KP_Down, 0, KEY_NAVIGATION, "win.next-story", NULL },
  { GDK_KEY_k, 0, KEY_SINGLE, "win.previous-story", NULL },
  { GDK_KEY_Up, 0, KEY_NAVIGATION, "win.previous-story", NULL },
  { GDK_KEY_KP_Up, 0, KEY_NAVIGATION, "win.previous-story", NULL },
  { GDK_KEY_Home, 0, KEY_NAVIGATION, "win.first-story", NULL },
  { GDK_KEY_KP_Home, 0, KEY_NAVIGATION, "win.first-story", NULL },
  { GDK_KEY_End, 0, KEY_NAVIGATION, "win.last-story", NULL },
  { GDK_KEY_KP_End, 0, KEY_NAVIGATION, "win.last-story", NULL },
  { GDK_KEY_n, 0, KEY_SINGLE, "win.next-unread", NULL },
  { GDK_KEY_p, 0, KEY_SINGLE, "win.previous-unread", NULL },
  { GDK_KEY_a, 0, KEY_SINGLE, "win.previous-source", NULL },
  { GDK_KEY_z, 0, KEY_SINGLE, "win.next-source", NULL },
  { GDK_KEY_Page_Up, GDK_CONTROL_MASK, KEY_MODIFIED, "win.previous-source", NULL },
  { GDK_KEY_Page_Down, GDK_CONTROL_MASK, KEY_MODIFIED, "win.next-source", NULL },
  { GDK_KEY_Left, GDK_ALT_MASK, KEY_MODIFIED, "win.go-back", NULL },
  { GDK_KEY_Right, GDK_ALT_MASK, KEY_MODIFIED, "win.go-forward", NULL },
  { GDK_KEY_space, 0, KEY_SINGLE, "win.read-on", NULL },
  { GDK_KEY_space, GDK_SHIFT_MASK, KEY_SINGLE, "win.scroll-story", "-1" },
  { GDK_KEY_Page_Down, 0, KEY_NAVIGATION, "win.scroll-story", "1" },
  { GDK_KEY_KP_Page_Down, 0, KEY_NAVIGATION, "win.scroll-story", "1" },
  { GDK_KEY_Page_Up, 0, KEY_NAVIGATION, "win.scroll-story", "-1" },
  { GDK_KEY_KP_Page_Up, 0, KEY_NAVIGATION, "win.scroll-story", "-1" },
  { GDK_KEY_Return, 0, KEY_NAVIGATION, "win.open-in-browser", NULL },
  { GDK_KEY_KP_Enter, 0, KEY_NAVIGATION, "win.open-in-browser", NULL },
  { GDK_KEY_o, 0, KEY_SINGLE, "win.open-in-browser", NULL },
  { GDK_KEY_1, 0, KEY_SINGLE, "win.open-link", "uint32 1" },
  { GDK_KEY_2, 0, KEY_SINGLE, "win.open-link", "uint32 2" },
  { GDK_KEY_3, 0, KEY_SINGLE, "win.open-link", "uint32 3" },
  { GDK_KEY_4, 0, KEY_SINGLE, "win.open-link", "uint32 4" },
  { GDK_KEY_5, 0, KEY_SINGLE, "win.open-link", "uint32 5" },
  { GDK_KEY_6, 0, KEY_SINGLE, "win.open-link", "uint32 6" },
  { GDK_KEY_7, 0, KEY_SINGLE, "win.open-link", "uint32 7" },
  { GDK_KEY_8, 0, KEY_SINGLE, "win.open-link", "uint32 8" },
  { GDK_KEY_9, 0, KEY_SINGLE, "win.open-link", "uint32 9" },
  { GDK_KEY_s, 0, KEY_SINGLE, "win.toggle-saved", NULL },
  { GDK_KEY_m, 0, KEY_SINGLE, "win.toggle-read", NULL },
  { GDK_KEY_A, 0, KEY_SINGLE, "win.mark-all-read", NULL },
  { GDK_KEY_question, 0, KEY_SINGLE, "win.show-help-overlay", NULL },
  { GDK_KEY_plus, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-in", NULL },
  { GDK_KEY_equal, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-in", NULL },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-in", NULL },
  { GDK_KEY_minus, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-out", NULL },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-out", NULL },
  { GDK_KEY_0, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-reset", NULL },
  { GDK_KEY_KP_0, GDK_CONTROL_MASK, KEY_MODIFIED, "win.zoom-reset", NULL },
  { GDK_KEY_F10, 0, KEY_MODIFIED, "win.show-menu", NULL },
  { GDK_KEY_F10, GDK_SHIFT_MASK, KEY_MODIFIED, "win.show-story-menu", NULL },
  { GDK_KEY_Menu, 0, KEY_MODIFIED, "win.show-story-menu", NULL },
  { GDK_KEY_slash, 0, KEY_SINGLE, "win.search", NULL },
  { GDK_KEY_f, GDK_CONTROL_MASK, KEY_MODIFIED, "win.search", NULL },
  { GDK_KEY_1, GDK_CONTROL_MASK, KEY_MODIFIED, "win.filter", "'all'" },
  { GDK_KEY_2, GDK_CONTROL_MASK, KEY_MODIFIED, "win.filter", "'unread'" },
  { GDK_KEY_3, GDK_CONTROL_MASK, KEY_MODIFIED, "win.filter", "'saved'" },
};

static gboolean
is_typing (GtkWidget *focus)
{
  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

/* Widgets that Space and Enter press: buttons, switches, links, feed rows. */
static gboolean
presses_on_its_own (BroadsheetWindow *self,
                    GtkWidget        *focus)
{
  if (focus == NULL)
    return FALSE;
  if (GTK_IS_BUTTON (focus) || GTK_IS_SWITCH (focus) || GTK_IS_CHECK_BUTTON (focus))
    return TRUE;
  if (GTK_IS_LABEL (focus) && gtk_label_get_current_uri (GTK_LABEL (focus)) != NULL)
    return TRUE;
  return focus == GTK_WIDGET (self->source_list) ||
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->source_list));
}

static gboolean
matches (const KeyBinding *binding,
         guint             keyval,
         GdkModifierType   state)
{
  GdkModifierType modifiers = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK |
                                       GDK_SUPER_MASK);

  /* Shift is part of a printed character ('A', '?', '+'), not a modifier of it. */
  if (gdk_keyval_to_unicode (keyval) > ' ')
    modifiers &= ~GDK_SHIFT_MASK;

  return binding->keyval == keyval && binding->modifiers == modifiers;
}

static gboolean
activate (BroadsheetWindow *self,
          const KeyBinding *binding)
{
  g_autoptr(GVariant) parameter = NULL;

  if (binding->parameter != NULL)
    parameter = g_variant_ref_sink (g_variant_parse (NULL, binding->parameter, NULL, NULL, NULL));

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), binding->action, parameter);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BroadsheetWindow      *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean typing;

  /* Keys in popovers and menus are theirs. */
  if (event == NULL || gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self)))
    return FALSE;

  typing = is_typing (focus);

  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    {
      const KeyBinding *binding = &key_bindings[i];

      if (!matches (binding, keyval, state))
        continue;

      if (binding->kind != KEY_MODIFIED && typing)
        return FALSE;
      if (binding->kind == KEY_SINGLE && !g_settings_get_boolean (self->settings, "single-key-shortcuts"))
        return FALSE;
      if ((keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
          presses_on_its_own (self, focus))
        return FALSE;
      /* Enter on a headline in a one-pane window opens the story, as a click does. */
      if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
          adw_leaflet_get_folded (self->leaflet) &&
          adw_leaflet_get_visible_child (self->leaflet) == self->list_pane)
        return FALSE;

      if (activate (self, binding))
        return TRUE;

      /* A letter with nothing to act on (no story yet) says so, and types nothing. */
      if (binding->kind != KEY_SINGLE)
        return FALSE;
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  return FALSE;
}

void
_broadsheet_window_init_keys (BroadsheetWindow *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (controller, "broadsheet-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
