/* broadsheet-preferences-window.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-preferences-window.h"

/* Preferences: each control is bound straight to its GSettings key, so a
 * change applies at once and lasts.
 */
struct _BroadsheetPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;

  GtkSwitch     *single_key_switch;
  AdwComboRow   *mark_read_row;
  GtkSwitch     *thumbnails_switch;
  GtkAdjustment *photo_cache_adjustment;
  GtkAdjustment *refresh_adjustment;
  GtkAdjustment *text_scale_adjustment;
};

G_DEFINE_FINAL_TYPE (BroadsheetPreferencesWindow, broadsheet_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The mark-read choices, in the order of the combo row's items. */
static const char * const mark_read_choices[] = { "on-select", "after-delay", "never" };

static gboolean
index_from_choice (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (mark_read_choices); i++)
    if (g_str_equal (choice, mark_read_choices[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_from_index (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (mark_read_choices))
    return NULL;
  return g_variant_new_string (mark_read_choices[index]);
}

static gboolean
percent_from_scale (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
scale_from_percent (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
broadsheet_preferences_window_dispose (GObject *object)
{
  BroadsheetPreferencesWindow *self = (BroadsheetPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (broadsheet_preferences_window_parent_class)->dispose (object);
}

static void
broadsheet_preferences_window_class_init (BroadsheetPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        single_key_switch);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        refresh_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        mark_read_row);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        thumbnails_switch);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        photo_cache_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPreferencesWindow,
                                        text_scale_adjustment);
}

static void
broadsheet_preferences_window_init (BroadsheetPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "single-key-shortcuts", self->single_key_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "mark-read", self->mark_read_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, index_from_choice, choice_from_index,
                                NULL, NULL);
  g_settings_bind (self->settings, "show-thumbnails", self->thumbnails_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "photo-cache-size", self->photo_cache_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "refresh-interval", self->refresh_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "text-scale", self->text_scale_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_from_scale, scale_from_percent,
                                NULL, NULL);
}

BroadsheetPreferencesWindow *
broadsheet_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (BROADSHEET_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
