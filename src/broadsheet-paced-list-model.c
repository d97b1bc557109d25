/* broadsheet-paced-list-model.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-paced-list-model.h"

/* Passes its model's items on, but a big insertion near the top reaches the
 * list a few rows a frame. GTK 4.8's list view makes or rebinds up to 200
 * rows inside the items-changed handler, and lays them all out in the next
 * frame: when 10,000 stories arrive, or a search refills the list, that was
 * a stall of 60-140 ms (docs/performance.md).
 *
 * Of an insertion of more than STEP items into the first NEAR_TOP rows, the
 * first STEP are passed on at once and the rest are hidden, then revealed
 * STEP a frame from the top, on the frame clock of the widget set with
 * broadsheet_paced_list_model_set_widget(). Once the first hidden item is
 * NEAR_TOP rows down, the rest are revealed together: no row of the list is
 * there to be made for them. Items the model removes and adds again in one
 * change (a sort model does, for items that moved) count as new, except the
 * item set with broadsheet_paced_list_model_set_keep(): the selected story,
 * so that the selection survives a refill.
 *
 * The list is paced while it is hidden too (a feed that loads while the
 * list shows a spinner, say): GTK makes the rows all the same, and lays them
 * out when the list is shown. Without a widget nothing is revealed until
 * broadsheet_paced_list_model_reveal_step() is called: that is for tests.
 */

#define STEP     24   /* Rows made in one frame: about 7 ms of GTK's work. */
#define NEAR_TOP 200  /* GTK 4.8's list view keeps at most this many rows. */

struct _BroadsheetPacedListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_upstream;
  GtkBitset  *hidden;      /* Positions in model not passed on yet. */
  GObject    *keep;        /* Never hidden. */
  GtkWidget  *widget;      /* Weak. */
  guint       tick_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BroadsheetPacedListModel, broadsheet_paced_list_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* How many of the model's first n positions are hidden. */
static guint
hidden_below (BroadsheetPacedListModel *self,
              guint                     n)
{
  if (n == 0 || gtk_bitset_is_empty (self->hidden))
    return 0;
  return (guint) gtk_bitset_get_size_in_range (self->hidden, 0, n - 1);
}

/* The model's position of the item passed on at @position. */
static guint
to_upstream (BroadsheetPacedListModel *self,
             guint                     position)
{
  guint low = position;
  guint high = self->n_upstream - 1;

  if (gtk_bitset_is_empty (self->hidden))
    return position;

  /* The first u with position + 1 items shown in [0, u]. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (middle + 1 - hidden_below (self, middle + 1) >= position + 1)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

static GType
get_item_type (GListModel *list)
{
  BroadsheetPacedListModel *self = BROADSHEET_PACED_LIST_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
get_n_items (GListModel *list)
{
  BroadsheetPacedListModel *self = BROADSHEET_PACED_LIST_MODEL (list);

  return self->n_upstream - (guint) gtk_bitset_get_size (self->hidden);
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  BroadsheetPacedListModel *self = BROADSHEET_PACED_LIST_MODEL (list);

  if (position >= get_n_items (list))
    return NULL;
  return g_list_model_get_item (self->model, to_upstream (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
stop_ticking (BroadsheetPacedListModel *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BroadsheetPacedListModel *self = user_data;

  if (broadsheet_paced_list_model_reveal_step (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Shows the kept item if it is among the @n hidden from @first on. */
static guint
unhide_kept (BroadsheetPacedListModel *self,
             guint                     first,
             guint                     n)
{
  for (guint i = first; self->keep != NULL && i < first + n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (item == self->keep)
        {
          gtk_bitset_remove (self->hidden, i);
          return 1;
        }
    }
  return 0;
}

static void
items_changed_cb (BroadsheetPacedListModel *self,
                  guint                     position,
                  guint                     removed,
                  guint                     added,
                  GListModel               *model)
{
  guint shown_position = position - hidden_below (self, position);
  guint hidden_removed = hidden_below (self, position + removed) - hidden_below (self, position);
  guint n_hidden = 0;

  gtk_bitset_splice (self->hidden, position, removed, added);
  self->n_upstream = self->n_upstream - removed + added;

  if (added > STEP && shown_position < NEAR_TOP)
    {
      n_hidden = added - STEP;
      gtk_bitset_add_range (self->hidden, position + STEP, n_hidden);
      n_hidden -= unhide_kept (self, position + STEP, added - STEP);
      if (self->widget != NULL && self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
    }

  if (removed - hidden_removed > 0 || added - n_hidden > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_position, removed - hidden_removed,
                                added - n_hidden);
}

/* Reveals the first hidden item and the hidden ones right after it, up to
 * @max in all. Nothing above the first is hidden, so the position passed on
 * is its own.
 */
static void
reveal_first (BroadsheetPacedListModel *self,
              guint                     max)
{
  guint first = gtk_bitset_get_minimum (self->hidden);
  guint n = 1;

  while (n < max && gtk_bitset_contains (self->hidden, first + n))
    n++;
  gtk_bitset_remove_range (self->hidden, first, n);
  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n);
}

/* Reveals the next few hidden items, nearest the top first.
 *
 * Returns: whether any are still hidden.
 */
gboolean
broadsheet_paced_list_model_reveal_step (BroadsheetPacedListModel *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self), FALSE);

  if (gtk_bitset_is_empty (self->hidden))
    return FALSE;
  /* Past the rows the list keeps, there is nothing to pace. */
  if (gtk_bitset_get_minimum (self->hidden) >= NEAR_TOP)
    {
      broadsheet_paced_list_model_reveal_all (self);
      return FALSE;
    }
  reveal_first (self, STEP);
  return !gtk_bitset_is_empty (self->hidden);
}

void
broadsheet_paced_list_model_reveal_all (BroadsheetPacedListModel *self)
{
  g_return_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self));

  stop_ticking (self);
  while (!gtk_bitset_is_empty (self->hidden))
    reveal_first (self, G_MAXUINT);
}

guint
broadsheet_paced_list_model_get_n_hidden (BroadsheetPacedListModel *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self), 0);

  return (guint) gtk_bitset_get_size (self->hidden);
}

static void
forget_widget (BroadsheetPacedListModel *self)
{
  if (self->widget == NULL)
    return;
  stop_ticking (self);
  g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = NULL;
}

/* Returns: (transfer none): the model whose items this passes on. */
GListModel *
broadsheet_paced_list_model_get_model (BroadsheetPacedListModel *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self), NULL);

  return self->model;
}

/* Paces on @widget's frame clock: the list view showing this model. */
void
broadsheet_paced_list_model_set_widget (BroadsheetPacedListModel *self,
                                        GtkWidget                *widget)
{
  g_return_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  broadsheet_paced_list_model_reveal_all (self);
  forget_widget (self);
  if (widget == NULL)
    return;
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
}

/* @item, when it comes in a paced insertion, is passed on at once. */
void
broadsheet_paced_list_model_set_keep (BroadsheetPacedListModel *self,
                                      gpointer                  item)
{
  g_return_if_fail (BROADSHEET_IS_PACED_LIST_MODEL (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  g_set_object (&self->keep, item);
}

static void
broadsheet_paced_list_model_dispose (GObject *object)
{
  BroadsheetPacedListModel *self = BROADSHEET_PACED_LIST_MODEL (object);

  forget_widget (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->keep);

  G_OBJECT_CLASS (broadsheet_paced_list_model_parent_class)->dispose (object);
}

static void
broadsheet_paced_list_model_finalize (GObject *object)
{
  BroadsheetPacedListModel *self = BROADSHEET_PACED_LIST_MODEL (object);

  gtk_bitset_unref (self->hidden);

  G_OBJECT_CLASS (broadsheet_paced_list_model_parent_class)->finalize (object);
}

static void
broadsheet_paced_list_model_class_init (BroadsheetPacedListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_paced_list_model_dispose;
  object_class->finalize = broadsheet_paced_list_model_finalize;
}

static void
broadsheet_paced_list_model_init (BroadsheetPacedListModel *self)
{
  self->hidden = gtk_bitset_new_empty ();
}

/* Returns: (transfer full): a model passing on @model's items, taking the
 * reference given.
 */
BroadsheetPacedListModel *
broadsheet_paced_list_model_new (GListModel *model)
{
  BroadsheetPacedListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BROADSHEET_TYPE_PACED_LIST_MODEL, NULL);
  self->model = model;
  self->n_upstream = g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}
