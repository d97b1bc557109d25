/* broadsheet-source-row.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-clock.h"
#include "broadsheet-source-row.h"
#include "broadsheet-time-format.h"

/* One feed in the sidebar: its name, its unread count, and its status in
 * words as well as an icon: updating, when it last updated, or what went
 * wrong last time.
 */
struct _BroadsheetSourceRow
{
  GtkListBoxRow parent_instance;

  BroadsheetSource *source;

  GtkStack   *icon_stack;
  GtkSpinner *spinner;
  GtkLabel   *title_label;
  GtkLabel   *status_label;
  GtkLabel   *unread_label;
};

G_DEFINE_FINAL_TYPE (BroadsheetSourceRow, broadsheet_source_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (BroadsheetSourceRow *self)
{
  BroadsheetSourceState state = broadsheet_source_get_state (self->source);
  const GError *error = broadsheet_source_get_error (self->source);
  GDateTime *last_updated = broadsheet_source_get_last_updated (self->source);
  g_autofree char *status = NULL;
  g_autofree char *exact = NULL;

  if (state == BROADSHEET_SOURCE_LOADING)
    {
      status = g_strdup (_("Updating…"));
      gtk_stack_set_visible_child_name (self->icon_stack, "loading");
    }
  else if (state == BROADSHEET_SOURCE_FAILED && error != NULL)
    {
      status = g_strdup (error->message);
      gtk_stack_set_visible_child_name (self->icon_stack, "error");
    }
  else
    {
      if (last_updated != NULL)
        {
          GDateTime *now = broadsheet_clock_get_now (broadsheet_clock_get_default ());

          status = broadsheet_format_updated_time (last_updated, now);
          exact = broadsheet_format_exact_time (last_updated);
        }
      gtk_stack_set_visible_child_name (self->icon_stack, "feed");
    }

  gtk_spinner_set_spinning (self->spinner, state == BROADSHEET_SOURCE_LOADING);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  /* The whole message, which the row may have to cut short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               error != NULL && state == BROADSHEET_SOURCE_FAILED ? error->message
                                                                                  : exact);
  if (state == BROADSHEET_SOURCE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_title (BroadsheetSourceRow *self)
{
  gtk_label_set_text (self->title_label, broadsheet_source_get_title (self->source));
}

static void
update_unread (BroadsheetSourceRow *self)
{
  guint n_unread = broadsheet_source_get_n_unread (self->source);
  g_autofree char *count = g_strdup_printf ("%u", n_unread);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->unread_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), n_unread > 0);

  description = g_strdup_printf (ngettext ("%u unread story", "%u unread stories", n_unread),
                                 n_unread);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unread_label), description);
}

static void
update_label (BroadsheetSourceRow *self)
{
  g_autofree char *label = NULL;
  guint n_unread = broadsheet_source_get_n_unread (self->source);

  /* Translators: what a screen reader says for a feed: its name and unread count. */
  label = g_strdup_printf (ngettext ("%s, %u unread", "%s, %u unread", n_unread),
                           broadsheet_source_get_title (self->source), n_unread);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
source_changed_cb (BroadsheetSourceRow *self,
                   GParamSpec          *pspec)
{
  update_title (self);
  update_status (self);
  update_unread (self);
  update_label (self);
}

static void
clock_now_changed_cb (BroadsheetSourceRow *self)
{
  update_status (self);
}

GtkWidget *
broadsheet_source_row_new (BroadsheetSource *source)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (source), NULL);

  return g_object_new (BROADSHEET_TYPE_SOURCE_ROW, "source", source, NULL);
}

BroadsheetSource *
broadsheet_source_row_get_source (BroadsheetSourceRow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE_ROW (self), NULL);

  return self->source;
}

static void
broadsheet_source_row_constructed (GObject *object)
{
  BroadsheetSourceRow *self = (BroadsheetSourceRow *)object;

  G_OBJECT_CLASS (broadsheet_source_row_parent_class)->constructed (object);

  g_signal_connect_object (self->source, "notify", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (broadsheet_clock_get_default (), "notify::now",
                           G_CALLBACK (clock_now_changed_cb), self, G_CONNECT_SWAPPED);
  source_changed_cb (self, NULL);
}

static void
broadsheet_source_row_dispose (GObject *object)
{
  BroadsheetSourceRow *self = (BroadsheetSourceRow *)object;

  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_SOURCE_ROW);

  G_OBJECT_CLASS (broadsheet_source_row_parent_class)->dispose (object);
}

static void
broadsheet_source_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BroadsheetSourceRow *self = BROADSHEET_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_source_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BroadsheetSourceRow *self = BROADSHEET_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_source_row_class_init (BroadsheetSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = broadsheet_source_row_constructed;
  object_class->dispose = broadsheet_source_row_dispose;
  object_class->get_property = broadsheet_source_row_get_property;
  object_class->set_property = broadsheet_source_row_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, BROADSHEET_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetSourceRow, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetSourceRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetSourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetSourceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetSourceRow, unread_label);
}

static void
broadsheet_source_row_init (BroadsheetSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
