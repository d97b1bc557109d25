/* broadsheet-clock.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-clock.h"

/* One minute tick for everything that shows a relative time, so that a
 * thousand rows share one timer and change their "4 minutes ago" together.
 * The clock lives on the main thread.
 */
struct _BroadsheetClock
{
  GObject parent_instance;

  GDateTime *now;
  guint      tick_id;
};

G_DEFINE_FINAL_TYPE (BroadsheetClock, broadsheet_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_tick (BroadsheetClock *self);

static gboolean
tick_cb (gpointer user_data)
{
  BroadsheetClock *self = user_data;

  self->tick_id = 0;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
  schedule_tick (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_tick (BroadsheetClock *self)
{
  int seconds = g_date_time_get_second (self->now);

  /* Tick just after the next full minute, like the clock on the top bar. */
  self->tick_id = g_timeout_add_seconds (60 - seconds, tick_cb, self);
}

static void
broadsheet_clock_finalize (GObject *object)
{
  BroadsheetClock *self = (BroadsheetClock *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (broadsheet_clock_parent_class)->finalize (object);
}

static void
broadsheet_clock_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BroadsheetClock *self = BROADSHEET_CLOCK (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_clock_class_init (BroadsheetClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = broadsheet_clock_finalize;
  object_class->get_property = broadsheet_clock_get_property;

  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_clock_init (BroadsheetClock *self)
{
  self->now = g_date_time_new_now_utc ();
  schedule_tick (self);
}

/* Returns: (transfer none): the clock shared by the whole process. */
BroadsheetClock *
broadsheet_clock_get_default (void)
{
  static BroadsheetClock *clock;

  if (clock == NULL)
    {
      clock = g_object_new (BROADSHEET_TYPE_CLOCK, NULL);
      g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *)&clock);
    }

  return clock;
}

/* Returns: (transfer none): the time of the last tick, in UTC. */
GDateTime *
broadsheet_clock_get_now (BroadsheetClock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_CLOCK (self), NULL);

  return self->now;
}
